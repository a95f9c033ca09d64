/** Requests per minute as bars and the p95 latency as a line, in plain SVG (no chart library needed). */
import { Space, Typography } from 'antd';
import type { RequestMinute } from './monitor';
import { formatTime } from '../logs/logs';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 40, right: 48, top: 12, bottom: 28 };

export function RequestChart({ series }: { series: RequestMinute[] }) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const maxCount = Math.max(1, ...series.map((m) => m.count));
  const maxP95 = Math.max(1, ...series.map((m) => m.p95_ms ?? 0));
  const slot = innerW / Math.max(1, series.length);
  const x = (i: number) => PAD.left + i * slot + slot / 2;
  const yCount = (n: number) => PAD.top + innerH - (n / maxCount) * innerH;
  const yP95 = (ms: number) => PAD.top + innerH - (ms / maxP95) * innerH;
  const line = series
    .map((m, i) => (m.p95_ms === null ? null : `${x(i)},${yP95(m.p95_ms)}`))
    .filter(Boolean)
    .join(' ');

  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label="请求量与 p95 延迟" data-testid="request-chart">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + innerH * (1 - f)} y2={PAD.top + innerH * (1 - f)} stroke="#eceef5" />
            <text x={PAD.left - 6} y={PAD.top + innerH * (1 - f) + 4} fontSize="10" textAnchor="end" fill="#6b7185">
              {Math.round(maxCount * f)}
            </text>
            <text x={WIDTH - PAD.right + 6} y={PAD.top + innerH * (1 - f) + 4} fontSize="10" fill="#7c3aed">
              {Math.round(maxP95 * f)}ms
            </text>
          </g>
        ))}
        {series.map((m, i) => (
          <g key={m.minute}>
            <rect x={x(i) - slot * 0.3} width={slot * 0.6} y={yCount(m.count)} height={PAD.top + innerH - yCount(m.count)} rx="2" fill="#818cf8">
              <title>{`${formatTime(m.minute, false).slice(11)}　${m.count} 次${m.errors ? `（错误 ${m.errors}）` : ''}　p95 ${m.p95_ms ?? '—'} ms`}</title>
            </rect>
            {i % 3 === 0 || i === series.length - 1 ? (
              <text x={x(i)} y={HEIGHT - 8} fontSize="10" textAnchor="middle" fill="#6b7185">
                {formatTime(m.minute, false).slice(11)}
              </text>
            ) : null}
          </g>
        ))}
        {line ? <polyline points={line} fill="none" stroke="#7c3aed" strokeWidth="2" strokeLinejoin="round" /> : null}
        {series.map((m, i) =>
          m.p95_ms === null ? null : <circle key={`p${m.minute}`} cx={x(i)} cy={yP95(m.p95_ms)} r="3" fill="#fff" stroke="#7c3aed" strokeWidth="2" />,
        )}
      </svg>
      <Space size={16} style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">
          <span style={{ display: 'inline-block', width: 10, height: 10, background: '#818cf8', borderRadius: 2, marginRight: 4 }} />
          每分钟请求数（左轴）
        </Typography.Text>
        <Typography.Text type="secondary">
          <span style={{ display: 'inline-block', width: 14, height: 2, background: '#7c3aed', verticalAlign: 'middle', marginRight: 4 }} />
          p95 延迟（右轴）
        </Typography.Text>
      </Space>
    </div>
  );
}
