/**
 * 水晶行业专项 (A2) in the back office: the hint copy (易碎品申报, 商业发票特殊要求, 文化属性说明 …)
 * that merchants see beside the matching fields of the customs import preview, the shipment form and
 * the product form. Each save is audited; a hidden hint is not shown anywhere.
 */
import { BulbOutlined, EditOutlined } from '@ant-design/icons';
import { ModalForm, ProFormSwitch, ProFormText, ProFormTextArea, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Card, Form, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { AdminHint } from '@/shared/crystal/crystal';
import { PageHeading } from '@/shared/components/PageHeading';
import { formatDateTime } from '@/shared/datetime';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';

const EDIT = 'content:crystal:edit';
type Values = { title: string; body: string; enabled: boolean };

function HintForm({ hint, onClose, onSaved }: { hint: AdminHint | null; onClose: () => void; onSaved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  return (
    <ModalForm<Values>
      title={hint ? `编辑提示：${hint.default_title}` : ''}
      open={hint !== null}
      form={form}
      width={620}
      modalProps={{ destroyOnHidden: true, onCancel: onClose }}
      initialValues={hint ? { title: hint.title, body: hint.body, enabled: hint.enabled } : undefined}
      submitter={{
        searchConfig: { submitText: '保存', resetText: '取消' },
        render: (_, dom) => [
          <Button key="default" onClick={() => hint && form.setFieldsValue({ title: hint.default_title, body: hint.default_body })}>
            恢复默认文案
          </Button>,
          ...dom,
        ],
      }}
      onFinish={async (values) => {
        if (!hint) return false;
        try {
          await unwrap(api.client.PUT('/api/v1/admin/crystal/hints/{key}', { params: { path: { key: hint.key } }, body: values }));
          message.success('已保存，商户端即时生效');
          onSaved();
          return true;
        } catch (e) {
          if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]);
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <Typography.Paragraph type="secondary">显示位置：{hint?.placements.map((p) => p.label).join('、')}</Typography.Paragraph>
      <ProFormText name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]} fieldProps={{ maxLength: 20, showCount: true }} />
      <ProFormTextArea name="body" label="提示文案" rules={[{ required: true, message: '请填写提示文案' }]} fieldProps={{ maxLength: 500, showCount: true, rows: 6 }} />
      <ProFormSwitch name="enabled" label="在商户端显示" />
    </ModalForm>
  );
}

export default function CrystalHintsPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<AdminHint | null>(null);
  const canEdit = access.can(EDIT);

  const columns: ProColumns<AdminHint>[] = [
    {
      title: '提示',
      dataIndex: 'title',
      width: 200,
      render: (_, h) => (
        <Tooltip title={<div style={{ maxWidth: 360 }}>{h.body}</div>}>
          <Typography.Text strong style={{ cursor: 'help' }}>
            <BulbOutlined style={{ color: '#d48806' }} /> {h.title}
          </Typography.Text>
        </Tooltip>
      ),
    },
    { title: '提示文案', dataIndex: 'body', ellipsis: true },
    {
      title: '显示位置',
      key: 'placements',
      width: 260,
      render: (_, h) => (
        <Space size={[4, 4]} wrap>
          {h.placements.map((p) => (
            <Tag key={`${p.place}-${p.field}`}>{p.label}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 140,
      render: (_, h) => (
        <Space size={4}>
          {h.enabled ? <Tag color="green">显示中</Tag> : <Tag>已停用</Tag>}
          {h.edited ? <Tag color="purple">已修改</Tag> : <Tag color="default">默认文案</Tag>}
        </Space>
      ),
    },
    {
      title: '最后修改',
      key: 'updated',
      width: 170,
      render: (_, h) => (h.updated_at ? `${formatDateTime(h.updated_at)} ${h.updated_by}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, h) =>
        canEdit ? (
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(h)} data-testid={`edit-hint-${h.key}`}>
            编辑
          </Button>
        ) : (
          <Typography.Text type="secondary">只读</Typography.Text>
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <PageHeading admin home="工作台" subtitle="表单专项提示文案：商户在报关导入预览、发货单货品与商品编辑的对应字段旁看到这些提示" />
      <Card variant="borderless" className="jmt-card" styles={{ body: { padding: 0 } }}>
        <ProTable<AdminHint>
          rowKey="key"
          actionRef={actionRef}
          columns={columns}
          cardBordered={false}
          headerTitle="表单专项提示文案"
          search={false}
          pagination={false}
          options={{ density: false, setting: false, reload: true }}
          locale={{ emptyText: '暂无提示文案' }}
          onRequestError={(e) => message.error(errorMessage(e))}
          request={async () => {
            const data = await unwrap(api.client.GET('/api/v1/admin/crystal/hints'));
            return { data, total: data.length, success: true };
          }}
          data-testid="crystal-hints-table"
        />
      </Card>
      <HintForm hint={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void actionRef.current?.reload(); }} />
    </Space>
  );
}
