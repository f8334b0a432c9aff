import { z } from 'zod';
import { Uuid } from './common';

/** Why a stretch of time or a beat earned nothing: shown to the official, kept as evidence. */
export const UNCOUNTED_REASONS = [
  'paused', 'hidden', 'speed', 'attention', 'seek', 'taken_over', 'session_ended', 'stale_seq',
  'not_fetched', 'clock', 'forged_range', 'no_progress', 'no_session', 'not_owner',
] as const;
export const UncountedReason = z.enum(UNCOUNTED_REASONS);
export type UncountedReason = z.infer<typeof UncountedReason>;

export const UNCOUNTED_LABELS: Record<UncountedReason, { zh: string; en: string }> = {
  paused: { zh: '暂停中', en: 'paused' },
  hidden: { zh: '页面不在前台（已隐藏或切到其他窗口）', en: 'page not in front (hidden, or another window in focus)' },
  speed: { zh: '倍速超过允许值', en: 'faster than allowed' },
  attention: { zh: '未响应在线确认', en: 'attention check unanswered' },
  seek: { zh: '拖动跳过的内容', en: 'skipped by seeking' },
  taken_over: { zh: '已在其他设备或窗口学习', en: 'watching on another device or tab' },
  session_ended: { zh: '学习会话已结束', en: 'session ended' },
  stale_seq: { zh: '重复或过期的记录', en: 'repeated or outdated beat' },
  not_fetched: { zh: '视频内容未实际加载', en: 'video not actually loaded' },
  clock: { zh: '时间超出实际经过的时间', en: 'more time than really passed' },
  forged_range: { zh: '播放记录与进度不符', en: 'played ranges do not match the position' },
  no_progress: { zh: '没有新的学习进度（缓冲中，或本页已读满）', en: 'no new progress (buffering, or the page already read)' },
  no_session: { zh: '学习会话不存在', en: 'no such session' },
  not_owner: { zh: '不是本人的学习会话', en: 'not your session' },
};

export const StartSessionResponse = z.object({
  sessionId: Uuid,
  lessonId: Uuid,
  courseId: Uuid,
  /** the furthest verified position on any device, seconds */
  resumePosition: z.number(),
  /** seconds of the lesson's position axis: a video's length, or a document's pages × seconds per page */
  durationSeconds: z.number(),
  /**
   * A document lesson: page p (1-based) is the interval [(p − 1) × secondsPerPage, p × secondsPerPage]
   * of the position axis, and is covered by being shown, visible and in focus, for that long. The
   * client reports a document's reading like playback at 1× on that axis. Null for a video.
   */
  document: z.object({ pageCount: z.number().int().min(1), secondsPerPage: z.number() }).nullable(),
  heartbeatIntervalSeconds: z.number(),
  maxCreditedRate: z.number(),
  attentionMeanMinutes: z.number(),
  attentionTimeoutSeconds: z.number(),
  /** signed media URL bound to this session (HLS master or PDF) */
  url: z.string(),
  posterUrl: z.string().nullable(),
  expiresAt: z.string(),
  progress: z.object({ coveredSeconds: z.number(), verifiedSeconds: z.number(), completed: z.boolean() }),
});
export type StartSessionResponse = z.infer<typeof StartSessionResponse>;

const Position = z.number().min(0).max(24 * 3600);

/**
 * One heartbeat. The server judges the whole window since the previous beat by this beat's
 * paused / visible / rate: a client must therefore end a window at every change of state (pause,
 * play, rate change, visibility change, seek) and report the state that held during it, then
 * start the next window with the new state. A seek's beat reports the position before the jump.
 */
export const Beat = z.object({
  seq: z.number().int().min(1).max(10_000_000),
  /** client clock, ms since epoch: only differences between beats are used */
  clientTime: z.number().int().min(0),
  position: Position,
  rate: z.number().min(0).max(16),
  paused: z.boolean(),
  visible: z.boolean(),
  /** position intervals played since the previous beat */
  ranges: z.array(z.tuple([Position, Position])).max(50),
  seeked: z.boolean().default(false),
  ended: z.boolean().default(false),
});
export type Beat = z.input<typeof Beat>;

export const HeartbeatRequest = z.object({
  sessionId: Uuid,
  /** one live beat, or the beats kept while offline, in order */
  beats: z.array(Beat).min(1).max(500),
  /** sendBeacon cannot set Authorization: the access token may come in the body */
  accessToken: z.string().max(4000).optional(),
});
export type HeartbeatRequest = z.input<typeof HeartbeatRequest>;

export const HeartbeatResponse = z.object({
  accepted: z.number().int(),
  rejected: z.array(z.object({ seq: z.number().int(), reason: UncountedReason })),
  /** verified seconds of this session so far (not yet flushed included) */
  sessionVerifiedSeconds: z.number(),
  /** reasons time was not counted in these beats, with seconds */
  uncounted: z.record(z.string(), z.number()),
  takenOver: z.boolean(),
  ended: z.boolean(),
  attention: z.object({ id: z.string(), deadline: z.string() }).nullable(),
});
export type HeartbeatResponse = z.infer<typeof HeartbeatResponse>;

export const AttentionAnswerRequest = z.object({ sessionId: Uuid, attentionId: z.string().max(64), answer: z.string().max(200).default('ok') });

export const LessonCreditView = z.object({
  lessonId: Uuid,
  durationSeconds: z.number(),
  coveredSeconds: z.number(),
  verifiedSeconds: z.number(),
  coverage: z.array(z.tuple([z.number(), z.number()])),
  completed: z.boolean(),
  completedAt: z.string().nullable(),
  uncounted: z.record(z.string(), z.number()),
  sessions: z.array(z.object({ id: Uuid, startedAt: z.string(), endedAt: z.string().nullable(), endReason: z.string().nullable(), verifiedSeconds: z.number(), device: z.string().nullable() })),
  rejectedBeats: z.array(z.object({ sessionId: Uuid, seq: z.number().int(), reason: z.string(), at: z.string() })),
});
export type LessonCreditView = z.infer<typeof LessonCreditView>;

export const LedgerEntryView = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(['course', 'correction', 'class']),
  courseId: Uuid.nullable(),
  courseTitle: z.string().nullable(),
  hours: z.number(),
  categoryId: Uuid.nullable(),
  year: z.number().int(),
  evidence: z.unknown(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  hash: z.string(),
});

export const CorrectionRequest = z.object({
  userId: Uuid,
  /** positive adds, negative takes away; one decimal */
  hours: z.number().min(-999.9).max(999.9).refine((v) => v !== 0 && Math.abs(Math.round(v * 10) - v * 10) < 1e-9, {
    message: '学时须为非零且最多一位小数§Hours must be non-zero with at most one decimal',
  }),
  courseId: Uuid.nullable().optional(),
  categoryId: Uuid.nullable().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  reason: z.string().trim().min(5, { message: '请写明更正理由（至少 5 个字）§Give the reason (at least 5 characters)' }).max(1000),
});
export type CorrectionRequest = z.input<typeof CorrectionRequest>;

export const MyProgressResponse = z.object({
  year: z.number().int(),
  requiredHours: z.number(),
  creditedHours: z.number(),
  entries: z.array(LedgerEntryView),
  courses: z.array(
    z.object({
      courseId: Uuid,
      title: z.string(),
      creditHours: z.number(),
      lessons: z.number().int(),
      lessonsCompleted: z.number().int(),
      credited: z.boolean(),
    }),
  ),
});
export type MyProgressResponse = z.infer<typeof MyProgressResponse>;
