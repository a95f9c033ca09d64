/**
 * The generic filing form: the type's sections and fields, pre-filled (each value says where it came
 * from), documents picked from 我的资料 or uploaded, the back office's change requests on their fields,
 * server errors on their fields. 保存草稿 keeps what is there; 提交审核 checks every field.
 */
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { fieldErrors, type FilingFieldSpecOut, type FilingOut, type FilingTypeOut, type FilingValues } from '@/shared/filings';
import { VaultPicker } from '@/shared/components/VaultPicker';
import type { DocumentKind } from '@/shared/registration';
import { useMe } from '@/shared/session';

function control(field: FilingFieldSpecOut) {
  switch (field.type) {
    case 'document':
      return <VaultPicker kind={(field.document_kind || undefined) as DocumentKind | undefined} label={field.label} />;
    case 'choice':
      return field.choices.length <= 3 ? (
        <Radio.Group options={field.choices.map((c) => ({ label: c, value: c }))} />
      ) : (
        <Select options={field.choices.map((c) => ({ label: c, value: c }))} placeholder={`请选择${field.label}`} />
      );
    case 'textarea':
      return <Input.TextArea rows={3} maxLength={field.max_length} showCount />;
    default:
      return <Input maxLength={field.max_length} placeholder={field.help || `请填写${field.label}`} allowClear />;
  }
}

export function FilingForm({
  type,
  filing,
  onChanged,
}: {
  type: FilingTypeOut;
  filing: FilingOut;
  onChanged: (next: FilingOut) => void;
}) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilingValues>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  const save = async (): Promise<FilingOut | null> => {
    try {
      const next = await unwrap(
        api.client.PUT('/api/v1/filings/filings/{filing_id}', {
          params: { path: { filing_id: filing.id } },
          body: { values: form.getFieldsValue(true) },
        }),
      );
      return next;
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 422) form.setFields(fieldErrors(e.details));
      message.error(errorMessage(e));
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const next = await save();
    setBusy(null);
    if (next) {
      message.success('草稿已保存');
      onChanged(next);
    }
  };

  const onSubmit = async () => {
    setBusy('submit');
    try {
      const saved = await save();
      if (!saved) return;
      const next = await unwrap(
        api.client.POST('/api/v1/filings/filings/{filing_id}/submit', { params: { path: { filing_id: filing.id } } }),
      );
      message.success('已提交，捷晶将尽快审核');
      onChanged(next);
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 422) {
        form.setFields(fieldErrors(e.details));
        const first = Object.keys((e.details.fields ?? {}) as object)[0];
        if (first) form.scrollToField(first, { block: 'center' });
      }
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const changes = filing.change_requests;
  return (
    <Form form={form} layout="vertical" initialValues={filing.data} requiredMark data-testid="filing-form">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {type.sections.map((section) => (
          <Card key={section.title} size="small" title={section.title}>
            <Row gutter={16}>
              {section.fields.map((field) => {
                const origin = filing.origins[field.name];
                const comment = changes[field.name];
                return (
                  <Col key={field.name} xs={24} md={field.type === 'document' || field.type === 'textarea' ? 24 : 12}>
                    <Form.Item
                      name={field.name}
                      label={
                        <Space size={6}>
                          <span>{field.label}</span>
                          {origin && (
                            <Tag color="blue" bordered={false} style={{ marginInlineEnd: 0 }}>
                              来自{origin}
                            </Tag>
                          )}
                        </Space>
                      }
                      required={field.required}
                      validateStatus={comment ? 'warning' : undefined}
                      help={comment ? `修改意见：${comment}` : undefined}
                      extra={!comment && field.help && field.type !== 'text' ? field.help : undefined}
                      data-testid={`field-${field.name}`}
                    >
                      {control(field)}
                    </Form.Item>
                  </Col>
                );
              })}
            </Row>
          </Card>
        ))}
        <Card size="small">
          <Space wrap>
            <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} disabled={busy !== null} onClick={onSubmit}>
              {filing.state === 'returned' ? '修改完成，重新提交' : '提交审核'}
            </Button>
            <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null} onClick={onSave}>
              保存草稿
            </Button>
          </Space>
        </Card>
      </Space>
    </Form>
  );
}
