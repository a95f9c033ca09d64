/** TA 退税管理: every claim (filters: merchant, status, export month, amount), one claim with its files,
 * the moves, offline steps and the zip; and the daily status file (upload → preview → confirm). */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Tabs, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '@/shared/datetime';
import { unwrap } from '@/shared/errors';
import { STATE_COLORS, STATE_LABELS, deadlineText, money, type ClaimRowOut, type ClaimState } from '@/shared/refunds';
import { useMe } from '@/shared/session';
import { OperationsPage } from '../OperationsPage';
import { ClaimDrawer } from './ClaimDrawer';
import { StatusFilePanel } from './StatusFilePanel';

export default function RefundsPage() {
  const { api } = useMe();
  const table = useRef<ActionType>();
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState('claims');
  const open = Number(params.get('id')) || null;

  const columns: ProColumns<ClaimRowOut>[] = [
    { title: '关键词', dataIndex: 'q', hideInTable: true, fieldProps: { placeholder: '商户名称 / 退税申报编号 / 报关单号' } },
    { title: '退税申报编号', dataIndex: 'claim_no', search: false, render: (_, row) => <a onClick={() => setParams({ id: String(row.id) })}>{row.claim_no}</a> },
    { title: '商户', dataIndex: 'merchant_name', search: false },
    { title: '报关单号', dataIndex: 'entry_ids', search: false, render: (_, row) => row.entry_ids.join('、') || '—' },
    { title: '出口月份', dataIndex: 'months', valueType: 'dateMonthRange', search: { transform: (v: string[]) => ({ month_from: `${v[0]}-01`.slice(0, 10), month_to: `${v[1]}-01`.slice(0, 10) }) }, render: (_, row) => row.months.join('、') || '—' },
    { title: '申报金额', dataIndex: 'amount', search: false, align: 'right', render: (_, row) => money(row.amount) },
    { title: '金额下限', dataIndex: 'amount_min', valueType: 'digit', hideInTable: true },
    { title: '金额上限', dataIndex: 'amount_max', valueType: 'digit', hideInTable: true },
    {
      title: '状态',
      dataIndex: 'state',
      valueType: 'select',
      valueEnum: Object.fromEntries(Object.entries(STATE_LABELS).map(([k, v]) => [k, { text: v }])),
      render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{row.state_label}</Tag>,
    },
    {
      title: '申报期限',
      dataIndex: 'deadline',
      search: false,
      render: (_, row) => {
        const t = deadlineText(row.deadline);
        return <Typography.Text type={row.state === 'draft' && t.danger ? 'danger' : undefined}>{t.text}</Typography.Text>;
      },
    },
    { title: '提交时间', dataIndex: 'submitted_at', search: false, render: (_, row) => formatDateTime(row.submitted_at) || '—' },
    { title: '到账退税额', dataIndex: 'refund_received', search: false, align: 'right', render: (_, row) => money(row.refund_received) },
  ];

  return (
    <OperationsPage title="退税管理" description="全部退税申报的查看、材料预览与下载、线下办理记录；每日上传税务机关状态文件批量更新进度" permission="operations:refunds:view">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'claims',
            label: '退税申报',
            children: (
              <ProTable<ClaimRowOut>
                rowKey="id"
                actionRef={table}
                columns={columns}
                search={{ labelWidth: 'auto' }}
                pagination={{ defaultPageSize: 20 }}
                options={false}
                locale={{ emptyText: '没有符合条件的退税申报' }}
                request={async (query) => {
                  const page = await unwrap(
                    api.client.GET('/api/v1/admin/refunds/claims', {
                      params: {
                        query: {
                          page: query.current ?? 1,
                          page_size: query.pageSize ?? 20,
                          q: query.q || undefined,
                          state: (query.state as ClaimState) || undefined,
                          month_from: query.month_from,
                          month_to: query.month_to,
                          amount_min: query.amount_min ?? undefined,
                          amount_max: query.amount_max ?? undefined,
                        },
                      },
                    }),
                  );
                  return { data: page.items, total: page.total, success: true };
                }}
              />
            ),
          },
          { key: 'status-files', label: '状态文件导入（每日）', children: <StatusFilePanel onApplied={() => table.current?.reload()} /> },
        ]}
      />
      <ClaimDrawer
        claimId={open}
        onClose={() => setParams({})}
        onChanged={() => table.current?.reload()}
      />
    </OperationsPage>
  );
}
