import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { TrackedMedia } from './document-clock';
import { LearningTracker, type LearningState } from './learning-tracker';

export interface LearningSessionInput {
  lessonId: string;
  /** the signed-in official's id; null for everyone else (a preview earns nothing) */
  userId: string | null;
  /** true for a lesson (video or document) opened by an official */
  enabled: boolean;
  /** the playing <video> or a document's reading clock, or null before it is there */
  video: TrackedMedia | null;
  /** a document: time counts only while the window is in focus, and page turns are not "skipping" */
  document?: boolean;
}

export interface LearningSession {
  /** null when the lesson earns no credit here (a preview) */
  state: LearningState | null;
  /** where the video should start (the furthest verified position) */
  resumeAt: number;
  /** open a new session: continue here after a take-over or a stop, or a fresh media URL */
  restart: () => void;
  confirmAttention: () => void;
  dismissNotices: () => void;
}

const noSubscribe = () => () => undefined;
const noState = () => null;
/** Renew the session's signed media URL this long before it expires. */
const RENEW_BEFORE_MS = 120_000;

/**
 * 学时: a play session for one lesson of an official (a video, or a document read page by page),
 * with heartbeats, the offline outbox, take-over, attention checks and the live figures (the work
 * is done by LearningTracker).
 */
export function useLearningSession({ lessonId, userId, enabled, video, document: isDocument = false }: LearningSessionInput): LearningSession {
  const [tracker, setTracker] = useState<LearningTracker | null>(null);

  useEffect(() => {
    if (!enabled || !userId) {
      setTracker(null);
      return;
    }
    const t = new LearningTracker(lessonId, userId, isDocument ? { requireFocus: true, seekNotice: false } : {});
    setTracker(t);
    void t.start();
    return () => t.dispose();
  }, [lessonId, userId, enabled, isDocument]);

  useEffect(() => {
    tracker?.setVideo(video);
  }, [tracker, video]);

  const state = useSyncExternalStore(tracker?.subscribe ?? noSubscribe, tracker?.getState ?? noState);

  // the session's media URL expires (hours): a new session signs a new one before it does
  const expiresAt = state?.status === 'active' ? state.session?.expiresAt : undefined;
  useEffect(() => {
    if (!expiresAt || !tracker) return;
    const delay = Math.max(5_000, new Date(expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS);
    const timer = window.setTimeout(() => void tracker.restart(), Math.min(delay, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [expiresAt, tracker]);

  const restart = useCallback(() => void tracker?.restart(), [tracker]);
  const confirmAttention = useCallback(() => void tracker?.confirmAttention(), [tracker]);
  const dismissNotices = useCallback(() => tracker?.dismissNotices(), [tracker]);
  return { state: enabled ? state : null, resumeAt: tracker?.resumeAt() ?? 0, restart, confirmAttention, dismissNotices };
}
