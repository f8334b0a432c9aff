import type { PlaybackResponse } from '@xueshi/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchPlayback } from '../../api/media';

/** Renew this long before the signed URL expires. */
const RENEW_BEFORE_MS = 120_000;
const MIN_DELAY_MS = 5_000;

/**
 * The signed playback URL of a lesson, renewed shortly before it expires (the new URL plays
 * on from the same position). `renew` fetches a new one now, e.g. after a 403 from the media.
 */
export function usePlayback(lessonId: string) {
  const [playback, setPlayback] = useState<PlaybackResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  // counts answers: a renewal within the same second signs the same URL, and must still reload it
  const [generation, setGeneration] = useState(0);
  const ctrl = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    ctrl.current?.abort();
    const c = new AbortController();
    ctrl.current = c;
    try {
      const p = await fetchPlayback(lessonId, c.signal);
      if (c.signal.aborted) return;
      setPlayback(p);
      setGeneration((g) => g + 1);
      setError(null);
    } catch (e) {
      if (c.signal.aborted) return;
      setError(e);
    } finally {
      if (!c.signal.aborted) setLoading(false);
    }
  }, [lessonId]);

  useEffect(() => {
    setPlayback(null);
    setError(null);
    setLoading(true);
    void load();
    return () => ctrl.current?.abort();
  }, [load]);

  // renew before the URL (and the media cookie) expire
  const expiresAt = playback?.expiresAt;
  useEffect(() => {
    if (!expiresAt) return;
    const delay = Math.max(MIN_DELAY_MS, new Date(expiresAt).getTime() - Date.now() - RENEW_BEFORE_MS);
    const timer = window.setTimeout(() => void load(), Math.min(delay, 2 ** 31 - 1));
    return () => window.clearTimeout(timer);
  }, [expiresAt, load]);

  return { playback, generation, error, loading, renew: load };
}
