/** One 总分单 / 汇总申请 / 撤销申请 on the H5, in a bottom sheet: its status explained, its facts and
 * the customs receipts (status, customs' own text, time) — what the PC drawer shows. */
import { ErrorBlock, List, Popup, Tag } from 'antd-mobile';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { components } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage } from '@/shared/errors';
import { MobileLoading } from './MobileCustomsShell';
import { MobileStatusTag } from './OrdersPage';

type Receipt = components['schemas']['ReceiptOut'];
type Explained = components['schemas']['ExplainedOut'];

/** The customs receipts, newest first. */
export function MobileReceipts({ receipts }: { receipts: readonly Receipt[] }) {
  if (receipts.length === 0) return <div className="m-customs__muted m-customs__pad">还没有海关回执</div>;
  return (
    <List data-testid="m-receipts">
      {[...receipts].reverse().map((r, index) => (
        <List.Item
          key={index}
          extra={<MobileStatusTag status={r.explained} />}
          description={
            <div>
              <div>{r.explained.meaning}</div>
              {r.return_info && !r.explained.meaning.includes(r.return_info) ? <div data-testid="m-receipt-info">海关回执：{r.return_info}</div> : null}
              {r.applied ? null : <div>迟到或重复的回执，未改变状态</div>}
            </div>
          }
        >
          <span className="m-customs__muted">{r.return_time ? formatDateTime(r.return_time) : '时间未知'}</span>
        </List.Item>
      ))}
    </List>
  );
}

/** The facts of a document as label / value rows. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <List>
      {rows.map(([label, value]) => (
        <List.Item key={label} extra={<span className="m-customs__value">{value}</span>}>
          {label}
        </List.Item>
      ))}
    </List>
  );
}

export function NumberTags({ numbers }: { numbers: readonly string[] }) {
  return (
    <div className="m-customs__tags m-customs__pad">
      {numbers.map((no) => (
        <Tag key={no} fill="outline">
          {no}
        </Tag>
      ))}
    </div>
  );
}

/** A bottom sheet that loads one document by id and renders it; closed when id is null. */
export function DocSheet<T extends { status: Explained; receipts: Receipt[] }>({
  id,
  title,
  load,
  onClose,
  children,
}: {
  id: number | null;
  title: (detail: T | null) => string;
  load: (id: number) => Promise<T>;
  onClose: () => void;
  children: (detail: T) => ReactNode;
}) {
  const [detail, setDetail] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    if (!id) return;
    setDetail(null);
    setError(null);
    loader
      .current(id)
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [id]);
  return (
    <Popup
      visible={id !== null}
      onMaskClick={onClose}
      onClose={onClose}
      position="bottom"
      destroyOnClose
      bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, maxHeight: '85vh', overflowY: 'auto', background: '#f5f6fa' }}
    >
      <div className="m-customs__sheet" data-testid="m-doc-sheet">
        <div className="m-customs__sheet-head">
          <span>{title(detail)}</span>
          <a role="button" onClick={onClose} data-testid="m-doc-sheet-close">
            关闭
          </a>
        </div>
        {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
        {!detail && !error ? <MobileLoading /> : null}
        {detail ? (
          <>
            <div className="m-customs__hero">
              <MobileStatusTag status={detail.status} />
              <div className="m-customs__meaning">{detail.status.meaning}</div>
              <div className="m-customs__next">下一步：{detail.status.next_step}</div>
            </div>
            {children(detail)}
            <List header="海关回执">
              <MobileReceipts receipts={detail.receipts} />
            </List>
          </>
        ) : null}
      </div>
    </Popup>
  );
}

/** Scroll the item a message link names into view once it is drawn. */
export function useScrollTo(testId: string | null, ready: boolean) {
  useEffect(() => {
    if (!testId || !ready) return;
    const el = document.querySelector(`[data-testid="${testId}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, [testId, ready]);
}
