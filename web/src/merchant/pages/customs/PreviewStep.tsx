import { CheckCircleFilled, CloseCircleFilled, DeleteOutlined, DownloadOutlined, ReloadOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Input, Row, Space, Statistic, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CrystalHintTip, CrystalImportReminders } from '@/shared/crystal/CrystalHint';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { READ_ONLY_REASON } from './constants';
import { saveDownload } from './download';
import { cellErrorsByColumn, cellTooltip, GRID_COLUMNS, type ImportReport, type ImportRow } from './importGrid';

interface Props {
  report: ImportReport;
  canEdit: boolean;
  onReupload: () => void;
  onNext: () => void;
  /** The report after a cell was corrected in the grid (totals change). */
  onChanged?: (report: ImportReport) => void;
}

interface EditingCell {
  rowId: number;
  key: string;
  value: string;
}

export function PreviewStep({ report, canEdit, onReupload, onNext, onChanged }: Props) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [errorsOnly, setErrorsOnly] = useState(report.error_rows > 0);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [editing, setEditing] = useState<EditingCell | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  const editable = canEdit && report.status !== 'declared';

  const saveCell = async (cell: EditingCell) => {
    if (savingRef.current) return;
    const current = rows.find((r) => r.id === cell.rowId);
    if (!current || (current.values[cell.key] ?? '') === cell.value) {
      setEditing(null);
      return;
    }
    setSaving(true);
    savingRef.current = true;
    try {
      const updated = await unwrap(
        api.client.PATCH('/api/v1/customs/orders/imports/{import_id}/rows/{importrow_id}', {
          params: { path: { import_id: report.id, importrow_id: cell.rowId } },
          body: { values: { [cell.key]: cell.value } },
        }),
      );
      setRows((prev) => prev.map((r) => (r.id === updated.id ? updated : r)));
      setEditing(null);
      const fresh = await unwrap(api.client.GET('/api/v1/customs/orders/imports/{import_id}', { params: { path: { import_id: report.id } } }));
      onChanged?.(fresh);
      if (updated.is_valid) message.success(`第 ${updated.row} 行已通过校验`);
      else message.warning(`第 ${updated.row} 行还有 ${updated.errors.length} 处需要改正`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  /** 删除 / 恢复 a row: it is kept (restorable) but not declared; the rows it clashed with are re-checked. */
  const toggleDeleted = async (record: ImportRow) => {
    if (savingRef.current) return;
    savingRef.current = true;
    setSaving(true);
    const path = { import_id: report.id, importrow_id: record.id };
    try {
      const updated = await unwrap(
        record.is_deleted
          ? api.client.POST('/api/v1/customs/orders/imports/{import_id}/rows/{importrow_id}/restore', { params: { path } })
          : api.client.POST('/api/v1/customs/orders/imports/{import_id}/rows/{importrow_id}/delete', { params: { path } }),
      );
      setRows((prev) => prev.map((r) => (r.id === updated.id ? updated : r)));
      const fresh = await unwrap(api.client.GET('/api/v1/customs/orders/imports/{import_id}', { params: { path: { import_id: report.id } } }));
      onChanged?.(fresh);
      message.success(updated.is_deleted ? `第 ${updated.row} 行已删除，不会申报` : `第 ${updated.row} 行已恢复`);
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      const data = await unwrap(
        api.client.GET('/api/v1/customs/orders/imports/{import_id}/rows', {
          params: { path: { import_id: report.id }, query: { page, page_size: pageSize, errors_only: errorsOnly } },
        }),
      );
      setRows(data.items);
      setTotal(data.total);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, report.id, page, pageSize, errorsOnly]);

  useEffect(() => {
    void load();
  }, [load]);

  // Once every error is fixed, the "only rows with errors" view would be empty: show all rows.
  useEffect(() => {
    if (report.error_rows === 0 && report.deleted_rows === 0 && errorsOnly) {
      setErrorsOnly(false);
      setPage(1);
    }
  }, [report.error_rows, errorsOnly]);

  const downloadErrors = async () => {
    setDownloading(true);
    try {
      const name = await saveDownload(
        api.client.GET('/api/v1/customs/orders/imports/{import_id}/error-file', { params: { path: { import_id: report.id } }, parseAs: 'blob' }),
        `import-${report.id}-errors.xlsx`,
      );
      message.success(`已下载「${name}」`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  const columns = useMemo<ColumnsType<ImportRow>>(
    () => [
      {
        title: '行号',
        dataIndex: 'row',
        width: 70,
        fixed: 'left',
        render: (row: number) => <Typography.Text type="secondary">{row}</Typography.Text>,
      },
      {
        title: '校验',
        key: 'status',
        width: 96,
        fixed: 'left',
        render: (_, record) => {
          if (record.is_deleted) return <Tag data-testid={`deleted-${record.row}`}>已删除</Tag>;
          if (record.is_valid) return <Tag color="success" icon={<CheckCircleFilled />}>通过</Tag>;
          return (
            <Tooltip
              title={
                <div>
                  {record.errors.map((e, i) => (
                    <div key={i}>
                      {e.cell} {e.message}
                    </div>
                  ))}
                </div>
              }
            >
              <Tag color="error" icon={<CloseCircleFilled />} style={{ cursor: 'help' }}>
                {record.errors.length} 处
              </Tag>
            </Tooltip>
          );
        },
      },
      ...GRID_COLUMNS.map((column) => ({
        title: (
          <span>
            {column.label}
            {column.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
            <CrystalHintTip place="customs_preview" field={column.key} iconOnly />
          </span>
        ),
        key: column.key,
        width: column.width,
        ellipsis: { showTitle: false },
        onCell: (record: ImportRow) => (record.errors.some((e) => e.column === column.key) ? { className: 'jmt-c2-td--bad' } : {}),
        render: (_: unknown, record: ImportRow) => {
          const value = record.values[column.key] ?? '';
          const tip = cellTooltip(cellErrorsByColumn(record.errors)[column.key]);
          if (editing && editing.rowId === record.id && editing.key === column.key) {
            return (
              <Input
                size="small"
                autoFocus
                disabled={saving}
                value={editing.value}
                status={tip ? 'error' : undefined}
                onChange={(e) => setEditing({ ...editing, value: e.target.value })}
                onPressEnter={(e) => e.currentTarget.blur()}
                onBlur={() => void saveCell(editing)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setEditing(null);
                }}
                data-testid={`edit-cell-${record.row}-${column.key}`}
              />
            );
          }
          const startEdit = editable ? () => setEditing({ rowId: record.id, key: column.key, value }) : undefined;
          if (tip) {
            return (
              <Tooltip title={editable ? `${tip}（点击直接修改）` : tip} color="#cf1322">
                <span
                  className={`jmt-c2-cell--bad${editable ? ' jmt-c2-cell--editable' : ''}`}
                  data-testid={`bad-cell-${record.row}-${column.key}`}
                  onClick={startEdit}
                >
                  {value || '（空）'}
                </span>
              </Tooltip>
            );
          }
          if (editable) {
            return (
              <span className="jmt-c2-cell--editable" onClick={startEdit} data-testid={`cell-${record.row}-${column.key}`}>
                {value || <span className="jmt-c2-cell--empty">—</span>}
              </span>
            );
          }
          return value ? (
            <Tooltip title={value} mouseEnterDelay={0.6}>
              <span>{value}</span>
            </Tooltip>
          ) : (
            <span className="jmt-c2-cell--empty">—</span>
          );
        },
      })),
      ...(editable
        ? [
            {
              title: '操作',
              key: 'actions',
              width: 84,
              fixed: 'right' as const,
              render: (_: unknown, record: ImportRow) => (
                <Button
                  size="small"
                  type="link"
                  danger={!record.is_deleted}
                  icon={record.is_deleted ? <RollbackOutlined /> : <DeleteOutlined />}
                  disabled={saving}
                  onClick={() => void toggleDeleted(record)}
                  data-testid={`${record.is_deleted ? 'restore' : 'delete'}-row-${record.row}`}
                >
                  {record.is_deleted ? '恢复' : '删除'}
                </Button>
              ),
            },
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editing, saving, editable, rows],
  );

  const stats = [
    { title: '总行数', value: report.total_rows, color: undefined, suffix: report.deleted_rows ? `行 · 已删除 ${report.deleted_rows}` : '行' },
    { title: '通过', value: report.valid_rows, color: '#16a34a' },
    { title: '有误', value: report.error_rows, color: report.error_rows ? '#cf1322' : undefined, suffix: report.error_count ? `行 · ${report.error_count} 处` : '行' },
    { title: '可申报订单', value: report.declarable_orders, color: '#4f46e5', suffix: `/ ${report.order_count} 单` },
  ];

  const reupload = (
    <Button icon={<UploadOutlined />} onClick={onReupload} disabled={!canEdit}>
      修改后重新上传
    </Button>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        variant="borderless"
        className="jmt-card"
        title="③ 校验预览"
        extra={<Typography.Text type="secondary">{report.file_name}</Typography.Text>}
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            {stats.map((s) => (
              <Col key={s.title} xs={12} lg={6}>
                <div className="jmt-c2-stat">
                  <Statistic title={s.title} value={s.value} valueStyle={{ color: s.color, fontWeight: 600 }} suffix={<span style={{ fontSize: 14 }}>{s.suffix ?? '行'}</span>} />
                </div>
              </Col>
            ))}
          </Row>
          {report.error_rows > 0 ? (
            <Alert
              type="warning"
              showIcon
              message={`${report.error_rows} 行有误，已在表格中标红，鼠标移到红色单元格上可查看原因`}
              description={
                editable
                  ? '点击红色单元格即可直接修改，回车或移开后自动保存并重新校验；错误较多时也可以下载标注错误的文件，在 Excel 中改正后重新上传。可以先申报校验全部通过的订单，也可以全部改好后再申报。'
                  : '请下载标注错误的文件（出错单元格已标红并附批注），在 Excel 中改正后重新上传；也可以先申报校验全部通过的订单。'
              }
            />
          ) : (
            <Alert type="success" showIcon message="全部行校验通过，可以申报" />
          )}
          <CrystalImportReminders importId={report.id} refresh={`${report.valid_rows}-${report.error_count}-${report.deleted_rows}`} />
          <Space wrap size={12} style={{ justifyContent: 'space-between', width: '100%' }}>
            <Space size={8}>
              <Switch checked={errorsOnly} onChange={(on) => { setErrorsOnly(on); setPage(1); }} disabled={report.error_rows === 0 && report.deleted_rows === 0} data-testid="errors-only" />
              <Typography.Text>只看有误的行{report.deleted_rows ? '（含已删除的行）' : ''}</Typography.Text>
            </Space>
            <Space wrap size={8}>
              <Button icon={<DownloadOutlined />} loading={downloading} disabled={report.error_rows === 0} onClick={() => void downloadErrors()} data-testid="download-error-file">
                下载标注错误的文件
              </Button>
              {canEdit ? reupload : <Tooltip title={READ_ONLY_REASON}>{reupload}</Tooltip>}
              <Button type="primary" onClick={onNext} disabled={report.declarable_orders === 0 && report.status !== 'declared'}>
                下一步：申报
              </Button>
            </Space>
          </Space>
          {error ? (
            <Alert
              type="error"
              showIcon
              message="数据加载失败"
              description={error}
              action={
                <Button size="small" icon={<ReloadOutlined />} onClick={() => void load()}>
                  重试
                </Button>
              }
            />
          ) : null}
          <Table<ImportRow>
            rowKey="id"
            size="small"
            bordered
            loading={loading}
            columns={columns}
            dataSource={rows}
            rowClassName={(record) => (record.is_deleted ? 'jmt-c2-row--deleted' : record.is_valid ? '' : 'jmt-c2-row--bad')}
            scroll={{ x: 'max-content', y: 520 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorsOnly ? '没有有误的行' : '没有数据行'} /> }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (n) => (errorsOnly ? `${report.deleted_rows ? '有误或已删除' : '有误'} ${n} 行` : `共 ${n} 行`),
              onChange: (p, size) => {
                setPage(size !== pageSize ? 1 : p);
                setPageSize(size);
              },
            }}
            data-testid="rows-grid"
          />
        </Space>
      </Card>
    </Space>
  );
}
