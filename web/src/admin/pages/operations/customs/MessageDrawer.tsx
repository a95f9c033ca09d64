/** One stored message: its XML (pretty-printed, highlighted), its send state, and the receipts. */
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { xmlTokens } from './xml';
import { formatDateTime } from '@/shared/datetime';

type Detail = components['schemas']['CustomsMessageDetailOut'];

const COLORS: Record<string, string> = { tag: '#1d39c4', attr: '#ad4e00', value: '#389e0d', comment: '#8c8c8c', decl: '#8c8c8c', text: '#1f1f1f' };

export function XmlView({ xml }: { xml: string }) {
  const tokens = useMemo(() => xmlTokens(xml), [xml]);
  return (
    <pre
      data-testid="message-xml"
      style={{ margin: 0, padding: 16, maxHeight: 520, overflow: 'auto', background: '#fafafc', border: '1px solid #f0f0f0', borderRadius: 8, fontSize: 12, lineHeight: 1.6, fontFamily: 'SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', whiteSpace: 'pre' }}
    >
      {tokens.map((t, i) => (
        <span key={i} style={{ color: COLORS[t.kind] }}>
          {t.text}
        </span>
      ))}
    </pre>
  );
}

export function MessageDrawer({ messageId, onClose, onOpen }: { messageId: number | null; onClose: () => void; onOpen: (id: number) => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [raw, setRaw] = useState<'pretty' | 'raw'>('pretty');

  useEffect(() => {
    if (messageId === null) return;
    setDetail(null);
    setError(null);
    unwrap(api.client.GET('/api/v1/admin/customs/messages/{message_id}', { params: { path: { message_id: messageId } } }))
      .then(setDetail)
      .catch((e) => setError(errorMessage(e)));
  }, [api, messageId]);

  const xml = detail ? (raw === 'pretty' ? detail.xml_pretty : detail.xml) : '';

  return (
    <Drawer title={detail ? `${detail.message_type} ${detail.message_type_label}` : '报文'} width={880} open={messageId !== null} onClose={onClose} destroyOnHidden>
      {error ? <Alert type="error" showIcon message="加载报文失败" description={error} /> : null}
      {!detail && !error ? <Spin style={{ display: 'block', margin: '64px auto' }} /> : null}
      {detail ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label="方向">
              <Tag color={detail.direction === 'out' ? 'blue' : 'green'}>{detail.direction_label}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="时间">{formatDateTime(detail.created_at)}</Descriptions.Item>
            <Descriptions.Item label="guid" span={2}>
              <Typography.Text copyable code>
                {detail.guid || '—'}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="商户">{detail.merchant_name || '—'}</Descriptions.Item>
            <Descriptions.Item label="批次">{detail.batch_name || '—'}</Descriptions.Item>
            <Descriptions.Item label="单证数">{detail.entity_count}</Descriptions.Item>
            <Descriptions.Item label="XSD 校验">{detail.schema_valid ? <Tag color="success">通过</Tag> : <Tag color="error">未通过</Tag>}</Descriptions.Item>
            {detail.outbox ? (
              <>
                <Descriptions.Item label="发送状态">
                  <Tag color={detail.outbox.state === 'sent' ? 'success' : detail.outbox.state === 'needs_attention' ? 'error' : 'processing'}>{detail.outbox.state_label}</Tag>
                  {detail.outbox.duplicate ? <Tag>网关报重复（视为已发送）</Tag> : null}
                </Descriptions.Item>
                <Descriptions.Item label="尝试次数">{detail.outbox.attempts}</Descriptions.Item>
                <Descriptions.Item label="网关应答" span={2}>
                  {detail.outbox.gateway_reply || detail.outbox.last_error || '—'}
                </Descriptions.Item>
              </>
            ) : null}
            {detail.problem ? (
              <Descriptions.Item label="问题" span={2}>
                <Typography.Text type="danger">{detail.problem}</Typography.Text>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {detail.documents.length > 0 ? (
            <Table
              size="small"
              rowKey="guid"
              pagination={false}
              title={() => <Typography.Text strong>报文携带的单证</Typography.Text>}
              dataSource={detail.documents}
              columns={[
                { title: '编号', dataIndex: 'number' },
                { title: 'guid', dataIndex: 'guid', render: (v: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v}</Typography.Text> },
                { title: '状态', dataIndex: 'status_label', width: 160 },
              ]}
            />
          ) : null}
          <div>
            <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text strong>报文 XML</Typography.Text>
              <Space>
                <Segmented size="small" value={raw} onChange={(v) => setRaw(v as 'pretty' | 'raw')} options={[{ value: 'pretty', label: '排版' }, { value: 'raw', label: '原文' }]} />
                <Button
                  size="small"
                  icon={<CopyOutlined />}
                  onClick={() => {
                    void navigator.clipboard?.writeText(detail.xml).then(() => message.success('已复制原文'));
                  }}
                >
                  复制原文
                </Button>
              </Space>
            </Space>
            <XmlView xml={xml} />
          </div>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => <Typography.Text strong>回执</Typography.Text>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无回执" /> }}
            dataSource={detail.receipts}
            columns={[
              { title: '回执', dataIndex: 'message_type', width: 90 },
              {
                title: '状态',
                width: 170,
                render: (_v, r) => (
                  <Tag color={r.return_status.startsWith('-') || r.return_status === '100' ? 'error' : ['120', '399', '800', '899'].includes(r.return_status) ? 'success' : 'processing'}>
                    {r.return_status} {r.return_status_label}
                  </Tag>
                ),
              },
              { title: '回执时间', dataIndex: 'return_time', width: 150 },
              { title: '说明', dataIndex: 'return_info', ellipsis: true },
              {
                title: '',
                width: 80,
                render: (_v, r) => (r.message_id !== detail.id ? <a onClick={() => onOpen(r.message_id)}>查看报文</a> : null),
              },
            ]}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
