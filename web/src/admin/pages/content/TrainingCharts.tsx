/** The cockpit's charts (ECharts, only the parts used), loaded with the training page. */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Chart } from '@/shared/components/Chart';
import type { components } from '@/shared/api/schema';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);
type Cockpit = components['schemas']['CockpitOut'];

const grid = { left: 56, right: 24, top: 32, bottom: 96 };
const short = (text: string) => (text.length > 8 ? `${text.slice(0, 8)}…` : text);

export function CompletionChart({ data }: { data: Cockpit }) {
  return (
    <Chart
      echarts={echarts}
      style={{ height: 300 }}
      option={{
        tooltip: { trigger: 'axis' },
        grid,
        xAxis: { type: 'category', data: data.courses.map((c) => c.title), axisLabel: { interval: 0, rotate: 35, fontSize: 11, formatter: short } },
        yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
        series: [{ name: '完成率', type: 'bar', data: data.courses.map((c) => Math.round(c.completion_rate * 1000) / 10), itemStyle: { color: '#4f46e5' } }],
      }}
    />
  );
}

export function LearnersChart({ data }: { data: Cockpit }) {
  return (
    <Chart
      echarts={echarts}
      style={{ height: 300 }}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { ...grid, bottom: 32 },
        xAxis: { type: 'category', data: data.learners_by_day.map((d) => d.day.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ name: '学习人数', type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, data: data.learners_by_day.map((d) => d.learners) }],
      }}
    />
  );
}

export function DropoffChart({ data }: { data: Cockpit }) {
  return (
    <Chart
      echarts={echarts}
      style={{ height: 300 }}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid,
        xAxis: { type: 'category', data: data.dropoff.map((d) => d.title), axisLabel: { interval: 0, rotate: 20, fontSize: 11, formatter: short } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: '开始人数', type: 'bar', data: data.dropoff.map((d) => d.started), itemStyle: { color: '#91caff' } },
          { name: '完成人数', type: 'bar', data: data.dropoff.map((d) => d.completed), itemStyle: { color: '#52c41a' } },
        ],
      }}
    />
  );
}
