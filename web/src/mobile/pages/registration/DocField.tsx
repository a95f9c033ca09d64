/**
 * A document on the phone: take a photo / pick one from the album (ImageUploader, the file goes into
 * the vault) or 「从已上传文件中选择」 in a bottom Popup listing the vault's files of that kind.
 * Holds the vault document's id, like the PC VaultPicker, so it sits inside an antd-mobile Form.Item.
 */
import { CameraOutlined, CheckCircleFilled, FileOutlined, FilePdfOutlined, FolderOpenOutlined, PictureOutlined } from '@ant-design/icons';
import { Button, DotLoading, ErrorBlock, Image, ImageUploader, List, Popup, SpinLoading, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, unwrap } from '@/shared/errors';
import { fetchDocumentBlob, formatTime, type DocumentKind, type DocumentOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { IMAGE_ACCEPT, OCR_IMAGE_TYPES, refusedFile } from './logic';

type Api = ReturnType<typeof useMe>['api'];

async function uploadFile(api: Api, kind: DocumentKind, file: File): Promise<DocumentOut> {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', file, file.name);
  return unwrap(api.client.POST('/api/v1/documents', { body: { kind, file: '' }, bodySerializer: () => form }));
}

/** The image of a vault document (through the authorised download), or a file icon. */
export function DocImage({ doc, height = 180, fit = 'contain' }: { doc: Pick<DocumentOut, 'id' | 'content_type'>; height?: number; fit?: 'contain' | 'cover' }) {
  const { api } = useMe();
  const [url, setUrl] = useState<string | null>(null);
  const isImage = OCR_IMAGE_TYPES.has(doc.content_type);
  useEffect(() => {
    if (!isImage) return undefined;
    let alive = true;
    let objectUrl: string | null = null;
    fetchDocumentBlob(api, doc.id)
      .then((blob) => {
        if (!alive) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, doc.id, isImage]);
  if (!isImage) {
    return (
      <div className="mreg-doc__icon" style={{ height }}>
        {doc.content_type === 'application/pdf' ? <FilePdfOutlined /> : <FileOutlined />}
      </div>
    );
  }
  if (!url) {
    return (
      <div className="mreg-doc__icon" style={{ height }}>
        <DotLoading />
      </div>
    );
  }
  return <Image src={url} fit={fit} height={height} width="100%" className="mreg-doc__img" />;
}

export interface DocFieldProps {
  kind?: DocumentKind;
  label: string;
  value?: number | null;
  onChange?: (id: number | null, doc?: DocumentOut) => void;
  disabled?: boolean;
  /** PDF files may be uploaded too (经营场所证明…); photos only otherwise. */
  pdf?: boolean;
  testId?: string;
}

export function DocField({ kind, label, value, onChange, disabled, pdf = false, testId }: DocFieldProps) {
  const { api } = useMe();
  const [current, setCurrent] = useState<DocumentOut | null>(null);
  const [uploading, setUploading] = useState(false);
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<DocumentOut[] | null>(null);
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

  const choose = (doc: DocumentOut) => {
    setCurrent(doc);
    setOpen(false);
    onChange?.(doc.id, doc);
  };

  const upload = async (file: File) => {
    const refused = refusedFile(file, { pdf });
    if (refused) {
      Toast.show({ icon: 'fail', content: refused });
      return;
    }
    setUploading(true);
    try {
      choose(await uploadFile(api, kind ?? 'other', file));
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setUploading(false);
    }
  };

  const load = useCallback(async () => {
    setRows(null);
    setFailure(null);
    try {
      const page = await unwrap(api.client.GET('/api/v1/documents', { params: { query: { kind, page: 1, page_size: 50 } } }));
      setRows(page.items);
    } catch (e) {
      setFailure(errorMessage(e));
      setRows([]);
    }
  }, [api, kind]);

  const accept = pdf ? `${IMAGE_ACCEPT},application/pdf` : IMAGE_ACCEPT;
  // beforeUpload takes the file over: the vault upload is ours, ImageUploader keeps no list.
  const uploader = (children: React.ReactNode, camera = false) => (
    <ImageUploader
      value={[]}
      accept={accept}
      capture={camera ? 'environment' : undefined}
      disableUpload={disabled || uploading}
      maxCount={1}
      upload={async () => ({ url: '' })}
      beforeUpload={(file) => {
        void upload(file);
        return null;
      }}
      className="mreg-doc__uploader"
    >
      {children}
    </ImageUploader>
  );

  return (
    <div className="mreg-doc" data-testid={testId}>
      {current ? (
        <div className="mreg-doc__picked">
          <DocImage doc={current} />
          <div className="mreg-doc__meta">
            <CheckCircleFilled style={{ color: 'var(--adm-color-success)' }} />
            <span className="mreg-doc__name">{current.original_name}</span>
          </div>
          <div className="mreg-doc__time">
            {current.kind_label} · {formatTime(current.created_at)} 上传
          </div>
        </div>
      ) : (
        uploader(
          <div className={`mreg-doc__drop${disabled ? ' is-disabled' : ''}`}>
            <span className="mreg-doc__drop-icon">
              <CameraOutlined />
            </span>
            <span className="mreg-doc__drop-title">拍照或上传{label}</span>
            <span className="mreg-doc__drop-hint">{pdf ? 'JPG、PNG 或 PDF' : 'JPG、PNG 照片'}，不超过 10 MB</span>
          </div>,
        )
      )}
      {uploading && (
        <div className="mreg-doc__uploading">
          <SpinLoading color="primary" style={{ '--size': '20px' }} />
          <span>正在上传…</span>
        </div>
      )}
      {!disabled && (
        <div className="mreg-doc__actions">
          {current &&
            uploader(
              <Button size="small" shape="rounded" disabled={uploading}>
                <PictureOutlined /> 重新上传
              </Button>,
            )}
          <Button
            size="small"
            shape="rounded"
            disabled={uploading}
            onClick={() => {
              setOpen(true);
              void load();
            }}
          >
            <FolderOpenOutlined /> 从已上传文件中选择
          </Button>
        </div>
      )}
      <Popup
        visible={open}
        onMaskClick={() => setOpen(false)}
        onClose={() => setOpen(false)}
        bodyStyle={{ borderTopLeftRadius: 16, borderTopRightRadius: 16, maxHeight: '70vh', overflowY: 'auto', paddingBottom: 'env(safe-area-inset-bottom)' }}
      >
        <div className="mreg-pick__title">选择已上传的{label}</div>
        {rows === null ? (
          <div className="mreg__loading">
            <DotLoading color="primary" />
          </div>
        ) : failure ? (
          <ErrorBlock status="disconnected" title="加载失败" description={failure} />
        ) : rows.length === 0 ? (
          <div className="mreg-pick__empty">「我的资料」中还没有{label}，请拍照或上传</div>
        ) : (
          <List>
            {rows.map((doc) => (
              <List.Item
                key={doc.id}
                data-testid="vault-item"
                prefix={
                  <div className="mreg-pick__thumb">
                    <DocImage doc={doc} height={48} fit="cover" />
                  </div>
                }
                description={`${doc.kind_label} · ${formatTime(doc.created_at)}`}
                extra={doc.id === value ? <CheckCircleFilled style={{ color: 'var(--adm-color-primary)' }} /> : null}
                onClick={() => choose(doc)}
              >
                {doc.original_name}
              </List.Item>
            ))}
          </List>
        )}
        <div className="mreg-pick__cancel">
          <Button block fill="none" onClick={() => setOpen(false)}>
            取消
          </Button>
        </div>
      </Popup>
    </div>
  );
}
