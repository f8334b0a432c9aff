import { Skeleton } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { EChartsCoreOption } from './echarts-setup';

type Lib = typeof import('./echarts-setup');
let loading: Promise<Lib> | null = null;
const loadECharts = () => (loading ??= import('./echarts-setup'));

interface Props {
  option: EChartsCoreOption;
  height?: number;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * An ECharts chart: the library is imported on first use (its own chunk), the chart follows its
 * box's width, and is disposed with the component. `data-ready` turns true once drawn.
 */
export function EChart({ option, height = 280, style, 'data-testid': testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Lib['echarts']['init']> | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadECharts()
      .then(({ echarts }) => {
        if (disposed || !box.current) return;
        const c = echarts.init(box.current, undefined, { renderer: 'canvas' });
        chart.current = c;
        observer = new ResizeObserver(() => c.resize());
        observer.observe(box.current);
        setReady(true);
      })
      .catch(() => !disposed && setFailed(true));
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption(option, { notMerge: true });
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', height, ...style }} data-testid={testId} data-ready={ready}>
      <div ref={box} style={{ position: 'absolute', inset: 0 }} />
      {!ready && !failed && <Skeleton.Node active style={{ width: '100%', height }} />}
    </div>
  );
}
