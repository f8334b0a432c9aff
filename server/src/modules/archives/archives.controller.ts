import { Controller, Param, Req, Res } from '@nestjs/common';
import { routes } from '@xueshi/shared';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../common/auth/principal.decorator';
import type { AppRequest, Principal } from '../../common/request';
import { Route } from '../../common/route.decorator';
import { ArchiveService } from './archive.service';

/** Where the request came to: the address printed for verification when PUBLIC_URL is unset. */
function originOf(req: AppRequest): string {
  const host = (req.headers['x-forwarded-host'] as string | undefined) ?? req.headers.host ?? 'localhost';
  const proto = (req.headers['x-forwarded-proto'] as string | undefined) ?? req.protocol ?? 'http';
  return `${proto.split(',')[0]}://${host.split(',')[0]}`;
}

@Controller()
export class ArchivesController {
  constructor(private readonly svc: ArchiveService) {}

  @Route(routes.archive)
  view(@CurrentPrincipal() p: Principal, @Param('userId') userId: string, @Param('year') year: string, @Req() req: AppRequest) {
    return this.svc.issue(p, userId, Number(year), originOf(req));
  }

  @Route(routes.archivePdf)
  async pdf(@CurrentPrincipal() p: Principal, @Param('userId') userId: string, @Param('year') year: string, @Req() req: AppRequest, @Res() reply: FastifyReply) {
    const a = await this.svc.issue(p, userId, Number(year), originOf(req));
    const buf = await this.svc.pdfOf(a);
    void reply
      .header('content-type', 'application/pdf')
      .header('x-verification-code', a.code)
      .header('content-disposition', `attachment; filename="archive-${year}.pdf"; filename*=UTF-8''${encodeURIComponent(`培训档案-${a.official.name}-${year}.pdf`)}`)
      .send(buf);
  }

  @Route(routes.archiveXlsx)
  async xlsx(@CurrentPrincipal() p: Principal, @Param('userId') userId: string, @Param('year') year: string, @Req() req: AppRequest, @Res() reply: FastifyReply) {
    const a = await this.svc.issue(p, userId, Number(year), originOf(req));
    const buf = await this.svc.xlsxOf(a);
    void reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('x-verification-code', a.code)
      .header('content-disposition', `attachment; filename="archive-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`培训档案-${a.official.name}-${year}.xlsx`)}`)
      .send(buf);
  }

  @Route(routes.verifyArchive)
  verify(@Param('code') code: string) {
    return this.svc.verify(code);
  }
}
