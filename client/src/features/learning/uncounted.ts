import { UNCOUNTED_LABELS, UNCOUNTED_REASONS, type UncountedReason } from '@xueshi/shared';
import type { I18n } from '../../lib/i18n';
import { formatDuration } from '../courses/format';

/** Below this, a reason is timer jitter, not something to tell the learner. */
export const NOTICE_SECONDS = 0.5;

/** Seconds with one decimal below a minute, mm:ss (h:mm:ss) from a minute on. */
export function formatSeconds(v: number): string {
  return v < 60 ? String(Math.round(v * 10) / 10) : formatDuration(v);
}

/** "倍速超过允许值 6 秒、暂停中 2 秒": reasons in the contract's order, labels from the contract. */
export function uncountedText(i18n: Pick<I18n, 't' | 'label'>, uncounted: Record<string, number>, min = NOTICE_SECONDS): string {
  const known = UNCOUNTED_REASONS as readonly string[];
  return Object.entries(uncounted)
    .filter(([, v]) => v >= min)
    .sort(([a], [b]) => known.indexOf(a) - known.indexOf(b))
    .map(([k, v]) => `${k in UNCOUNTED_LABELS ? i18n.label(UNCOUNTED_LABELS[k as UncountedReason]) : k} ${i18n.t('learn.seconds', { n: formatSeconds(v) })}`)
    .join(i18n.t('common.listSep'));
}
