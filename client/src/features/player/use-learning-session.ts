import type { LessonKind } from '@xueshi/shared';

export interface LearningSessionInput {
  lessonId: string;
  kind: LessonKind;
  /** the playing <video>, or null for a document or before it is mounted */
  video: HTMLVideoElement | null;
}

export interface LearningSession {
  /** `untracked` until heartbeats exist; nothing is credited and no figures are shown */
  status: 'untracked';
}

/**
 * The place for learning heartbeats and credit (学时). A later issue fills it in: open a play
 * session, send heartbeats (position, played ranges, visibility, rate) every 10–30 s and on
 * `visibilitychange`, keep unsent ones offline, and report credited time back. Until then it
 * tracks nothing, so the player shows no progress figures.
 */
export function useLearningSession(_input: LearningSessionInput): LearningSession {
  return { status: 'untracked' };
}
