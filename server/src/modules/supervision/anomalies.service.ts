import { Injectable } from '@nestjs/common';
import { ANOMALY_KIND_LABELS, ANOMALY_KINDS, AnomalyQuery, AnomalyView } from '@xueshi/shared';
import type { z } from 'zod';
import { AppError } from '../../common/errors';
import type { Principal } from '../../common/request';
import { listWorkbook } from '../../common/xlsx';
import { orgPathInScope, userScope } from '../accounts/access-scope';
import { OrgUnitsRepository } from '../organizations/org-units.repository';
import { chinaYear } from '../policy/policy.service';
import { AnomaliesRepository, EvidenceSession, SessionWindow } from './anomalies.repository';
import { chinaTime } from './supervision-scope';

type Kind = (typeof ANOMALY_KINDS)[number];
type Query = z.output<typeof AnomalyQuery>;

/** Flags per kind: enough for a supervisor to work through, bounded so the page stays quick. */
const FLAGS_PER_KIND = 200;

/** A flag before its sessions and people are looked up. */
interface Draft {
  kind: Kind;
  userIds: string[];
  summaryZh: string;
  summaryEn: string;
  sessionIds: string[];
  detail: (s: EvidenceSession) => { zh: string; en: string };
  firstSeen: Date;
}

const hours1 = (seconds: number) => (Math.round(seconds / 360) / 10).toFixed(1);

/**
 * 异常提示: patterns in the play sessions of the caller's subtree, each with the sessions that show
 * it, for a person to judge. Nothing is penalised or changed: this only lists.
 */
@Injectable()
export class AnomaliesService {
  constructor(
    private readonly repo: AnomaliesRepository,
    private readonly units: OrgUnitsRepository,
  ) {}

  async list(p: Principal, q: Query): Promise<{ items: AnomalyView[] }> {
    return { items: (await this.build(p, q)).map((f) => f.view) };
  }

  /** One row per flagged official per flag. */
  async export(p: Principal, q: Query): Promise<Buffer> {
    const flags = await this.build(p, q);
    const rows = flags.flatMap(({ view, evidenceUserIds }) =>
      view.users.map((u) => ({ a: view, u, sessions: view.evidence.filter((_, i) => evidenceUserIds[i] === u.id) })),
    );
    return listWorkbook(
      '异常提示',
      [
        { header: '类型', width: 22, value: (r) => ANOMALY_KIND_LABELS[r.a.kind].zh },
        { header: '姓名', value: (r) => r.u.name },
        { header: '单位', width: 28, value: (r) => r.u.unitName },
        { header: '情况说明', width: 60, value: (r) => r.a.summaryZh },
        { header: '首次出现', width: 20, value: (r) => chinaTime(r.a.firstSeen) },
        { header: '涉及会话数', value: (r) => r.sessions.length },
        { header: '课时', width: 30, value: (r) => [...new Set(r.sessions.map((e) => e.lessonTitle))].join('；') },
        { header: 'IP 地址', width: 20, value: (r) => [...new Set(r.sessions.map((e) => e.ip).filter(Boolean))].join('；') },
        {
          header: '会话明细',
          width: 80,
          value: (r) => r.sessions.map((e) => `${chinaTime(e.startedAt)} 至 ${chinaTime(e.endedAt) ?? '未结束'}：${e.detailZh}`).join('\n'),
        },
      ],
      rows,
      ['异常提示仅供人工研判，不作为处分依据；系统未据此更改任何学时。', `每类最多 ${FLAGS_PER_KIND} 条，按时间倒序；时间为北京时间。`],
    );
  }

  /** The flags with their sessions and people; evidenceUserIds[i] is the official of evidence[i]. */
  private async build(p: Principal, q: Query): Promise<{ view: AnomalyView; evidenceUserIds: string[] }[]> {
    const w = await this.window(p, q);
    if (!w) return [];
    const kinds = q.kind ? [q.kind] : [...ANOMALY_KINDS];
    const drafts = (await Promise.all(kinds.map((k) => this.find(k, w)))).flat();
    const [sessions, users] = await Promise.all([
      this.repo.sessions([...new Set(drafts.flatMap((d) => d.sessionIds))]),
      this.repo.users([...new Set(drafts.flatMap((d) => d.userIds))]),
    ]);
    const sessionById = new Map(sessions.map((s) => [s.id, s]));
    const userById = new Map(users.map((u) => [u.id, u]));
    return drafts.map((d) => {
      const evidence = d.sessionIds.flatMap((id) => (sessionById.has(id) ? [sessionById.get(id)!] : []));
      return {
        view: {
          kind: d.kind,
          users: d.userIds.flatMap((id) => (userById.has(id) ? [userById.get(id)!] : [])).sort((a, b) => a.name.localeCompare(b.name, 'zh')),
          summaryZh: d.summaryZh,
          summaryEn: d.summaryEn,
          evidence: evidence.map((s) => ({
            sessionId: s.id,
            userName: s.userName,
            lessonTitle: s.lessonTitle ?? '',
            startedAt: new Date(s.startedAt).toISOString(),
            endedAt: s.endedAt ? new Date(s.endedAt).toISOString() : null,
            ip: s.ip,
            detailZh: d.detail(s).zh,
            detailEn: d.detail(s).en,
          })),
          firstSeen: d.firstSeen.toISOString(),
        },
        evidenceUserIds: evidence.map((s) => s.userId),
      };
    });
  }

  /** The sessions to search: the year (China time) and the caller's subtree, or a node of it. */
  private async window(p: Principal, q: Query): Promise<SessionWindow | null> {
    const scope = userScope(p);
    if (scope.kind !== 'all' && scope.kind !== 'subtree') return null;
    let pathPrefix = scope.kind === 'subtree' ? scope.path : null;
    if (q.orgUnitId) {
      const unit = await this.units.findById(q.orgUnitId);
      if (!unit || !orgPathInScope(scope, unit.path)) {
        throw new AppError('NOT_FOUND', { zh: '单位不存在或不在您的管辖范围内', en: 'No such unit within your scope' }, 'orgUnitId');
      }
      pathPrefix = unit.path;
    }
    const year = q.year ?? chinaYear();
    return {
      from: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000),
      to: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000),
      pathPrefix,
      limit: FLAGS_PER_KIND,
    };
  }

  private async find(kind: Kind, w: SessionWindow): Promise<Draft[]> {
    switch (kind) {
      case 'identical_timing': {
        const rows = await this.repo.identicalTiming(w);
        const titles = await this.repo.lessonTitles([...new Set(rows.map((r) => r.lessonId))]);
        return rows.map((r) => {
          const lesson = titles.get(r.lessonId) ?? '';
          const span = `${chinaTime(r.startedAt)} – ${chinaTime(r.endedAt)!.slice(11)}`;
          return {
            kind,
            userIds: r.users,
            summaryZh: `${r.users.length} 名学员在课时“${lesson}”上的学习会话开始与结束时间完全相同（精确到秒）：${span}`,
            summaryEn: `${r.users.length} officials have sessions on the lesson "${lesson}" that start and end in the same second: ${span} (China time)`,
            sessionIds: r.sessions,
            detail: () => ({ zh: `开始、结束时间与其他 ${r.users.length - 1} 人一致`, en: `same start and end as ${r.users.length - 1} other(s)` }),
            firstSeen: new Date(r.firstSeen),
          };
        });
      }
      case 'shared_address': {
        const rows = await this.repo.sharedAddress(w);
        return rows.map((r) => ({
          kind,
          userIds: r.users,
          summaryZh: `${r.day} 同一地址 ${r.ip} 有 ${r.accounts} 个账号的 ${r.sessionCount} 次学习会话`,
          summaryEn: `On ${r.day}, ${r.accounts} accounts had ${r.sessionCount} sessions from the one address ${r.ip}`,
          sessionIds: r.sessions,
          detail: () => ({ zh: `同日同地址 ${r.accounts} 个账号`, en: `${r.accounts} accounts from this address that day` }),
          firstSeen: new Date(r.firstSeen),
        }));
      }
      case 'round_the_clock': {
        const rows = await this.repo.roundTheClock(w);
        return rows.map((r) => {
          const long = r.longestSeconds !== null && r.longestSeconds > 12 * 3600 ? r.longestSeconds : null;
          return {
            kind,
            userIds: [r.userId],
            summaryZh: `${r.day} 共有 ${r.hours} 个不同小时有播放记录（北京时间）${long !== null ? `；单次会话长达 ${hours1(long)} 小时` : ''}`,
            summaryEn: `Playback in ${r.hours} distinct hours of ${r.day} (China time)${long !== null ? `; one session lasted ${hours1(long)} hours` : ''}`,
            sessionIds: r.sessions,
            detail: (s) => {
              const h = hours1(((s.endedAt ? new Date(s.endedAt).getTime() : new Date(s.startedAt).getTime()) - new Date(s.startedAt).getTime()) / 1000);
              return { zh: `会话时长 ${h} 小时`, en: `session of ${h} h` };
            },
            firstSeen: new Date(r.firstSeen),
          };
        });
      }
      case 'exact_pacing': {
        const rows = await this.repo.exactPacing(w);
        return rows.map((r) => {
          const byId = new Map(r.hits.map((h) => [h.id, h]));
          return {
            kind,
            userIds: [r.userId],
            summaryZh: `${r.sessionCount} 次学习会话呈现精确的 ${r.n} 倍节奏（被拒心跳的倍速恰为整数，或已验证时长恰为经过时间的整数倍）`,
            summaryEn: `${r.sessionCount} sessions paced at exactly ${r.n}× (rejected beats at an exact integer rate, or verified seconds exactly an integer multiple of the wall-clock time)`,
            sessionIds: r.hits.map((h) => h.id),
            detail: (s) => {
              const h = byId.get(s.id);
              if (h?.beats) return { zh: `${h.beats} 次心跳以 ${r.n}× 倍速被拒（${h.reason}）`, en: `${h.beats} beats rejected at ${r.n}× (${h.reason})` };
              const wall = (h?.wall ?? 0).toFixed(1);
              return { zh: `已验证 ${s.verifiedSeconds.toFixed(1)} 秒 = ${r.n} × 经过 ${wall} 秒`, en: `verified ${s.verifiedSeconds.toFixed(1)} s = ${r.n} × ${wall} s elapsed` };
            },
            firstSeen: new Date(r.firstSeen),
          };
        });
      }
    }
  }
}
