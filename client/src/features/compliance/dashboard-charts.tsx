import type { Dashboard } from '@xueshi/shared';
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/chart/echart';
import type { EChartsCoreOption } from '../../components/chart/echarts-setup';
import { useI18n } from '../../lib/i18n';
import { BRAND } from '../../lib/theme';
import { formatHours } from '../courses/format';

const GOOD = '#52a35c';
const WARN = '#e0a23a';
const RISK = '#c2413a';
const AXIS = { axisLine: { lineStyle: { color: '#c9d1dc' } }, axisLabel: { color: '#5b6675' }, splitLine: { lineStyle: { color: '#eef1f5' } } };

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : 0);

/** The dashboard's three charts: share meeting by unit, the distribution of hours, the year's trend. */
export function DashboardCharts({ data }: { data: Dashboard }) {
  const { t } = useI18n();

  const byUnit = useMemo<EChartsCoreOption>(() => {
    // longest bar on top: ECharts draws a category axis from the bottom
    const units = [...data.byUnit].sort((a, b) => pct(a.meeting, a.officials) - pct(b.meeting, b.officials));
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const u = units[ps[0].dataIndex];
          return [
            `<b>${u.name}</b>`,
            `${t('cmp.kpiShare')}: ${pct(u.meeting, u.officials)}%`,
            `${t('cmp.kpiMeeting')} / ${t('cmp.kpiOfficials')}: ${u.meeting} / ${u.officials}`,
            `${t('cmp.kpiAtRisk')}: ${u.atRisk}`,
            `${t('cmp.kpiAverage')}: ${formatHours(u.averageHours)}`,
          ].join('<br/>');
        },
      },
      xAxis: { type: 'value', max: 100, ...AXIS, axisLabel: { ...AXIS.axisLabel, formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: units.map((u) => u.name),
        ...AXIS,
        axisLabel: { ...AXIS.axisLabel, width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('cmp.seriesShare'),
          barMaxWidth: 22,
          data: units.map((u) => {
            const v = pct(u.meeting, u.officials);
            return { value: v, itemStyle: { color: v >= 80 ? GOOD : v >= 50 ? WARN : RISK, borderRadius: [0, 3, 3, 0] } };
          }),
          label: { show: true, position: 'right', formatter: '{c}%', color: '#3b4656' },
        },
      ],
    };
  }, [data, t]);

  const distribution = useMemo<EChartsCoreOption>(() => {
    const buckets = data.distribution;
    const name = (b: (typeof buckets)[number]) => (b.to === null ? `≥${b.from}` : `${b.from}–${b.to}`);
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: buckets.map(name), ...AXIS, axisLabel: { ...AXIS.axisLabel, interval: 0, hideOverlap: false } },
      yAxis: { type: 'value', minInterval: 1, ...AXIS },
      series: [
        {
          type: 'bar',
          name: t('cmp.seriesOfficials'),
          barCategoryGap: '12%',
          data: buckets.map((b) => ({
            value: b.count,
            // buckets that reach the requirement in green, the others by how far they are
            itemStyle: { color: b.from >= data.requiredHours ? GOOD : b.to !== null && b.to <= data.requiredHours / 2 ? RISK : WARN },
          })),
          label: { show: true, position: 'top', color: '#3b4656', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        },
      ],
    };
  }, [data, t]);

  const trend = useMemo<EChartsCoreOption>(() => {
    // the months still to come of the current year have nothing to show yet
    const now = new Date();
    const last = data.year === now.getFullYear() ? now.getMonth() + 1 : 12;
    const months = data.trend.filter((m) => m.month <= last).sort((a, b) => a.month - b.month);
    const maxAvg = Math.max(data.requiredHours, ...months.map((m) => m.averageHours));
    return {
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, textStyle: { color: '#3b4656' } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months.map((m) => t('cmp.monthLabel', { month: m.month })), ...AXIS },
      yAxis: [
        { type: 'value', name: t('cmp.hours'), max: Math.ceil((maxAvg * 1.1) / 10) * 10, ...AXIS },
        { type: 'value', name: t('cmp.seriesMeeting'), minInterval: 1, ...AXIS, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'bar',
          name: t('cmp.seriesMeeting'),
          yAxisIndex: 1,
          barMaxWidth: 18,
          itemStyle: { color: 'rgba(82,163,92,0.45)', borderRadius: [3, 3, 0, 0] },
          data: months.map((m) => m.meeting),
        },
        {
          type: 'line',
          name: t('cmp.seriesAverage'),
          symbolSize: 6,
          itemStyle: { color: BRAND.primary },
          lineStyle: { width: 2.5 },
          areaStyle: { color: 'rgba(29,79,145,0.08)' },
          data: months.map((m) => m.averageHours),
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: RISK, type: 'dashed' },
            label: { formatter: t('cmp.requirementLine', { hours: formatHours(data.requiredHours) }), position: 'insideStartTop', color: RISK },
            data: [{ yAxis: data.requiredHours }],
          },
        },
      ],
    };
  }, [data, t]);

  const none = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cmp.noData')} style={{ margin: '60px 0' }} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('cmp.chartByUnit')} style={{ height: '100%' }}>
          {data.byUnit.length ? <EChart option={byUnit} height={Math.max(240, data.byUnit.length * 34 + 30)} data-testid="chart-by-unit" /> : none}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('cmp.chartDistribution')} style={{ height: '100%' }}>
          {data.officials ? <EChart option={distribution} height={Math.max(240, data.byUnit.length * 34 + 30)} data-testid="chart-distribution" /> : none}
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('cmp.chartTrend')}>
          {data.trend.length ? <EChart option={trend} height={300} data-testid="chart-trend" /> : none}
        </Card>
      </Col>
    </Row>
  );
}
