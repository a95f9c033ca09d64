/** 我的操作记录 (U1): what this account did, newest first. */
import { Alert, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { MyOperationLogPage } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatTime } from './me';

type Row = MyOperationLogPage['items'][number];

export function LogsTab() {
  const { api } = useMe();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<MyOperationLogPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await unwrap(api.client.GET('/api/v1/me/operation-logs', { params: { query: { page, page_size: 10 } } })));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, page]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="jmt-me__pane">
      <div className="jmt-me__pane-head">
        <Typography.Title level={5}>操作记录</Typography.Title>
        <Typography.Text type="secondary">您的账号做过的操作；捷晶工作人员代为操作的会注明。</Typography.Text>
      </div>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无操作记录' }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '时间', dataIndex: 'created_at', width: 180, render: (v: string) => formatTime(v) },
          { title: '模块', dataIndex: 'module_label', width: 100, render: (v: string) => <Tag bordered={false}>{v}</Tag> },
          { title: '操作', dataIndex: 'action_label', width: 130 },
          { title: '对象', dataIndex: 'object_repr', ellipsis: true },
          {
            title: '改动',
            dataIndex: 'summary',
            ellipsis: true,
            render: (v: string, row) => (
              <>
                {v || <Typography.Text type="secondary">—</Typography.Text>}
                {row.impersonator ? (
                  <Tag bordered={false} color="warning" style={{ marginLeft: 8 }}>
                    {row.impersonator.display} 代操作
                  </Tag>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
