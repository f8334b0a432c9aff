import { Body, Controller, Param, Query, Req, Res } from '@nestjs/common';
import { ImportQuery, ListUsersQuery, routes, UpdateUserRequest, CreateUserRequest } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import { langOf } from '../../common/errors';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { readUpload } from '../../common/upload';
import { sendXlsx } from '../../common/xlsx';
import { OrgUnitsRepository } from '../organizations/org-units.repository';
import { userScope } from './access-scope';
import { buildImportTemplate } from './import-template';
import { UserImportService } from './user-import.service';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UserImportService,
    private readonly units: OrgUnitsRepository,
  ) {}

  @Route(routes.listUsers)
  list(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof ListUsersQuery>) {
    return this.users.list(p, q);
  }

  @Route(routes.exportUsers)
  async export(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof ListUsersQuery>, @Res() reply: FastifyReply) {
    sendXlsx(reply, await this.users.export(p, q), 'users.xlsx', '人员名单.xlsx');
  }

  @Route(routes.createUser)
  create(@CurrentPrincipal() p: Principal, @Body() body: z.output<typeof CreateUserRequest>) {
    return this.users.create(p, body);
  }

  @Route(routes.importTemplate)
  async template(@CurrentPrincipal() p: Principal, @Res() reply: FastifyReply) {
    const scope = userScope(p);
    const units = await this.units.listWithCounts(scope.kind === 'subtree' ? scope.path : null);
    const buf = await buildImportTemplate(units);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="officials-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`)
      .send(buf);
  }

  @Route(routes.importUsers)
  async import(@CurrentPrincipal() p: Principal, @Query() q: z.output<typeof ImportQuery>, @Req() req: AppRequest) {
    const file = await readUpload(req, routes.importUsers.upload);
    return this.importer.import(p, file, q, langOf(req.headers['accept-language']));
  }

  @Route(routes.getUser)
  get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.get(p, id);
  }

  @Route(routes.updateUser)
  update(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() body: UpdateUserRequest) {
    return this.users.update(p, id, body);
  }

  @Route(routes.resetPassword)
  resetPassword(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.resetPassword(p, id);
  }

  @Route(routes.revokeUserSessions)
  revokeSessions(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.users.revokeSessions(p, id);
  }
}
