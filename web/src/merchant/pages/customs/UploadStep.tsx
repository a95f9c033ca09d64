import { InboxOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Card, Form, Progress, Select, Space, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MAX_UPLOAD_BYTES, READ_ONLY_REASON } from './constants';
import { formatBytes, isXlsx, type ImportReport } from './importGrid';

interface BatchChoice {
  id: number;
  name: string;
  status: string;
  status_label: string;
  ebp_name: string;
}

/**
 * Upload.Dragger for one .xlsx. The call is a fetch (no upload-progress events), so the bar moves on a
 * timer while the server parses and validates, and completes when the report arrives.
 */
export function UploadStep({ canEdit, onUploaded }: { canEdit: boolean; onUploaded: (report: ImportReport) => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<{ name: string; size: number } | null>(null);
  const [percent, setPercent] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const timer = useRef<number | null>(null);
  // The batch the orders go into: its platform fills blank 电商平台代码/名称 cells, and 申报 starts from it.
  const [batches, setBatches] = useState<BatchChoice[] | null>(null);
  const [batchId, setBatchId] = useState<number | null>(null);
  const batchRef = useRef<number | null>(null);
  batchRef.current = batchId;

  useEffect(() => {
    let live = true;
    unwrap(api.client.GET('/api/v1/customs/batches', { params: { query: { page: 1, page_size: 100 } } }))
      .then((list) => {
        if (!live) return;
        const items = list.items.map((b) => b.batch as BatchChoice);
        setBatches(items);
        const draft = items.find((b) => b.status === 'draft');
        if (draft && batchRef.current === null) setBatchId(draft.id);
      })
      .catch(() => live && setBatches([]));
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(
    () => () => {
      if (timer.current) window.clearInterval(timer.current);
    },
    [],
  );

  const upload = async (file: File) => {
    setFailure(null);
    setBusy({ name: file.name, size: file.size });
    setPercent(5);
    timer.current = window.setInterval(() => setPercent((p) => (p < 90 ? p + Math.max(1, Math.round((90 - p) / 8)) : p)), 400);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      if (batchRef.current !== null) form.append('batch_id', String(batchRef.current));
      const report = await unwrap(
        api.client.POST('/api/v1/customs/orders/imports', {
          // The generated body type describes the multipart fields; the FormData carries them.
          body: { file: '' },
          bodySerializer: () => form,
        }),
      );
      setPercent(100);
      message.success(`「${file.name}」已上传并完成校验`);
      onUploaded(report);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      if (timer.current) window.clearInterval(timer.current);
      timer.current = null;
      setBusy(null);
    }
  };

  const dragger = (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      maxCount={1}
      showUploadList={false}
      disabled={!canEdit || busy !== null}
      beforeUpload={(file) => {
        if (!isXlsx(file.name)) {
          setFailure('只支持 .xlsx 格式的 Excel 工作簿，请用模板填写后另存为 .xlsx');
          return Upload.LIST_IGNORE;
        }
        if (file.size > MAX_UPLOAD_BYTES) {
          setFailure(`文件过大（${formatBytes(file.size)}），单个文件不能超过 ${formatBytes(MAX_UPLOAD_BYTES)}，请拆分后上传`);
          return Upload.LIST_IGNORE;
        }
        void upload(file);
        return false;
      }}
      style={{ padding: '24px 0' }}
      data-testid="upload-dragger"
    >
      <p className="ant-upload-drag-icon">{canEdit ? <InboxOutlined /> : <LockOutlined style={{ color: '#a3a8b8' }} />}</p>
      <p className="ant-upload-text">{canEdit ? '点击或将填好的电子订单文件拖到此处上传' : READ_ONLY_REASON}</p>
      <p className="ant-upload-hint">仅支持 .xlsx，单个文件不超过 {formatBytes(MAX_UPLOAD_BYTES)}、最多 200,000 行；上传后立即逐行校验</p>
    </Upload.Dragger>
  );

  return (
    <Card variant="borderless" className="jmt-card" title="② 上传文件">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Form layout="vertical" style={{ maxWidth: 560, marginBottom: -8 }}>
          <Form.Item
            label="申报批次"
            extra="电商平台代码、名称留空的行使用所选批次的电商平台；不选批次时使用点点通配置中的电商平台（没有配置时为本企业），申报时再确认批次。"
          >
            <Select<number>
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={batches && batches.length === 0 ? '还没有批次，可先上传，申报时再选择' : '选择申报批次'}
              loading={batches === null}
              value={batchId ?? undefined}
              onChange={(v) => setBatchId(v ?? null)}
              disabled={!canEdit || busy !== null}
              options={(batches ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.status_label}，平台：${b.ebp_name}）` }))}
              data-testid="upload-batch"
            />
          </Form.Item>
        </Form>
        {canEdit ? dragger : (
          <Tooltip title={READ_ONLY_REASON}>
            <div>{dragger}</div>
          </Tooltip>
        )}
        {busy ? (
          <div data-testid="upload-progress">
            <Typography.Text>
              正在上传并校验「{busy.name}」（{formatBytes(busy.size)}）…
            </Typography.Text>
            <Progress percent={percent} status="active" showInfo={false} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              大文件的校验可能需要十几秒，请勿关闭页面
            </Typography.Text>
          </div>
        ) : null}
        {failure ? <Alert type="error" showIcon message="上传未成功" description={failure} closable onClose={() => setFailure(null)} /> : null}
      </Space>
    </Card>
  );
}
