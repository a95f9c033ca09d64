/** 点点通接口配置 (C6, back office): every merchant's configuration, an edit drawer (secret write-only),
 * saving runs the check and shows its result; 重新检测 per row. */
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Col, Drawer, Form, Input, Row, Space, Switch, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { OperationsPage } from '../OperationsPage';
import { formatDateTime } from '@/shared/datetime';

type Row = components['schemas']['AdminGatewayConfigOut'];
type ConfigIn = components['schemas']['GatewayConfigIn'];

const VIEW = 'operations:gateway:view';
const EDIT = 'operations:gateway:edit';

export function CheckTag({ status, label }: { status: string; label: string }) {
  if (status === 'ok') return <Tag icon={<CheckCircleFilled />} color="success">{label}</Tag>;
  if (status === 'failed') return <Tag icon={<CloseCircleFilled />} color="error">{label}</Tag>;
  if (status === 'missing') return <Tag color="default">未配置</Tag>;
  return <Tag icon={<QuestionCircleFilled />}>{label}</Tag>;
}

function ConfigDrawer({ row, onClose, onSaved }: { row: Row | null; onClose: () => void; onSaved: (row: Row) => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConfigIn>();
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<Row | null>(null);
  const current = result ?? row;

  const save = async () => {
    if (!row) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      const saved = await unwrap(
        api.client.PUT('/api/v1/admin/customs/gateway-configs/{merchant_id}', { params: { path: { merchant_id: row.merchant_id } }, body: values }),
      );
      setResult(saved);
      form.setFieldValue('app_secret', '');
      onSaved(saved);
      if (saved.check_status === 'ok') message.success('已保存，检测通过');
      else message.warning('已保存，但检测未通过');
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as never);
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const initial = row
    ? row.configured
      ? { ...row, app_secret: '' }
      : {
          base_url: '',
          app_key: '',
          app_secret: '',
          ebc_name: row.suggestions?.ebc_name ?? '',
          ebc_code: row.suggestions?.ebc_code ?? '',
          customs_code: '',
          port_code: '',
          dxp_id: '',
          agent_code: '',
          agent_name: '',
          callback_url: '',
          is_enabled: true,
        }
    : {};

  const item = (name: keyof ConfigIn, label: string, opts: { required?: boolean; placeholder?: string; span?: number } = {}) => (
    <Col span={opts.span ?? 12}>
      <Form.Item name={name} label={label} rules={opts.required ? [{ required: true, message: `请填写${label}` }] : undefined}>
        <Input placeholder={opts.placeholder} allowClear />
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      title={row ? `点点通接口配置：${row.merchant_name}` : ''}
      width={760}
      open={row !== null}
      onClose={() => {
        setResult(null);
        onClose();
      }}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="gateway-save">
            保存并检测
          </Button>
        </Space>
      }
    >
      {current && current.configured ? (
        <Alert
          style={{ marginBottom: 16 }}
          type={current.check_status === 'ok' ? 'success' : current.check_status === 'failed' ? 'error' : 'info'}
          showIcon
          data-testid="gateway-check-result"
          message={current.check_status === 'ok' ? '检测通过' : current.check_status === 'failed' ? '检测未通过' : '尚未检测'}
          description={
            <>
              {current.check_message || '保存后自动检测连通性与凭证'}
              {current.checked_at ? (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  （{formatDateTime(current.checked_at)}）
                </Typography.Text>
              ) : null}
            </>
          }
        />
      ) : (
        <Alert style={{ marginBottom: 16 }} type="info" showIcon message="该商户尚未配置点点通接口：填写后保存，系统会立即检测连通性与凭证。" />
      )}
      {row ? (
        <Form form={form} layout="vertical" initialValues={initial} requiredMark="optional" data-testid="gateway-form">
          <Typography.Title level={5}>接口与凭证</Typography.Title>
          <Row gutter={16}>
            {item('base_url', '接口地址', { required: true, placeholder: 'https://…', span: 24 })}
            {item('app_key', 'App Key', { required: true })}
            <Col span={12}>
              <Form.Item
                name="app_secret"
                label="App Secret"
                extra={row.configured ? `${row.app_secret}；留空则保留原密钥` : '加密保存，保存后不再显示'}
                rules={row.configured ? undefined : [{ required: true, message: '请填写 App Secret' }]}
              >
                <Input.Password placeholder={row.configured ? '留空保留原密钥' : '请输入'} autoComplete="new-password" data-testid="gateway-secret" />
              </Form.Item>
            </Col>
            {item('callback_url', '回执回调地址', { placeholder: '留空使用平台默认地址', span: 24 })}
          </Row>
          <Typography.Title level={5}>企业与申报代码</Typography.Title>
          <Row gutter={16}>
            {item('ebc_code', '电商企业代码', { required: true, placeholder: '10 位海关编码或 18 位信用代码' })}
            {item('ebc_name', '电商企业名称', { required: true })}
            {item('ebp_code', '电商平台代码', { placeholder: '留空则与电商企业相同' })}
            {item('ebp_name', '电商平台名称', { placeholder: '留空则与电商企业相同' })}
            {item('agent_code', '申报企业代码', { required: true })}
            {item('agent_name', '申报企业名称', { required: true })}
            {item('customs_code', '申报地海关代码', { required: true, placeholder: '4 位数字' })}
            {item('port_code', '出口口岸代码', { required: true, placeholder: '4 位代码' })}
            {item('dxp_id', 'DXP ID', { required: true })}
            <Col span={12}>
              <Form.Item name="is_enabled" label="启用" valuePropName="checked">
                <Switch checkedChildren="启用" unCheckedChildren="停用" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      ) : null}
    </Drawer>
  );
}

export default function GatewayConfigsPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const [editing, setEditing] = useState<Row | null>(null);
  const [checking, setChecking] = useState<number | null>(null);
  const canEdit = access.can(EDIT);

  const recheck = async (row: Row) => {
    setChecking(row.merchant_id);
    try {
      const data = await unwrap(api.client.POST('/api/v1/admin/customs/gateway-configs/{merchant_id}/check', { params: { path: { merchant_id: row.merchant_id } } }));
      if (data.check_status === 'ok') message.success(`${row.merchant_name}：检测通过`);
      else message.error(`${row.merchant_name}：${data.check_message}`);
      actionRef.current?.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setChecking(null);
    }
  };

  const columns: ProColumns<Row>[] = [
    { title: '商户', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '商户名称或信用代码' } },
    {
      title: '检测结果',
      dataIndex: 'check_status',
      valueType: 'select',
      hideInTable: true,
      fieldProps: {
        placeholder: '全部',
        options: [
          { value: 'missing', label: '未配置' },
          { value: 'unchecked', label: '未检测' },
          { value: 'ok', label: '检测通过' },
          { value: 'failed', label: '检测未通过' },
        ],
      },
    },
    {
      title: '商户',
      dataIndex: 'merchant_name',
      search: false,
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.merchant_name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.configured ? `${row.ebc_name}（${row.ebc_code}）` : '尚未配置'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '接口地址', dataIndex: 'base_url', search: false, ellipsis: true, render: (_d, row) => row.base_url || '—' },
    { title: 'App Key / Secret', search: false, render: (_d, row) => (row.configured ? <Space direction="vertical" size={0}><span>{row.app_key}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.app_secret}</Typography.Text></Space> : '—') },
    { title: 'DXP ID', dataIndex: 'dxp_id', search: false, render: (_d, row) => row.dxp_id || '—' },
    {
      title: '检测结果',
      search: false,
      width: 260,
      render: (_d, row) => (
        <Space direction="vertical" size={2}>
          <Space size={4}>
            <CheckTag status={row.check_status} label={row.check_status_label} />
            {row.configured && !row.is_enabled ? <Tag>已停用</Tag> : null}
          </Space>
          {row.check_message ? (
            <Typography.Text type={row.check_status === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} ellipsis={{ tooltip: row.check_message }}>
              {row.check_message}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 150,
      render: (_d, row) =>
        canEdit
          ? [
              <a key="edit" onClick={() => setEditing(row)} data-testid={`gateway-edit-${row.merchant_id}`}>
                {row.configured ? '编辑' : '配置'}
              </a>,
              row.configured ? (
                <a key="check" onClick={() => void recheck(row)}>
                  {checking === row.merchant_id ? <ReloadOutlined spin /> : null} 重新检测
                </a>
              ) : null,
            ]
          : [<a key="view" onClick={() => setEditing(row)}>查看</a>],
    },
  ];

  return (
    <OperationsPage title="点点通接口配置" description="为每个商户配置点点通接口：地址、App Key / Secret（加密保存）、企业与申报代码、DXP ID。保存后自动检测，检测通过后商户才能提交申报。" permission={VIEW}>
      <ProTable<Row>
        rowKey="merchant_id"
        actionRef={actionRef}
        columns={columns}
        cardBordered={false}
        headerTitle="商户接口配置"
        search={{ labelWidth: 'auto', span: 8, defaultCollapsed: false }}
        options={{ density: false, setting: false, reload: true }}
        pagination={{ defaultPageSize: 20 }}
        locale={{ emptyText: '没有符合条件的商户' }}
        request={async (params) => {
          const { current, pageSize, keyword, check_status } = params as { current?: number; pageSize?: number; keyword?: string; check_status?: '' | 'missing' | 'unchecked' | 'ok' | 'failed' };
          try {
            const data = await unwrap(
              api.client.GET('/api/v1/admin/customs/gateway-configs', { params: { query: { page: current ?? 1, page_size: pageSize ?? 20, keyword: keyword ?? '', check_status: check_status ?? '' } } }),
            );
            return { data: data.items, total: data.total, success: true };
          } catch (e) {
            message.error(errorMessage(e));
            return { data: [], total: 0, success: false };
          }
        }}
      />
      <ConfigDrawer row={editing} onClose={() => setEditing(null)} onSaved={() => actionRef.current?.reload()} />
    </OperationsPage>
  );
}
