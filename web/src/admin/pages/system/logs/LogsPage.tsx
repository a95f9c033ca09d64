/** A8 日志管理: the operation log (filters, field-level diff, CSV / Excel export) and its monthly archives. */
import { EyeOutlined, FileExcelOutlined, FileTextOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useExportQueued } from '@/shared/components/useExportQueued';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { SystemPage } from '../accounts/SystemPage';
import { ArchivesTable } from './ArchivesTable';
import { LogDrawer } from './LogDrawer';
import { formatTime, LOG_CODES, toLogQuery, type LogQuery, type LogRow } from './logs';

type Filters = Omit<LogQuery, 'page' | 'page_size'>;
type Option = { label: string; value: string };

function LogTable() {
  const { api } = useMe();
  const { message } = App.useApp();
  const exportQueued = useExportQueued();
  const actionRef = useRef<ActionType>(undefined);
  const filters = useRef<Filters>({});
  const [selected, setSelected] = useState<number[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [options, setOptions] = useState<{ modules: Option[]; actions: Option[] }>({ modules: [], actions: [] });

  useEffect(() => {
    unwrap(api.client.GET('/api/v1/admin/audit/operation-logs/labels'))
      .then(setOptions)
      .catch(() => undefined); // the selects stay empty; the list still works
  }, [api]);

  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    const query = selected.length > 0 ? { format, ids: selected.join(',') } : { ...filters.current, format };
    try {
      const queued = await unwrap(api.client.POST('/api/v1/admin/audit/operation-logs/export', { params: { query } }));
      exportQueued(queued.title);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const columns: ProColumns<LogRow>[] = [
    {
      title: '时间',
      dataIndex: 'created_at',
      valueType: 'dateTimeRange',
      width: 168,
      fieldProps: { placeholder: ['开始时间', '结束时间'] },
      render: (_d, row) => formatTime(row.created_at),
    },
    {
      title: '账号',
      dataIndex: 'actor',
      width: 230,
      fieldProps: { placeholder: '登录名、手机号或姓名' },
      render: (_d, row) => (
        <Space direction="vertical" size={0}>
          {row.actor ? <span>{row.actor.display}</span> : <Tag bordered={false}>系统</Tag>}
          {row.impersonator ? (
            <Tooltip title="后台账号切换为该用户身份后的操作">
              <Tag bordered={false} color="orange" icon={<UserSwitchOutlined />} style={{ marginTop: 2 }}>
                代操作：{row.impersonator.display}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: '模块',
      dataIndex: 'module',
      valueType: 'select',
      hideInTable: true,
      fieldProps: { options: options.modules, showSearch: true, placeholder: '全部模块' },
    },
    {
      title: '操作',
      dataIndex: 'action',
      valueType: 'select',
      width: 150,
      fieldProps: { options: options.actions, showSearch: true, placeholder: '全部操作' },
      render: (_d, row) => (
        <Space size={4} wrap>
          <Tag bordered={false} color="geekblue" style={{ marginInlineEnd: 0 }}>
            {row.module_label}
          </Tag>
          <span>{row.action_label}</span>
        </Space>
      ),
    },
    {
      title: '对象与改动',
      dataIndex: 'summary',
      search: false,
      render: (_d, row) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ display: 'block', maxWidth: 360 }}>
            {row.object_repr || '—'}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: row.summary }} style={{ display: 'block', maxWidth: 360, fontSize: 12 }}>
            {row.changes_count > 0 ? row.summary : '无字段改动'}
          </Typography.Text>
        </div>
      ),
    },
    { title: 'IP', dataIndex: 'ip', search: false, width: 128, render: (_d, row) => row.ip || '—' },
    {
      title: '详情',
      valueType: 'option',
      width: 80,
      render: (_d, row) => [
        <a key="view" onClick={() => setOpen(row.id)} data-testid={`log-view-${row.id}`}>
          <EyeOutlined /> 查看
        </a>,
      ],
    },
  ];

  const scope = selected.length > 0 ? `选中的 ${selected.length} 条` : '筛选结果';

  return (
    <>
      <ProTable<LogRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        cardBordered={false}
        headerTitle="操作日志"
        search={{ labelWidth: 'auto', span: 6, defaultCollapsed: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        options={{ density: false, setting: false, reload: true }}
        locale={{ emptyText: '没有符合条件的操作日志' }}
        scroll={{ x: 1000 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)), preserveSelectedRowKeys: true }}
        tableAlertRender={({ selectedRowKeys, onCleanSelected }) => (
          <Space size={16}>
            <span>已选 {selectedRowKeys.length} 条，导出时只导出选中的记录</span>
            <a onClick={onCleanSelected}>取消选择</a>
          </Space>
        )}
        tableAlertOptionRender={false}
        onRequestError={(e) => message.error(errorMessage(e))}
        toolBarRender={() => [
          <Typography.Text key="scope" type="secondary" style={{ fontSize: 13 }}>
            导出{scope}
          </Typography.Text>,
          <Button key="csv" icon={<FileTextOutlined />} loading={exporting === 'csv'} disabled={exporting !== null} onClick={() => void exportAs('csv')}>
            导出 CSV
          </Button>,
          <Button key="xlsx" icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => void exportAs('xlsx')}>
            导出 Excel
          </Button>,
        ]}
        request={async (params) => {
          filters.current = toLogQuery(params);
          const data = await unwrap(
            api.client.GET('/api/v1/admin/audit/operation-logs', {
              params: { query: { ...filters.current, page: params.current ?? 1, page_size: params.pageSize ?? 20 } },
            }),
          );
          return { data: data.items, total: data.total, success: true };
        }}
      />
      <LogDrawer logId={open} onClose={() => setOpen(null)} />
    </>
  );
}

export default function LogsPage() {
  const { api, access } = useMe();
  const [retention, setRetention] = useState<number | null>(null);

  useEffect(() => {
    if (!access.can('system:parameters:view')) return;
    unwrap(api.client.GET('/api/v1/admin/system/parameters'))
      .then((data) => setRetention(data.values.logs.archive_after_days ?? null))
      .catch(() => undefined);
  }, [api, access]);

  return (
    <SystemPage
      title="日志管理"
      description="每一次写操作的账号、时间、模块、对象、字段改动前后与 IP；可按条件筛选、查看改动、导出 CSV / Excel。"
      permission={LOG_CODES.view}
    >
      <Tabs
        className="jmt-card-tabs"
        items={[
          { key: 'logs', label: '操作日志', children: <LogTable /> },
          { key: 'archives', label: '归档文件', children: <ArchivesTable retentionDays={retention} /> },
        ]}
      />
    </SystemPage>
  );
}
