import { Injectable } from '@nestjs/common';
import { CorrectionRequest } from '@xueshi/shared';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import { AppError } from '../../common/errors';
import type { Principal } from '../../common/request';
import { userScope } from '../accounts/access-scope';
import { UsersRepository } from '../accounts/users.repository';
import { chinaYear } from '../policy/policy.service';
import { LedgerRepository } from './ledger.repository';

/** I7: credit is corrected only by new entries, made by an admin, with a reason. */
@Injectable()
export class CreditsService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  async correct(p: Principal, body: z.output<typeof CorrectionRequest>) {
    const user = await this.users.findInScope(userScope(p), body.userId);
    if (!user || user.role !== 'official') {
      throw new AppError('NOT_FOUND', { zh: '学员不存在或不在您的管辖范围内', en: 'No such official within your scope' }, 'userId');
    }
    const e = await this.ds.transaction((m) =>
      this.ledger.append(m, {
        userId: user.id,
        kind: 'correction',
        courseId: body.courseId ?? null,
        hours: body.hours,
        categoryId: body.categoryId ?? null,
        year: body.year ?? chinaYear(),
        evidence: { by: p.userId, role: p.role },
        reason: body.reason,
        createdBy: p.userId,
      }),
    );
    return {
      id: String(e.id), seq: e.seq, kind: e.kind, courseId: e.courseId, courseTitle: null, hours: e.hours, categoryId: e.categoryId, year: e.year,
      evidence: e.evidence, reason: e.reason, createdAt: e.createdAt.toISOString(), hash: e.hash,
    };
  }
}
