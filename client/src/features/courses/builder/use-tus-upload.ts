import type { LessonKind, UploadLimits } from '@xueshi/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DetailedError, Upload, defaultOptions, type HttpRequest } from 'tus-js-client';
import { apiLanguage, freshAccessToken, refreshSession } from '../../../api/http';
import { fetchMediaByUpload } from '../../../api/media';
import { getLang, translate } from '../../../lib/i18n';
import { errorMessage } from '../../../lib/server-errors';
import { formatBytes } from '../format';

export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'finishing' | 'done' | 'error';

export interface UploadState {
  phase: UploadPhase;
  fileName: string | null;
  bytesSent: number;
  bytesTotal: number;
  /** bytes per second over the last few seconds */
  speed: number;
  /** the upload continues one left unfinished earlier (a reload, a lost connection) */
  resumed: boolean;
  error: string | null;
  /** what "retry" would do after an error: send the rest, or attach the finished file again */
  retry: 'upload' | 'attach' | null;
}

/** An upload of this lesson left unfinished (e.g. the page was reloaded): pick the same file to continue. */
export interface PendingUpload {
  fileName: string;
  size: number;
  /** bytes the server already has, when it could be asked */
  offset: number | null;
}

const IDLE: UploadState = { phase: 'idle', fileName: null, bytesSent: 0, bytesTotal: 0, speed: 0, resumed: false, error: null, retry: null };
const CHUNK = 5 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];
const SPEED_WINDOW_MS = 4000;

/** Resumes are bound to the lesson as well as the file, so one file can go to two lessons. */
const fingerprintPrefix = (lessonId: string) => `xueshi-lesson-${lessonId}:`;

function fingerprintOf(lessonId: string, file: File): string {
  return `${fingerprintPrefix(lessonId)}${file.name}:${file.type}:${file.size}:${file.lastModified}`;
}

/** The body of a refused tus request is the API's `{code, message, field}`: its message is already in the user's language. */
function messageOf(err: Error): string {
  const t = (k: 'upload.failed' | 'upload.networkLost') => translate(getLang(), k);
  if (err instanceof DetailedError) {
    const res = err.originalResponse;
    if (res) {
      try {
        const body = JSON.parse(res.getBody()) as { message?: unknown };
        if (typeof body.message === 'string' && body.message) return body.message;
      } catch {
        // not the API's JSON
      }
      return `${t('upload.failed')} (HTTP ${res.getStatus()})`;
    }
    return t('upload.networkLost');
  }
  return t('upload.failed');
}

function statusOf(err: Error): number {
  return err instanceof DetailedError ? (err.originalResponse?.getStatus() ?? 0) : 0;
}

async function forgetStored(lessonId: string): Promise<void> {
  const storage = defaultOptions.urlStorage;
  const all = await storage.findAllUploads().catch(() => []);
  await Promise.all(
    all.filter((u) => u.urlStorageKey.startsWith(`tus::${fingerprintPrefix(lessonId)}`)).map((u) => storage.removeUpload(u.urlStorageKey)),
  );
}

/** Uploads of this lesson that a previous page left unfinished, with what the server already holds. */
async function findPending(lessonId: string, endpoint: string | undefined): Promise<PendingUpload | null> {
  const all = await defaultOptions.urlStorage.findAllUploads().catch(() => []);
  const mine = all
    .filter((u) => u.urlStorageKey.startsWith(`tus::${fingerprintPrefix(lessonId)}`) && u.uploadUrl)
    .sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
  if (!mine || !endpoint) return null;
  const pending: PendingUpload = { fileName: mine.metadata.filename ?? '', size: mine.size ?? 0, offset: null };
  try {
    const token = await freshAccessToken();
    const res = await fetch(mine.uploadUrl!, {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      cache: 'no-store',
    });
    if (res.status === 404 || res.status === 410 || res.status === 403) {
      // gone (finished, refused or expired on the server): nothing to continue
      await defaultOptions.urlStorage.removeUpload(mine.urlStorageKey);
      return null;
    }
    const offset = Number(res.headers.get('Upload-Offset'));
    if (res.ok && Number.isFinite(offset)) pending.offset = offset;
  } catch {
    // offline: still tell the user an upload is waiting
  }
  return pending;
}

interface Options {
  lessonId: string;
  kind: LessonKind;
  limits: UploadLimits | undefined;
  /** called with the media asset id once the server has accepted the file */
  onUploaded: (assetId: string) => Promise<void>;
}

/**
 * A resumable tus upload of one lesson's file: progress and speed, pause and resume, resume
 * after a reload (the same file picked again), size checked against the limits first, the
 * access token read fresh for every request.
 */
export function useTusUpload({ lessonId, kind, limits, onUploaded }: Options) {
  const [state, setState] = useState<UploadState>(IDLE);
  const [pending, setPending] = useState<PendingUpload | null>(null);
  const upload = useRef<Upload | null>(null);
  const samples = useRef<{ t: number; bytes: number }[]>([]);
  const lastPaint = useRef(0);
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;
  const live = useRef(true);
  const finishedAsset = useRef<string | null>(null);

  const patch = useCallback((p: Partial<UploadState>) => {
    if (live.current) setState((s) => ({ ...s, ...p }));
  }, []);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      // leaving the page pauses the upload; it can be resumed later from the stored URL
      void upload.current?.abort(false);
    };
  }, []);

  // closing the tab mid-upload asks first (the upload could still be resumed later)
  const sending = state.phase === 'uploading' || state.phase === 'finishing';
  useEffect(() => {
    if (!sending) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [sending]);

  useEffect(() => {
    let cancelled = false;
    void findPending(lessonId, limits?.tusEndpoint).then((p) => {
      if (!cancelled) setPending(p);
    });
    return () => {
      cancelled = true;
    };
  }, [lessonId, limits?.tusEndpoint]);

  /** A reason not to start, checked before any byte is sent; null when the file may go. */
  const precheck = useCallback(
    (file: File): string | null => {
      const lang = getLang();
      if (!limits) return translate(lang, 'upload.limitsUnknown');
      if (file.size === 0) return translate(lang, 'upload.empty');
      const max = kind === 'video' ? limits.videoMaxBytes : limits.documentMaxBytes;
      if (file.size > max) return translate(lang, 'upload.tooLarge', { size: formatBytes(file.size), max: formatBytes(max) });
      return null;
    },
    [kind, limits],
  );

  const finish = useCallback(
    async (up: Upload, assetId: string | null) => {
      patch({ phase: 'finishing', bytesSent: up.file instanceof File ? up.file.size : 0 });
      try {
        let id = assetId ?? finishedAsset.current;
        if (!id) {
          // the header did not come through (a proxy, a resumed finished upload): ask by upload id
          const uploadId = (up.url ?? '').split('/').filter(Boolean).pop() ?? '';
          id = (await fetchMediaByUpload(uploadId)).id;
        }
        finishedAsset.current = id;
        await onUploadedRef.current(id);
        finishedAsset.current = null;
        patch({ phase: 'done', speed: 0, retry: null });
        setPending(null);
      } catch (e) {
        patch({ phase: 'error', error: errorMessage(e), speed: 0, retry: 'attach' });
      }
    },
    [patch],
  );

  const start = useCallback(
    async (file: File) => {
      const refusal = precheck(file);
      if (refusal) {
        setState({ ...IDLE, phase: 'error', fileName: file.name, bytesTotal: file.size, error: refusal });
        return;
      }
      samples.current = [];
      finishedAsset.current = null;
      setState({ ...IDLE, phase: 'uploading', fileName: file.name, bytesTotal: file.size });
      const up: Upload = new Upload(file, {
        endpoint: new URL(limits!.tusEndpoint, window.location.origin).toString(),
        chunkSize: CHUNK,
        retryDelays: RETRY_DELAYS,
        metadata: { filename: file.name, filetype: file.type || 'application/octet-stream', kind },
        fingerprint: async (f) => fingerprintOf(lessonId, f as File),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        // the token rotates: read it for every request, refreshed when about to expire
        onBeforeRequest: async (req: HttpRequest) => {
          const token = await freshAccessToken(60);
          if (token) req.setHeader('Authorization', `Bearer ${token}`);
          req.setHeader('Accept-Language', apiLanguage());
        },
        onShouldRetry: (err, attempt) => {
          const status = statusOf(err);
          if (status === 401) {
            // the token expired between the check and the request: refresh, then try again
            void refreshSession().catch(() => undefined);
            return attempt < 2;
          }
          const transient = status === 0 || status >= 500 || status === 409 || status === 423;
          return transient && navigator.onLine !== false;
        },
        onProgress: (sent, total) => {
          const now = performance.now();
          const s = samples.current;
          s.push({ t: now, bytes: sent });
          while (s.length > 2 && now - s[0].t > SPEED_WINDOW_MS) s.shift();
          const dt = (now - s[0].t) / 1000;
          const speed = dt > 0.2 ? (sent - s[0].bytes) / dt : 0;
          if (now - lastPaint.current > 200 || sent === total) {
            lastPaint.current = now;
            patch({ bytesSent: sent, bytesTotal: total, speed: Math.max(0, speed) });
          }
        },
        onSuccess: ({ lastResponse }) => {
          void finish(up, lastResponse.getHeader('Xueshi-Asset-Id') ?? null);
        },
        onError: (err) => {
          const status = statusOf(err);
          // refused by the server (size, content): that upload is gone, do not offer to resume it
          if (status >= 400 && status < 500) void forgetStored(lessonId);
          patch({ phase: 'error', error: messageOf(err), speed: 0, retry: status === 0 || status >= 500 ? 'upload' : null });
        },
      });
      upload.current = up;
      try {
        const previous = await up.findPreviousUploads();
        if (previous.length > 0) {
          up.resumeFromPreviousUpload(previous[0]);
          patch({ resumed: true });
        }
      } catch {
        // no stored uploads readable: start afresh
      }
      setPending(null);
      up.start();
    },
    [finish, kind, lessonId, limits, patch, precheck],
  );

  const pause = useCallback(() => {
    const up = upload.current;
    if (!up) return;
    void up.abort(false);
    samples.current = [];
    patch({ phase: 'paused', speed: 0 });
  }, [patch]);

  /** Continue after a pause or a lost connection; after a failed attach, attach again. */
  const resume = useCallback(() => {
    const up = upload.current;
    if (!up) return;
    if (state.retry === 'attach') {
      void finish(up, finishedAsset.current);
      return;
    }
    samples.current = [];
    patch({ phase: 'uploading', error: null, retry: null });
    up.start();
  }, [finish, patch, state.retry]);

  /** Stop and delete the partial upload on the server. */
  const cancel = useCallback(async () => {
    const up = upload.current;
    upload.current = null;
    if (up) await up.abort(true).catch(() => undefined);
    await forgetStored(lessonId);
    setPending(null);
    setState(IDLE);
  }, [lessonId]);

  const reset = useCallback(() => {
    upload.current = null;
    finishedAsset.current = null;
    setState(IDLE);
  }, []);

  return { state, pending, start, pause, resume, cancel, reset };
}
