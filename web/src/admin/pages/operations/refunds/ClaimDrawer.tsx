/** One claim in 退税管理: declarations, files (preview), checklist, moves, offline steps, zip. */
import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ProgressSteps, ProgressTimeline } from '@/shared/components/registration/ProgressBoard';
import { errorMessage, unwrap } from '@/shared/errors';
import type { ProgressOut } from '@/shared/registration';
import { STATE_COLORS, money, type ClaimOut } from '@/shared/refunds';
import { useMe } from '@/shared/session';
import { downloadTo } from '../../system/logs/logs';

type Move = ProgressOut['allowed'][number];

export function ClaimDrawer({ claimId, onClose, onChanged }: { claimId: number | null; onClose: () => void; onChanged: () => void }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [claim, setClaim] = useState<ClaimOut | null>(null);
  const [progress, setProgress] = useState<ProgressOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [moveForm] = Form.useForm();
  const [stepForm] = Form.useForm();
  const canEdit = access.can('operations:refunds:edit');

  const load = useCallback(async () => {
    if (!claimId) return;
    setFailure(null);
    try {
      const [c, p] = await Promise.all([
        unwrap(api.client.GET('/api/v1/admin/refunds/claims/{claim_id}', { params: { path: { claim_id: claimId } } })),
        unwrap(api.client.GET('/api/v1/workflow/{type}/{obj_id}/progress', { params: { path: { type: 'refund', obj_id: claimId } } })),
      ]);
      setClaim(c);
      setProgress(p);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, claimId]);
  useEffect(() => {
    setClaim(null);
    void load();
  }, [load]);

  const preview = async (documentId: number) => {
    const tab = window.open('', '_blank');
    const result = await api.client.GET('/api/v1/admin/refunds/documents/{document_id}/download', { params: { path: { document_id: documentId } }, parseAs: 'blob' });
    if (!result.response.ok || !result.data) {
      tab?.close();
      message.error('无法打开文件');
      return;
    }
    if (tab) tab.location.href = URL.createObjectURL(result.data as Blob);
  };

  const download = async () => {
    if (!claim) return;
    try {
      await downloadTo(api.client.GET('/api/v1/admin/refunds/claims/{claim_id}/package', { params: { path: { claim_id: claim.id } }, parseAs: 'blob' }), `${claim.claim_no}.zip`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const doMove = async () => {
    if (!claim || !move) return;
    const values = await moveForm.validateFields();
    try {
      await unwrap(
        api.client.POST('/api/v1/admin/refunds/claims/{claim_id}/moves', {
          params: { path: { claim_id: claim.id } },
          body: {
            to: move.to as ClaimOut['state'],
            comment: values.comment ?? '',
            refund_received: values.refund_received != null ? String(values.refund_received) : undefined,
            received_on: values.received_on ? values.received_on.format('YYYY-MM-DD') : undefined,
          },
        }),
      );
      message.success(`已${move.label}`);
      setMove(null);
      moveForm.resetFields();
      onChanged();
      void load();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const addStep = async () => {
    if (!claim) return;
    const values = await stepForm.validateFields();
    try {
      const next = await unwrap(
        api.client.POST('/api/v1/admin/refunds/claims/{claim_id}/offline-steps', {
          params: { path: { claim_id: claim.id } },
          body: { title: values.title, note: values.note ?? '', done_on: values.done_on ? values.done_on.format('YYYY-MM-DD') : undefined },
        }),
      );
      setClaim(next);
      stepForm.resetFields();
      message.success('已记录');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={claimId !== null}
      onClose={onClose}
      width={860}
      title={claim ? <Space>{claim.claim_no}<Tag color={STATE_COLORS[claim.state]}>{claim.state_label}</Tag><Typography.Text type="secondary">{claim.merchant_name}</Typography.Text></Space> : '退税申报'}
      extra={claim && <Button icon={<DownloadOutlined />} onClick={() => void download()}>下载整份申报（zip）</Button>}
    >
      {failure ? (
        <Alert type="error" showIcon message="加载失败" description={failure} />
      ) : !claim || !progress ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title="进度">
            <ProgressSteps progress={progress} />
            {claim.reject_reason && <Alert style={{ marginTop: 12 }} type="error" showIcon message={`审核不通过：${claim.reject_reason}`} />}
            {canEdit && progress.allowed.length > 0 && (
              <Space style={{ marginTop: 12 }} wrap>
                {progress.allowed.map((m) => (
                  <Button key={m.to} type={m.to === 'rejected' ? 'default' : 'primary'} danger={m.to === 'rejected'} onClick={() => setMove(m)}>
                    {m.label}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title="申报信息">
            <Descriptions size="small" column={2}>
              <Descriptions.Item label="申报金额">{money(claim.amount)}</Descriptions.Item>
              <Descriptions.Item label="按报关单合计">{money(claim.computed_amount)}</Descriptions.Item>
              {claim.amount_reason && <Descriptions.Item label="金额调整原因" span={2}>{claim.amount_reason}</Descriptions.Item>}
              <Descriptions.Item label="收汇">{claim.fx_confirmed_at ? `已确认 ${claim.fx_note}` : '未确认'}</Descriptions.Item>
              <Descriptions.Item label="到账退税额">{claim.refund_received ? `${money(claim.refund_received)}（${claim.received_on}）` : '—'}</Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              rowKey="entry_id"
              pagination={false}
              dataSource={claim.declarations}
              columns={[
                { title: '报关单号', dataIndex: 'entry_id' },
                { title: '来源', dataIndex: 'source_label' },
                { title: '出口月份', dataIndex: 'month' },
                { title: '金额', dataIndex: 'amount', align: 'right', render: (v: ClaimOut['amount']) => money(v) },
                { title: '商品', dataIndex: 'goods' },
              ]}
            />
          </Card>
          <Card size="small" title="申报材料">
            <List
              dataSource={claim.files}
              locale={{ emptyText: '尚未上传材料' }}
              renderItem={(f) => (
                <List.Item actions={[<Button key="p" type="link" icon={<EyeOutlined />} onClick={() => void preview(f.document.id)}>预览</Button>]}>
                  <List.Item.Meta title={`${f.role_label} · ${f.document.original_name}`} description={`${Math.ceil(f.document.size / 1024)} KB · ${f.document.uploaded_by}`} />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="线下办理记录">
            {canEdit && (
              <Form form={stepForm} layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
                <Form.Item name="title" rules={[{ required: true, message: '请填写办理事项' }]}>
                  <Input placeholder="办理事项，如：寄送纸质资料" style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name="note">
                  <Input placeholder="说明" style={{ width: 260 }} />
                </Form.Item>
                <Form.Item name="done_on">
                  <DatePicker placeholder="办理日期" />
                </Form.Item>
                <Button onClick={() => void addStep()}>记录</Button>
              </Form>
            )}
            <List
              size="small"
              dataSource={claim.offline_steps}
              locale={{ emptyText: '暂无线下办理记录' }}
              renderItem={(s) => (
                <List.Item>
                  <List.Item.Meta title={`${s.done_on} · ${s.title}`} description={`${s.note || '—'}（${s.recorded_by}）`} />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="办理记录">
            <ProgressTimeline progress={progress} />
          </Card>
        </Space>
      )}
      <Modal open={move !== null} title={move?.label} onCancel={() => setMove(null)} onOk={() => void doMove()} okText="确定">
        <Form form={moveForm} layout="vertical">
          {move?.to === 'received' && (
            <>
              <Form.Item name="refund_received" label="到账退税额（人民币）" rules={[{ required: true, message: '请填写到账金额' }]}>
                <InputNumber min={0} precision={2} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="received_on" label="到账日期">
                <DatePicker />
              </Form.Item>
            </>
          )}
          <Form.Item name="comment" label={move?.needs_comment ? '原因' : '说明'} rules={move?.needs_comment ? [{ required: true, message: '请填写原因' }] : []}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
