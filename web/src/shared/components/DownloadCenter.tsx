/** 下载中心 on PC and in the back office: a ProTable polled while an export is queued or generating. */
import { CloudDownloadOutlined, DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { formatDateTime } from '../datetime';
import { anyRunning, canRetry, downloadHint, openDownload, POLL_MS, retryDownload, STATUS_TONE, type Download } from '../downloads';
import { errorMessage, unwrap } from '../errors';
import { useMe } from '../session';

export function DownloadCenter({ admin = false }: { admin?: boolean }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const table = useRef<ActionType>();
  const [retrying, setRetrying] = useState<number | null>(null);

  const retry = async (row: Download) => {
    setRetrying(row.id);
    try {
      await retryDownload(api, admin, row);
      message.success('已重新加入生成队列');
      await table.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRetrying(null);
    }
  };

  const download = async (row: Download) => {
    try {
      await openDownload(api, admin, row);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<Download>[] = [
    {
      title: '文件',
      dataIndex: 'title',
      render: (_d, row) => (
        <Space direction="vertical" size={0} style={{ opacity: row.status === 'expired' ? 0.55 : 1 }}>
          <Typography.Text strong={row.status === 'done'}>{row.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.file_name}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 240,
      render: (_d, row) => (
        <div data-testid={`download-status-${row.id}`}>
          <Tag color={STATUS_TONE[row.status].pc} bordered={false}>
            {row.status_label}
          </Tag>
          {row.status === 'running' || row.status === 'queued' ? (
            <Progress percent={row.progress} size="small" status="active" style={{ width: 140, marginInlineStart: 4, marginBottom: 0 }} />
          ) : (
            <Typography.Text type={row.status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
              {downloadHint(row, formatDateTime)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: '导出时间', dataIndex: 'created_at', width: 170, render: (_d, row) => formatDateTime(row.created_at) },
    {
      title: '操作',
      key: 'action',
      width: 120,
      render: (_d, row) =>
        canRetry(row) ? (
          <Button type="link" icon={<RedoOutlined />} loading={retrying === row.id} onClick={() => void retry(row)} data-testid={`download-retry-${row.id}`}>
            重新生成
          </Button>
        ) : row.status === 'done' ? (
          <Button type="link" icon={<DownloadOutlined />} onClick={() => void download(row)} data-testid={`download-${row.id}`}>
            下载
          </Button>
        ) : (
          <Tooltip title={row.status === 'expired' ? '文件已过期，请重新导出' : '生成完成后可下载'}>
            <Button type="link" icon={<DownloadOutlined />} disabled>
              下载
            </Button>
          </Tooltip>
        ),
    },
  ];

  return (
    <ProTable<Download>
      actionRef={table}
      rowKey="id"
      columns={columns}
      search={false}
      options={{ reload: true, density: false, setting: false }}
      headerTitle="我的导出"
      tooltip="导出的文件保留 7 天，到期自动删除"
      polling={(rows) => (anyRunning(rows) ? POLL_MS : 0)}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      locale={{
        emptyText: (
          <Empty image={<CloudDownloadOutlined style={{ fontSize: 48, color: '#c3c8d6' }} />} description="还没有导出的文件：在列表页点击「导出」后，文件会出现在这里" />
        ),
      }}
      request={async (params) => {
        const query = { params: { query: { page: params.current ?? 1, page_size: params.pageSize ?? 20 } } };
        const page = await unwrap(admin ? api.client.GET('/api/v1/admin/downloads', query) : api.client.GET('/api/v1/downloads', query));
        return { data: page.items, total: page.total, success: true };
      }}
      data-testid="download-center"
    />
  );
}
