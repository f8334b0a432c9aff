import type { MediaAssetView } from '@xueshi/shared';
import { useEffect, useRef, useState } from 'react';
import { fetchMedia } from '../../../api/media';

const POLL_MS = 1500;
const settled = (a: MediaAssetView | null) => !a || a.status === 'ready' || a.status === 'failed';

/**
 * A media asset's transcoding state, polled every 1.5 s while it is queued or processing.
 * `onSettled` runs once when it turns ready or failed (the course's durations change then).
 */
export function useMediaStatus(initial: MediaAssetView | null, onSettled?: (a: MediaAssetView) => void) {
  const [asset, setAsset] = useState<MediaAssetView | null>(initial);
  const onSettledRef = useRef(onSettled);
  onSettledRef.current = onSettled;

  // a new asset attached (or the course reloaded): start from what the server sent
  useEffect(() => {
    setAsset(initial);
  }, [initial?.id, initial?.status, initial?.progress]);

  const id = asset?.id;
  const waiting = !!asset && !settled(asset);
  useEffect(() => {
    if (!id || !waiting) return;
    const ctrl = new AbortController();
    let timer: number | undefined;
    const tick = async () => {
      try {
        const next = await fetchMedia(id, ctrl.signal);
        if (ctrl.signal.aborted) return;
        setAsset(next);
        if (settled(next)) {
          onSettledRef.current?.(next);
          return;
        }
      } catch {
        if (ctrl.signal.aborted) return;
        // a failed poll is retried at the next tick
      }
      timer = window.setTimeout(tick, POLL_MS);
    };
    timer = window.setTimeout(tick, POLL_MS);
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [id, waiting]);

  return asset;
}
