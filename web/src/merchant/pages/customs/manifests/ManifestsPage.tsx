/**
 * 清单总分单报送 (C3): once a batch's inventories are released, the system links their waybills and
 * asks only for the transport (运输工具名称, 航班航次号, 提运单号); one click submits the CEB607.
 */
import { CheckCircleFilled, ClockCircleOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Form, Input, Progress, Row, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { CustomsShell, formatTime, num, ReceiptList, StatusExplained, StatusTag } from '../orders/shared';
import '../customs.css';

type Listing = components['schemas']['ManifestsOut'];
type BatchState = components['schemas']['ManifestBatchOut'];
type Manifest = components['schemas']['ManifestOut'];
type ManifestDetail = components['schemas']['ManifestDetailOut'];
type FormValues = { traf_name: string; voyage_no: string; bill_no: string; domestic_traf_no?: string };

const EDIT = 'customs:manifests:edit';

function ReadyCard({ batch, canEdit, highlighted, onFiled }: { batch: BatchState; canEdit: boolean; highlighted: boolean; onFiled: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const percent = batch.active_inventories ? Math.round((batch.released_inventories / batch.active_inventories) * 100) : 0;

  const submit = async (values: FormValues) => {
    setBusy(true);
    try {
      const created = await unwrap(
        api.client.POST('/api/v1/customs/manifests', { body: { batch_id: batch.batch_id, ...values, domestic_traf_no: values.domestic_traf_no ?? '' } }),
      );
      const changed = created.filter((m) => m.app_type === '2');
      message.success(
        changed.length
          ? `提运单号 ${changed.map((m) => m.bill_no).join('、')} 已发给海关，本次按变更重新提交，总分单现关联 ${created.reduce((n, m) => n + m.waybill_count, 0)} 个运单`
          : `已提交 ${created.length} 份清单总分单，共关联 ${created.reduce((n, m) => n + m.waybill_count, 0)} 个运单`,
      );
      form.resetFields();
      onFiled();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      variant="borderless"
      className="jmt-card"
      style={highlighted ? { boxShadow: '0 0 0 2px #a5b4fc' } : undefined}
      title={
        <Space size={8}>
          <span>{batch.batch_name}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            批次 {batch.batch_id}
          </Typography.Text>
        </Space>
      }
      extra={batch.filed ? <Tag color="blue">已提交 {batch.filed} 份总分单</Tag> : null}
      data-testid={`manifest-batch-${batch.batch_id}`}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Space size={24} wrap>
          <Progress type="circle" size={72} percent={percent} format={() => `${batch.released_inventories}/${batch.active_inventories}`} />
          <Space direction="vertical" size={2}>
            <Typography.Text strong>
              {batch.all_released ? '全部清单已放行' : `已放行 ${batch.released_inventories} 票，共 ${batch.active_inventories} 票`}
            </Typography.Text>
            <Typography.Text type="secondary">
              {batch.ready ? `${batch.pending_logistics_nos.length} 个已放行运单已自动关联，尚未提交总分单` : batch.filed ? '已放行的运单都已提交总分单' : '清单放行后即可提交总分单'}
            </Typography.Text>
          </Space>
        </Space>
        {batch.ready ? (
          <>
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleFilled />}
              message="可以提交清单总分单了"
              description={
                <span>
                  系统已自动关联运单：
                  {batch.pending_logistics_nos.slice(0, 6).map((no) => (
                    <Tag key={no} style={{ marginBottom: 4 }}>
                      {no}
                    </Tag>
                  ))}
                  {batch.pending_logistics_nos.length > 6 ? `…等 ${batch.pending_logistics_nos.length} 个` : null}
                  <br />
                  只需填写系统无法得知的运输信息。
                </span>
              }
              data-testid="manifest-ready"
            />
            <Form<FormValues>
              form={form}
              layout="vertical"
              initialValues={{ traf_name: batch.traf_name, voyage_no: batch.voyage_no, bill_no: batch.bill_no }}
              onFinish={(v) => void submit(v)}
              disabled={!canEdit}
            >
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item name="traf_name" label="运输工具名称" rules={[{ required: true, message: '请填写运输工具名称' }]} tooltip="航班号、船名或车牌号">
                    <Input placeholder="如 CA1234" maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name="voyage_no" label="航班航次号" rules={[{ required: true, message: '请填写航班航次号' }]}>
                    <Input placeholder="如 20260320" maxLength={32} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name="bill_no" label="提运单号" rules={[{ required: true, message: '请填写提运单号' }]}>
                    <Input placeholder="如 999-12345678" maxLength={37} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name="domestic_traf_no" label="境内运输工具编号（可选）">
                    <Input placeholder="转关时填写" maxLength={100} />
                  </Form.Item>
                </Col>
              </Row>
              <Tooltip title={canEdit ? '' : '只读成员不能报送'}>
                <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={busy} disabled={!canEdit} data-testid="manifest-submit">
                  一键提交总分单
                </Button>
              </Tooltip>
            </Form>
          </>
        ) : null}
      </Space>
    </Card>
  );
}

function ManifestDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { api } = useMe();
  const [detail, setDetail] = useState<ManifestDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/customs/manifests/{waybill_id}', { params: { path: { waybill_id: id } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, id]);
  return (
    <Drawer open={id !== null} onClose={onClose} width={600} title={detail ? `总分单 ${detail.bill_no}` : '总分单详情'} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!detail && !error ? <Skeleton active /> : null}
      {detail ? (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <StatusExplained status={detail.status} />
          <Descriptions size="small" column={2} bordered labelStyle={{ whiteSpace: 'nowrap' }}>
            <Descriptions.Item label="运输工具">{detail.traf_name}</Descriptions.Item>
            <Descriptions.Item label="航班航次号">{detail.voyage_no}</Descriptions.Item>
            <Descriptions.Item label="提运单号">{detail.bill_no}</Descriptions.Item>
            <Descriptions.Item label="物流企业">{detail.logistics_name}</Descriptions.Item>
            <Descriptions.Item label="毛重">{num(detail.gross_weight)} 千克</Descriptions.Item>
            <Descriptions.Item label="预录入编号">{detail.pre_no || '—'}</Descriptions.Item>
            <Descriptions.Item label="报送类型">{detail.app_type_label}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>关联的运单（{detail.logistics_nos.length}）</Typography.Title>
            <Space wrap size={4}>
              {detail.logistics_nos.map((no) => (
                <Tag key={no}>{no}</Tag>
              ))}
            </Space>
          </div>
          <div>
            <Typography.Title level={5}>海关回执</Typography.Title>
            <ReceiptList receipts={detail.receipts} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}

export default function ManifestsPage() {
  const { api, access } = useMe();
  const canEdit = access.can(EDIT);
  const [params] = useSearchParams();
  const focus = Number(params.get('batch')) || null;
  const [data, setData] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [openId, setOpenId] = useState<number | null>(Number(params.get('id')) || null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await unwrap(api.client.GET('/api/v1/customs/manifests')));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const batches = [...(data?.batches ?? [])].sort((a, b) => Number(b.ready) - Number(a.ready) || (a.batch_id === focus ? -1 : 0));
  const waiting = batches.filter((b) => !b.ready);

  return (
    <CustomsShell
      fallbackTitle="清单总分单报送"
      intro="批次的清单放行后，系统自动关联已放行的运单，您只需填写运输工具名称、航班航次号和提运单号，一键提交。"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon message="加载失败" description={error} action={<Button size="small" onClick={() => void load()}>重试</Button>} /> : null}
      {loading && !data ? <Card variant="borderless" className="jmt-card"><Skeleton active /></Card> : null}
      {data && batches.length === 0 ? (
        <Card variant="borderless" className="jmt-card">
          <Empty description="还没有申报的批次：申报电子订单并放行后，在这里提交总分单" />
        </Card>
      ) : null}
      {batches
        .filter((b) => b.ready)
        .map((b) => (
          <ReadyCard key={b.batch_id} batch={b} canEdit={canEdit} highlighted={b.batch_id === focus} onFiled={() => void load()} />
        ))}
      {waiting.length ? (
        <Card variant="borderless" className="jmt-card" title={batches.some((b) => b.ready) ? '其他批次' : '各批次放行进度'}>
          <Table<BatchState>
            rowKey="batch_id"
            size="small"
            pagination={false}
            dataSource={waiting}
            columns={[
              { title: '批次', dataIndex: 'batch_name' },
              {
                title: '放行进度',
                key: 'progress',
                render: (_, b) => <Progress percent={b.active_inventories ? Math.round((b.released_inventories / b.active_inventories) * 100) : 0} size="small" format={() => `${b.released_inventories}/${b.active_inventories}`} style={{ width: 200 }} />,
              },
              {
                title: '总分单',
                key: 'state',
                render: (_, b) => (b.filed ? <Tag color="blue">已提交 {b.filed} 份</Tag> : <Tag icon={<ClockCircleOutlined />}>等待放行</Tag>),
              },
            ]}
          />
        </Card>
      ) : null}
      {data && batches.length === 0 && (data.items ?? []).length === 0 ? null : (
      <Card variant="borderless" className="jmt-card" title="已提交的总分单">
        <Table<Manifest>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有提交总分单" /> }}
          pagination={false}
          columns={[
            { title: '提运单号', dataIndex: 'bill_no', render: (v: string, r) => <Typography.Link onClick={() => setOpenId(r.id)}>{v}</Typography.Link> },
            { title: '运输工具 / 航次', key: 'traf', render: (_, r) => `${r.traf_name} / ${r.voyage_no}` },
            { title: '批次', dataIndex: 'batch_name' },
            { title: '运单数', dataIndex: 'waybill_count', width: 80 },
            { title: '报送类型', dataIndex: 'app_type_label', width: 90 },
            { title: '状态', key: 'status', render: (_, r) => <StatusTag status={r.status} testId={`manifest-status-${r.id}`} /> },
            { title: '下一步', key: 'next', ellipsis: true, render: (_, r) => <Typography.Text type="secondary">{r.status.next_step}</Typography.Text> },
            { title: '提交时间', dataIndex: 'created_at', width: 170, render: (v: string) => formatTime(v) },
          ]}
          data-testid="manifests-table"
        />
      </Card>
      )}
      <ManifestDrawer id={openId} onClose={() => setOpenId(null)} />
    </CustomsShell>
  );
}
