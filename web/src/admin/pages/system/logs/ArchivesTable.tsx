/** 归档文件: the monthly compressed archives of old operation logs, downloadable. */
import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { ProTable } from '@ant-design/pro-components';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { downloadTo, formatBytes, formatTime, type Archive } from './logs';

export function ArchivesTable({ retentionDays }: { retentionDays: number | null }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<number | null>(null);

  const download = async (archive: Archive) => {
    setBusy(archive.id);
    try {
      await downloadTo(
        api.client.GET('/api/v1/admin/audit/archives/{archive_id}/download', { params: { path: { archive_id: archive.id } }, parseAs: 'blob' }),
        archive.file_name,
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ProTable<Archive>
      rowKey="id"
      search={false}
      cardBordered={false}
      options={{ density: false, setting: false, reload: true }}
      headerTitle={
        <Space size={6}>
          归档文件
          <Tooltip title={`每天 03:00 由定时任务把超过 ${retentionDays ?? '—'} 天的整月日志移入压缩文件（JSON Lines，gzip），移出后不再出现在日志列表中。`}>
            <InfoCircleOutlined style={{ color: '#a3a8b8' }} />
          </Tooltip>
        </Space>
      }
      pagination={{ defaultPageSize: 12, showSizeChanger: false }}
      locale={{ emptyText: '还没有归档文件：日志超过保留天数后会按月归档' }}
      onRequestError={(e) => message.error(errorMessage(e))}
      request={async (params) => {
        const data = await unwrap(
          api.client.GET('/api/v1/admin/audit/archives', { params: { query: { page: params.current ?? 1, page_size: params.pageSize ?? 12 } } }),
        );
        return { data: data.items, total: data.total, success: true };
      }}
      columns={[
        { title: '月份', dataIndex: 'month', width: 110, render: (_d, row) => <strong>{row.month}{row.part > 1 ? `（第 ${row.part} 卷）` : ''}</strong> },
        { title: '文件', dataIndex: 'file_name', render: (_d, row) => <Typography.Text code>{row.file_name}</Typography.Text> },
        { title: '条数', dataIndex: 'row_count', width: 110, align: 'right', render: (_d, row) => row.row_count.toLocaleString('zh-CN') },
        { title: '大小', dataIndex: 'size_bytes', width: 100, align: 'right', render: (_d, row) => formatBytes(row.size_bytes) },
        { title: '记录时间范围', dataIndex: 'first_created_at', width: 300, render: (_d, row) => `${formatTime(row.first_created_at, false)} 至 ${formatTime(row.last_created_at, false)}` },
        { title: '归档时间', dataIndex: 'created_at', width: 160, render: (_d, row) => formatTime(row.created_at, false) },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 130,
          render: (_d, row) => (
            <Typography.Text copyable={{ text: row.sha256, tooltips: ['复制校验值', '已复制'] }} style={{ fontSize: 12 }}>
              {row.sha256.slice(0, 10)}…
            </Typography.Text>
          ),
        },
        {
          title: '操作',
          valueType: 'option',
          width: 90,
          render: (_d, row) => [
            <Button key="dl" type="link" size="small" icon={<DownloadOutlined />} loading={busy === row.id} onClick={() => void download(row)}>
              下载
            </Button>,
          ],
        },
      ]}
    />
  );
}
