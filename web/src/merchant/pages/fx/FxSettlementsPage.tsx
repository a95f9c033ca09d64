/**
 * 外币到账展示及结汇 (F2–F5), the 收结汇 home: the sub-account balance with 结汇中金额, the 结汇明细
 * (pending: what was submitted; completed: actual rate, CNY received, remaining USD) and the
 * 收结汇明细 ledger (余额更新 / 结汇冻结 / 解除冻结 / 结汇). 「快速结汇」 opens the request form.
 */
import { DollarOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Drawer, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { RateCard } from '@/shared/components/RateCard';
import { errorMessage, unwrap } from '@/shared/errors';
import { fetchDocumentBlob } from '@/shared/registration';
import { dateTime, ENTRY_COLORS, money, STATE_COLORS, type Account, type Entry, type Settlement } from '@/shared/fx';
import { useMe } from '@/shared/session';
import { BalanceCard } from './BalanceCard';
import './fx.css';

const EDIT = 'fx:settlements:edit';

function DocLink({ doc }: { doc: Settlement['statement_document'] }) {
  const { api } = useMe();
  const { message } = App.useApp();
  if (!doc) return <>—</>;
  const open = () =>
    fetchDocumentBlob(api, doc.id)
      .then((blob) => window.open(URL.createObjectURL(blob), '_blank'))
      .catch((e) => message.error(errorMessage(e)));
  return <a onClick={() => void open()}>{doc.name}</a>;
}

export function SettlementDetails({ s }: { s: Settlement }) {
  return (
    <Descriptions size="small" column={1} bordered labelStyle={{ width: 140 }} data-testid="fx-settlement-detail">
      <Descriptions.Item label="申请编号">{s.number}</Descriptions.Item>
      <Descriptions.Item label="状态"><Tag color={STATE_COLORS[s.state]}>{s.state_label}</Tag></Descriptions.Item>
      <Descriptions.Item label="结汇金额">{money(s.amount)}</Descriptions.Item>
      <Descriptions.Item label="结汇日期">{s.settle_date}</Descriptions.Item>
      <Descriptions.Item label="指定结汇汇率">{s.rate}{s.reference_rate ? <Typography.Text type="secondary">（参考：{s.reference_label} {s.reference_rate}）</Typography.Text> : null}</Descriptions.Item>
      {s.state === 'completed' ? (
        <>
          <Descriptions.Item label="实际结算汇率">{s.actual_rate}</Descriptions.Item>
          <Descriptions.Item label="结汇到账金额">{money(s.cny_amount)}</Descriptions.Item>
          <Descriptions.Item label="剩余未结汇金额">{money(s.remaining_usd)}</Descriptions.Item>
          <Descriptions.Item label="完成时间">{dateTime(s.completed_at)}</Descriptions.Item>
        </>
      ) : null}
      {s.state === 'rejected' ? <Descriptions.Item label="驳回原因">{s.reject_reason}</Descriptions.Item> : null}
      <Descriptions.Item label="收款平台流水"><DocLink doc={s.statement_document} /></Descriptions.Item>
      <Descriptions.Item label="物流发货信息"><DocLink doc={s.shipping_document} /></Descriptions.Item>
      <Descriptions.Item label="外汇子账户">{s.sub_account_no || '—'}</Descriptions.Item>
      <Descriptions.Item label="结汇银行卡号">{s.bank_account}</Descriptions.Item>
      <Descriptions.Item label="开户行">{s.bank_name}</Descriptions.Item>
      <Descriptions.Item label="法人姓名">{s.legal_person || '—'}</Descriptions.Item>
      <Descriptions.Item label="备注">{s.remark || '—'}</Descriptions.Item>
      <Descriptions.Item label="提交时间">{dateTime(s.created_at)}</Descriptions.Item>
    </Descriptions>
  );
}

function SettlementDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { api } = useMe();
  const [detail, setDetail] = useState<Settlement | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/fx/settlements/{settlement_id}', { params: { path: { settlement_id: id } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, id]);
  return (
    <Drawer open={id !== null} onClose={onClose} width={560} title={detail ? `结汇申请 ${detail.number}` : '结汇申请详情'} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!detail && !error ? <Skeleton active /> : null}
      {detail ? <SettlementDetails s={detail} /> : null}
      {detail?.state === 'completed' ? (
        <div style={{ marginTop: 16 }}>
          <RateCard kind="settlement" objectId={detail.id} />
        </div>
      ) : null}
    </Drawer>
  );
}

function SettlementTable({ onOpen }: { onOpen: (id: number) => void }) {
  const { api } = useMe();
  const columns: ProColumns<Settlement>[] = [
    { title: '申请编号', dataIndex: 'number', render: (_, s) => <a onClick={() => onOpen(s.id)}>{s.number}</a> },
    { title: '状态', dataIndex: 'state', render: (_, s) => <Tag color={STATE_COLORS[s.state]}>{s.state_label}</Tag> },
    { title: '结汇金额', render: (_, s) => money(s.amount), align: 'right' },
    { title: '结汇日期', dataIndex: 'settle_date' },
    { title: '指定汇率', dataIndex: 'rate', align: 'right' },
    { title: '实际汇率', render: (_, s) => s.actual_rate ?? '—', align: 'right' },
    { title: '人民币到账', render: (_, s) => money(s.cny_amount), align: 'right' },
    { title: '剩余未结汇', render: (_, s) => money(s.remaining_usd), align: 'right' },
    { title: '提交时间', render: (_, s) => dateTime(s.created_at) },
  ];
  return (
    <ProTable<Settlement>
      rowKey="id"
      search={false}
      options={{ reload: true, density: false, setting: false }}
      columns={columns}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      locale={{ emptyText: '还没有结汇申请，点击「快速结汇」发起' }}
      request={async ({ current, pageSize }) => {
        const data = await unwrap(api.client.GET('/api/v1/fx/settlements', { params: { query: { page: current, page_size: pageSize } } }));
        return { data: data.items, total: data.total, success: true };
      }}
      scroll={{ x: 1000 }}
      data-testid="fx-settlements"
    />
  );
}

function LedgerTable() {
  const { api } = useMe();
  const columns: ProColumns<Entry>[] = [
    { title: '时间', render: (_, e) => dateTime(e.created_at) },
    { title: '类型', render: (_, e) => <Tag color={ENTRY_COLORS[e.kind]}>{e.kind_label}</Tag> },
    { title: '余额变动', render: (_, e) => (Number(e.amount.amount) === 0 ? '—' : money(e.amount, true)), align: 'right' },
    { title: '冻结变动', render: (_, e) => (Number(e.frozen.amount) === 0 ? '—' : money(e.frozen, true)), align: 'right' },
    { title: '变动后余额', render: (_, e) => money(e.balance_after), align: 'right' },
    { title: '结汇中金额', render: (_, e) => money(e.frozen_after), align: 'right' },
    { title: '说明', dataIndex: 'note', width: 340 },
  ];
  return (
    <ProTable<Entry>
      rowKey="id"
      search={false}
      options={{ reload: true, density: false, setting: false }}
      columns={columns}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      locale={{ emptyText: '暂无收结汇明细' }}
      request={async ({ current, pageSize }) => {
        const data = await unwrap(api.client.GET('/api/v1/fx/entries', { params: { query: { page: current, page_size: pageSize } } }));
        return { data: data.items, total: data.total, success: true };
      }}
      scroll={{ x: 1200 }}
      data-testid="fx-ledger"
    />
  );
}

export default function FxSettlementsPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const openId = params.get('id') ? Number(params.get('id')) : null;
  const tab = params.get('tab') === 'ledger' ? 'ledger' : 'settlements';
  const canEdit = access.can(EDIT);

  const load = useCallback(() => {
    setError(null);
    unwrap(api.client.GET('/api/v1/fx/summary'))
      .then((s) => setAccount(s.account))
      .catch((e) => setError(errorMessage(e)));
  }, [api]);
  useEffect(load, [load]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeading subtitle="子账户美元余额、结汇申请与收结汇明细" />
      {error ? <Alert type="error" showIcon message={error} action={<Button onClick={load}>重试</Button>} /> : null}
      <BalanceCard
        account={account}
        loading={account === undefined && !error}
        extra={
          <Space>
            <Link to="/fx/rates">查看汇率</Link>
            <Tooltip title={canEdit ? '' : '只读成员不能发起结汇'}>
              <Button type="primary" icon={<DollarOutlined />} disabled={!canEdit || !account} onClick={() => navigate('/fx/settlements/new')} data-testid="fx-new">
                快速结汇
              </Button>
            </Tooltip>
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'ledger' ? 'ledger' : null })}
        items={[
          { key: 'settlements', label: '结汇明细', children: <SettlementTable onOpen={(id) => update({ id: String(id) })} /> },
          { key: 'ledger', label: '收结汇明细', children: <LedgerTable /> },
        ]}
      />
      <SettlementDrawer id={openId} onClose={() => update({ id: null })} />
    </Space>
  );
}
