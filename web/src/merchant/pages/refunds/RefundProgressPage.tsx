/** T2 退税进度图: 申报 → 审核 → 退库 → 到账 for each claim, live (a new message reloads it). */
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { RateCard } from '@/shared/components/RateCard';
import { PageHeading } from '@/shared/components/PageHeading';
import { ProgressCard, ProgressTimeline } from '@/shared/components/registration/ProgressBoard';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMessageEvents } from '@/shared/hooks/useMessageStream';
import type { ProgressOut } from '@/shared/registration';
import { STATE_COLORS, deadlineText, money, type ClaimOut, type ClaimRowOut } from '@/shared/refunds';
import { useMe } from '@/shared/session';
import { ReadinessList } from './ReadinessList';

export default function RefundProgressPage() {
  const { api } = useMe();
  const [tick, setTick] = useState(0);
  useMessageEvents(api, () => setTick((t) => t + 1));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [rows, setRows] = useState<ClaimRowOut[] | null>(null);
  const [claim, setClaim] = useState<ClaimOut | null>(null);
  const [progress, setProgress] = useState<ProgressOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const selected = Number(params.get('id')) || rows?.[0]?.id || null;

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/refunds/claims', { params: { query: { page: 1, page_size: 100 } } }))
      .then((page) => setRows(page.items))
      .catch((e) => setFailure(errorMessage(e)));
  }, [api, tick]);

  const loadOne = useCallback(async () => {
    if (!selected) return;
    try {
      const [c, p] = await Promise.all([
        unwrap(api.client.GET('/api/v1/refunds/claims/{claim_id}', { params: { path: { claim_id: selected } } })),
        unwrap(api.client.GET('/api/v1/workflow/{type}/{obj_id}/progress', { params: { path: { type: 'refund', obj_id: selected } } })),
      ]);
      setClaim(c);
      setProgress(p);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, selected]);
  useEffect(() => void loadOne(), [loadOne, tick]);

  if (failure) return <Alert type="error" showIcon message="加载失败" description={failure} />;
  if (rows === null) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title="退税进度图" subtitle="申报 → 审核 → 退库 → 到账，每个节点都会发送站内信和微信通知" />
      {rows.length === 0 ? (
        <Card>
          <Empty description="还没有退税申报">
            <Button type="primary" onClick={() => navigate('/refunds/claims?id=new')}>新建退税申报</Button>
          </Empty>
        </Card>
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={8}>
            <Card title="我的退税申报" styles={{ body: { padding: 0 } }}>
              <List
                dataSource={rows}
                renderItem={(row) => (
                  <List.Item
                    onClick={() => setParams({ id: String(row.id) })}
                    style={{ cursor: 'pointer', padding: '12px 16px', background: row.id === selected ? '#eef2ff' : undefined }}
                  >
                    <List.Item.Meta
                      title={<Space>{row.claim_no}<Tag color={STATE_COLORS[row.state]}>{row.state_label}</Tag></Space>}
                      description={`${row.months.join('、')} · ${money(row.amount)}`}
                    />
                  </List.Item>
                )}
              />
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            {!claim || !progress ? (
              <Card><Skeleton active /></Card>
            ) : (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <ProgressCard
                  progress={progress}
                  action={
                    claim.editable ? (
                      <Button type="primary" onClick={() => navigate(`/refunds/claims?id=${claim.id}`)}>
                        {claim.state === 'rejected' ? '修改后重新提交' : '继续填写'}
                      </Button>
                    ) : undefined
                  }
                />
                {claim.state === 'received' ? <RateCard kind="refund" objectId={claim.id} /> : null}
                <Card title="申报信息">
                  <Descriptions column={{ xs: 1, md: 2 }} size="small">
                    <Descriptions.Item label="退税申报编号">{claim.claim_no}</Descriptions.Item>
                    <Descriptions.Item label="申报金额">{money(claim.amount)}</Descriptions.Item>
                    <Descriptions.Item label="报关单号">{claim.entry_ids.join('、')}</Descriptions.Item>
                    <Descriptions.Item label="出口月份">{claim.months.join('、')}</Descriptions.Item>
                    <Descriptions.Item label="申报期限">
                      <Typography.Text type={claim.editable && claim.deadline?.overdue ? 'danger' : undefined}>{deadlineText(claim.deadline).text}</Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label="到账退税额">
                      {claim.refund_received ? `${money(claim.refund_received)}（${claim.received_on}）` : '—'}
                    </Descriptions.Item>
                  </Descriptions>
                </Card>
                {claim.editable && (
                  <Card title="申报条件检查">
                    <ReadinessList lines={claim.readiness} onFix={(line) => navigate(line.fix_route)} />
                  </Card>
                )}
                <Card title="办理记录">
                  <ProgressTimeline progress={progress} />
                </Card>
              </Space>
            )}
          </Col>
        </Row>
      )}
    </Space>
  );
}
