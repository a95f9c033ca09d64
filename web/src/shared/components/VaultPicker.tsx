/**
 * 「从已上传文件中选择」: a form control that holds the id of one of the merchant's vault documents.
 * The person uploads a new file (it goes into the vault) or picks one uploaded before, in any form.
 */
import { CheckCircleFilled, CloudUploadOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Modal, Space, Spin, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, unwrap } from '../errors';
import { formatTime, type DocumentKind, type DocumentOut } from '../registration';
import { useMe } from '../session';
import { DocThumb } from './DocThumb';
import './vaultPicker.css';

const ACCEPT = '.jpg,.jpeg,.png,.pdf';

export interface VaultPickerProps {
  /** The vault category wanted; uploads are filed under it ("other" when not given). */
  kind?: DocumentKind;
  /** What the file is, e.g. 营业执照 (button and modal titles). */
  label: string;
  value?: number | null;
  onChange?: (id: number | null, doc?: DocumentOut) => void;
  disabled?: boolean;
  /** Show a bigger preview (the guided cards of R2). */
  large?: boolean;
}

async function uploadFile(api: ReturnType<typeof useMe>['api'], kind: DocumentKind, file: File): Promise<DocumentOut> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return unwrap(
    api.client.POST('/api/v1/documents', {
      body: { kind, file: '' },
      bodySerializer: () => form,
    }),
  );
}

export function VaultPicker({ kind, label, value, onChange, disabled, large }: VaultPickerProps) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<DocumentOut | null>(null);
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<DocumentOut[] | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!value) {
      setCurrent(null);
      return;
    }
    if (current?.id === value) return;
    unwrap(api.client.GET('/api/v1/documents/{document_id}', { params: { path: { document_id: value } } }))
      .then(setCurrent)
      .catch(() => setCurrent(null));
  }, [api, value, current?.id]);

  const load = useCallback(async () => {
    setRows(null);
    setFailure(null);
    try {
      const page = await unwrap(
        api.client.GET('/api/v1/documents', { params: { query: { kind, page: 1, page_size: 50 } } }),
      );
      setRows(page.items);
    } catch (e) {
      setFailure(errorMessage(e));
      setRows([]);
    }
  }, [api, kind]);

  const choose = (doc: DocumentOut) => {
    setCurrent(doc);
    onChange?.(doc.id, doc);
    setOpen(false);
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const doc = await uploadFile(api, kind ?? 'other', file);
      message.success(`「${file.name}」已上传到我的资料`);
      choose(doc);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const uploadButton = (text: string, primary = false) => (
    <Upload
      accept={ACCEPT}
      showUploadList={false}
      disabled={disabled || uploading}
      beforeUpload={(file) => {
        void upload(file);
        return false;
      }}
    >
      <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} loading={uploading} disabled={disabled}>
        {text}
      </Button>
    </Upload>
  );

  const pickButton = (
    <Button
      icon={<FolderOpenOutlined />}
      disabled={disabled}
      onClick={() => {
        setOpen(true);
        void load();
      }}
    >
      从已上传文件中选择
    </Button>
  );

  return (
    <div className="vault-picker">
      {current ? (
        <Space align="start" size="middle" style={{ width: '100%' }}>
          <DocThumb
            documentId={current.id}
            contentType={current.content_type}
            width={large ? 220 : 96}
            height={large ? 150 : 68}
          />
          <Space direction="vertical" size={4}>
            <Typography.Text strong>
              <CheckCircleFilled style={{ color: '#52c41a', marginRight: 6 }} />
              {current.original_name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {current.kind_label} · {formatTime(current.created_at)} 上传
            </Typography.Text>
            {!disabled && (
              <Space size={8} wrap>
                {uploadButton('重新上传')}
                {pickButton}
              </Space>
            )}
          </Space>
        </Space>
      ) : (
        <div className="vault-picker-empty">
          <CloudUploadOutlined style={{ fontSize: 28, color: '#4338ca' }} />
          <Typography.Text type="secondary">上传{label}（JPG、PNG 或 PDF，不超过 10 MB）</Typography.Text>
          <Space size={8} wrap>
            {uploadButton(`上传${label}`, true)}
            {pickButton}
          </Space>
        </div>
      )}
      <Modal
        open={open}
        title={`从已上传文件中选择：${label}`}
        width={720}
        onCancel={() => setOpen(false)}
        footer={
          <Space>
            {uploadButton('上传新文件')}
            <Button onClick={() => setOpen(false)}>取消</Button>
          </Space>
        }
      >
        {rows === null ? (
          <div style={{ textAlign: 'center', padding: 40 }}>
            <Spin />
          </div>
        ) : failure ? (
          <Typography.Text type="danger">{failure}</Typography.Text>
        ) : rows.length === 0 ? (
          <Empty description={`我的资料中还没有「${label}」，请上传新文件`} />
        ) : (
          <div className="vault-picker-grid">
            {rows.map((doc) => (
              <button
                type="button"
                key={doc.id}
                className={`vault-picker-item${doc.id === value ? ' selected' : ''}`}
                onClick={() => choose(doc)}
                aria-label={`选择 ${doc.original_name}`}
              >
                <DocThumb documentId={doc.id} contentType={doc.content_type} width="100%" height={110} preview={false} />
                <span className="vault-picker-name" title={doc.original_name}>
                  {doc.original_name}
                </span>
                <span className="vault-picker-date">
                  {doc.kind_label} · {formatTime(doc.created_at)}
                </span>
                {doc.id === value && <CheckCircleFilled className="vault-picker-check" />}
              </button>
            ))}
          </div>
        )}
      </Modal>
    </div>
  );
}
