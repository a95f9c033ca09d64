/** One application under review: documents (previews) on the left, filled and OCR values on the right, the moves. */
import { CheckCircleTwoTone, CloseCircleTwoTone, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Form, Input, Modal, Popconfirm, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { DocThumb } from '@/shared/components/DocThumb';
import { ApplicationSummary } from '@/shared/components/registration/ApplicationSummary';
import { ProgressSteps, ProgressTimeline } from '@/shared/components/registration/ProgressBoard';
import { errorMessage, unwrap } from '@/shared/errors';
import { formatTime, STATE_COLORS, type AdminApplicationOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { agreement, filledValue, OCR_FIELDS } from './ocrCheck';

type Move = AdminApplicationOut['progress']['allowed'][number];
type Doc = AdminApplicationOut['documents'][number];

function OcrTable({ doc, data }: { doc: Doc; data: Record<string, Record<string, unknown>> }) {
  if (!doc.ocr_fields.length) {
    return <Typography.Text type="secondary">未识别（非图片或未执行识别），请对照原件人工核对</Typography.Text>;
  }
  const mapping = OCR_FIELDS[doc.kind] ?? {};
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={doc.ocr_fields.map((f) => ({ ...f, filled: filledValue(data, mapping[f.key] ?? []) }))}
      columns={[
        { title: '项目', dataIndex: 'label', width: 130 },
        { title: '识别值', dataIndex: 'value', render: (v: string) => v || <Typography.Text type="secondary">未识别</Typography.Text> },
        { title: '填报值', dataIndex: 'filled', render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text> },
        {
          title: '核对',
          width: 80,
          render: (_: unknown, row: { value: string; filled: string }) =>
            agreement(row.value, row.filled) === null ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : agreement(row.value, row.filled) === 'same' ? (
              <Tag icon={<CheckCircleTwoTone twoToneColor="#52c41a" />} color="success">
                一致
              </Tag>
            ) : (
              <Tag icon={<CloseCircleTwoTone twoToneColor="#ff4d4f" />} color="error">
                不一致
              </Tag>
            ),
        },
      ]}
    />
  );
}

export function ReviewDrawer({ applicationId, onClose, onMoved }: { applicationId: number | null; onClose: () => void; onMoved: () => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<AdminApplicationOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Move | null>(null);
  const [form] = Form.useForm<{ comment: string }>();

  const load = useCallback(async () => {
    if (!applicationId) return;
    setFailure(null);
    try {
      setDetail(
        await unwrap(
          api.client.GET('/api/v1/admin/registration/applications/{application_id}', {
            params: { path: { application_id: applicationId } },
          }),
        ),
      );
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, applicationId]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  const move = async (to: string, comment = '') => {
    if (!detail) return false;
    setMoving(to);
    try {
      await unwrap(
        api.client.POST('/api/v1/workflow/{type}/{obj_id}/transitions', {
          params: { path: { type: 'registration', obj_id: detail.id } },
          body: { to, comment },
        }),
      );
      message.success('已处理，商户将收到站内消息和微信通知');
      await load();
      onMoved();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setMoving(null);
    }
  };

  const data = (detail?.data ?? {}) as Record<string, Record<string, unknown>>;
  const actions = detail?.progress.allowed ?? [];

  return (
    <Drawer
      open={applicationId !== null}
      onClose={onClose}
      width="min(1280px, 96vw)"
      destroyOnClose
      title={
        detail ? (
          <Space>
            <span>{detail.title || `#${detail.id}`}</span>
            <Tag color={STATE_COLORS[detail.state]}>{detail.state_label}</Tag>
            <Tag bordered={false}>{detail.kind_label}</Tag>
          </Space>
        ) : (
          '申请详情'
        )
      }
      extra={
        <Space>
          {actions.map((m) =>
            m.needs_comment ? (
              <Button key={m.to} danger icon={<StopOutlined />} onClick={() => { form.resetFields(); setRejecting(m); }}>
                {m.label}
              </Button>
            ) : (
              <Popconfirm key={m.to} title={`确认「${m.label}」？`} description={`申请将进入「${m.to_label}」，并通知商户。`} okText="确认" cancelText="取消" onConfirm={() => move(m.to)}>
                <Button type="primary" loading={moving === m.to}>
                  {m.label}
                </Button>
              </Popconfirm>
            ),
          )}
        </Space>
      }
    >
      {failure ? (
        <Alert type="error" showIcon message="加载失败" description={failure} />
      ) : !detail ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <ProgressSteps progress={detail.progress} />
          </Card>
          {detail.state === 'rejected' && detail.rejection_reason && (
            <Alert type="error" showIcon message={`已驳回：${detail.rejection_reason}`} description="等待商户修改后重新提交" />
          )}
          <Descriptions size="small" column={4} bordered>
            <Descriptions.Item label="商户">{detail.merchant.name}</Descriptions.Item>
            <Descriptions.Item label="注册状态">{detail.merchant.registration_status_label}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatTime(detail.submitted_at)}</Descriptions.Item>
            <Descriptions.Item label="当前环节">{detail.progress.hint}</Descriptions.Item>
          </Descriptions>
          <Row gutter={16}>
            <Col xs={24} xl={11}>
              <Card title={`资质文件（${detail.documents.length}）`} size="small">
                {detail.documents.length === 0 ? (
                  <Empty description="未上传文件" />
                ) : (
                  <Space direction="vertical" size="large" style={{ width: '100%' }}>
                    {detail.documents.map((doc) => (
                      <div key={doc.id}>
                        <Space style={{ marginBottom: 8 }}>
                          <Tag color="blue">{doc.kind_label}</Tag>
                          <Typography.Text type="secondary">{doc.original_name}</Typography.Text>
                        </Space>
                        <DocThumb documentId={doc.id} contentType={doc.content_type} admin width="100%" height={260} />
                        <div style={{ marginTop: 8 }}>
                          <OcrTable doc={doc} data={data} />
                        </div>
                      </div>
                    ))}
                  </Space>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={13}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Card title="填报内容" size="small">
                  <ApplicationSummary app={detail} labels={detail.field_labels} admin columns={1} />
                </Card>
                <Card title="办理记录" size="small">
                  <ProgressTimeline progress={detail.progress} />
                </Card>
              </Space>
            </Col>
          </Row>
        </Space>
      )}
      <Modal
        open={rejecting !== null}
        title="驳回申请"
        okText="确认驳回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: moving === rejecting?.to }}
        onCancel={() => setRejecting(null)}
        onOk={async () => {
          const { comment } = await form.validateFields();
          if (rejecting && (await move(rejecting.to, comment))) setRejecting(null);
        }}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="comment"
            label="驳回原因"
            extra="商户将在站内消息和微信通知中看到该原因，请写明需要修改的内容"
            rules={[{ required: true, whitespace: true, message: '请填写驳回原因' }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount placeholder="如：营业执照照片不清晰，请重新上传" />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
