import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** The received / resolved / late trend (ECharts, loaded only with the dashboard: a lazy chunk). */
export default function TrendChart(props: {
  days: { day: string; received: number; resolved: number; late: number }[];
  labels: { received: string; resolved: string; late: string };
  title: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 40, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: props.days.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: props.labels.received, type: 'bar', data: props.days.map((d) => d.received) },
        { name: props.labels.resolved, type: 'bar', data: props.days.map((d) => d.resolved) },
        { name: props.labels.late, type: 'line', data: props.days.map((d) => d.late) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [props.days, props.labels]);
  return <div ref={el} role="img" aria-label={props.title} style={{ width: '100%', height: 300 }} />;
}
