import { UNCOUNTED_LABELS, UNCOUNTED_REASONS, type UncountedReason } from '@xueshi/shared';
import { Flex, Tooltip, Typography } from 'antd';
import { useI18n } from '../../lib/i18n';
import { formatDuration } from '../courses/format';
import { formatSeconds } from './uncounted';

/** One colour per reason time was not counted (the contract's order), counted time in green. */
export const COUNTED_COLOR = '#2e8b57';
const REASON_COLORS: Record<UncountedReason, string> = {
  paused: '#b0b8c4',
  hidden: '#8c7ae6',
  speed: '#e67e22',
  attention: '#d4a017',
  seek: '#5d9cec',
  taken_over: '#7f8c8d',
  session_ended: '#95a5a6',
  stale_seq: '#a0522d',
  not_fetched: '#c0392b',
  clock: '#b3261e',
  forged_range: '#8e44ad',
  no_progress: '#c9b458',
  no_session: '#636e72',
  not_owner: '#2d3436',
};

export function reasonColor(reason: string): string {
  return REASON_COLORS[reason as UncountedReason] ?? '#999';
}

/** A reason's label in the UI language (an unknown one as its code). */
export function useReasonLabel() {
  const { label } = useI18n();
  return (reason: string) => (reason in UNCOUNTED_LABELS ? label(UNCOUNTED_LABELS[reason as UncountedReason]) : reason);
}

/** Reasons in the contract's order. */
export function sortReasons(entries: [string, number][]): [string, number][] {
  const order = UNCOUNTED_REASONS as readonly string[];
  const at = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...entries].sort(([a], [b]) => at(a) - at(b));
}

/** The lesson's timeline with the parts actually played (the union over all sessions). */
export function CoverageBar({ coverage, duration }: { coverage: [number, number][]; duration: number }) {
  const { t } = useI18n();
  return (
    <div>
      <div className="xs-coverage-bar" data-testid="credit-coverage-bar" role="img" aria-label={t('credit.coverageBar')}>
        {duration > 0 &&
          coverage.map(([a, b]) => (
            <Tooltip key={`${a}-${b}`} title={`${formatDuration(a)} – ${formatDuration(b)}`}>
              <div
                className="xs-coverage-seg"
                data-testid="credit-coverage-seg"
                style={{ left: `${(Math.max(0, a) / duration) * 100}%`, width: `${(Math.max(0, Math.min(b, duration) - a) / duration) * 100}%` }}
              />
            </Tooltip>
          ))}
      </div>
      <Flex justify="space-between">
        <Typography.Text type="secondary" className="xs-mono" style={{ fontSize: 12 }}>
          00:00
        </Typography.Text>
        <Typography.Text type="secondary" className="xs-mono" style={{ fontSize: 12 }}>
          {formatDuration(duration)}
        </Typography.Text>
      </Flex>
    </div>
  );
}

/** Counted seconds beside the not-counted ones, by reason, as one stacked bar. */
export function CountedBar({ counted, uncounted }: { counted: number; uncounted: [string, number][] }) {
  const { t } = useI18n();
  const labelOf = useReasonLabel();
  const parts: { key: string; label: string; seconds: number; color: string }[] = [
    { key: 'counted', label: t('credit.counted'), seconds: counted, color: COUNTED_COLOR },
    ...uncounted.map(([k, v]) => ({ key: k, label: labelOf(k), seconds: v, color: reasonColor(k) })),
  ].filter((p) => p.seconds > 0);
  const total = parts.reduce((s, p) => s + p.seconds, 0);
  if (!total) return null;
  return (
    <div className="xs-stack-bar" data-testid="credit-stack-bar">
      {parts.map((p) => (
        <Tooltip key={p.key} title={`${p.label} ${t('learn.seconds', { n: formatSeconds(p.seconds) })}`}>
          <div style={{ width: `${(p.seconds / total) * 100}%`, background: p.color }} />
        </Tooltip>
      ))}
    </div>
  );
}
