/** A4 综合服务: every service indicator with its definition (on hover), the trend against the previous period. */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Empty, Progress, Row, Skeleton, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { formatChange, formatValue, refreshedText, SERVICE_VIEW, TONE_COLOR, useCockpit, type Filters, type Indicator, type Service } from './cockpit';
import { CockpitFilters, CockpitFrame, defaultFilters } from './CockpitFrame';

const GROUPS = ['工商注册', '报关退税', '跨境物流', '收结汇', '商家服务', '服务满意度'];

function Breakdown({ indicator }: { indicator: Indicator }) {
  if (indicator.breakdown.length === 0) return null;
  const percent = indicator.unit === '%';
  const max = Math.max(1, ...indicator.breakdown.map((row) => row.value ?? 0));
  return (
    <div style={{ marginTop: 8 }} data-testid={`breakdown-${indicator.key}`}>
      {indicator.breakdown.slice(0, 6).map((row) => (
        <div key={row.label} style={{ display: 'flex', alignItems: 'center', gap: 8, fontSize: 12 }}>
          <Typography.Text ellipsis={{ tooltip: row.label }} style={{ width: 120, fontSize: 12 }}>
            {row.label}
          </Typography.Text>
          <Progress percent={percent ? (row.value ?? 0) : ((row.value ?? 0) / max) * 100} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} />
          <span style={{ width: 56, textAlign: 'right', color: '#6b7185' }}>{row.value === null ? '—' : percent ? `${row.value}%` : row.value}</span>
        </div>
      ))}
    </div>
  );
}

function IndicatorCard({ indicator, period }: { indicator: Indicator; period: string }) {
  const change = formatChange(indicator);
  return (
    <Card
      variant="borderless"
      className="jmt-card"
      style={{ height: '100%' }}
      data-testid={`indicator-${indicator.key}`}
      title={
        <Tooltip title={indicator.definition} placement="topLeft">
          <span style={{ cursor: 'help' }}>
            {indicator.name} <QuestionCircleOutlined style={{ color: '#a3a8b8', fontSize: 13 }} />
          </span>
        </Tooltip>
      }
      extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{indicator.module}</Typography.Text>}
    >
      {indicator.available ? (
        <>
          <div style={{ fontSize: 30, fontWeight: 600, lineHeight: 1.2 }} data-testid={`value-${indicator.key}`}>
            {formatValue(indicator)}
          </div>
          <Tooltip title={`上期（${period}）：${indicator.previous === null ? '无数据' : formatValue({ value: indicator.previous, unit: indicator.unit })}`}>
            <div style={{ color: TONE_COLOR[change.tone], fontSize: 13, marginTop: 4 }}>{change.text}</div>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {indicator.value === null ? `所选期间没有可计算的记录（${indicator.basis}）` : indicator.basis}
          </Typography.Text>
          <Breakdown indicator={indicator} />
        </>
      ) : (
        <div data-testid={`nosource-${indicator.key}`}>
          <div style={{ fontSize: 20, fontWeight: 500, color: '#a3a8b8', lineHeight: 1.6 }}>暂无数据来源</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            由「{indicator.module}」模块提供，模块上线后自动计算
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

export default function ServicePage() {
  const [filters, setFilters] = useState<Filters>(defaultFilters);
  const { data, error, loading } = useCockpit<Service>('/api/v1/admin/cockpits/service', filters);
  return (
    <CockpitFrame
      title="综合服务"
      description="各项服务指标；鼠标移到指标名称上查看定义，与上一个等长期间对比"
      permission={SERVICE_VIEW}
      extra={<CockpitFilters cockpit="service" value={filters} onChange={setFilters} />}
    >
      {error ? <Alert type="error" showIcon message="加载失败" description={error} style={{ marginBottom: 16 }} /> : null}
      {!data ? (
        error ? null : <Skeleton active paragraph={{ rows: 12 }} />
      ) : data.indicators.length === 0 ? (
        <Empty />
      ) : (
        <div style={{ opacity: loading ? 0.6 : 1, transition: 'opacity .2s' }} data-testid="service-cockpit">
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
            本期 {data.start} 至 {data.end}，上期 {data.previous_start} 至 {data.previous_end}；{refreshedText(data.refreshed_at, data.live)}
          </Typography.Text>
          {GROUPS.map((group) => {
            const rows = data.indicators.filter((i) => i.group === group);
            if (rows.length === 0) return null;
            return (
              <div key={group} style={{ marginBottom: 16 }}>
                <Typography.Title level={5} style={{ margin: '8px 0 12px' }}>
                  {group}
                </Typography.Title>
                <Row gutter={[16, 16]}>
                  {rows.map((indicator) => (
                    <Col key={indicator.key} xs={24} md={12} xl={6}>
                      <IndicatorCard indicator={indicator} period={`${data.previous_start} 至 ${data.previous_end}`} />
                    </Col>
                  ))}
                </Row>
              </div>
            );
          })}
        </div>
      )}
    </CockpitFrame>
  );
}
