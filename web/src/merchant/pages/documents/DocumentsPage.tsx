import { DownloadOutlined, ScanOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { access } from '@/shared/access';
import { errorMessage, toFailure, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatDateTime } from '@/shared/datetime';

type DocumentOut = components['schemas']['DocumentOut'];
type DocumentOcrOut = components['schemas']['DocumentOcrOut'];
type Kind = DocumentOut['kind'];

const EDIT = 'registration:supplement:edit';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'business_licence', label: '营业执照' },
  { value: 'id_card_front', label: '法人身份证人像面' },
  { value: 'id_card_back', label: '法人身份证国徽面' },
  { value: 'bank_permit', label: '开户许可证' },
  { value: 'other', label: '其他' },
];
const OCR_KINDS = new Set<Kind>(['business_licence', 'id_card_front', 'id_card_back', 'bank_permit']);
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png']);

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** 资料库 (U5): upload by kind, list, download through the API, and read the fields of a licence/ID card/permit. */
export default function DocumentsPage() {
  const { api, me } = useMe();
  const { message } = App.useApp();
  const canEdit = access(me).can(EDIT);
  const [kind, setKind] = useState<Kind>('business_licence');
  const [filter, setFilter] = useState<Kind | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<DocumentOut[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [ocr, setOcr] = useState<{ doc: DocumentOut; result: DocumentOcrOut } | null>(null);
  const [reading, setReading] = useState<number | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const data = await unwrap(
        api.client.GET('/api/v1/documents', { params: { query: { kind: filter, page, page_size: 20 } } }),
      );
      setRows(data.items);
      setTotal(data.total);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [api, filter, page]);

  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (file: File) => {
    setFailure(null);
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    try {
      await unwrap(
        api.client.POST('/api/v1/documents', {
          // The generated body type describes the multipart fields; the FormData carries them.
          body: { kind, file: '' },
          bodySerializer: () => form,
        }),
      );
      message.success(`「${file.name}」已上传`);
      setPage(1);
      await load();
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  const download = async (doc: DocumentOut) => {
    try {
      const result = await api.client.GET('/api/v1/documents/{document_id}/download', {
        params: { path: { document_id: doc.id } },
        parseAs: 'blob',
      });
      if (!result.response.ok || !result.data) throw toFailure(result.error, result.response.status);
      const url = URL.createObjectURL(result.data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = doc.original_name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const recognise = async (doc: DocumentOut) => {
    setReading(doc.id);
    try {
      const result = await unwrap(
        api.client.POST('/api/v1/documents/{document_id}/ocr', { params: { path: { document_id: doc.id } } }),
      );
      setOcr({ doc, result });
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setReading(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的资料
        </Typography.Title>
        <Typography.Text type="secondary">
          营业执照、法人身份证、开户许可证等资料只需上传一次，之后办理任何业务都可直接选用，并可识别其中的文字自动填表。
        </Typography.Text>
      </div>
      <Card title="上传资料">
        <Space wrap>
          <Select<Kind> value={kind} onChange={setKind} options={KINDS} style={{ width: 200 }} disabled={!canEdit} />
          <Upload
            accept=".pdf,.jpg,.jpeg,.png,.xlsx"
            showUploadList={false}
            disabled={!canEdit}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} disabled={!canEdit}>
              选择文件
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {canEdit ? '支持 PDF、JPG、PNG、XLSX，单个文件不超过 10 MB' : '您是商户成员，只能查看资料'}
          </Typography.Text>
        </Space>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} />}
      </Card>
      <Card
        title="资料库"
        extra={
          <Select<Kind>
            allowClear
            placeholder="全部类别"
            value={filter}
            onChange={(v) => {
              setFilter(v);
              setPage(1);
            }}
            options={KINDS}
            style={{ width: 180 }}
          />
        }
      >
        <Table<DocumentOut>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={{ current: page, pageSize: 20, total, onChange: setPage }}
          columns={[
            { title: '类别', dataIndex: 'kind_label', render: (v: string) => <Tag>{v}</Tag> },
            { title: '文件名', dataIndex: 'original_name' },
            { title: '大小', dataIndex: 'size', render: (v: number) => formatBytes(v) },
            { title: '上传人', dataIndex: 'uploaded_by' },
            { title: '上传时间', dataIndex: 'created_at', render: (v: string) => formatDateTime(v) },
            {
              title: '操作',
              render: (_: unknown, doc) => (
                <Space>
                  <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(doc)}>
                    下载
                  </Button>
                  {canEdit && OCR_KINDS.has(doc.kind) && IMAGE_TYPES.has(doc.content_type) && (
                    <Button
                      size="small"
                      icon={<ScanOutlined />}
                      loading={reading === doc.id}
                      onClick={() => void recognise(doc)}
                    >
                      {doc.ocr_done ? '查看识别结果' : '识别'}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal open={ocr !== null} title={`识别结果：${ocr?.doc.original_name ?? ''}`} footer={null} onCancel={() => setOcr(null)}>
        {ocr && (
          <Descriptions column={1} bordered size="small">
            {ocr.result.fields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label}>
                {f.value || <Typography.Text type="secondary">未识别，请手动填写</Typography.Text>}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Modal>
    </Space>
  );
}
