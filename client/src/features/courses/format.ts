import type { MessageKey, Vars } from '../../lib/i18n';

/** mm:ss, or h:mm:ss from one hour on. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** 学时 credit hours: always one decimal. */
export function formatHours(h: number): string {
  return (Math.round(h * 10) / 10).toFixed(1);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** A lesson's length as outlines show it: a video's duration, a document's pages (when known). */
export function lessonLength(
  l: { kind: string; durationSeconds: number | null; pageCount?: number | null; asset?: { pageCount?: number | null } | null },
  t: (key: MessageKey, vars?: Vars) => string,
): string {
  if (l.kind === 'video') return formatDuration(l.durationSeconds);
  const pages = l.pageCount ?? l.asset?.pageCount;
  return pages ? t('doc.pdfPages', { n: pages }) : t('outline.kindDocument');
}
