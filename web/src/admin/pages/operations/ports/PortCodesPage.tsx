/** 港口代码表 (back office): the customs port codes a 指运港 (CEB603 POD) is chosen from, and each country's
 * main port. Import the official table (replaces every row), edit a row in a drawer, set a main port,
 * enable / disable. A banner while the table still holds the sample rows. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Drawer, Form, Input, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { ApiFailure, errorMessage, fieldErrors, unwrap } from '@/shared/errors';
import { formatDateTime } from '@/shared/datetime';
import { useMe } from '@/shared/session';
import { OperationsPage } from '../OperationsPage';

type Row = components['schemas']['PortCodeOut'];
type State = components['schemas']['PortTableStateOut'];
type RowProblem = { row: number; code: string; message: string };

const VIEW = 'operations:ports:view';
const EDIT = 'operations:ports:edit';

function EditDrawer({ row, onClose, onSaved }: { row: Row | null; onClose: () => void; onSaved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; country: string }>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!row) return;
    const values = await form.validateFields();
    setSaving(true);
    try {
      await unwrap(api.client.PATCH('/api/v1/admin/customs/ports/{port_code_id}', { params: { path: { port_code_id: row.id } }, body: values }));
      message.success(`已保存港口 ${row.code}`);
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e) as never);
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={row ? `编辑港口 ${row.code}` : ''}
      width={480}
      open={row !== null}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="port-save">
            保存
          </Button>
        </Space>
      }
    >
      {row ? (
        <Form form={form} layout="vertical" initialValues={{ name: row.name, country: row.country }} data-testid="port-form">
          <Form.Item label="港口代码">
            <Typography.Text strong>{row.code}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              代码随港口代码表导入，不能修改
            </Typography.Text>
          </Form.Item>
          <Form.Item name="name" label="中文名称" rules={[{ required: true, message: '请填写中文名称' }]}>
            <Input maxLength={100} allowClear />
          </Form.Item>
          <Form.Item
            name="country"
            label="国家（地区）代码"
            extra={row.is_main ? '改到另一个国家（地区）后，该港口不再是默认主港' : '海关国别（地区）代码，如 502（美国）'}
            rules={[{ required: true, message: '请填写国家（地区）代码' }]}
          >
            <Input maxLength={20} allowClear />
          </Form.Item>
        </Form>
      ) : null}
    </Drawer>
  );
}

function TableState({ state }: { state: State | null }) {
  if (!state) return null;
  if (state.is_sample) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="ports-sample-banner"
        message="示例数据，请导入海关港口代码表"
        description={`当前 ${state.sample_rows} 个港口是系统预置的示例，代码未经核对，不能用于正式申报。请从《海关业务代码集》取得官方港口代码表，按模板整理后导入（导入会替换整张表）。`}
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={`共 ${state.total} 个港口（启用 ${state.enabled} 个），${state.countries} 个国家（地区），${state.mains} 个默认主港${state.updated_at ? `；最后更新 ${formatDateTime(state.updated_at)}` : ''}`}
    />
  );
}

export default function PortCodesPage() {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>(undefined);
  const [state, setState] = useState<State | null>(null);
  const [editing, setEditing] = useState<Row | null>(null);
  const [importing, setImporting] = useState(false);
  const [problems, setProblems] = useState<{ message: string; rows: RowProblem[] } | null>(null);
  const canEdit = access.can(EDIT);

  const loadState = useCallback(async () => {
    try {
      setState(await unwrap(api.client.GET('/api/v1/admin/customs/ports/state')));
    } catch (e) {
      message.error(errorMessage(e));
    }
  }, [api, message]);

  useEffect(() => {
    if (access.can(VIEW)) void loadState();
  }, [access, loadState]);

  const reload = () => {
    actionRef.current?.reload();
    void loadState();
  };

  const downloadTemplate = async () => {
    try {
      const result = await api.client.GET('/api/v1/admin/customs/ports/template', { parseAs: 'blob' });
      if (!result.response.ok || !result.data) throw new Error('模板下载失败，请稍后再试');
      const url = URL.createObjectURL(result.data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = '港口代码表模板.csv';
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const importFile = async (file: File) => {
    setImporting(true);
    setProblems(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const next = await unwrap(api.client.POST('/api/v1/admin/customs/ports/import', { body: { file: '' }, bodySerializer: () => form }));
      setState(next);
      actionRef.current?.reload();
      message.success(`已导入 ${next.total} 个港口，原表已替换`);
    } catch (e) {
      const rows = e instanceof ApiFailure && Array.isArray(e.details.rows) ? (e.details.rows as RowProblem[]) : [];
      setProblems({ message: errorMessage(e), rows });
    } finally {
      setImporting(false);
    }
  };

  const act = async (row: Row, action: 'main' | 'enable' | 'disable', done: string) => {
    try {
      const params = { path: { port_code_id: row.id } };
      if (action === 'main') await unwrap(api.client.POST('/api/v1/admin/customs/ports/{port_code_id}/main', { params }));
      else if (action === 'enable') await unwrap(api.client.POST('/api/v1/admin/customs/ports/{port_code_id}/enable', { params }));
      else await unwrap(api.client.POST('/api/v1/admin/customs/ports/{port_code_id}/disable', { params }));
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: ProColumns<Row>[] = [
    { title: '代码或名称', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '如 ULAX 或 洛杉矶' } },
    { title: '国家（地区）', dataIndex: 'country_filter', hideInTable: true, fieldProps: { placeholder: '代码或中文名称，如 502 或 美国' } },
    {
      title: '状态',
      dataIndex: 'enabled_filter',
      valueType: 'select',
      hideInTable: true,
      fieldProps: { placeholder: '全部', options: [{ value: 'true', label: '启用' }, { value: 'false', label: '停用' }] },
    },
    { title: '港口代码', dataIndex: 'code', search: false, width: 110, render: (_d, row) => <Typography.Text strong>{row.code}</Typography.Text> },
    { title: '中文名称', dataIndex: 'name', search: false },
    { title: '国家（地区）', search: false, render: (_d, row) => `${row.country} ${row.country_name}` },
    {
      title: '默认主港',
      search: false,
      width: 100,
      render: (_d, row) => (row.is_main ? <Tag color="blue">默认主港</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: '状态', search: false, width: 80, render: (_d, row) => (row.enabled ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>) },
    { title: '来源', search: false, width: 150, render: (_d, row) => (row.source === 'sample' ? <Tag color="warning">{row.source_label}</Tag> : row.source_label) },
    { title: '更新时间', search: false, width: 170, render: (_d, row) => formatDateTime(row.updated_at) },
    {
      title: '操作',
      valueType: 'option',
      width: 200,
      render: (_d, row) =>
        canEdit
          ? [
              <a key="edit" onClick={() => setEditing(row)} data-testid={`port-edit-${row.code}`}>
                编辑
              </a>,
              !row.is_main && row.enabled ? (
                <a key="main" onClick={() => void act(row, 'main', `${row.code} 已设为默认主港`)}>
                  设为主港
                </a>
              ) : null,
              row.enabled ? (
                <Popconfirm
                  key="disable"
                  title={`停用 ${row.code} ${row.name}？`}
                  description={row.is_main ? '停用后该国家（地区）没有默认主港，申报前需在批次中选择指运港' : '停用后不能再选作指运港'}
                  okText="停用"
                  cancelText="取消"
                  onConfirm={() => act(row, 'disable', `${row.code} 已停用`)}
                >
                  <a>停用</a>
                </Popconfirm>
              ) : (
                <a key="enable" onClick={() => void act(row, 'enable', `${row.code} 已启用`)}>
                  启用
                </a>
              ),
            ]
          : [],
    },
  ];

  return (
    <OperationsPage
      title="港口代码表"
      description="海关港口代码表：批次与清单的「指运港」从这里选择；未指定指运港时，按目的国家（地区）的默认主港申报。"
      permission={VIEW}
    >
      <TableState state={state} />
      {problems ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblems(null)}
          style={{ marginBottom: 16 }}
          data-testid="ports-import-problems"
          message={problems.message}
          description={
            problems.rows.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 200, overflow: 'auto' }}>
                {problems.rows.map((r) => (
                  <li key={r.row}>
                    第 {r.row} 行{r.message}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      <ProTable<Row>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered={false}
        headerTitle="港口代码"
        search={{ labelWidth: 'auto', span: 8, defaultCollapsed: false }}
        options={{ density: false, setting: false, reload: true }}
        pagination={{ defaultPageSize: 20 }}
        locale={{ emptyText: '没有符合条件的港口' }}
        toolBarRender={() => [
          <Button key="template" icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} data-testid="ports-template">
            下载模板
          </Button>,
          canEdit ? (
            <Upload
              key="import"
              accept=".csv,.xlsx"
              showUploadList={false}
              disabled={importing}
              beforeUpload={(file) => {
                void importFile(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={importing} data-testid="ports-import">
                导入港口代码表
              </Button>
            </Upload>
          ) : null,
        ]}
        request={async (params) => {
          const { current, pageSize, keyword, country_filter, enabled_filter } = params as {
            current?: number;
            pageSize?: number;
            keyword?: string;
            country_filter?: string;
            enabled_filter?: 'true' | 'false';
          };
          try {
            const data = await unwrap(
              api.client.GET('/api/v1/admin/customs/ports', {
                params: {
                  query: {
                    page: current ?? 1,
                    page_size: pageSize ?? 20,
                    keyword: keyword ?? '',
                    country: country_filter ?? '',
                    enabled: enabled_filter === undefined ? undefined : enabled_filter === 'true',
                  },
                },
              }),
            );
            return { data: data.items, total: data.total, success: true };
          } catch (e) {
            message.error(errorMessage(e));
            return { data: [], total: 0, success: false };
          }
        }}
      />
      <EditDrawer row={editing} onClose={() => setEditing(null)} onSaved={reload} />
    </OperationsPage>
  );
}
