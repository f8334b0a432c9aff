import { Body, Controller, Param, Req, Res } from '@nestjs/common';
import { AttendanceUpdate, ClassUpdate, MembersByUnitRequest, OfflineSessionInput, routes } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { readUpload } from '../../common/upload';
import { listWorkbook, sendXlsx } from '../../common/xlsx';
import { ClassAdminService } from './class-admin.service';

type Out<T extends z.ZodType> = z.output<T>;

@Controller()
export class ClassAdminController {
  constructor(private readonly svc: ClassAdminService) {}

  @Route(routes.updateClass)
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof ClassUpdate>) {
    return this.svc.update(p, id, body);
  }

  @Route(routes.publishClass)
  publish(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.publish(p, id);
  }

  @Route(routes.addClassSession)
  addSession(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof OfflineSessionInput>) {
    return this.svc.addSession(p, id, body);
  }

  @Route(routes.updateClassSession)
  updateSession(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('sessionId') sessionId: string, @Body() body: Out<typeof OfflineSessionInput>) {
    return this.svc.updateSession(p, id, sessionId, body);
  }

  @Route(routes.deleteClassSession)
  deleteSession(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('sessionId') sessionId: string) {
    return this.svc.deleteSession(p, id, sessionId);
  }

  @Route(routes.classAttendance)
  attendance(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.attendance(p, id);
  }

  @Route(routes.recordAttendance)
  record(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof AttendanceUpdate>) {
    return this.svc.recordAttendance(p, id, body);
  }

  @Route(routes.addClassMembersByUnit)
  byUnit(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: Out<typeof MembersByUnitRequest>) {
    return this.svc.addByUnit(p, id, body);
  }

  @Route(routes.importClassMembers)
  async importMembers(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: AppRequest) {
    const file = await readUpload(req, routes.importClassMembers.upload);
    return this.svc.importMembers(p, id, file);
  }

  @Route(routes.removeClassMember)
  remove(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('userId') userId: string) {
    return this.svc.removeMember(p, id, userId);
  }

  @Route(routes.classCompletion)
  completion(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.completion(p, id);
  }

  @Route(routes.exportClassCompletion)
  async exportCompletion(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res() reply: FastifyReply) {
    const { items } = await this.svc.completion(p, id);
    const buf = await listWorkbook('结业情况', [
      { header: '姓名', value: (r) => r.name },
      { header: '单位', width: 24, value: (r) => r.unitName },
      { header: '必修课程完成', value: (r) => `${r.coursesDone}/${r.coursesRequired}` },
      { header: '脱产出勤（天）', value: (r) => r.attendedDays },
      { header: '脱产安排（天）', value: (r) => r.offlineDays },
      { header: '法治教育（学时）', value: (r) => r.ruleOfLawHours },
      { header: '考核总分', value: (r) => r.assessmentTotal },
      { header: '考核结果', value: (r) => (r.assessmentPassed === null ? '未完成' : r.assessmentPassed ? '合格' : '不合格') },
      { header: '结业', value: (r) => r.completed },
      { header: '未完成事项', width: 40, value: (r) => r.missing.map((x) => x.zh).join('；') },
    ], items);
    sendXlsx(reply, buf, 'class-completion.xlsx', '班次结业情况.xlsx');
  }

  @Route(routes.finishClass)
  finish(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.finish(p, id);
  }
}
