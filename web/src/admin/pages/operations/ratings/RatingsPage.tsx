/** 服务评价 (U4) in the back office: merchants' ratings of completed items, filtered, and 回复. */
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Rate, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageHeading } from '@/shared/components/PageHeading';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { starWord, type AdminRating } from '@/shared/ratings';
import { useMe } from '@/shared/session';

const EDIT = 'operations:ratings:edit';

function ReplyDrawer({ rating, onClose, onReplied }: { rating: AdminRating | null; onClose: () => void; onReplied: () => void }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue({ reply: rating?.reply ?? '' });
    setFailure(null);
  }, [form, rating]);
  const submit = async ({ reply }: { reply: string }) => {
    if (!rating) return;
    setBusy(true);
    try {
      await unwrap(api.client.POST('/api/v1/admin/ratings/{rating_id}/reply', { params: { path: { rating_id: rating.id } }, body: { reply: reply.trim() } }));
      message.success('已回复，商户会收到站内信和微信通知');
      onReplied();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open={rating !== null} onClose={onClose} width={520} title="服务评价详情" destroyOnHidden>
      {rating ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="admin-rating-detail">
          <Descriptions size="small" column={1} bordered labelStyle={{ width: 100 }}>
            <Descriptions.Item label="商户">{rating.merchant_name}</Descriptions.Item>
            <Descriptions.Item label="业务">
              <Tag bordered={false}>{rating.kind_label}</Tag>
              {rating.subject_admin_route ? <Link to={rating.subject_admin_route}>{rating.subject_title}</Link> : rating.subject_title}
            </Descriptions.Item>
            <Descriptions.Item label="星级">
              <Space>
                <Rate disabled value={rating.stars} style={{ fontSize: 14 }} />
                {starWord(rating.stars)}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="评价内容">{rating.comment || <Typography.Text type="secondary">未填写</Typography.Text>}</Descriptions.Item>
            <Descriptions.Item label="评价时间">{formatDateTime(rating.created_at)}</Descriptions.Item>
            {rating.replied_at ? (
              <Descriptions.Item label="回复">
                {rating.reply}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rating.replied_by_name} · {formatDateTime(rating.replied_at)}
                  </Typography.Text>
                </div>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {access.can(EDIT) ? (
            <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
              {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} /> : null}
              <Form.Item name="reply" label={rating.replied_at ? '修改回复' : '回复商户'} rules={[{ required: true, whitespace: true, message: '请填写回复内容' }]}>
                <Input.TextArea rows={4} maxLength={500} showCount placeholder="感谢商户的评价，说明改进措施或处理结果" data-testid="admin-rating-reply" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="admin-rating-reply-submit">
                {rating.replied_at ? '更新回复' : '发送回复'}
              </Button>
            </Form>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

export default function RatingsPage() {
  const { api } = useMe();
  const actionRef = useRef<ActionType>();
  const [kinds, setKinds] = useState<{ value: string; label: string }[]>([]);
  const [kind, setKind] = useState<string | undefined>();
  const [stars, setStars] = useState<number | undefined>();
  const [merchant, setMerchant] = useState<number | undefined>();
  const [merchantOptions, setMerchantOptions] = useState<{ value: number; label: string }[]>([]);
  const [answered, setAnswered] = useState<'all' | 'yes' | 'no'>('all');
  const [open, setOpen] = useState<AdminRating | null>(null);

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/admin/ratings/kinds')).then(setKinds).catch(() => setKinds([]));
  }, [api]);
  const searchMerchants = (q: string) => {
    unwrap(api.client.GET('/api/v1/admin/merchants', { params: { query: { q: q.trim() || undefined, page_size: 20 } } }))
      .then((page) => setMerchantOptions(page.items.map((m) => ({ value: m.id, label: m.display_name }))))
      .catch(() => setMerchantOptions([]));
  };

  const columns: ProColumns<AdminRating>[] = [
    { title: '商户', dataIndex: 'merchant_name', width: 130, ellipsis: true },
    {
      title: '业务',
      width: 210,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <Tag bordered={false}>{r.kind_label}</Tag>
          <span>{r.subject_title}</span>
        </Space>
      ),
    },
    {
      title: '星级',
      width: 120,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Rate disabled value={r.stars} style={{ fontSize: 13 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {starWord(r.stars)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '评价内容',
      render: (_, r) =>
        r.comment ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: r.comment }} style={{ margin: 0 }}>
            {r.comment}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '回复',
      width: 80,
      render: (_, r) => (r.replied_at ? <Tag color="success">已回复</Tag> : <Tag color="warning">未回复</Tag>),
    },
    { title: '评价时间', width: 150, render: (_, r) => formatDateTime(r.created_at) },
    {
      title: '操作',
      width: 64,
      render: (_, r) => (
        <a onClick={() => setOpen(r)} data-testid={`admin-rating-open-${r.id}`}>
          {r.replied_at ? '查看' : '回复'}
        </a>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading admin home="工作台" title="服务评价" subtitle="商户对已办结的工商注册、跨境申报、出口退税、结汇与物流的评价；回复后商户会收到站内信和微信通知。" />
      <ProTable<AdminRating>
        actionRef={actionRef}
        rowKey="id"
        search={false}
        options={{ reload: true, density: false, setting: false }}
        headerTitle={
          <Segmented
            value={answered}
            onChange={(v) => setAnswered(v as typeof answered)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'no', label: '未回复' },
              { value: 'yes', label: '已回复' },
            ]}
            data-testid="admin-ratings-answered"
          />
        }
        toolBarRender={() => [
          <Select key="kind" allowClear placeholder="业务类型" style={{ width: 130 }} value={kind} onChange={setKind} options={kinds} data-testid="admin-ratings-kind" />,
          <Select
            key="stars"
            allowClear
            placeholder="星级"
            style={{ width: 150 }}
            value={stars}
            onChange={setStars}
            options={[5, 4, 3, 2, 1].map((n) => ({ value: n, label: `${n} 星 · ${starWord(n)}` }))}
          />,
          <Select
            key="merchant"
            allowClear
            showSearch
            filterOption={false}
            placeholder="商户"
            style={{ width: 200 }}
            value={merchant}
            onChange={setMerchant}
            onSearch={searchMerchants}
            onDropdownVisibleChange={(visible) => visible && !merchantOptions.length && searchMerchants('')}
            options={merchantOptions}
            notFoundContent="没有匹配的商户"
          />,
        ]}
        params={{ kind, stars, merchant, answered }}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的评价' }}
        request={async ({ current, pageSize }) => {
          const data = await unwrap(
            api.client.GET('/api/v1/admin/ratings', {
              params: {
                query: { page: current, page_size: pageSize, kind, stars, merchant_id: merchant, answered: answered === 'all' ? undefined : answered === 'yes' },
              },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
        cardProps={{ className: 'jmt-card', bordered: false }}
        data-testid="admin-ratings"
      />
      <ReplyDrawer
        rating={open}
        onClose={() => setOpen(null)}
        onReplied={() => {
          setOpen(null);
          actionRef.current?.reload();
        }}
      />
    </Space>
  );
}
