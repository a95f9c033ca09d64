/**
 * The merchant profile, read and edited the same way on the merchant PC (商户信息 U2) and in the back
 * office (商户信息管理 A1). The server says, per field, whether the caller may change it and why not
 * (locked after approval, or kept by 捷晶 only); this file only lays the fields out.
 */
import { FileImageOutlined, FilePdfOutlined, LinkOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Image, Input, Row, Select, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import type { Api } from '@/shared/api/client';
import type { MerchantProfile, MerchantProfileField } from '@/shared/api/types';
import { ApiFailure, errorMessage, fieldErrors, toFailure } from '@/shared/errors';
import './merchantProfile.css';

export const GROUPS: { key: string; title: string; description: string }[] = [
  { key: 'company', title: '企业信息', description: '营业执照上的名称、类型与地址，以及对外使用的英文名称和地址' },
  { key: 'legal', title: '法人信息', description: '法定代表人（经营者）及其身份证' },
  { key: 'contact', title: '联系人', description: '捷晶与您联系业务时找谁' },
  { key: 'settlement', title: '结算账户', description: '结汇入账的人民币账户与建设银行外汇子账号' },
];

export const LOCK_HINT = '如需修改请联系捷晶管理员';

type Values = Record<string, unknown>;

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function display(profile: MerchantProfile, field: MerchantProfileField): ReactNode {
  const value = profile.values[field.key];
  const shown = field.key === 'merchant_type' ? profile.value_labels.merchant_type : text(value);
  if (!shown) return <Typography.Text type="secondary">未填写</Typography.Text>;
  return <span data-testid={`profile-value-${field.key}`}>{shown}</span>;
}

function fieldLabel(field: MerchantProfileField, staffView: boolean): ReactNode {
  if (field.staff_only && !staffView) {
    return (
      <Space size={4}>
        {field.label}
        <Tooltip title="由捷晶管理员维护">
          <LockOutlined style={{ color: '#a3a8b8' }} />
        </Tooltip>
      </Space>
    );
  }
  if (field.locked) {
    return (
      <Space size={4}>
        {field.label}
        <Tooltip title={LOCK_HINT}>
          <LockOutlined style={{ color: '#a3a8b8' }} />
        </Tooltip>
      </Space>
    );
  }
  return field.label;
}

/** The file of a profile document: the merchant's own vault download, or the back office's one for ``staffMerchantId``. */
async function fetchProfileDocument(api: Api, documentId: number, staffMerchantId?: number): Promise<Blob> {
  const result =
    staffMerchantId === undefined
      ? await api.client.GET('/api/v1/documents/{document_id}/download', { params: { path: { document_id: documentId } }, parseAs: 'blob' })
      : await api.client.GET('/api/v1/admin/merchants/{merchant_id}/documents/{document_id}/download', {
          params: { path: { merchant_id: staffMerchantId, document_id: documentId } },
          parseAs: 'blob',
        });
  if (!result.response.ok || !result.data) throw toFailure(result.error, result.response.status);
  return result.data as Blob;
}

/**
 * A thumbnail of a vault document (licence, ID card front/back, bank permit): images inline with
 * click-to-preview, PDFs as a file chip (in the back office a click opens the file).
 */
export function DocumentThumb({
  api,
  document,
  label,
  preview = true,
  staffMerchantId,
}: {
  api: Api;
  document: MerchantProfile['documents'][string];
  label: string;
  preview?: boolean;
  staffMerchantId?: number;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const isImage = preview && !!document && document.content_type.startsWith('image/');
  const documentId = document?.id;

  useEffect(() => {
    if (!documentId || !isImage) return undefined;
    let objectUrl: string | null = null;
    let cancelled = false;
    setUrl(null);
    setFailed(false);
    void (async () => {
      try {
        objectUrl = URL.createObjectURL(await fetchProfileDocument(api, documentId, staffMerchantId));
        if (!cancelled) setUrl(objectUrl);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [api, documentId, isImage, staffMerchantId]);

  const openFile =
    document && !isImage && staffMerchantId !== undefined
      ? () => {
          const tab = window.open('', '_blank');
          fetchProfileDocument(api, document.id, staffMerchantId)
            .then((blob) => {
              if (tab) tab.location.href = URL.createObjectURL(blob);
            })
            .catch(() => {
              tab?.close();
              setFailed(true);
            });
        }
      : undefined;

  return (
    <div className="jmt-doc-thumb" data-testid={document ? `doc-thumb-${document.id}` : undefined}>
      <div className="jmt-doc-thumb__frame">
        {!document ? (
          <span className="jmt-doc-thumb__empty">
            <FileImageOutlined />
            <span>未上传</span>
          </span>
        ) : isImage && url ? (
          <Image src={url} alt={label} width={168} height={108} style={{ objectFit: 'cover', borderRadius: 6 }} preview={{ mask: '点击预览' }} />
        ) : (
          <span
            className="jmt-doc-thumb__empty"
            onClick={openFile}
            style={openFile ? { cursor: 'pointer' } : undefined}
            title={openFile ? `打开「${document.original_name}」` : document.original_name}
          >
            {document.content_type.startsWith('image/') ? <FileImageOutlined /> : <FilePdfOutlined />}
            <span>{failed ? '暂时无法预览' : isImage ? '加载中…' : document.original_name}</span>
          </span>
        )}
      </div>
      <div className="jmt-doc-thumb__label">{label}</div>
    </div>
  );
}

/** The read view: grouped descriptions, ID card thumbnails, 点点通 link and the CCB sub-account. */
export function MerchantProfileView({
  api,
  profile,
  staffView = false,
  gatewayLink,
}: {
  api: Api;
  profile: MerchantProfile;
  staffView?: boolean;
  gatewayLink?: ReactNode;
}) {
  const byGroup = (group: string) => profile.fields.filter((f) => f.group === group);
  const staffMerchantId = staffView ? profile.id : undefined;
  return (
    <div className="jmt-merchant-profile">
      {GROUPS.map((group) => (
        <section key={group.key} className="jmt-merchant-profile__group">
          <div className="jmt-merchant-profile__group-title">
            <Typography.Text strong>{group.title}</Typography.Text>
            <Typography.Text type="secondary">{group.description}</Typography.Text>
          </div>
          <Descriptions bordered size="middle" column={2} labelStyle={{ width: 172, whiteSpace: 'nowrap' }} contentStyle={{ minWidth: 180 }}>
            {byGroup(group.key).map((field, index, all) => (
              <Descriptions.Item
                key={field.key}
                label={fieldLabel(field, staffView)}
                span={index === all.length - 1 && all.length % 2 === 1 ? 2 : 1}
              >
                {display(profile, field)}
              </Descriptions.Item>
            ))}
            {group.key === 'company' && staffView ? (
              <Descriptions.Item label="营业执照" span={2}>
                <Space size={16} wrap>
                  <DocumentThumb api={api} staffMerchantId={staffMerchantId} document={profile.documents.licence_document ?? null} label="营业执照" />
                </Space>
              </Descriptions.Item>
            ) : null}
            {group.key === 'legal' ? (
              <Descriptions.Item label="法人身份证" span={2}>
                <Space size={16} wrap>
                  <DocumentThumb api={api} staffMerchantId={staffMerchantId} document={profile.documents.id_card_front_document ?? null} label="人像面" />
                  <DocumentThumb api={api} staffMerchantId={staffMerchantId} document={profile.documents.id_card_back_document ?? null} label="国徽面" />
                </Space>
              </Descriptions.Item>
            ) : null}
            {group.key === 'settlement' && staffView ? (
              <Descriptions.Item label="开户许可证" span={2}>
                <Space size={16} wrap>
                  <DocumentThumb api={api} staffMerchantId={staffMerchantId} document={profile.documents.bank_permit_document ?? null} label="开户许可证" />
                </Space>
              </Descriptions.Item>
            ) : null}
            {group.key === 'settlement' && gatewayLink ? (
              <Descriptions.Item label="点点通企业接口配置" span={2}>
                {gatewayLink}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </section>
      ))}
    </div>
  );
}

export function GatewayLink({ href, onOpen }: { href: string; onOpen?: () => void }) {
  return (
    <Space>
      <Typography.Text type="secondary">海关点点通接口的企业编码、密钥与校验结果</Typography.Text>
      <Button type="link" size="small" icon={<LinkOutlined />} href={onOpen ? undefined : href} onClick={onOpen} style={{ paddingInline: 0 }}>
        查看接口配置
      </Button>
    </Space>
  );
}

function toFormValues(profile: MerchantProfile): Values {
  const values: Values = {};
  for (const field of profile.fields) {
    if (field.kind === 'document') continue;
    const value = profile.values[field.key];
    if (field.kind === 'date') values[field.key] = value ? dayjs(String(value)) : null;
    else values[field.key] = value ?? '';
  }
  return values;
}

function fromFormValue(field: MerchantProfileField, value: unknown): unknown {
  if (field.kind === 'date') return value ? (value as Dayjs).format('YYYY-MM-DD') : '';
  return value ?? '';
}

/** The edit form: only the fields the caller may change are enabled; the rest say why not. */
export function MerchantProfileForm({
  profile,
  staffView = false,
  onSubmit,
  onCancel,
}: {
  profile: MerchantProfile;
  staffView?: boolean;
  onSubmit: (changes: Values) => Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue(toFormValues(profile) as never);
  }, [form, profile]);

  const submit = async (values: Values) => {
    const changes: Values = {};
    for (const field of profile.fields) {
      if (!field.editable || field.kind === 'document' || !(field.key in values)) continue;
      const next = fromFormValue(field, values[field.key]);
      const before = profile.values[field.key] ?? '';
      if (String(next).trim() !== String(before)) changes[field.key] = typeof next === 'string' ? next.trim() : next;
    }
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(changes);
    } catch (e) {
      if (e instanceof ApiFailure) form.setFields(fieldErrors(e));
      setFailure(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const extraFor = (field: MerchantProfileField) => {
    if (field.editable) return undefined;
    if (field.staff_only && !staffView) return '由捷晶管理员维护';
    if (field.locked) return LOCK_HINT;
    return undefined;
  };

  const input = (field: MerchantProfileField) => {
    const disabled = !field.editable;
    if (field.kind === 'select') {
      return <Select disabled={disabled} allowClear placeholder="请选择" options={profile.merchant_types} />;
    }
    if (field.kind === 'date') {
      return <DatePicker disabled={disabled} style={{ width: '100%' }} placeholder="请选择日期" />;
    }
    return <Input disabled={disabled} allowClear={!disabled} placeholder={disabled ? '' : `请输入${field.label}`} />;
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} className="jmt-merchant-profile-form" requiredMark={false}>
      {profile.locked ? (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          message="工商注册已核准"
          description={`营业执照与法人身份证上的信息已锁定，${LOCK_HINT}；英文名称与地址、联系人、结算账户可随时修改。`}
        />
      ) : null}
      {GROUPS.map((group) => {
        const fields = profile.fields.filter((f) => f.group === group.key);
        return (
          <Card key={group.key} size="small" title={group.title} className="jmt-merchant-profile-form__group" variant="outlined">
            <Row gutter={24}>
              {fields.map((field) => (
                <Col key={field.key} xs={24} md={12}>
                  <Form.Item name={field.key} label={field.label} extra={extraFor(field)}>
                    {input(field)}
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
        );
      })}
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} /> : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-save">
          保存
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          取消
        </Button>
        {staffView ? <Tag bordered={false} color="purple">后台可修改全部字段</Tag> : null}
      </Space>
    </Form>
  );
}
