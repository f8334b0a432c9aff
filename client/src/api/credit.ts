import { routes, type Beat, type HeartbeatResponse } from '@xueshi/shared';
import { call, validAccessToken } from './http';

// 学时: play sessions, heartbeats and what was credited

/** Open a lesson for credit: a play session (it takes over the official's other sessions). */
export const startSession = (lessonId: string) => call(routes.startSession, { params: { id: lessonId } });
export const sendHeartbeat = (sessionId: string, beats: Beat[]): Promise<HeartbeatResponse> =>
  call(routes.heartbeat, { body: { sessionId, beats } });
export const answerAttention = (sessionId: string, attentionId: string) =>
  call(routes.answerAttention, { body: { sessionId, attentionId, answer: 'ok' } });
export const endPlaySession = (sessionId: string) => call(routes.endSession, { params: { id: sessionId } });
export const fetchLessonCredit = (lessonId: string, signal?: AbortSignal) => call(routes.lessonCredit, { params: { id: lessonId }, signal });
export const fetchMyProgress = (signal?: AbortSignal) => call(routes.myProgress, { signal });

/**
 * Heartbeats for a page being hidden or closed: sendBeacon outlives the page but cannot set
 * headers, so the access token goes in the body (DESIGN, browser facts). False when the browser
 * would not queue it or no valid token is at hand: the caller keeps the beats instead.
 */
export function beaconHeartbeat(sessionId: string, beats: Beat[]): boolean {
  const accessToken = validAccessToken(10);
  if (!accessToken || typeof navigator === 'undefined' || typeof navigator.sendBeacon !== 'function') return false;
  const blob = new Blob([JSON.stringify({ sessionId, beats, accessToken })], { type: 'application/json' });
  try {
    return navigator.sendBeacon(routes.heartbeat.path, blob);
  } catch {
    return false;
  }
}
