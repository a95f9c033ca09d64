/** The rate trend line (ECharts, only the parts it needs), shared by PC and H5. */
import { Chart } from './Chart';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Trend } from '../fx';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function RateTrendChart({ trend, height = 280, name }: { trend: Trend; height?: number; name: string }) {
  const values = trend.points.map((p) => Number(p.value));
  const option = {
    animation: false,
    grid: { left: 64, right: 16, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => v.toFixed(4) },
    xAxis: { type: 'category', data: trend.points.map((p) => (trend.range === '1y' ? p.date : p.date.slice(5))), boundaryGap: false },
    yAxis: { type: 'value', scale: true, splitNumber: 4, axisLabel: { formatter: (v: number) => v.toFixed(4) } },
    series: [
      {
        name,
        type: 'line',
        data: values,
        showSymbol: values.length < 40,
        smooth: true,
        lineStyle: { width: 2, color: '#1677ff' },
        areaStyle: { color: 'rgba(22,119,255,0.08)', origin: 'start' },
      },
    ],
  };
  return <Chart echarts={echarts} option={option} style={{ height }} notMerge />;
}
