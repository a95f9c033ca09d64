/** 合作协议 of a carrier in the back office: files uploaded here, or picked 「从已上传文件中选择」 among the
 * agreement files uploaded before (the platform's files, not a merchant's vault), downloaded through the
 * authorised back-office endpoint. The carrier keeps the chosen ids; 保存 in the drawer writes them. */
import { DeleteOutlined, DownloadOutlined, FileTextOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Empty, List, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { components } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, toFailure, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';

export type AgreementFile = components['schemas']['AgreementFileOut'];

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function AgreementFiles({ value, onChange, canEdit }: { value: AgreementFile[]; onChange: (files: AgreementFile[]) => void; canEdit: boolean }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [picking, setPicking] = useState(false);
  const [chosen, setChosen] = useState<AgreementFile[]>([]);
  const [uploading, setUploading] = useState(false);

  const add = (files: AgreementFile[]) => {
    const ids = new Set(value.map((f) => f.id));
    onChange([...value, ...files.filter((f) => !ids.has(f.id))]);
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const created = await unwrap(api.client.POST('/api/v1/admin/logistics/agreement-files', { body: { file: '' }, bodySerializer: () => form }));
      add([created]);
      message.success(`「${created.original_name}」已上传，保存渠道后生效`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const download = async (file: AgreementFile) => {
    try {
      const result = await api.client.GET('/api/v1/admin/logistics/agreement-files/{agreement_file_id}/download', {
        params: { path: { agreement_file_id: file.id } },
        parseAs: 'blob',
      });
      if (!result.response.ok || !result.data) throw toFailure(result.error, result.response.status);
      const url = URL.createObjectURL(result.data as Blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.original_name;
      link.click();
      window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const uploadButton = (primary: boolean) => (
    <Upload accept={ACCEPT} showUploadList={false} disabled={uploading} beforeUpload={(file) => { void upload(file); return false; }}>
      <Button type={primary ? 'primary' : 'default'} icon={<UploadOutlined />} loading={uploading}>
        上传合作协议
      </Button>
    </Upload>
  );

  const columns: ProColumns<AgreementFile>[] = [
    { title: '文件名', dataIndex: 'original_name', ellipsis: true },
    { title: '上传人', dataIndex: 'uploaded_by', width: 100, search: false },
    { title: '大小', width: 80, search: false, render: (_, f) => size(f.size) },
    { title: '上传时间', width: 150, search: false, render: (_, f) => formatDateTime(f.created_at) },
  ];

  return (
    <div data-testid="agreement-files">
      {value.length ? (
        <List
          size="small"
          bordered
          dataSource={value}
          renderItem={(f) => (
            <List.Item
              actions={[
                <Button key="download" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(f)} aria-label={`下载 ${f.original_name}`}>
                  下载
                </Button>,
                ...(canEdit
                  ? [
                      <Button key="remove" type="link" size="small" danger icon={<DeleteOutlined />} onClick={() => onChange(value.filter((x) => x.id !== f.id))} aria-label={`移除 ${f.original_name}`}>
                        移除
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <Space>
                <FileTextOutlined />
                <Typography.Text>{f.original_name}</Typography.Text>
                <Typography.Text type="secondary">
                  {size(f.size)} · {f.uploaded_by || '—'} · {formatDateTime(f.created_at)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未关联合作协议" style={{ margin: '8px 0' }} />
      )}
      {canEdit && (
        <Space style={{ marginTop: 8 }} wrap>
          {uploadButton(false)}
          <Button icon={<FolderOpenOutlined />} onClick={() => { setChosen([]); setPicking(true); }}>
            从已上传文件中选择
          </Button>
          <Typography.Text type="secondary">PDF、JPG、PNG 或 Excel，不超过 10 MB</Typography.Text>
        </Space>
      )}
      <Modal
        open={picking}
        title="从已上传文件中选择：合作协议"
        width={760}
        destroyOnHidden
        okText={chosen.length ? `关联 ${chosen.length} 个文件` : '关联'}
        okButtonProps={{ disabled: !chosen.length }}
        cancelText="取消"
        onOk={() => { add(chosen); setPicking(false); }}
        onCancel={() => setPicking(false)}
      >
        <ProTable<AgreementFile>
          rowKey="id"
          size="small"
          columns={columns}
          cardBordered={false}
          search={false}
          options={{ density: false, setting: false, reload: true, search: { placeholder: '按文件名搜索', allowClear: true } }}
          pagination={{ defaultPageSize: 10 }}
          locale={{ emptyText: '还没有上传过合作协议，请先上传' }}
          rowSelection={{
            selectedRowKeys: chosen.map((f) => f.id),
            getCheckboxProps: (f) => ({ disabled: value.some((x) => x.id === f.id), 'aria-label': `选择 ${f.original_name}` }),
            onChange: (_keys, rows) => setChosen(rows),
            preserveSelectedRowKeys: true,
          }}
          tableAlertRender={false}
          request={async (params) => {
            const { current, pageSize, keyword } = params as { current?: number; pageSize?: number; keyword?: string };
            try {
              const data = await unwrap(api.client.GET('/api/v1/admin/logistics/agreement-files', { params: { query: { page: current ?? 1, page_size: pageSize ?? 10, q: keyword ?? '' } } }));
              return { data: data.items, total: data.total, success: true };
            } catch (e) {
              message.error(errorMessage(e));
              return { data: [], total: 0, success: false };
            }
          }}
        />
      </Modal>
    </div>
  );
}
