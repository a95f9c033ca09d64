/** The cockpit charts (ECharts, only the parts used): world map of destinations, order trend, hot products, carriers. */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Chart } from '@/shared/components/Chart';
import { formatCount, type Overview } from './cockpit';
import { MAP_NAME_OF_CUSTOMS_CODE, registerWorldMap, WORLD_MAP } from './worldMap';

echarts.use([MapChart, BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, CanvasRenderer]);
registerWorldMap();

export type Tone = 'light' | 'dark';

const PALETTE = {
  light: { text: '#1f2937', muted: '#6b7185', line: '#eceef5', land: '#eef1f7', border: '#c9cfdd', low: '#c7d2fe', high: '#3730a3', bar: '#4f46e5', bar2: '#0ea5e9' },
  dark: { text: '#e2e8f0', muted: '#94a3b8', line: 'rgba(148,163,184,0.18)', land: '#16223a', border: '#2c3e63', low: '#1e5a8a', high: '#38e1ff', bar: '#38bdf8', bar2: '#a78bfa' },
} as const;

const short = (text: string, n = 10) => (text.length > n ? `${text.slice(0, n)}…` : text);

export function WorldMapChart({ destinations, tone = 'light', height = 360 }: { destinations: Overview['destinations']; tone?: Tone; height?: number }) {
  const p = PALETTE[tone];
  const data = destinations.filter((d) => MAP_NAME_OF_CUSTOMS_CODE[d.code]).map((d) => ({ name: MAP_NAME_OF_CUSTOMS_CODE[d.code], value: d.orders }));
  const max = Math.max(1, ...data.map((d) => d.value));
  return (
    <Chart
      echarts={echarts}
      style={{ height }}
      notMerge
      option={{
        tooltip: { trigger: 'item', formatter: (x: { name: string; value?: number }) => `${x.name}<br/>出口清单 ${Number.isFinite(x.value) ? formatCount(x.value as number) : 0} 票` },
        visualMap: { min: 0, max, left: 12, bottom: 12, text: ['多', '少'], calculable: false, inRange: { color: [p.low, p.high] }, textStyle: { color: p.muted } },
        series: [
          {
            type: 'map',
            map: WORLD_MAP,
            roam: false,
            zoom: 1.15,
            center: [15, 18],
            itemStyle: { areaColor: p.land, borderColor: p.border, borderWidth: 0.5 },
            emphasis: { label: { show: false }, itemStyle: { areaColor: tone === 'dark' ? '#fbbf24' : '#f59e0b' } },
            select: { disabled: true },
            data,
          },
        ],
      }}
    />
  );
}

export function OrdersTrendChart({ days, tone = 'light', height = 260 }: { days: Overview['orders_by_day']; tone?: Tone; height?: number }) {
  const p = PALETTE[tone];
  return (
    <Chart
      echarts={echarts}
      style={{ height }}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 48, right: 16, top: 24, bottom: 28 },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLabel: { color: p.muted }, axisLine: { lineStyle: { color: p.line } } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: p.muted }, splitLine: { lineStyle: { color: p.line } } },
        series: [{ name: '电子订单', type: 'line', smooth: true, showSymbol: false, areaStyle: { opacity: 0.18 }, itemStyle: { color: p.bar }, data: days.map((d) => d.orders) }],
      }}
    />
  );
}

interface Bar {
  label: string;
  value: number;
  hint?: string;
}

export function RankBars({ rows, name, unit, tone = 'light', height = 300, color }: { rows: Bar[]; name: string; unit: string; tone?: Tone; height?: number; color?: string }) {
  const p = PALETTE[tone];
  const ordered = [...rows].reverse();
  return (
    <Chart
      echarts={echarts}
      style={{ height }}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (items: { dataIndex: number }[]) => {
          const row = ordered[items[0]?.dataIndex ?? 0];
          return row ? `${row.label}${row.hint ? `<br/>${row.hint}` : ''}<br/>${name}：${formatCount(row.value)} ${unit}` : '';
        } },
        grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
        yAxis: { type: 'category', data: ordered.map((r) => short(r.label, 12)), axisLabel: { color: p.text }, axisLine: { lineStyle: { color: p.line } }, axisTick: { show: false } },
        series: [{ name, type: 'bar', barMaxWidth: 16, itemStyle: { color: color ?? p.bar, borderRadius: [0, 4, 4, 0] }, label: { show: true, position: 'right', color: p.muted, formatter: (x: { value: number }) => formatCount(x.value) }, data: ordered.map((r) => r.value) }],
      }}
    />
  );
}

export function CarrierChart({ carriers, tone = 'light', height = 300 }: { carriers: Overview['carriers']; tone?: Tone; height?: number }) {
  const p = PALETTE[tone];
  const rows = carriers.slice(0, 8);
  return (
    <Chart
      echarts={echarts}
      style={{ height }}
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: p.muted } },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: rows.map((r) => r.carrier), axisLabel: { color: p.text, interval: 0, formatter: (t: string) => short(t, 6) }, axisLine: { lineStyle: { color: p.line } } },
        yAxis: [
          { type: 'value', name: '准时率', max: 100, axisLabel: { color: p.muted, formatter: '{value}%' }, splitLine: { lineStyle: { color: p.line } }, nameTextStyle: { color: p.muted } },
          { type: 'value', name: '平均天数', axisLabel: { color: p.muted }, splitLine: { show: false }, nameTextStyle: { color: p.muted } },
        ],
        series: [
          { name: '准时率（%）', type: 'bar', barMaxWidth: 28, itemStyle: { color: p.bar }, data: rows.map((r) => r.on_time_rate) },
          { name: '平均运输天数', type: 'line', yAxisIndex: 1, itemStyle: { color: p.bar2 }, data: rows.map((r) => r.average_days) },
        ],
      }}
    />
  );
}
