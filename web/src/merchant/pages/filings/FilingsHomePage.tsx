/**
 * 跨境申报 module home = 出口申报流程推荐 (D1): the five filings as one path — done ones marked with
 * their numbers, pending ones prompted, the next one recommended with why it matters for export.
 */
import { CheckOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useLocation } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { GUIDE_STATUS_COLORS, type FilingGuideOut } from '@/shared/filings';
import { PageHeading } from '@/shared/components/PageHeading';
import { useMe } from '@/shared/session';
import CatalogPage from '../catalog/CatalogPage';
import './filings.css';

export default function FilingsHomePage() {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  return <FilingsHomePageBody />;
}

function FilingsHomePageBody() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [guide, setGuide] = useState<FilingGuideOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setGuide(await unwrap(api.client.GET('/api/v1/filings/guide')));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  if (failure) return <Alert type="error" showIcon message="加载失败" description={failure} action={<Button onClick={load}>重试</Button>} />;
  if (!guide) return <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  const next = guide.steps.find((s) => s.recommended);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="出口申报流程推荐" subtitle="9610 出口前需要办好的申报，按顺序一条路径办完；已办结的结果会自动带入后面的申报和点点通配置。" />
      <Card data-testid="filings-summary">
        <Space size={32} wrap align="center">
          <Progress type="circle" size={88} percent={Math.round((guide.done / Math.max(guide.total, 1)) * 100)} format={() => `${guide.done}/${guide.total}`} />
          <Space direction="vertical" size={6} style={{ maxWidth: 720 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {next ? `下一步：${next.label}` : '全部申报已办结'}
            </Typography.Title>
            <Typography.Text type="secondary">{guide.next_reason}</Typography.Text>
            {next && (
              <Button type="primary" onClick={() => navigate(next.route)} data-testid="guide-next">
                {next.status === 'action' ? '继续办理' : '去办理'}
                <RightOutlined />
              </Button>
            )}
          </Space>
        </Space>
      </Card>
      {guide.steps.length === 0 ? (
        <Card><Empty description="暂无需要办理的申报" /></Card>
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="filings-path">
          {guide.steps.map((step, index) => (
            <div
              key={step.key}
              className={`filing-path-item${step.recommended ? ' recommended' : ''}${step.status === 'done' ? ' done' : ''}`}
              data-testid={`path-${step.key}`}
            >
              <div className="filing-path-index">{step.status === 'done' ? <CheckOutlined /> : index + 1}</div>
              <div className="filing-path-body">
                <Space size={8} wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {step.label}
                  </Typography.Text>
                  <Tag color={GUIDE_STATUS_COLORS[step.status]}>{step.status === 'waiting' ? step.state_label : step.status_label}</Tag>
                  {step.recommended && <Tag color="purple">推荐下一步</Tag>}
                  {step.optional && <Tag bordered={false}>可选</Tag>}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    用时：{step.duration}
                  </Typography.Text>
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                  {step.why_export}
                </Typography.Paragraph>
                {step.results.length > 0 && (
                  <Space size={16} wrap style={{ marginTop: 6 }}>
                    {step.results.map((r) => (
                      <Typography.Text key={r.name}>
                        {r.label}：<Typography.Text strong copyable>{r.value}</Typography.Text>
                      </Typography.Text>
                    ))}
                  </Space>
                )}
                {step.status === 'blocked' && (
                  <Typography.Paragraph type="warning" style={{ margin: '6px 0 0' }}>
                    建议先办结：{step.requires.filter((r) => !r.done).map((r) => r.label).join('、')}
                  </Typography.Paragraph>
                )}
                {step.optional && step.status !== 'done' && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                    {step.optional_note}
                  </Typography.Paragraph>
                )}
              </div>
              <div style={{ flex: 'none', alignSelf: 'center' }}>
                <Button type={step.recommended ? 'primary' : 'default'} onClick={() => navigate(step.route)}>
                  {step.status === 'done' || step.status === 'waiting' ? '查看' : step.status === 'action' ? '继续办理' : '去办理'}
                </Button>
              </div>
            </div>
          ))}
        </Space>
      )}
    </Space>
  );
}
