/**
 * Back office 消息中心: the staff member's own messages, publishing a 系统公告 to every merchant user,
 * the announcements sent, and every message sent with its WeChat push status.
 */
import { NotificationOutlined, SendOutlined } from '@ant-design/icons';
import { ProForm, ProFormText, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Card, Col, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { paths } from '@/shared/api/schema';
import { MessageCenter } from '@/shared/components/MessageCenter';
import { errorMessage, fieldErrors, unwrap, ApiFailure } from '@/shared/errors';
import { fullTime, KIND_COLORS } from '@/shared/messages';
import { useMe } from '@/shared/session';

type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : never;
type AnnouncementRow = JsonOf<paths['/api/v1/admin/notifications/announcements']['get']['responses'][200]>['items'][number];
type SentRow = JsonOf<paths['/api/v1/admin/notifications/messages']['get']['responses'][200]>['items'][number];

export const PUBLISH_PERMISSION = 'system:parameters:edit';
export const SENT_LIST_PERMISSION = 'system:logs:view';

const PUSH_LABELS: Record<SentRow['push_status'], { text: string; color: string }> = {
  sent: { text: '已推送', color: 'success' },
  not_following: { text: '未关注服务号', color: 'warning' },
  failed: { text: '推送失败', color: 'error' },
  skipped: { text: '未推送', color: 'default' },
  pending: { text: '排队中', color: 'processing' },
  none: { text: '未绑定微信', color: 'default' },
};

function PublishAnnouncement({ onPublished }: { onPublished: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = ProForm.useForm<{ title: string; content: string; link?: string }>();
  return (
    <Row gutter={24}>
      <Col xs={24} lg={14}>
        <Card variant="borderless" className="jmt-card" title="发布系统公告">
          <ProForm
            form={form}
            layout="vertical"
            submitter={{
              searchConfig: { submitText: '发布公告' },
              resetButtonProps: false,
              submitButtonProps: { icon: <SendOutlined /> },
            }}
            onFinish={async (values) => {
              try {
                const created = await unwrap(
                  api.client.POST('/api/v1/admin/notifications/announcements', {
                    body: { title: values.title, content: values.content, link: values.link ?? '' },
                  }),
                );
                message.success(`「${created.title}」已发布，正在发送给全部商户用户`);
                form.resetFields();
                onPublished();
                return true;
              } catch (e) {
                if (e instanceof ApiFailure && e.status === 422) form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]);
                message.error(errorMessage(e));
                return false;
              }
            }}
          >
            <ProFormText name="title" label="标题" placeholder="如：春节放假安排" rules={[{ required: true, message: '请填写标题' }]} fieldProps={{ maxLength: 100, showCount: true }} />
            <ProFormTextArea
              name="content"
              label="内容"
              placeholder="公告正文，将显示在商户的消息中心，并通过微信服务号推送"
              rules={[{ required: true, message: '请填写内容' }]}
              fieldProps={{ rows: 6, maxLength: 2000, showCount: true }}
            />
            <ProFormText
              name="link"
              label="跳转页面（可选）"
              placeholder="站内路由，如 /training/courses"
              rules={[{ pattern: /^(\/\S*)?$/, message: '请填写以 / 开头的站内路由' }]}
            />
          </ProForm>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Alert
          type="info"
          showIcon
          icon={<NotificationOutlined />}
          message="公告会发给所有商户用户"
          description="发布后在后台任务中逐一送达每位商户用户的消息中心（商户页面实时出现），已关注服务号的用户同时收到微信模板消息。"
          style={{ borderRadius: 12 }}
        />
      </Col>
    </Row>
  );
}

function Announcements({ actionRef }: { actionRef: React.MutableRefObject<ActionType | undefined> }) {
  const { api } = useMe();
  const columns: ProColumns<AnnouncementRow>[] = [
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '内容', dataIndex: 'content', ellipsis: true, width: '32%' },
    { title: '发布人', dataIndex: 'published_by', width: 120 },
    { title: '发布时间', dataIndex: 'created_at', width: 170, render: (_, row) => fullTime(row.created_at) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (_, row) => (row.status === 'sent' ? <Tag color="success">已送达</Tag> : <Tag color="processing">发送中</Tag>),
    },
    { title: '接收 / 已读', width: 120, render: (_, row) => `${row.recipients} / ${row.read_count}` },
  ];
  return (
    <ProTable<AnnouncementRow>
      actionRef={actionRef}
      rowKey="id"
      search={false}
      options={{ reload: true, density: false, setting: false }}
      headerTitle="已发布的公告"
      columns={columns}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      request={async ({ current, pageSize }) => {
        const data = await unwrap(api.client.GET('/api/v1/admin/notifications/announcements', { params: { query: { page: current, page_size: pageSize } } }));
        return { data: data.items, total: data.total, success: true };
      }}
      cardProps={{ className: 'jmt-card', bordered: false }}
    />
  );
}

function SentMessages() {
  const { api } = useMe();
  const columns: ProColumns<SentRow>[] = [
    {
      title: '类别',
      dataIndex: 'kind',
      width: 120,
      valueType: 'select',
      valueEnum: { status: { text: '业务状态变更' }, todo: { text: '待办提醒' }, announcement: { text: '系统公告' } },
      render: (_, row) => (
        <Tag bordered={false} color={KIND_COLORS[row.kind].tag}>
          {row.kind_label}
        </Tag>
      ),
    },
    { title: '标题', dataIndex: 'title', ellipsis: true, search: false },
    { title: '接收人', dataIndex: 'recipient', render: (_, row) => row.recipient_name, fieldProps: { placeholder: '手机号或姓名' } },
    { title: '商户', dataIndex: 'merchant_name', search: false, render: (_, row) => row.merchant_name || '—' },
    { title: '已读', dataIndex: 'read', width: 80, search: false, render: (_, row) => (row.read ? '已读' : <Typography.Text type="warning">未读</Typography.Text>) },
    {
      title: '微信推送',
      dataIndex: 'push_status',
      width: 130,
      search: false,
      render: (_, row) => (
        <Tag color={PUSH_LABELS[row.push_status].color}>
          {PUSH_LABELS[row.push_status].text}
          {row.push_errcode ? ` ${row.push_errcode}` : ''}
        </Tag>
      ),
    },
    { title: '发送时间', dataIndex: 'created_at', width: 170, search: false, render: (_, row) => fullTime(row.created_at) },
  ];
  return (
    <ProTable<SentRow>
      rowKey="id"
      headerTitle="发送记录"
      columns={columns}
      search={{ labelWidth: 'auto', defaultCollapsed: false }}
      options={{ reload: true, density: false, setting: false }}
      pagination={{ pageSize: 20, showSizeChanger: false }}
      request={async ({ current, pageSize, kind, recipient }) => {
        const data = await unwrap(
          api.client.GET('/api/v1/admin/notifications/messages', {
            params: { query: { page: current, page_size: pageSize, kind: kind || undefined, recipient: recipient || '' } },
          }),
        );
        return { data: data.items, total: data.total, success: true };
      }}
      cardProps={{ className: 'jmt-card', bordered: false }}
    />
  );
}

export default function MessagesPage() {
  const { api, me, access } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const announcements = useRef<ActionType>();
  const canPublish = access.can(PUBLISH_PERMISSION);
  const canList = access.can(SENT_LIST_PERMISSION);
  const tabs = [
    {
      key: 'inbox',
      label: '我的消息',
      children: <MessageCenter api={api} scope={me.merchant?.id} onOpenLink={(link) => navigate(link)} subtitle="分配给您的待办与业务提醒会实时出现在这里" hideTitle />,
    },
    ...(canPublish
      ? [
          {
            key: 'publish',
            label: '发布公告',
            children: (
              <Space direction="vertical" size={24} style={{ width: '100%' }}>
                <PublishAnnouncement onPublished={() => announcements.current?.reload()} />
                {canList ? <Announcements actionRef={announcements} /> : null}
              </Space>
            ),
          },
        ]
      : []),
    ...(canList ? [{ key: 'sent', label: '发送记录', children: <SentMessages /> }] : []),
  ];
  const active = tabs.some((t) => t.key === params.get('tab')) ? (params.get('tab') as string) : 'inbox';
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }} data-testid="page-title">
        消息中心
      </Typography.Title>
      <Tabs activeKey={active} onChange={(key) => setParams({ tab: key }, { replace: true })} items={tabs} destroyInactiveTabPane={false} />
    </>
  );
}
