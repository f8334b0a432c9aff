import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import type { HeartbeatRequest, HeartbeatResponse, StartSessionResponse } from '@xueshi/shared';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { HeartbeatRequest as HeartbeatSchema } from '@xueshi/shared';
import { AppError, notFound } from '../../common/errors';
import type { Principal } from '../../common/request';
import { RedisService } from '../../queue/redis.service';
import { courseRights } from '../courses/course-access';
import { CoursesRepository } from '../courses/courses.repository';
import { MediaUrls } from '../media/media-url';
import { PolicyService } from '../policy/policy.service';
import { ATTENTION_LUA, HEARTBEAT_LUA } from './heartbeat.lua';
import { officialKeys, sessionKeys, shardOf } from './keys';
import { sessionRevoked } from '../../common/auth/authorize';
import { PlaybackRepository } from './playback.repository';
import { countHeartbeats } from '../metrics/metrics';

type Beats = z.output<typeof HeartbeatSchema>['beats'];

/**
 * 429 for a request over a heartbeat rate limit. Its beats were not judged: an honest player keeps
 * them and sends them again with its next beat (client: keepable()).
 */
function tooManyBeats(beats: Beats, waitMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  countHeartbeats({ accepted: 0, rejected: beats.map(() => ({ reason: 'rate_limited' })), uncounted: {} });
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    { zh: `学习记录发送过于频繁，请 ${seconds} 秒后再发送（未发送的记录会保留）`, en: `Too many heartbeats; send again in ${seconds} s (unsent beats are kept)` },
    undefined,
    { headers: { 'retry-after': String(seconds) }, details: { retryAfterSeconds: seconds } },
  );
}

/** ms until the next attention check: exponential with the policy's mean (0 = never). */
export function nextAttention(now: number, meanMinutes: number, rnd = Math.random()): number {
  if (meanMinutes <= 0) return 0;
  return now + Math.max(1, Math.round(-Math.log(1 - rnd) * meanMinutes * 60_000));
}

const SESSION_TTL_S = 3 * 86400;

@Injectable()
export class PlaybackService {
  constructor(
    private readonly redis: RedisService,
    private readonly courses: CoursesRepository,
    private readonly sessions: PlaybackRepository,
    private readonly urls: MediaUrls,
    private readonly policy: PolicyService,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.redis.client.defineCommand('xsHeartbeat', { numberOfKeys: 9, lua: HEARTBEAT_LUA });
    this.redis.client.defineCommand('xsAttention', { numberOfKeys: 1, lua: ATTENTION_LUA });
  }

  /**
   * Open a lesson: a new play session that takes over any other of this official's sessions
   * (another tab, another device), with the media link bound to it.
   */
  async start(p: Principal, lessonId: string, client: { ip: string | null; userAgent: string | null }): Promise<StartSessionResponse> {
    const lesson = await this.courses.findLesson(lessonId);
    if (!lesson) throw notFound({ zh: '课时不存在', en: 'No such lesson' });
    const row = await this.courses.row(p.userId, lesson.courseId);
    if (!row || !courseRights(p, row).play) {
      throw new AppError('FORBIDDEN', { zh: '请先选学或由单位安排该课程后再学习', en: 'Enrol in the course (or be assigned it) to study' });
    }
    const asset = lesson.asset;
    if (!asset || asset.status !== 'ready') throw new AppError('CONFLICT', { zh: '该课时的文件尚未就绪', en: 'This lesson\'s media is not ready' }, 'lessonId');
    const pol = await this.policy.forYear();
    const now = Date.now();
    const sid = randomUUID();
    const duration = Number(asset.durationSeconds ?? 0);
    const doc = lesson.kind === 'document';
    await this.sessions.insertSession({
      id: sid, userId: p.userId, lessonId, courseId: lesson.courseId, assetId: asset.id, startedAt: new Date(now),
      device: client.userAgent?.slice(0, 200) ?? null, ip: client.ip,
    });
    const k = sessionKeys(this.redis, shardOf(this.redis, p.userId), sid, p.userId);
    const previous = await this.redis.client.get(k.active);
    const tx = this.redis.client.multi();
    tx.hset(k.session, {
      uid: p.userId, lid: lessonId, cid: lesson.courseId, dur: duration, doc: doc ? 1 : 0, max_rate: pol.maxCreditedRate,
      gap_ms: pol.heartbeatIntervalSeconds * 2000, last_at: now, started: now, v: 0,
      attn_due: nextAttention(now, pol.attentionMeanMinutes), attn_timeout_ms: pol.attentionTimeoutSeconds * 1000, attn_state: 'none',
    });
    tx.expire(k.session, SESSION_TTL_S);
    // the fetched-segments bitmap lives as long as the session (a zero bit creates it with its TTL)
    tx.setbit(k.segments, 0, 0);
    tx.expire(k.segments, SESSION_TTL_S);
    tx.set(k.active, sid, 'EX', SESSION_TTL_S);
    if (previous && previous !== sid) {
      // I1: one watching at a time; the other tab or device is told at its next beat
      const old = sessionKeys(this.redis, shardOf(this.redis, p.userId), previous);
      tx.hset(old.session, 'ended', '1', 'end_reason', 'taken_over', 'ended_at', now);
      tx.zadd(k.dirty, 'LT', now, previous);
    }
    await tx.exec();
    const progress = await this.sessions.progress(p.userId, lessonId);
    const exp = Math.floor(now / 1000) + 4 * 3600;
    const token = this.urls.sign({ assetId: asset.id, userId: p.userId, exp, scope: 'play', sessionId: sid });
    return {
      sessionId: sid,
      lessonId,
      courseId: lesson.courseId,
      resumePosition: progress?.coverage.length ? Math.max(...progress.coverage.map((r) => r[1])) : 0,
      durationSeconds: duration,
      document: doc && asset.pageCount ? { pageCount: asset.pageCount, secondsPerPage: duration / asset.pageCount } : null,
      heartbeatIntervalSeconds: pol.heartbeatIntervalSeconds,
      maxCreditedRate: pol.maxCreditedRate,
      attentionMeanMinutes: pol.attentionMeanMinutes,
      attentionTimeoutSeconds: pol.attentionTimeoutSeconds,
      url: `/api/stream/${token}/${doc ? 'document.pdf' : 'master.m3u8'}`,
      posterUrl: doc ? null : `/api/stream/${token}/poster.jpg`,
      expiresAt: new Date(exp * 1000).toISOString(),
      progress: {
        coveredSeconds: progress?.coveredSeconds ?? 0,
        verifiedSeconds: progress?.verifiedSeconds ?? 0,
        completed: !!progress?.completedAt,
      },
    };
  }

  /** The hot path: one Lua call, no database write (the rate limits and the session revocation are checked in it). */
  async heartbeat(p: Principal, sessionId: string, beats: Beats): Promise<HeartbeatResponse> {
    const shard = shardOf(this.redis, p.userId);
    const k = sessionKeys(this.redis, shard, sessionId, p.userId);
    const o = officialKeys(this.redis, p.userId, shard);
    const e = this.env;
    const raw = (await (this.redis.client as unknown as {
      xsHeartbeat(...a: (string | number)[]): Promise<string>;
    }).xsHeartbeat(
      k.session, k.ranges, k.active, k.clock, k.dirty, k.rejected, k.totals, o.rate, o.revoked(p.sessionId ?? '-'),
      Date.now(), p.userId, sessionId, JSON.stringify(beats), e.HEARTBEAT_FLUSH_DELAY_MS,
      e.HEARTBEAT_LIMIT_BURST, e.HEARTBEAT_LIMIT_PER_MINUTE / 60_000, e.HEARTBEAT_SESSION_BURST, e.HEARTBEAT_SESSION_PER_INTERVAL,
    )) as string;
    const limits = JSON.parse(raw) as { revoked?: true; limited?: number };
    if (limits.revoked) throw sessionRevoked();
    if (limits.limited !== undefined) throw tooManyBeats(beats, limits.limited);
    const r = limits as {
      accepted: number;
      rejected: { seq: number; reason: HeartbeatResponse['rejected'][number]['reason'] }[] | Record<string, never>;
      uncounted: Record<string, number> | never[];
      takenOver: boolean;
      ended: boolean;
      attention: { id: string; deadline: number } | null;
      verified: number;
    };
    countHeartbeats({ accepted: r.accepted, rejected: Array.isArray(r.rejected) ? r.rejected : [], uncounted: Array.isArray(r.uncounted) ? {} : r.uncounted });
    return {
      accepted: r.accepted,
      // cjson encodes an empty table as {}
      rejected: Array.isArray(r.rejected) ? r.rejected : [],
      sessionVerifiedSeconds: Math.round(r.verified * 10) / 10,
      uncounted: Array.isArray(r.uncounted) ? {} : r.uncounted,
      takenOver: r.takenOver,
      ended: r.ended,
      attention: r.attention ? { id: r.attention.id, deadline: new Date(r.attention.deadline).toISOString() } : null,
    };
  }

  async answerAttention(p: Principal, sessionId: string, attentionId: string): Promise<{ ok: true }> {
    const pol = await this.policy.forYear();
    const now = Date.now();
    const res = await (this.redis.client as unknown as { xsAttention(...a: (string | number)[]): Promise<string> }).xsAttention(
      sessionKeys(this.redis, shardOf(this.redis, p.userId), sessionId).session, now, p.userId, attentionId, nextAttention(now, pol.attentionMeanMinutes),
    );
    if (res === 'ok') return { ok: true };
    if (res === 'late' || res === 'session_ended') {
      throw new AppError('CONFLICT', { zh: '确认超时，本次学习已停止，请重新开始', en: 'Too late: the session has stopped; start again' }, 'attentionId');
    }
    throw new AppError('NOT_FOUND', { zh: '没有待确认的提示', en: 'No attention check is waiting' }, 'attentionId');
  }

  async end(p: Principal, sessionId: string): Promise<{ ok: true }> {
    const k = sessionKeys(this.redis, shardOf(this.redis, p.userId), sessionId, p.userId);
    const uid = await this.redis.client.hget(k.session, 'uid');
    if (uid !== p.userId) throw notFound({ zh: '学习会话不存在', en: 'No such session' });
    await this.redis.client.multi().hsetnx(k.session, 'ended', '1').hsetnx(k.session, 'end_reason', 'closed').hsetnx(k.session, 'ended_at', Date.now()).zadd(k.dirty, 'LT', Date.now(), sessionId).exec();
    return { ok: true };
  }
}
