/**
 * One filing under review: the submitted values section by section beside the merchant's documents
 * (and its profile), a comment box under each field for 退回修改, 受理并递交, 驳回 with a reason, and
 * 办结 recording the resulting numbers (which then pre-fill the merchant's 点点通 configuration).
 */
import { CheckOutlined, EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Form, Input, Modal, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DocThumb } from '@/shared/components/DocThumb';
import { FilingSteps, FilingTimeline } from '@/shared/components/filings/FilingProgress';
import { FilingReadback } from '@/shared/components/filings/FilingReadback';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { FILING_STATE_COLORS, fieldErrors, type AdminFilingOut } from '@/shared/filings';
import { formatTime } from '@/shared/registration';
import { useMe } from '@/shared/session';

/** The form field a document was given for (「DXP 接入申请表（签章）」), else its vault category. */
function docLabel(detail: AdminFilingOut, id: number): string {
  const values = Object.keys(detail.submitted_data).length ? detail.submitted_data : detail.data;
  const field = detail.type_config.sections.flatMap((s) => s.fields).find((f) => f.type === 'document' && values[f.name] === id);
  return field?.label ?? '';
}

export function FilingReviewDrawer({ filingId, onClose, onMoved }: { filingId: number | null; onClose: () => void; onMoved: () => void }) {
  const { api, access } = useMe();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AdminFilingOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [commenting, setCommenting] = useState(false);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [reason, setReason] = useState('');
  const [resultsForm] = Form.useForm<Record<string, string>>();

  const load = useCallback(async () => {
    if (!filingId) return;
    setFailure(null);
    try {
      setDetail(
        await unwrap(api.client.GET('/api/v1/admin/filings/filings/{filing_id}', { params: { path: { filing_id: filingId } } })),
      );
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, filingId]);

  useEffect(() => {
    setDetail(null);
    setCommenting(false);
    setNotes({});
    void load();
  }, [load]);

  const canDecide = access.can('operations:filings:edit');
  const moves = detail?.progress.allowed ?? [];
  const can = (to: string) => moves.some((m) => m.to === to);

  const after = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      onMoved();
      await load();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };

  const transition = async (to: string, comment = '') => {
    if (!detail) return false;
    setBusy(to);
    const ok = await after(
      () =>
        unwrap(
          api.client.POST('/api/v1/workflow/{type}/{obj_id}/transitions', {
            params: { path: { type: detail.workflow_type, obj_id: detail.id } },
            body: { to, comment },
          }),
        ),
      to === 'handling' ? '已受理，材料已递交主管部门' : '已驳回，商户会收到原因',
    );
    setBusy(null);
    return ok;
  };

  const sendChanges = async () => {
    if (!detail) return;
    setBusy('returned');
    const ok = await after(
      () =>
        unwrap(
          api.client.POST('/api/v1/admin/filings/filings/{filing_id}/request-changes', {
            params: { path: { filing_id: detail.id } },
            body: { fields: notes, comment: '' },
          }),
        ),
      '已退回修改，商户会在对应填写项上看到意见',
    );
    setBusy(null);
    if (ok) {
      setCommenting(false);
      setNotes({});
    }
  };

  const approve = async () => {
    if (!detail) return;
    setBusy('completed');
    try {
      await unwrap(
        api.client.POST('/api/v1/admin/filings/filings/{filing_id}/approve', {
          params: { path: { filing_id: detail.id } },
          body: { results: resultsForm.getFieldsValue(true) },
        }),
      );
      message.success('已办结，结果已记录并带入点点通配置');
      setApproving(false);
      onMoved();
      await load();
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 422) resultsForm.setFields(fieldErrors(e.details));
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const noted = Object.values(notes).filter((v) => v.trim()).length;
  const footer =
    detail && canDecide && moves.length > 0 ? (
      <Space wrap>
        {commenting ? (
          <>
            <Button type="primary" icon={<SendOutlined />} disabled={noted === 0} loading={busy === 'returned'} onClick={sendChanges}>
              发送修改意见（{noted} 项）
            </Button>
            <Button onClick={() => setCommenting(false)}>取消</Button>
          </>
        ) : (
          <>
            {can('handling') && (
              <Button type="primary" icon={<CheckOutlined />} loading={busy === 'handling'} onClick={() => transition('handling')}>
                受理并递交
              </Button>
            )}
            {can('completed') && (
              <Button type="primary" icon={<CheckOutlined />} onClick={() => setApproving(true)}>
                办结并记录结果
              </Button>
            )}
            {can('returned') && (
              <Button icon={<EditOutlined />} onClick={() => setCommenting(true)}>
                逐项提修改意见
              </Button>
            )}
            {can('declined') && (
              <Button danger icon={<StopOutlined />} onClick={() => setRejecting(true)}>
                驳回
              </Button>
            )}
          </>
        )}
      </Space>
    ) : null;

  return (
    <Drawer open={filingId !== null} width={1180} onClose={onClose} title={detail ? `${detail.type_label} · ${detail.merchant_name}` : '申报审核'} footer={footer} destroyOnClose>
      {failure ? (
        <Alert type="error" showIcon message="加载失败" description={failure} />
      ) : !detail ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="filing-review">
          <Card size="small">
            <Space style={{ marginBottom: 12 }}>
              <Tag color={FILING_STATE_COLORS[detail.state]}>{detail.state_label}</Tag>
              <Typography.Text type="secondary">提交于 {formatTime(detail.submitted_at)}</Typography.Text>
            </Space>
            <FilingSteps progress={detail.progress} />
            {detail.results.length > 0 && (
              <Descriptions size="small" column={2} style={{ marginTop: 12 }}>
                {detail.results.map((r) => (
                  <Descriptions.Item key={r.name} label={r.label}>
                    <Typography.Text strong>{r.value}</Typography.Text>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
          {commenting && (
            <Alert type="warning" showIcon message="在需要修改的填写项下写意见；商户会在表单对应的项上看到，并修改后重新提交。" />
          )}
          <Row gutter={16}>
            <Col span={15}>
              <FilingReadback
                type={detail.type_config}
                values={Object.keys(detail.submitted_data).length ? detail.submitted_data : detail.data}
                documents={detail.documents}
                admin
                changeRequests={commenting ? {} : detail.change_requests}
                renderExtra={
                  commenting
                    ? (field) => (
                        <Input
                          size="small"
                          placeholder={`对「${field.label}」的修改意见（不需要修改则留空）`}
                          value={notes[field.name] ?? ''}
                          onChange={(e) => setNotes({ ...notes, [field.name]: e.target.value })}
                          data-testid={`note-${field.name}`}
                        />
                      )
                    : undefined
                }
              />
            </Col>
            <Col span={9}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Card size="small" title="商户提交的文件">
                  <Space direction="vertical" size={12} style={{ width: '100%' }}>
                    {detail.documents.length === 0 && <Typography.Text type="secondary">没有文件</Typography.Text>}
                    {detail.documents.map((doc) => (
                      <Space key={doc.id} align="start">
                        <DocThumb documentId={doc.id} contentType={doc.content_type} width={150} height={104} admin="filings" />
                        <Space direction="vertical" size={0}>
                          <Typography.Text>{docLabel(detail, doc.id) || doc.kind_label}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {doc.original_name}
                          </Typography.Text>
                        </Space>
                      </Space>
                    ))}
                  </Space>
                </Card>
                <Card size="small" title="商户资料（对照）">
                  <Descriptions size="small" column={1} labelStyle={{ width: 110 }}>
                    <Descriptions.Item label="企业名称">{String(detail.profile.name || '—')}</Descriptions.Item>
                    <Descriptions.Item label="信用代码">{String(detail.profile.credit_code || '—')}</Descriptions.Item>
                    <Descriptions.Item label="法定代表人">{String(detail.profile.legal_person || '—')}</Descriptions.Item>
                    <Descriptions.Item label="注册地址">{String(detail.profile.address || '—')}</Descriptions.Item>
                    <Descriptions.Item label="联系人">{String(detail.profile.contact_name || '—')}</Descriptions.Item>
                  </Descriptions>
                </Card>
                <Card size="small" title="办理记录">
                  <FilingTimeline progress={detail.progress} />
                </Card>
              </Space>
            </Col>
          </Row>
        </Space>
      )}
      <Modal
        open={rejecting}
        title="驳回申报"
        okText="驳回"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy === 'declined' }}
        cancelText="取消"
        onCancel={() => setRejecting(false)}
        onOk={async () => {
          if (await transition('declined', reason.trim())) {
            setRejecting(false);
            setReason('');
          }
        }}
      >
        <Input.TextArea rows={4} placeholder="驳回原因（商户会看到）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      <Modal
        open={approving}
        title="办结：记录主管部门给出的结果"
        okText="办结"
        cancelText="取消"
        okButtonProps={{ loading: busy === 'completed' }}
        onCancel={() => setApproving(false)}
        onOk={approve}
      >
        {detail && (
          <Form form={resultsForm} layout="vertical">
            {detail.type_config.results.map((r) => (
              <Form.Item key={r.name} name={r.name} label={r.label} required={r.required} extra={r.pattern_help}>
                <Input placeholder={r.pattern_help} />
              </Form.Item>
            ))}
            {detail.type_config.results.length === 0 && <Typography.Text type="secondary">该类申报没有结果编号，确认后办结。</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              海关注册编码与 DXP ID 会自动带入该商户的点点通接口配置。
            </Typography.Text>
          </Form>
        )}
      </Modal>
    </Drawer>
  );
}
