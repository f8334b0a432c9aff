import { Controller, Query } from '@nestjs/common';
import { AuditQuery, routes, type AuditEntryView } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { Route } from '../../common/route.decorator';

@Controller()
export class AuditController {
  constructor(private readonly ds: DataSource) {}

  @Route(routes.auditLog)
  async list(@Query() q: z.output<typeof AuditQuery>) {
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
      [...args, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const items: AuditEntryView[] = rows.map((r: Record<string, unknown>) => ({
      id: String(r.id), at: new Date(r.at as string).toISOString(), actorId: r.actor_id as string | null, actorName: r.actor_name as string | null,
      actorRole: r.actor_role as string, action: r.action as string, targetId: r.target_id as string | null, ip: r.ip as string | null,
      status: r.status as number, details: r.details,
    }));
    return { items, total: n, page: q.page, pageSize: q.pageSize };
  }
}
