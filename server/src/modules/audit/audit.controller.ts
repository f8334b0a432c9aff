import { Controller, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AuditQuery, routes, type AuditEntryView } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { Route } from '../../common/route.decorator';
import { listWorkbook, sendXlsx } from '../../common/xlsx';

const EXPORT_MAX = 100_000;

@Controller()
export class AuditController {
  constructor(private readonly ds: DataSource) {}

  /** The page of entries the filters select (limit null: every one, up to EXPORT_MAX). */
  private async entries(q: z.output<typeof AuditQuery>, limit: number | null) {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.actorId) where.push(`a.actor_id = $${args.push(q.actorId)}`);
    if (q.targetId) where.push(`a.target_id = $${args.push(q.targetId)}`);
    if (q.action) where.push(`a.action = $${args.push(q.action)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM audit_log a ${w}`, args);
    const rows = await this.ds.query(
      `SELECT a.*, u.name AS actor_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ${w}
        ORDER BY a.id DESC LIMIT $${args.length + 1} OFFSET $${args.length + 2}`,
      [...args, limit ?? EXPORT_MAX, limit === null ? 0 : (q.page - 1) * limit],
    );
    const items: AuditEntryView[] = rows.map((r: Record<string, unknown>) => ({
      id: String(r.id), at: new Date(r.at as string).toISOString(), actorId: r.actor_id as string | null, actorName: r.actor_name as string | null,
      actorRole: r.actor_role as string, action: r.action as string, targetId: r.target_id as string | null, ip: r.ip as string | null,
      status: r.status as number, details: r.details,
    }));
    return { items, total: n as number };
  }

  @Route(routes.auditLog)
  async list(@Query() q: z.output<typeof AuditQuery>) {
    const { items, total } = await this.entries(q, q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  @Route(routes.exportAuditLog)
  async export(@Query() q: z.output<typeof AuditQuery>, @Res() reply: FastifyReply) {
    const { items } = await this.entries(q, null);
    const buf = await listWorkbook('审计日志', [
      { header: '时间', width: 24, value: (e) => e.at },
      { header: '操作人', value: (e) => e.actorName },
      { header: '角色', value: (e) => e.actorRole },
      { header: '操作', width: 20, value: (e) => e.action },
      { header: '对象', width: 38, value: (e) => e.targetId },
      { header: '来源地址', width: 18, value: (e) => e.ip },
      { header: '状态', value: (e) => e.status },
      { header: '内容', width: 60, value: (e) => JSON.stringify(e.details ?? null) },
    ], items, [`最多导出 ${EXPORT_MAX} 条，按时间由近及远`]);
    sendXlsx(reply, buf, 'audit-log.xlsx', '审计日志.xlsx');
  }
}
