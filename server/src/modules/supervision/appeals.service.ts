import { Injectable } from '@nestjs/common';
import { AppealDecision, AppealDetail, AppealInput, AppealListQuery, AppealView, APPEAL_STATUSES } from '@xueshi/shared';
import type { z } from 'zod';
import { AppError, conflict } from '../../common/errors';
import type { Principal } from '../../common/request';
import { listWorkbook } from '../../common/xlsx';
import { LedgerRepository } from '../credits/ledger.repository';
import { CreditQueryService } from '../playback/credit-query.service';
import { chinaYear } from '../policy/policy.service';
import { AppealsRepository } from './appeals.repository';
import { chinaTime, subjectScope } from './supervision-scope';

const appealNotFound = () => new AppError('NOT_FOUND', { zh: '申诉不存在或不在您的管辖范围内', en: 'No such appeal within your scope' }, 'id');

const STATUS_ZH: Record<(typeof APPEAL_STATUSES)[number], string> = { open: '待处理', accepted: '已采纳', rejected: '已驳回' };

/** 申诉: an official disputes a lesson's uncounted time; an admin of their subtree decides, with a reason. */
@Injectable()
export class AppealsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly ledger: LedgerRepository,
    private readonly credit: CreditQueryService,
  ) {}

  async create(p: Principal, body: z.output<typeof AppealInput>): Promise<AppealView> {
    const id = await this.appeals.transaction(async (m) => {
      const lesson = await this.appeals.lockEnrolledLesson(m, p.userId, body.lessonId);
      if (!lesson) {
        throw new AppError('NOT_FOUND', { zh: '课时不存在，或您未选修该课时所在的课程', en: 'No such lesson in a course you are enrolled in' }, 'lessonId');
      }
      if (await this.appeals.hasOpen(m, p.userId, body.lessonId)) {
        throw conflict('lessonId', { zh: '该课时已有一条待处理的申诉，请等待处理结果', en: 'This lesson already has an open appeal: wait for its decision' });
      }
      return this.appeals.insert(m, { userId: p.userId, courseId: lesson.courseId, lessonId: body.lessonId, reason: body.reason });
    });
    return (await this.appeals.findInScope({ kind: 'own', userId: p.userId }, id))!;
  }

  async list(p: Principal, q: z.output<typeof AppealListQuery>) {
    const { items, total } = await this.appeals.list(subjectScope(p), q);
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async get(p: Principal, id: string): Promise<AppealDetail> {
    const a = await this.appeals.findInScope(subjectScope(p), id);
    if (!a) throw appealNotFound();
    return { ...a, explanation: await this.credit.lessonCreditOf(a.userId, a.lessonId) };
  }

  /**
   * Decide an open appeal once. Accepting appends one correction entry (I7: a new entry, by an
   * admin, with the reason) in the same transaction as the status change: both or neither.
   */
  async decide(p: Principal, id: string, body: z.output<typeof AppealDecision>): Promise<AppealView> {
    const scope = subjectScope(p);
    if (!(await this.appeals.findInScope(scope, id))) throw appealNotFound();
    const accepted = body.decision === 'accepted';
    await this.appeals.transaction(async (m) => {
      const a = await this.appeals.decide(m, id, { status: body.decision, reason: body.reason, hours: accepted ? body.hours! : null, decidedBy: p.userId });
      if (!a) throw conflict('decision', { zh: '该申诉已处理，不能再次处理', en: 'This appeal has already been decided' });
      if (!accepted) return;
      const entry = await this.ledger.append(m, {
        userId: a.userId,
        kind: 'correction',
        courseId: a.courseId,
        hours: body.hours!,
        categoryId: a.categoryId,
        // the credit year the official appealed in, not the year of the decision
        year: chinaYear(a.createdAt),
        evidence: { appealId: id, lessonId: a.lessonId, by: p.userId, role: p.role },
        reason: body.reason,
        createdBy: p.userId,
      });
      await this.appeals.setCorrectionEntry(m, id, String(entry.id));
    });
    return (await this.appeals.findInScope(scope, id))!;
  }

  /** Every appeal the list would show under the same filter, as one sheet. */
  async export(p: Principal, q: z.output<typeof AppealListQuery>): Promise<Buffer> {
    const { items } = await this.appeals.list(subjectScope(p), { status: q.status });
    return listWorkbook<AppealView>(
      '申诉',
      [
        { header: '姓名', value: (a) => a.userName },
        { header: '单位', width: 28, value: (a) => a.unitName },
        { header: '课程', width: 28, value: (a) => a.courseTitle },
        { header: '课时', width: 24, value: (a) => a.lessonTitle },
        { header: '申诉理由', width: 40, value: (a) => a.reason },
        { header: '提交时间', width: 20, value: (a) => chinaTime(a.createdAt) },
        { header: '状态', value: (a) => STATUS_ZH[a.status] },
        { header: '补录学时', value: (a) => a.hours },
        { header: '处理意见', width: 40, value: (a) => a.decisionReason },
        { header: '处理人', value: (a) => a.decidedByName },
        { header: '处理时间', width: 20, value: (a) => chinaTime(a.decidedAt) },
      ],
      items,
    );
  }
}
