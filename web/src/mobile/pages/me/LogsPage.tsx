/** 操作记录 on the H5 (U1): what this account did, newest first, ten at a time as the thumb scrolls. */
import { AuditOutlined } from '@ant-design/icons';
import { ErrorBlock, InfiniteScroll, List, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import type { MyOperationLogPage } from '@/shared/api/types';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { SubPage } from './SubPage';

type Row = MyOperationLogPage['items'][number];
const PAGE_SIZE = 10;

export default function LogsPage() {
  const { api } = useMe();
  const [rows, setRows] = useState<Row[]>([]);
  const [page, setPage] = useState(0);
  const [hasMore, setHasMore] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  const loadMore = useCallback(async () => {
    try {
      const next = page + 1;
      const data = await unwrap(api.client.GET('/api/v1/me/operation-logs', { params: { query: { page: next, page_size: PAGE_SIZE } } }));
      setRows((current) => [...current, ...data.items]);
      setPage(next);
      setHasMore(next * PAGE_SIZE < data.total);
    } catch (e) {
      setFailure(errorMessage(e));
      setHasMore(false);
    }
  }, [api, page]);

  return (
    <SubPage title="操作记录">
      <div className="mme-sub__note" style={{ margin: '12px 24px 0' }}>
        您的账号做过的操作；捷晶工作人员代为操作的会注明。
      </div>
      {failure ? <ErrorBlock status="default" title="加载失败" description={failure} /> : null}
      {!hasMore && !failure && rows.length === 0 ? <MobileEmpty icon={<AuditOutlined />} title="暂无操作记录" /> : null}
      {rows.length ? (
        <List mode="card" data-testid="m-logs">
          {rows.map((row) => (
            <List.Item
              key={row.id}
              description={
                <div>
                  {row.summary ? <div>{row.summary}</div> : null}
                  <div>{formatDateTime(row.created_at)}</div>
                  {row.impersonator ? (
                    <Tag color="warning" fill="outline">
                      {row.impersonator.display} 代操作
                    </Tag>
                  ) : null}
                </div>
              }
              extra={
                <Tag color="primary" fill="outline">
                  {row.module_label}
                </Tag>
              }
            >
              {row.action_label}
              {row.object_repr ? <span className="mme-sub__static"> · {row.object_repr}</span> : null}
            </List.Item>
          ))}
        </List>
      ) : null}
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {hasMore ? '加载中…' : rows.length ? '没有更多了' : ''}
      </InfiniteScroll>
    </SubPage>
  );
}
