/** The daily status file: upload (preview only), the changes and the unmatched rows with why, then confirm. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Modal, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap, toFailure } from '@/shared/errors';
import type { StatusFileOut } from '@/shared/refunds';
import { useMe } from '@/shared/session';
import { downloadTo } from '../../system/logs/logs';

export function StatusFilePanel({ onApplied }: { onApplied: () => void }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [preview, setPreview] = useState<StatusFileOut | null>(null);
  const [busy, setBusy] = useState(false);
  const canEdit = access.can('operations:refunds:edit');

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const out = await unwrap(api.client.POST('/api/v1/admin/refunds/status-files', { body: { file: '' }, bodySerializer: () => form }));
      setPreview(out);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (force = false) => {
    if (!preview) return;
    setBusy(true);
    const result = await api.client.POST('/api/v1/admin/refunds/status-files/{status_file_id}/confirm', {
      params: { path: { status_file_id: preview.id } },
      body: { force },
    });
    setBusy(false);
    if (result.response.status === 409 && (result.error as { code?: string })?.code === 'REFUNDS_STATUS_FILE_ALREADY_TODAY') {
      Modal.confirm({
        title: '今天已经导入过状态文件',
        content: `今天已确认：${preview.confirmed_today.join('、')}。确定还要导入「${preview.original_name}」吗？`,
        okText: '仍要导入',
        cancelText: '取消',
        onOk: () => confirm(true),
      });
      return;
    }
    if (!result.response.ok || !result.data) {
      message.error(errorMessage(toFailure(result.error, result.response.status)));
      return;
    }
    setPreview(result.data);
    message.success(`已导入，${result.data.applied} 份退税申报已更新`);
    onApplied();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space direction="vertical">
          <Typography.Text>
            每天从电子税务局导出退税审核状态（xlsx：报关单号或退税申报编号、状态、日期、金额、说明），上传后先预览，确认后批量更新进度并通知商户。同一份文件重复导入不会重复变更。
          </Typography.Text>
          <Space>
            {canEdit && (
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void upload(file); return false; }}>
                <Button type="primary" icon={<UploadOutlined />} loading={busy}>上传状态文件</Button>
              </Upload>
            )}
            <Button icon={<DownloadOutlined />} onClick={() => void downloadTo(api.client.GET('/api/v1/admin/refunds/status-files/template', { parseAs: 'blob' }), '退税状态文件模板.xlsx')}>
              下载模板
            </Button>
          </Space>
        </Space>
      </Card>
      {!preview ? (
        <Card><Empty description="上传状态文件后在这里预览将要发生的变更" /></Card>
      ) : (
        <Card
          title={`${preview.original_name}（${preview.rows} 行）`}
          extra={
            preview.confirmed_at ? (
              <Typography.Text type="success">已于 {formatDateTime(preview.confirmed_at)} 导入，更新 {preview.applied} 份</Typography.Text>
            ) : (
              canEdit && <Button type="primary" loading={busy} disabled={preview.changes.length === 0} onClick={() => void confirm()}>确认导入 {preview.changes.length} 项变更</Button>
            )
          }
        >
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {preview.same_file_confirmed_at && (
              <Alert type="info" showIcon message={`这份文件已于 ${formatDateTime(preview.same_file_confirmed_at)} 导入过，重复导入不会改变任何申报`} />
            )}
            {!preview.confirmed_at && preview.confirmed_today.length > 0 && (
              <Alert type="warning" showIcon message={`今天已导入过：${preview.confirmed_today.join('、')}，确认时会再次询问`} />
            )}
            <Space size="large">
              <Statistic title="将变更" value={preview.changes.length} />
              <Statistic title="已是该状态" value={preview.unchanged.length} />
              <Statistic title="无法匹配" value={preview.unmatched.length} valueStyle={{ color: preview.unmatched.length ? '#cf1322' : undefined }} />
            </Space>
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              title={() => '变更'}
              dataSource={preview.changes}
              locale={{ emptyText: '没有需要变更的申报' }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '退税申报编号', dataIndex: 'claim_no' },
                { title: '商户', dataIndex: 'merchant_name' },
                { title: '变更', render: (_: unknown, c: StatusFileOut['changes'][number]) => `${c.from_label} → ${c.steps.join(' → ')}` },
                { title: '到账金额', dataIndex: 'amount', render: (v: string | null) => (v ? `CNY ${v}` : '—') },
                { title: '说明', dataIndex: 'note' },
              ]}
            />
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              title={() => '无法匹配的行'}
              dataSource={preview.unmatched}
              locale={{ emptyText: '每一行都已匹配' }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '编号', dataIndex: 'key' },
                { title: '状态', dataIndex: 'status' },
                { title: '原因', dataIndex: 'reason', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
              ]}
            />
          </Space>
        </Card>
      )}
    </Space>
  );
}
