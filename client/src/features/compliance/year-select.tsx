import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../lib/i18n';

export const thisYear = () => new Date().getFullYear();

/** The year of a compliance page, kept in the address (`?year=`) so that it survives a reload and can be linked. */
export function useYearParam(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : thisYear();
  const setYear = (y: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (y === thisYear()) next.delete('year');
        else next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  return [year, setYear];
}

/** A year among the last few (and, for settings, the next ones). */
export function YearSelect({ value, onChange, past = 4, future = 0, testId = 'year-select' }: {
  value: number;
  onChange: (year: number) => void;
  past?: number;
  future?: number;
  testId?: string;
}) {
  const { t } = useI18n();
  const now = thisYear();
  const years = new Set<number>([value]);
  for (let y = now - past; y <= now + future; y++) years.add(y);
  const options = [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: t('cmp.yearOption', { year: y }) }));
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: 120 }}
      aria-label={t('cmp.year')}
      data-testid={testId}
      data-value={value}
    />
  );
}
