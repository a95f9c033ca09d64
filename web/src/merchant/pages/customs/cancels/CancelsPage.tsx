/**
 * 撤销申请单报送 (C5): the 清单编号 fills in the rest (guid, 电商企业代码, 报文传输的企业名称), the user
 * gives the reason. A cancel waits 5 minutes before it goes to customs: until then 「不再撤销」 takes
 * it back. The list searches by 清单编号 and shows each cancel's receipt status and progress.
 */
import { ReloadOutlined, SearchOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Form, Input, Popconfirm, Progress, Row, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { CustomsShell, formatTime, ReceiptList, StatusExplained, StatusTag } from '../orders/shared';
import '../customs.css';

type Prefill = components['schemas']['CancelPrefillOut'];
type CancelRow = components['schemas']['CancelOut'];
type CancelDetail = components['schemas']['CancelDetailOut'];

const EDIT = 'customs:cancels:edit';

function CancelForm({ canEdit, onCreated }: { canEdit: boolean; onCreated: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ invt_no: string; reason: string }>();
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [looking, setLooking] = useState(false);
  const [busy, setBusy] = useState(false);

  const lookup = async (raw: string) => {
    const invtNo = raw.trim();
    setPrefill(null);
    setLookupError(null);
    if (!invtNo) return;
    setLooking(true);
    try {
      setPrefill(await unwrap(api.client.GET('/api/v1/customs/cancels/prefill', { params: { query: { invt_no: invtNo } } })));
    } catch (e) {
      setLookupError(errorMessage(e));
    } finally {
      setLooking(false);
    }
  };

  const submit = async (values: { invt_no: string; reason: string }) => {
    setBusy(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/customs/cancels', { body: { invt_no: values.invt_no.trim(), reason: values.reason.trim() } }));
      message.success(
        created.sends_at
          ? `已提交清单 ${created.invt_no} 的撤销申请，将于 ${formatTime(created.sends_at).slice(11, 19)} 发往海关，之前可「不再撤销」`
          : `已提交清单 ${created.invt_no} 的撤销申请`,
      );
      form.resetFields();
      setPrefill(null);
      onCreated();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" className="jmt-card" title="提交撤销申请">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!canEdit}>
        <Row gutter={24}>
          <Col xs={24} lg={10}>
            <Form.Item name="invt_no" label="清单编号" rules={[{ required: true, message: '请填写要撤销的清单编号' }]} extra="清单审结后取得，可在「电子订单报送 → 订单状态」中查到">
              <Input.Search placeholder="如 230520260E000000001" maxLength={20} enterButton="带出信息" loading={looking} onSearch={(v) => void lookup(v)} onBlur={(e) => void lookup(e.target.value)} data-testid="cancel-invt-no" />
            </Form.Item>
            <Form.Item name="reason" label="撤销原因" rules={[{ required: true, min: 2, message: '请填写撤销原因（海关必填）' }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：买家取消订单，货物未出境" data-testid="cancel-reason" />
            </Form.Item>
            <Tooltip title={canEdit ? '' : '只读成员不能报送'}>
              <Button type="primary" htmlType="submit" loading={busy} disabled={!canEdit || (prefill !== null && !prefill.cancellable)} data-testid="cancel-submit">
                提交撤销申请
              </Button>
            </Tooltip>
          </Col>
          <Col xs={24} lg={14}>
            <Typography.Text type="secondary">以下信息由系统从清单带出：</Typography.Text>
            {lookupError ? <Alert style={{ marginTop: 8 }} type="error" showIcon message={lookupError} /> : null}
            {prefill && !prefill.cancellable ? <Alert style={{ marginTop: 8 }} type="warning" showIcon message={prefill.refusal} /> : null}
            <Descriptions style={{ marginTop: 8 }} size="small" column={1} bordered labelStyle={{ width: 170, whiteSpace: 'nowrap' }} data-testid="cancel-prefill">
              <Descriptions.Item label="清单系统编号">{prefill?.inventory_guid ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="电商企业代码">{prefill ? `${prefill.ebc_code}（${prefill.ebc_name}）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="报文传输的企业名称">{prefill?.cop_name || '—'}</Descriptions.Item>
              <Descriptions.Item label="订单编号 / 运单号">{prefill ? `${prefill.order_no} / ${prefill.logistics_no}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="清单当前状态">{prefill?.status_label ?? '—'}</Descriptions.Item>
            </Descriptions>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

function CancelDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { api } = useMe();
  const [detail, setDetail] = useState<CancelDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/customs/cancels/{invtcancel_id}', { params: { path: { invtcancel_id: id } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, id]);
  return (
    <Drawer open={id !== null} onClose={onClose} width={560} title={detail ? `撤销清单 ${detail.invt_no}` : '撤销申请详情'} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!detail && !error ? <Skeleton active /> : null}
      {detail ? (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <StatusExplained status={detail.status} />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="撤销原因">{detail.reason}</Descriptions.Item>
            <Descriptions.Item label="订单编号">{detail.order_no}</Descriptions.Item>
            <Descriptions.Item label="电商企业">{`${detail.ebc_code}（${detail.ebc_name}）`}</Descriptions.Item>
            <Descriptions.Item label="报文传输的企业名称">{detail.cop_name}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatTime(detail.created_at)}</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>海关回执</Typography.Title>
            <ReceiptList receipts={detail.receipts} />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}

export default function CancelsPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const canEdit = access.can(EDIT);
  const [params, setParams] = useSearchParams();
  const search = params.get('invt_no') ?? '';
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<CancelRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(Number(params.get('id')) || null);
  const [withdrawing, setWithdrawing] = useState<number | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const data = await unwrap(api.client.GET('/api/v1/customs/cancels', { params: { query: { page, page_size: 20, invt_no: search } } }));
      setRows(data.items);
      setTotal(data.total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, page, search]);

  useEffect(() => {
    void load();
  }, [load]);

  const withdraw = async (row: CancelRow) => {
    setWithdrawing(row.id);
    try {
      await unwrap(api.client.POST('/api/v1/customs/cancels/{invtcancel_id}/withdraw', { params: { path: { invtcancel_id: row.id } } }));
      message.success(`已不再撤销清单 ${row.invt_no}，清单按原状态继续`);
      await load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setWithdrawing(null);
    }
  };

  return (
    <CustomsShell fallbackTitle="撤销申请单报送" intro="按清单编号撤销已审结、尚未结关的出口清单。只需填写撤销原因，其余信息由系统从清单带出。">
      <CancelForm canEdit={canEdit} onCreated={() => void load()} />
      <Card
        variant="borderless"
        className="jmt-card"
        title="撤销申请"
        extra={
          <Space>
            <Input.Search
              allowClear
              placeholder="按清单编号搜索"
              defaultValue={search}
              enterButton={<SearchOutlined />}
              onSearch={(v) => {
                setPage(1);
                setParams(v.trim() ? { invt_no: v.trim() } : {}, { replace: true });
              }}
              style={{ width: 260 }}
              data-testid="cancels-search"
            />
            <Button icon={<ReloadOutlined />} onClick={() => void load()}>
              刷新
            </Button>
          </Space>
        }
      >
        {error ? <Alert style={{ marginBottom: 16 }} type="error" showIcon message="加载失败" description={error} /> : null}
        <Table<CancelRow>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search ? '没有这个清单编号的撤销申请' : '还没有撤销申请'} /> }}
          pagination={{ current: page, pageSize: 20, total, onChange: setPage, showTotal: (n) => `共 ${n} 份` }}
          columns={[
            { title: '清单编号', dataIndex: 'invt_no', width: 190, render: (v: string, r) => <Typography.Link onClick={() => setOpenId(r.id)}>{v}</Typography.Link> },
            { title: '订单编号', dataIndex: 'order_no', width: 160 },
            { title: '撤销原因', dataIndex: 'reason', ellipsis: true },
            { title: '回执状态', key: 'status', render: (_, r) => <StatusTag status={r.status} testId={`cancel-status-${r.invt_no}`} /> },
            {
              title: '进度',
              key: 'progress',
              width: 200,
              render: (_, r) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Progress percent={r.progress} size="small" status={r.status.tone === 'error' ? 'exception' : r.progress === 100 ? 'success' : 'active'} showInfo={false} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.sends_at ? `${formatTime(r.sends_at).slice(11, 16)} 发往海关` : r.status.next_step}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '提交时间', dataIndex: 'created_at', width: 170, render: (v: string) => formatTime(v) },
            {
              title: '操作',
              key: 'actions',
              width: 110,
              render: (_, r) =>
                r.withdrawable ? (
                  <Popconfirm
                    title="不再撤销这票清单？"
                    description="撤销申请将被收回，不会发往海关，清单按原状态继续。"
                    okText="不再撤销"
                    cancelText="再想想"
                    onConfirm={() => void withdraw(r)}
                    disabled={!canEdit}
                  >
                    <Button size="small" icon={<StopOutlined />} loading={withdrawing === r.id} disabled={!canEdit} data-testid={`withdraw-${r.invt_no}`}>
                      不再撤销
                    </Button>
                  </Popconfirm>
                ) : (
                  <Typography.Text type="secondary">—</Typography.Text>
                ),
            },
          ]}
          data-testid="cancels-table"
        />
      </Card>
      <CancelDrawer id={openId} onClose={() => setOpenId(null)} />
    </CustomsShell>
  );
}
