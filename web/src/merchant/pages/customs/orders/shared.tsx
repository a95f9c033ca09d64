/**
 * Pieces every customs page shares: the explained status tag, the receipt list, the page shell
 * (catalog gate + breadcrumb + title card) and the types of the customs API.
 */
import { Breadcrumb, Card, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { useMe } from '@/shared/session';
import CatalogPage from '../../catalog/CatalogPage';
import { formatDateTime } from '@/shared/datetime';

export type Explained = components['schemas']['ExplainedOut'];
export type ReceiptRow = components['schemas']['ReceiptOut'];

const TONE_COLOR: Record<string, string> = {
  success: 'success',
  processing: 'processing',
  warning: 'warning',
  error: 'error',
  default: 'default',
};

/** A status as a tag; hovering shows what it means and what to do next. */
export function StatusTag({ status, testId }: { status: Explained; testId?: string }) {
  return (
    <Tooltip
      title={
        <div>
          <div>{status.meaning}</div>
          <div style={{ marginTop: 4, opacity: 0.85 }}>下一步：{status.next_step}</div>
        </div>
      }
    >
      <Tag color={TONE_COLOR[status.tone] ?? 'default'} style={{ cursor: 'help', marginInlineEnd: 0 }} data-testid={testId}>
        {status.label}
      </Tag>
    </Tooltip>
  );
}

/** The meaning and the next step under a status, for drawers and detail cards. */
export function StatusExplained({ status }: { status: Explained }) {
  return (
    <Space direction="vertical" size={4}>
      <Space size={8}>
        <StatusTag status={status} />
        <Typography.Text>{status.meaning}</Typography.Text>
      </Space>
      <Typography.Text type="secondary">下一步：{status.next_step}</Typography.Text>
    </Space>
  );
}

/** A decimal from the API ("51.00000", "0.700000000000000") as people write it: 51, 0.7. */
export function num(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  return n.toLocaleString('zh-CN', { maximumFractionDigits: 5 });
}

export function formatTime(value: string | null | undefined): string {
  return formatDateTime(value);
}

export function ReceiptList({ receipts }: { receipts: readonly ReceiptRow[] }) {
  if (receipts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有海关回执" />;
  return (
    <List
      size="small"
      dataSource={[...receipts].reverse()}
      renderItem={(r) => (
        <List.Item>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space size={8} wrap>
              <StatusTag status={r.explained} />
              <Typography.Text type="secondary">{formatTime(r.return_time)}</Typography.Text>
              {r.applied ? null : <Typography.Text type="secondary">（迟到或重复的回执，未改变状态）</Typography.Text>}
            </Space>
            <Typography.Text>{r.explained.meaning}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Catalog gate, breadcrumb and the title card of a customs page. */
export function CustomsShell({ fallbackTitle, intro, extra, children }: { fallbackTitle: string; intro: ReactNode; extra?: ReactNode; children: ReactNode }) {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  if (!gate || !gate.ok) return <CatalogPage />;
  const title = gate.item?.title ?? fallbackTitle;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card variant="borderless" className="jmt-card">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {title}
              </Typography.Title>
              <Typography.Text type="secondary">{intro}</Typography.Text>
            </div>
            {extra}
          </Space>
        </Card>
        {children}
      </Space>
    </>
  );
}
