import { Body, Controller, Param, Query, Res } from '@nestjs/common';
import { ComplianceListQuery, ComplianceQuery, DashboardQuery, PolicyUpdate, RemindersRequest, routes } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { listWorkbook, sendXlsx } from '../../common/xlsx';
import { chinaYear, PolicyService } from '../policy/policy.service';
import { ComplianceService } from './compliance.service';

type Out<T extends z.ZodType> = z.output<T>;

@Controller()
export class ComplianceController {
  constructor(
    private readonly svc: ComplianceService,
    private readonly policy: PolicyService,
  ) {}

  @Route(routes.getPolicy)
  getPolicy(@Param('year') year: number) {
    return this.policy.view(Number(year));
  }

  @Route(routes.updatePolicy)
  updatePolicy(@CurrentPrincipal() p: Principal, @Param('year') year: number, @Body() body: PolicyUpdate) {
    return this.policy.update(Number(year), body, p.userId);
  }

  @Route(routes.myCompliance)
  mine(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof ComplianceQuery>) {
    return this.svc.forOfficial(p.userId, q.year ?? chinaYear());
  }

  @Route(routes.officialCompliance)
  official(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: Out<typeof ComplianceQuery>) {
    return this.svc.official(p, id, q.year ?? chinaYear());
  }

  @Route(routes.complianceList)
  async list(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof ComplianceListQuery>) {
    const { items, total, page, pageSize } = await this.svc.list(p, q);
    return { items, total, page, pageSize };
  }

  @Route(routes.exportComplianceList)
  async export(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof ComplianceListQuery>, @Res() reply: FastifyReply) {
    const { items, year } = await this.svc.list(p, q, true);
    const buf = await listWorkbook(`${year}年度学时`, [
      { header: '姓名', value: (r) => r.name },
      { header: '人员编号', value: (r) => r.staffNo },
      { header: '单位', width: 28, value: (r) => r.unitName },
      { header: '已获学时', value: (r) => r.hours },
      { header: '法律知识学时', value: (r) => r.legalHours },
      { header: '脱产天数', value: (r) => r.offlineDays },
      { header: '执法岗位', value: (r) => r.lawEnforcement },
      { header: '双基人员', value: (r) => r.grassroots },
      { header: '达标', value: (r) => r.met },
      { header: '差额学时', value: (r) => r.shortfallHours },
      { header: '年底预计学时', value: (r) => r.projectedHours },
      { header: '预计不达标', value: (r) => r.atRisk },
    ], items, [`${year} 年度，导出时间 ${new Date().toISOString()}`, '达标：年度学时（P1）及适用的法律知识（P2）、初任（P4）、任职（P5）、双基脱产（P6）要求均已满足。']);
    sendXlsx(reply, buf, `compliance-${year}.xlsx`, `${year}年度学时达标情况.xlsx`);
  }

  @Route(routes.complianceDashboard)
  dashboard(@CurrentPrincipal() p: Principal, @Query() q: Out<typeof DashboardQuery>) {
    return this.svc.dashboard(p, q);
  }

  @Route(routes.sendReminders)
  remind(@CurrentPrincipal() p: Principal, @Body() body: Out<typeof RemindersRequest>) {
    return this.svc.remind(p, body);
  }

  @Route(routes.myNotifications)
  notifications(@CurrentPrincipal() p: Principal) {
    return this.svc.notifications(p.userId);
  }

  @Route(routes.readNotification)
  read(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.svc.read(p.userId, id);
  }
}
