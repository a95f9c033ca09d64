/**
 * 汇总申请单报送 (C4): the month's 结关 inventories become one 汇总申请单 (CEB701), filed by the 15th
 * of the following month; the CEB792 result brings the 报关单号 the tax refund needs.
 */
import { CalendarOutlined, CopyOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Drawer, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { CustomsShell, formatTime, num, ReceiptList, StatusExplained, StatusTag } from '../orders/shared';
import '../customs.css';

type Listing = components['schemas']['SummariesOut'];
type Candidate = components['schemas']['SummaryCandidateOut'];
type SummaryRow = components['schemas']['SummaryRowOut'];
type SummaryDetail = components['schemas']['SummaryDetailOut'];

const EDIT = 'customs:summaries:edit';

function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y)}年${Number(m)}月`;
}

export function daysLeft(due: string, today: Dayjs = dayjs()): number {
  return dayjs(due).startOf('day').diff(today.startOf('day'), 'day');
}

function SummaryDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<SummaryDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/customs/summaries/{summary_apply_id}', { params: { path: { summary_apply_id: id } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, id]);
  return (
    <Drawer open={id !== null} onClose={onClose} width={620} title={detail ? `${monthLabel(detail.month)} 汇总申请` : '汇总申请详情'} destroyOnHidden>
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {!detail && !error ? <Skeleton active /> : null}
      {detail ? (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <StatusExplained status={detail.status} />
          {detail.entry_id ? (
            <Alert
              type="success"
              showIcon
              message={
                <Space>
                  <span>报关单号</span>
                  <Typography.Text strong copyable={{ icon: <CopyOutlined />, onCopy: () => message.success('已复制报关单号') }} data-testid="entry-id">
                    {detail.entry_id}
                  </Typography.Text>
                </Space>
              }
              description="已保存，办理出口退税时使用。"
            />
          ) : null}
          <Descriptions size="small" column={2} bordered labelStyle={{ whiteSpace: 'nowrap' }}>
            <Descriptions.Item label="汇总月份">{monthLabel(detail.month)}</Descriptions.Item>
            <Descriptions.Item label="截止日期">{detail.due_date}</Descriptions.Item>
            <Descriptions.Item label="汇总申请编号">{detail.sum_no || '海关入库后生成'}</Descriptions.Item>
            <Descriptions.Item label="企业编号">{detail.cop_no}</Descriptions.Item>
            <Descriptions.Item label="清单数">{detail.inventories} 票</Descriptions.Item>
            <Descriptions.Item label="毛重合计">{num(detail.gross_weight)} 千克</Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>汇总的清单</Typography.Title>
            <Space wrap size={4}>
              {detail.invt_nos.map((no) => (
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

export default function SummariesPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const canEdit = access.can(EDIT);
  const [params] = useSearchParams();
  const [data, setData] = useState<Listing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [month, setMonth] = useState<Dayjs | null>(params.get('month') ? dayjs(`${params.get('month')}-01`) : null);
  const [busy, setBusy] = useState(false);
  const [openId, setOpenId] = useState<number | null>(Number(params.get('id')) || null);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const listing = await unwrap(api.client.GET('/api/v1/customs/summaries'));
      setData(listing);
      setMonth((m) => m ?? (listing.candidates[0] ? dayjs(`${listing.candidates[0].month}-01`) : null));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const candidates = useMemo(() => data?.candidates ?? [], [data]);
  const selected = month ? candidates.filter((c) => c.month === month.format('YYYY-MM')) : [];
  const selectedCount = selected.reduce((n, c) => n + c.inventories, 0);
  const nothingYet = candidates.length === 0 && (data?.items ?? []).length === 0;
  // Why the month cannot be picked or the button pressed, said next to them.
  const blocker = !canEdit
    ? '只读成员不能报送'
    : candidates.length === 0
      ? '还没有已结关、待汇总的清单，清单结关后即可选择月份'
      : !month
        ? '请先选择结关月份'
        : selectedCount === 0
          ? `${monthLabel(month.format('YYYY-MM'))}没有待汇总的清单`
          : null;
  const urgent = [...candidates].sort((a, b) => a.due_date.localeCompare(b.due_date))[0];

  const submit = async () => {
    if (!month) return;
    setBusy(true);
    try {
      const created = await unwrap(api.client.POST('/api/v1/customs/summaries', { body: { month: month.format('YYYY-MM'), customs_code: '' } }));
      message.success(`已提交 ${monthLabel(created.month)} 汇总申请（${created.inventories} 票清单）`);
      await load();
      setOpenId(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const reminder = urgent ? (
    <Alert
      type={urgent.overdue ? 'error' : !urgent.current_month && daysLeft(urgent.due_date) <= 5 ? 'warning' : 'info'}
      showIcon
      icon={<CalendarOutlined />}
      message={
        urgent.overdue
          ? `${monthLabel(urgent.month)}的汇总已超过截止日（${urgent.due_date}），请尽快提交`
          : urgent.current_month
            ? `本月已结关的清单，最迟在 ${urgent.due_date} 前提交汇总申请（还剩 ${daysLeft(urgent.due_date)} 天）`
            : `请在 ${urgent.due_date} 前提交 ${monthLabel(urgent.month)} 的汇总申请（还剩 ${daysLeft(urgent.due_date)} 天）`
      }
      description={`${urgent.inventories} 票已结关的清单等待汇总。汇总后海关生成报关单，报关单号用于出口退税。`}
      data-testid="summary-reminder"
    />
  ) : null;

  return (
    <CustomsShell
      fallbackTitle="汇总申请单报送"
      intro="每月 15 日前，把上月已结关（B 类汇总申报）的清单汇总申报；海关生成报关单后，报关单号自动保存，用于出口退税。"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          刷新
        </Button>
      }
    >
      {error ? <Alert type="error" showIcon message="加载失败" description={error} action={<Button size="small" onClick={() => void load()}>重试</Button>} /> : null}
      <Card variant="borderless" className="jmt-card" title="生成汇总申请">
        {loading && !data ? (
          <Skeleton active />
        ) : (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {reminder}
            {candidates.length === 0 ? (
              nothingYet ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无待汇总的结关清单：清单结关后，每月在这里汇总申报" data-testid="summaries-empty" />
              ) : (
                <Typography.Text type="secondary">暂无待汇总的结关清单</Typography.Text>
              )
            ) : (
              <Row gutter={[16, 16]}>
                {candidates.map((c: Candidate) => (
                  <Col key={`${c.month}-${c.customs_code}`} xs={24} md={12} xl={8}>
                    <div
                      className="jmt-c2-stat"
                      style={{ cursor: 'pointer', outline: month?.format('YYYY-MM') === c.month ? '2px solid #a5b4fc' : undefined }}
                      onClick={() => setMonth(dayjs(`${c.month}-01`))}
                    >
                      <Statistic title={`${monthLabel(c.month)} · 海关 ${c.customs_code}`} value={c.inventories} suffix={<span style={{ fontSize: 14 }}>票待汇总</span>} valueStyle={{ fontWeight: 600 }} />
                      <Typography.Text type={c.overdue ? 'danger' : 'secondary'}>
                        {c.current_month ? '本月尚未结束，可先汇总已结关部分' : `截止 ${c.due_date}`}
                      </Typography.Text>
                    </div>
                  </Col>
                ))}
              </Row>
            )}
            <Space wrap size={12}>
              <DatePicker
                picker="month"
                value={month}
                onChange={setMonth}
                placeholder="选择结关月份"
                allowClear={false}
                disabled={candidates.length === 0}
                data-testid="summary-month"
              />
              <Tooltip title={blocker ?? ''}>
                <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={blocker !== null} onClick={() => void submit()} data-testid="summary-submit">
                  {selectedCount ? `生成并提交汇总（${selectedCount} 票）` : '生成并提交汇总'}
                </Button>
              </Tooltip>
              {blocker ? (
                <Typography.Text type="secondary" data-testid="summary-blocker">
                  {blocker}
                </Typography.Text>
              ) : null}
            </Space>
          </Space>
        )}
      </Card>
      {nothingYet ? null : (
      <Card variant="borderless" className="jmt-card" title="已提交的汇总申请">
        <Table<SummaryRow>
          rowKey="id"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有提交汇总申请" /> }}
          columns={[
            { title: '月份', dataIndex: 'month', render: (v: string, r) => <Typography.Link onClick={() => setOpenId(r.id)}>{monthLabel(v)}</Typography.Link> },
            { title: '清单数', dataIndex: 'inventories', width: 90 },
            { title: '状态', key: 'status', render: (_, r) => <StatusTag status={r.status} testId={`summary-status-${r.id}`} /> },
            { title: '报关单号', dataIndex: 'entry_id', render: (v: string) => (v ? <Typography.Text copyable strong>{v}</Typography.Text> : <Typography.Text type="secondary">等待海关生成</Typography.Text>) },
            { title: '汇总申请编号', dataIndex: 'sum_no', render: (v: string) => v || '—' },
            { title: '提交时间', dataIndex: 'created_at', width: 170, render: (v: string) => formatTime(v) },
          ]}
          data-testid="summaries-table"
        />
      </Card>
      )}
      <SummaryDrawer id={openId} onClose={() => setOpenId(null)} />
    </CustomsShell>
  );
}
