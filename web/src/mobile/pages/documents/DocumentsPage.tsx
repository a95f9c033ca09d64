/** 我的资料 (U5) on the H5: the merchant's documents by kind, upload from the phone (camera or album), open one. */
import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, CapsuleTabs, ErrorBlock, InfiniteScroll, List, Picker, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { access } from '@/shared/access';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, toFailure, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { MobileLoading } from '../customs/MobileCustomsShell';
import { SubPage } from '../me/SubPage';

type DocumentOut = components['schemas']['DocumentOut'];
type Kind = DocumentOut['kind'];

const EDIT = 'registration:supplement:edit';
const KINDS: { value: Kind; label: string }[] = [
  { value: 'business_licence', label: '营业执照' },
  { value: 'id_card_front', label: '法人身份证人像面' },
  { value: 'id_card_back', label: '法人身份证国徽面' },
  { value: 'bank_permit', label: '开户许可证' },
  { value: 'other', label: '其他' },
];

function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export default function DocumentsPage() {
  const { api, me } = useMe();
  const canEdit = access(me).can(EDIT);
  const [filter, setFilter] = useState<Kind | ''>('');
  const [rows, setRows] = useState<DocumentOut[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const [uploading, setUploading] = useState(false);
  const kindRef = useRef<Kind>('business_licence');
  const fileRef = useRef<HTMLInputElement>(null);

  const fetchPage = useCallback(
    async (next: number) => {
      if (next === 1) setLoading(true);
      try {
        const data = await unwrap(api.client.GET('/api/v1/documents', { params: { query: { kind: filter || undefined, page: next, page_size: 20 } } }));
        setRows((current) => (next === 1 ? data.items : [...current, ...data.items]));
        setTotal(data.total);
        setPage(next);
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [api, filter],
  );

  useEffect(() => {
    void fetchPage(1);
  }, [fetchPage]);

  const upload = async (file: File) => {
    const form = new FormData();
    form.append('kind', kindRef.current);
    form.append('file', file, file.name);
    setUploading(true);
    try {
      await unwrap(api.client.POST('/api/v1/documents', { body: { kind: kindRef.current, file: '' }, bodySerializer: () => form }));
      Toast.show({ icon: 'success', content: `「${file.name}」已上传` });
      await fetchPage(1);
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setUploading(false);
    }
  };

  const open = async (doc: DocumentOut) => {
    try {
      const result = await api.client.GET('/api/v1/documents/{document_id}/download', { params: { path: { document_id: doc.id } }, parseAs: 'blob' });
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
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  return (
    <SubPage title="我的资料">
      <div style={{ background: '#fff', padding: '4px 8px' }}>
        <CapsuleTabs activeKey={filter} onChange={(key) => setFilter(key as Kind | '')}>
          <CapsuleTabs.Tab key="" title="全部" />
          {KINDS.map((k) => (
            <CapsuleTabs.Tab key={k.value} title={k.label} />
          ))}
        </CapsuleTabs>
      </div>
      {canEdit ? (
        <div style={{ margin: 12 }}>
          <Button block color="primary" shape="rounded" loading={uploading} onClick={() => setPicking(true)} data-testid="m-doc-upload">
            上传资料
          </Button>
          <input
            ref={fileRef}
            type="file"
            accept="image/jpeg,image/png,application/pdf"
            style={{ display: 'none' }}
            data-testid="m-doc-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </div>
      ) : null}
      {error && rows.length === 0 ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {loading && rows.length === 0 && !error ? <MobileLoading /> : null}
      {!loading && !error && rows.length === 0 ? (
        <MobileEmpty icon={<FolderOpenOutlined />} title="还没有资料" hint="上传的营业执照、身份证、开户许可证等会保存在这里，办理业务时可直接选用" />
      ) : null}
      {rows.length ? (
        <>
          <List mode="card" data-testid="m-documents">
            {rows.map((doc) => (
              <List.Item
                key={doc.id}
                onClick={() => void open(doc)}
                description={`${formatBytes(doc.size)} · ${formatDateTime(doc.created_at)}`}
                extra={<Tag fill="outline">{doc.kind_label}</Tag>}
              >
                <span style={{ overflowWrap: 'anywhere' }}>{doc.original_name}</span>
              </List.Item>
            ))}
          </List>
          <InfiniteScroll loadMore={() => fetchPage(page + 1)} hasMore={rows.length < total}>
            {rows.length < total ? null : <span className="m-customs__end">共 {total} 份</span>}
          </InfiniteScroll>
        </>
      ) : null}
      <Picker
        title="资料类别"
        columns={[KINDS.map((k) => ({ value: k.value, label: k.label }))]}
        visible={picking}
        onClose={() => setPicking(false)}
        onConfirm={(value) => {
          kindRef.current = (value[0] as Kind) ?? 'other';
          fileRef.current?.click();
        }}
      />
    </SubPage>
  );
}
