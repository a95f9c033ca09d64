/** One operation-log entry: who, when, from where, and the field-level diff (字段 | 改动前 | 改动后). */
import { UserSwitchOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Drawer, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatTime, type ChangeRow, type LogDetail } from './logs';

function Value({ text, empty }: { text: string; empty: boolean }) {
  if (empty) return <Typography.Text type="secondary">（空）</Typography.Text>;
  return (
    <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
      {text}
    </Typography.Paragraph>
  );
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

export function LogDrawer({ logId, onClose }: { logId: number | null; onClose: () => void }) {
  const { api } = useMe();
  const [detail, setDetail] = useState<LogDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (logId === null) return;
    let alive = true;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/admin/audit/operation-logs/{log_id}', { params: { path: { log_id: logId } } }))
      .then((data) => alive && setDetail(data))
      .catch((e) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [api, logId]);

  return (
    <Drawer
      title={detail ? `${detail.module_label} · ${detail.action_label}` : '日志详情'}
      width={760}
      open={logId !== null}
      onClose={onClose}
      destroyOnHidden
      data-testid="log-drawer"
    >
      {error ? <Alert type="error" showIcon message="无法加载日志详情" description={error} /> : null}
      {!detail && !error ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {detail ? (
        <>
          {detail.impersonator ? (
            <Alert
              type="warning"
              showIcon
              icon={<UserSwitchOutlined />}
              style={{ marginBottom: 16, borderRadius: 8 }}
              message={`由后台账号「${detail.impersonator.display}」切换为该用户身份后操作`}
              data-testid="log-impersonator"
            />
          ) : null}
          <Descriptions column={2} size="small" bordered labelStyle={{ width: 112, whiteSpace: 'nowrap' }} style={{ marginBottom: 24 }}>
            <Descriptions.Item label="时间">{formatTime(detail.created_at)}</Descriptions.Item>
            <Descriptions.Item label="账号">{detail.actor ? detail.actor.display : <Tag bordered={false}>系统</Tag>}</Descriptions.Item>
            {detail.impersonator ? <Descriptions.Item label="代操作人" span={2}>{detail.impersonator.display}</Descriptions.Item> : null}
            <Descriptions.Item label="模块">{detail.module_label}</Descriptions.Item>
            <Descriptions.Item label="操作">{detail.action_label}</Descriptions.Item>
            <Descriptions.Item label="对象" span={2}>
              {detail.object_repr || '—'}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {detail.object_type}
                {detail.object_id ? ` #${detail.object_id}` : ''}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="IP">{detail.ip || '—'}</Descriptions.Item>
            <Descriptions.Item label="日志编号">{detail.id}</Descriptions.Item>
            <Descriptions.Item label="浏览器标识" span={2}>
              <Typography.Text copyable={detail.user_agent ? { tooltips: ['复制', '已复制'] } : false} style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {detail.user_agent || '—'}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            字段改动
          </Typography.Title>
          <Table<ChangeRow>
            rowKey="field"
            size="small"
            bordered
            pagination={false}
            dataSource={detail.changes}
            data-testid="log-diff"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该操作没有字段改动" /> }}
            columns={[
              {
                title: '字段',
                dataIndex: 'label',
                width: 170,
                render: (_v, row) => (
                  <span>
                    {row.label}
                    {row.label !== row.field ? (
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {row.field}
                      </Typography.Text>
                    ) : null}
                  </span>
                ),
              },
              { title: '改动前', dataIndex: 'before_text', render: (_v, row) => <Value text={row.before_text} empty={isEmpty(row.before)} /> },
              {
                title: '改动后',
                dataIndex: 'after_text',
                render: (_v, row) => (
                  <div style={{ color: '#166534' }}>
                    <Value text={row.after_text} empty={isEmpty(row.after)} />
                  </div>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
