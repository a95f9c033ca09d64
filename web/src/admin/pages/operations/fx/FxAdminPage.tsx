/**
 * 结汇管理 (FA) and the sub-account balance workbook (F2): the settlement queue with each request's
 * evidence and the merchant's balance, 完成结汇 (actual rate, CNY received) or 驳回 (reason); uploading
 * the balance workbook, its per-cell preview, and 确认导入.
 */
import { InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Segmented, Skeleton, Space, Statistic, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { dateTime, money, STATE_COLORS, usd, type Settlement } from '@/shared/fx';
import { useMe } from '@/shared/session';
import { OperationsPage } from '../OperationsPage';

type AdminSettlement = components['schemas']['AdminSettlementOut'];
type ImportOut = components['schemas']['ImportOut'];
type ImportRow = components['schemas']['FxImportRowOut'];

const VIEW = 'operations:fx:view';
const EDIT = 'operations:fx:edit';
const COLUMN_LABELS: Record<string, string> = {
  merchant_name: '商户',
  credit_code: '统一社会信用代码',
  sub_account_no: '子账户号',
  currency: '币种',
  balance: '余额',
  balance_date: '余额日期',
};

function DocLink({ settlementId, doc }: { settlementId: number; doc: { id: number; name: string } | null | undefined }) {
  const { api } = useMe();
  const { message } = App.useApp();
  if (!doc) return <>—</>;
  const open = async () => {
    try {
      const response = await api.client.GET('/api/v1/admin/fx/settlements/{settlement_id}/documents/{document_id}/download', {
        params: { path: { settlement_id: settlementId, document_id: doc.id } },
        parseAs: 'blob',
      });
      if (!response.data) throw new Error('文件不存在或已被删除');
      window.open(URL.createObjectURL(response.data as Blob), '_blank');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return <a onClick={() => void open()}>{doc.name}</a>;
}

function SettlementDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AdminSettlement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<'complete' | 'reject'>('complete');
  const [busy, setBusy] = useState(false);
  const [completeForm] = Form.useForm<{ actual_rate: number; cny_amount: number }>();
  const [rejectForm] = Form.useForm<{ reason: string }>();

  const load = useCallback(() => {
    if (!id) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/admin/fx/settlements/{settlement_id}', { params: { path: { settlement_id: id } } }))
      .then((d) => {
        setDetail(d);
        completeForm.setFieldsValue({ actual_rate: Number(d.rate), cny_amount: Number((Number(d.amount.amount) * Number(d.rate)).toFixed(2)) });
      })
      .catch((e) => setError(errorMessage(e)));
  }, [api, id, completeForm]);
  useEffect(load, [load]);

  const act = async (run: () => Promise<unknown>, done: string, form: typeof completeForm | typeof rejectForm) => {
    setBusy(true);
    try {
      await run();
      message.success(done);
      onChanged();
      load();
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as never);
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const canEdit = access.can(EDIT);
  return (
    <Drawer open={id !== null} onClose={onClose} width={620} title={detail ? `结汇申请 ${detail.number}` : '结汇申请详情'} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!detail && !error ? <Skeleton active /> : null}
      {detail ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered labelStyle={{ width: 140 }} data-testid="admin-fx-detail">
            <Descriptions.Item label="商户">{detail.merchant_name}</Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={STATE_COLORS[detail.state]}>{detail.state_label}</Tag></Descriptions.Item>
            <Descriptions.Item label="结汇金额">{money(detail.amount)}</Descriptions.Item>
            <Descriptions.Item label="结汇日期">{detail.settle_date}</Descriptions.Item>
            <Descriptions.Item label="指定结汇汇率">{detail.rate}{detail.reference_rate ? `（参考 ${detail.reference_label} ${detail.reference_rate}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="商户当前余额">
              {detail.account ? `${money(detail.account.balance)}（结汇中 ${money(detail.account.frozen)}，可用 ${money(detail.account.available)}）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="收款平台流水"><DocLink settlementId={detail.id} doc={detail.statement_document} /></Descriptions.Item>
            <Descriptions.Item label="物流发货信息"><DocLink settlementId={detail.id} doc={detail.shipping_document} /></Descriptions.Item>
            <Descriptions.Item label="外汇子账户">{detail.sub_account_no || '—'}</Descriptions.Item>
            <Descriptions.Item label="结汇银行卡号">{detail.bank_account}</Descriptions.Item>
            <Descriptions.Item label="开户行">{detail.bank_name}</Descriptions.Item>
            <Descriptions.Item label="法人姓名">{detail.legal_person || '—'}</Descriptions.Item>
            <Descriptions.Item label="备注">{detail.remark || '—'}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{dateTime(detail.created_at)}</Descriptions.Item>
            {detail.state === 'completed' ? (
              <>
                <Descriptions.Item label="实际结算汇率">{detail.actual_rate}</Descriptions.Item>
                <Descriptions.Item label="人民币到账">{money(detail.cny_amount)}</Descriptions.Item>
                <Descriptions.Item label="剩余未结汇">{money(detail.remaining_usd)}</Descriptions.Item>
              </>
            ) : null}
            {detail.state === 'rejected' ? <Descriptions.Item label="驳回原因">{detail.reject_reason}</Descriptions.Item> : null}
          </Descriptions>
          {detail.state === 'pending' && canEdit ? (
            <Card size="small" title="办理">
              <Segmented value={mode} onChange={(v) => setMode(v as 'complete' | 'reject')} options={[{ value: 'complete', label: '完成结汇' }, { value: 'reject', label: '驳回' }]} style={{ marginBottom: 16 }} />
              {mode === 'complete' ? (
                <Form
                  form={completeForm}
                  layout="vertical"
                  onFinish={(v) =>
                    void act(
                      () => unwrap(api.client.POST('/api/v1/admin/fx/settlements/{settlement_id}/complete', { params: { path: { settlement_id: detail.id } }, body: { actual_rate: v.actual_rate.toFixed(4), cny_amount: v.cny_amount.toFixed(2) } })),
                      '已完成结汇，已通知商户人民币入账',
                      completeForm,
                    )
                  }
                >
                  <Form.Item name="actual_rate" label="实际结算汇率（人民币 / 1 美元）" rules={[{ required: true, message: '请填写实际结算汇率' }]}>
                    <InputNumber min={0.0001} precision={4} step={0.0001} style={{ width: 220 }} data-testid="admin-fx-actual-rate" />
                  </Form.Item>
                  <Form.Item name="cny_amount" label="结汇到账金额（人民币）" rules={[{ required: true, message: '请填写到账金额' }]} extra="完成后：冻结金额解冻并从子账户余额中扣减，商户收到人民币入账通知">
                    <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 220 }} data-testid="admin-fx-cny" />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={busy} data-testid="admin-fx-complete">
                    确认完成结汇
                  </Button>
                </Form>
              ) : (
                <Form
                  form={rejectForm}
                  layout="vertical"
                  onFinish={(v) =>
                    void act(
                      () => unwrap(api.client.POST('/api/v1/admin/fx/settlements/{settlement_id}/reject', { params: { path: { settlement_id: detail.id } }, body: { reason: v.reason.trim() } })),
                      '已驳回，冻结金额已解冻',
                      rejectForm,
                    )
                  }
                >
                  <Form.Item name="reason" label="驳回原因（商户可见）" rules={[{ required: true, whitespace: true, message: '请填写驳回原因' }]}>
                    <Input.TextArea rows={3} maxLength={500} showCount />
                  </Form.Item>
                  <Button danger htmlType="submit" loading={busy}>
                    确认驳回
                  </Button>
                </Form>
              )}
            </Card>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

function SettlementQueue() {
  const { api } = useMe();
  const [params, setParams] = useSearchParams();
  const actionRef = useRef<ActionType>();
  const [state, setState] = useState<'pending' | 'completed' | 'rejected' | 'all'>('pending');
  const [q, setQ] = useState('');
  const [counts, setCounts] = useState<components['schemas']['QueueCountsOut'] | null>(null);
  const openId = params.get('id') ? Number(params.get('id')) : null;
  const loadCounts = useCallback(() => {
    unwrap(api.client.GET('/api/v1/admin/fx/settlements/counts')).then(setCounts).catch(() => setCounts(null));
  }, [api]);
  useEffect(loadCounts, [loadCounts]);
  const open = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('id', String(id));
    else next.delete('id');
    setParams(next, { replace: true });
  };
  const columns: ProColumns<Settlement>[] = [
    { title: '申请编号', render: (_, s) => <a onClick={() => open(s.id)}>{s.number}</a> },
    { title: '商户', dataIndex: 'merchant_name' },
    { title: '状态', render: (_, s) => <Tag color={STATE_COLORS[s.state]}>{s.state_label}</Tag> },
    { title: '结汇金额', render: (_, s) => money(s.amount), align: 'right' },
    { title: '指定汇率', dataIndex: 'rate', align: 'right' },
    { title: '结汇日期', dataIndex: 'settle_date' },
    { title: '人民币到账', render: (_, s) => money(s.cny_amount), align: 'right' },
    { title: '提交时间', render: (_, s) => dateTime(s.created_at) },
  ];
  return (
    <>
      <ProTable<Settlement>
        actionRef={actionRef}
        rowKey="id"
        search={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle={
          <Segmented
            value={state}
            onChange={(v) => {
              setState(v as typeof state);
              actionRef.current?.reload();
            }}
            options={[
              { value: 'pending', label: `结汇中${counts ? ` ${counts.pending}` : ''}` },
              { value: 'completed', label: `已完成${counts ? ` ${counts.completed}` : ''}` },
              { value: 'rejected', label: `已驳回${counts ? ` ${counts.rejected}` : ''}` },
              { value: 'all', label: '全部' },
            ]}
          />
        }
        params={{ state, q }}
        toolBarRender={() => [<Input.Search key="q" allowClear placeholder="申请编号 / 商户名称" onSearch={(v) => setQ(v.trim())} style={{ width: 240 }} />]}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的结汇申请' }}
        request={async ({ current, pageSize }) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/fx/settlements', { params: { query: { page: current, page_size: pageSize, q, state: state === 'all' ? undefined : state } } }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
        cardProps={{ className: 'jmt-card', bordered: false }}
        data-testid="admin-fx-queue"
      />
      <SettlementDrawer
        id={openId}
        onClose={() => open(null)}
        onChanged={() => {
          actionRef.current?.reload();
          loadCounts();
        }}
      />
    </>
  );
}

function ImportPreview({ upload, onApplied }: { upload: ImportOut; onApplied: (u: ImportOut) => void }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<'all' | 'error'>(upload.error_rows ? 'error' : 'all');
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    try {
      const applied = await unwrap(api.client.POST('/api/v1/admin/fx/balance-imports/{import_id}/apply', { params: { path: { import_id: upload.id } } }));
      message.success(`已导入，${applied.changed_rows} 个商户余额有变化并已通知`);
      onApplied(applied);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const applied = upload.status === 'applied';
  return (
    <Card variant="borderless" className="jmt-card" title={`预览：${upload.file_name}`} data-testid="admin-fx-preview">
      <Space size={40} wrap style={{ display: 'flex', marginBottom: 16 }}>
        <Statistic title="总行数" value={upload.total_rows} />
        <Statistic title="可导入" value={upload.valid_rows} valueStyle={{ color: '#389e0d' }} />
        <Statistic title="有错误（不导入）" value={upload.error_rows} valueStyle={{ color: upload.error_rows ? '#cf1322' : undefined }} />
        <Statistic title={applied ? '已写入明细' : '余额有变化'} value={upload.changed_rows} />
      </Space>
      {upload.already_applied_at ? <Alert style={{ marginBottom: 16 }} type="warning" showIcon message={`同一文件已于 ${dateTime(upload.already_applied_at)} 导入，不能重复导入`} /> : null}
      {applied ? <Alert style={{ marginBottom: 16 }} type="success" showIcon message={`已于 ${dateTime(upload.applied_at)} 导入`} /> : null}
      <Space style={{ display: 'flex', marginBottom: 12 }}>
        <Segmented value={filter} onChange={(v) => setFilter(v as 'all' | 'error')} options={[{ value: 'all', label: '全部行' }, { value: 'error', label: `错误行 ${upload.error_rows}` }]} />
        {!applied && !upload.already_applied_at && access.can(EDIT) ? (
          <Button type="primary" disabled={upload.valid_rows === 0} loading={busy} onClick={() => void apply()} data-testid="admin-fx-apply">
            确认导入 {upload.valid_rows} 行
          </Button>
        ) : null}
      </Space>
      <ProTable<ImportRow>
        rowKey="row"
        search={false}
        options={false}
        params={{ filter, id: upload.id }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        request={async ({ current, pageSize }) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/fx/balance-imports/{import_id}/rows', {
              params: { path: { import_id: upload.id }, query: { page: current, page_size: pageSize, status: filter === 'error' ? 'error' : undefined } },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
        columns={[
          { title: '行号', dataIndex: 'row', width: 70 },
          { title: '统一社会信用代码', dataIndex: 'credit_code', render: (_, r) => r.credit_code || '—' },
          { title: '子账户号', dataIndex: 'sub_account_no', render: (_, r) => r.sub_account_no || '—' },
          { title: '匹配商户', dataIndex: 'matched_merchant', render: (_, r) => r.matched_merchant || '—' },
          { title: '余额（美元）', render: (_, r) => (r.status === 'error' ? r.balance || '—' : usd(r.balance)), align: 'right' },
          { title: '余额日期', dataIndex: 'balance_date' },
          { title: '当前余额', render: (_, r) => (r.status === 'error' ? '—' : usd(r.current_balance)), align: 'right' },
          {
            title: '结果',
            render: (_, r) =>
              r.status === 'error' ? (
                <Space direction="vertical" size={0}>
                  {Object.entries(r.errors).map(([k, v]) => (
                    <Typography.Text key={k} type="danger">
                      {COLUMN_LABELS[k] ?? k}：{v}
                    </Typography.Text>
                  ))}
                </Space>
              ) : r.status === 'unchanged' ? (
                <Tag>余额未变化</Tag>
              ) : (
                <Tag color="success">变动 {money({ amount: r.delta ?? '0', currency: 'USD' }, true)}</Tag>
              ),
          },
        ]}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}

function BalanceImports() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<ImportOut | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const historyRef = useRef<ActionType>();
  const downloadTemplate = async () => {
    try {
      const result = await api.client.GET('/api/v1/admin/fx/balance-imports/template', { parseAs: 'blob' });
      if (!result.response.ok || !result.data) throw new Error('模板下载失败，请稍后再试');
      const url = URL.createObjectURL(result.data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = '子账户余额模板.xlsx';
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const upload = async (file: File) => {
    setUploading(true);
    setFailure(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const created = await unwrap(api.client.POST('/api/v1/admin/fx/balance-imports', { body: { file: '' }, bodySerializer: () => form }));
      setCurrent(created);
      historyRef.current?.reload();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card variant="borderless" className="jmt-card" title="上传子账户余额表">
        <Typography.Paragraph type="secondary">
          <a onClick={() => void downloadTemplate()} data-testid="admin-fx-template">
            下载模板
          </a>
          。Excel 列：商户、统一社会信用代码、子账户号、币种（USD）、余额、余额日期。按统一社会信用代码或子账户号匹配商户；上传后先预览，确认后写入「余额更新」明细并向商户发送「银行账户入账通知」。同一文件只能导入一次。
        </Typography.Paragraph>
        <div data-testid="admin-fx-upload">
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={!access.can(EDIT) || uploading}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{uploading ? '正在读取与校验…' : '点击或拖入余额表（.xlsx）'}</p>
        </Upload.Dragger>
        </div>
        {failure ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={failure} /> : null}
      </Card>
      {current ? (
        <ImportPreview
          key={`${current.id}-${current.status}`}
          upload={current}
          onApplied={(u) => {
            setCurrent(u);
            historyRef.current?.reload();
            message.info('商户的余额与明细已更新');
          }}
        />
      ) : null}
      <ProTable<ImportOut>
        actionRef={historyRef}
        rowKey="id"
        search={false}
        headerTitle="导入记录"
        options={{ reload: true, density: false, setting: false }}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        request={async ({ current: page, pageSize }) => {
          const data = await unwrap(api.client.GET('/api/v1/admin/fx/balance-imports', { params: { query: { page, page_size: pageSize } } }));
          return { data: data.items, total: data.total, success: true };
        }}
        columns={[
          { title: '文件', render: (_, u) => <a onClick={() => setCurrent(u)}>{u.file_name}</a> },
          { title: '状态', render: (_, u) => <Tag color={u.status === 'applied' ? 'success' : 'default'}>{u.status_label}</Tag> },
          { title: '总行数', dataIndex: 'total_rows' },
          { title: '错误行', dataIndex: 'error_rows' },
          { title: '余额变动', dataIndex: 'changed_rows' },
          { title: '上传人', dataIndex: 'uploaded_by' },
          { title: '上传时间', render: (_, u) => dateTime(u.created_at) },
        ]}
        cardProps={{ className: 'jmt-card', bordered: false }}
      />
    </Space>
  );
}

export default function FxAdminPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [refreshing, setRefreshing] = useState(false);
  const tab = params.get('tab') === 'balances' ? 'balances' : 'settlements';
  const refresh = async () => {
    setRefreshing(true);
    try {
      const board = await unwrap(api.client.POST('/api/v1/admin/fx/rates/refresh'));
      const usd = board.find((r) => r.currency === 'USD')?.latest;
      message.success(usd ? `已抓取汇率：美元 ${usd.middle}（${usd.source_label}，${usd.rate_date}）` : '已抓取汇率');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRefreshing(false);
    }
  };
  return (
    <OperationsPage title="结汇管理" description="办理商户的结汇申请，上传商户子账户余额" permission={VIEW}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'balances' ? { tab: key } : {}, { replace: true })}
        tabBarExtraContent={
          access.can(EDIT) ? (
            <Button icon={<ReloadOutlined />} loading={refreshing} onClick={() => void refresh()}>
              立即抓取汇率
            </Button>
          ) : null
        }
        items={[
          { key: 'settlements', label: '结汇申请', children: <SettlementQueue /> },
          { key: 'balances', label: '子账户余额', children: <BalanceImports /> },
        ]}
      />
    </OperationsPage>
  );
}
