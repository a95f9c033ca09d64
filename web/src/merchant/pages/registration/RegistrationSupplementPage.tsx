/**
 * R2 已注册企业信息补充: guided cards for 营业执照 / 法人身份证 / 开户许可证 / 补充信息. A file is uploaded
 * or picked from the vault, read (OCR), its values shown in an editable form; 「确认并保存」 writes
 * them into the merchant profile and saves the step. Then 提交审核. Once approved, everything is shown
 * read-only in full: 「如需修改请联系捷晶管理员」.
 */
import { CheckOutlined, LockOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Skeleton, Space, Spin, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { access } from '@/shared/access';
import { VaultPicker } from '@/shared/components/VaultPicker';
import { DocThumb } from '@/shared/components/DocThumb';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { CONTACT_ADMIN, mergedStep, stepFieldErrors, type ApplicationOut, type DocumentKind, type DocumentOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { ApplicationSummary } from '@/shared/components/registration/ApplicationSummary';
import { FIELD_LABELS, ID_RULE, PHONE_RULE } from '@/shared/components/registration/fields';
import { ProgressSteps } from '@/shared/components/registration/ProgressBoard';
import { useRegistration } from './useRegistration';
import './registration.css';
import { PageHeading } from '@/shared/components/PageHeading';

const EDIT = 'registration:supplement:edit';
const OCR_IMAGES = new Set(['image/png', 'image/jpeg']);

interface DocSpec {
  field: string;
  kind: DocumentKind;
  label: string;
  /** OCR key → form field (= profile field). */
  ocr: Record<string, string>;
}
interface FieldSpec {
  name: string;
  label: string;
  rules?: Rule[];
  placeholder?: string;
  span?: number;
}
interface CardSpec {
  step: string;
  title: string;
  hint: string;
  docs: DocSpec[];
  fields: FieldSpec[];
}

const required = (label: string): Rule => ({ required: true, message: `请填写${label}` });

const CARDS: CardSpec[] = [
  {
    step: 'licence',
    title: '营业执照',
    hint: '上传营业执照正本或副本的清晰照片，系统将自动识别其中的信息',
    docs: [
      {
        field: 'licence_document',
        kind: 'business_licence',
        label: '营业执照',
        ocr: {
          credit_code: 'credit_code',
          name: 'name',
          company_type: 'company_type',
          legal_representative: 'legal_person',
          address: 'address',
          established_on: 'established_on',
        },
      },
    ],
    fields: [
      { name: 'name', label: '企业名称', rules: [required('企业名称')] },
      {
        name: 'credit_code',
        label: '统一社会信用代码',
        rules: [required('统一社会信用代码'), { pattern: /^[0-9A-Za-z]{18}$/, message: '应为 18 位数字或字母' }],
      },
      { name: 'company_type', label: '类型', rules: [required('类型')], placeholder: '如：有限责任公司(自然人独资)' },
      { name: 'legal_person', label: '法定代表人 / 经营者', rules: [required('法定代表人')] },
      { name: 'address', label: '住所 / 经营场所', rules: [required('住所')], span: 24 },
      { name: 'established_on', label: '成立日期', placeholder: '如：2019-03-15', rules: [{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式如 2019-03-15' }] },
    ],
  },
  {
    step: 'id_card',
    title: '法人身份证',
    hint: '分别上传身份证人像面与国徽面',
    docs: [
      { field: 'id_card_front_document', kind: 'id_card_front', label: '人像面', ocr: { id_number: 'legal_person_id_number' } },
      { field: 'id_card_back_document', kind: 'id_card_back', label: '国徽面', ocr: { valid_period: 'legal_person_id_valid' } },
    ],
    fields: [
      { name: 'legal_person_id_number', label: '法人身份证号', rules: [required('身份证号'), ID_RULE] },
      { name: 'legal_person_id_valid', label: '有效期限', placeholder: '如：2016.05.01-2036.05.01' },
    ],
  },
  {
    step: 'bank',
    title: '开户许可证',
    hint: '用于结汇收款的人民币账户',
    docs: [
      { field: 'bank_permit_document', kind: 'bank_permit', label: '开户许可证', ocr: { bank: 'bank_name', account_number: 'bank_account' } },
    ],
    fields: [
      { name: 'bank_name', label: '开户银行', rules: [required('开户银行')] },
      { name: 'bank_account', label: '银行账号', rules: [required('银行账号')] },
    ],
  },
  {
    step: 'supplement',
    title: '补充信息',
    hint: '用于报关、结汇单据的英文信息与日常联系人',
    docs: [],
    fields: [
      { name: 'name_en', label: '英文名称', placeholder: '如：Donghai Jingying Crystal Co., Ltd.', span: 24 },
      { name: 'address_en', label: '英文地址', span: 24 },
      { name: 'contact_name', label: '联系人姓名', rules: [required('联系人姓名')] },
      { name: 'contact_phone', label: '联系人电话', rules: [required('联系人电话'), PHONE_RULE] },
      { name: 'legal_person_phone', label: '法人联系电话', rules: [PHONE_RULE] },
    ],
  },
];

type OcrState = 'idle' | 'reading' | 'done' | 'empty' | 'unsupported' | 'failed';

function GuideCard({
  spec,
  index,
  app,
  defaults,
  disabled,
  onSaved,
}: {
  spec: CardSpec;
  index: number;
  app: ApplicationOut;
  defaults: Record<string, unknown>;
  disabled: boolean;
  onSaved: (app: ApplicationOut) => void;
}) {
  const { api, reload: reloadMe } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const saved = (app.data as Record<string, Record<string, unknown>>)[spec.step];
  const [initial] = useState(() => mergedStep(saved, defaults));
  const [ocr, setOcr] = useState<Record<string, OcrState>>({});
  const [saving, setSaving] = useState(false);
  const done = Boolean(saved && spec.fields.some((f) => f.rules && saved[f.name]));

  const recognise = async (doc: DocSpec, picked: DocumentOut | undefined) => {
    if (!picked) return;
    if (!OCR_IMAGES.has(picked.content_type)) {
      setOcr((s) => ({ ...s, [doc.field]: 'unsupported' }));
      return;
    }
    setOcr((s) => ({ ...s, [doc.field]: 'reading' }));
    try {
      const result = await unwrap(
        api.client.POST('/api/v1/documents/{document_id}/ocr', { params: { path: { document_id: picked.id } } }),
      );
      const values: Record<string, string> = {};
      for (const item of result.fields) {
        const target = doc.ocr[item.key];
        if (target && item.value) values[target] = item.value;
      }
      form.setFieldsValue(values);
      setOcr((s) => ({ ...s, [doc.field]: Object.keys(values).length ? 'done' : 'empty' }));
    } catch {
      setOcr((s) => ({ ...s, [doc.field]: 'failed' }));
    }
  };

  const confirm = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      // The values read off each document go into the profile, with the document as their evidence.
      for (const doc of spec.docs) {
        const documentId = values[doc.field];
        if (!documentId) continue;
        const confirmed = Object.fromEntries(Object.values(doc.ocr).map((f) => [f, values[f] ?? '']));
        await unwrap(
          api.client.POST('/api/v1/registration/confirm-ocr', {
            body: { document_id: Number(documentId), values: confirmed },
          }),
        );
      }
      const result = await unwrap(
        api.client.PUT('/api/v1/registration/applications/{application_id}/steps/{step}', {
          params: { path: { application_id: app.id, step: spec.step } },
          body: { values },
        }),
      );
      onSaved(result);
      if (spec.docs.length) void reloadMe(); // the profile (e.g. the merchant's name) changed
      message.success(spec.docs.length ? `${spec.title}信息已确认，并写入企业资料` : `${spec.title}已保存`);
    } catch (e) {
      if (e instanceof ApiFailure && e.details.fields) {
        const fields = e.details.fields as Record<string, unknown>;
        const scoped = stepFieldErrors(fields, spec.step);
        form.setFields(scoped.length ? scoped : Object.entries(fields).map(([name, m]) => ({ name, errors: [String(m)] })));
      }
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const ocrAlert = (doc: DocSpec) => {
    switch (ocr[doc.field]) {
      case 'reading':
        return <Alert type="info" showIcon icon={<Spin size="small" />} message={`正在识别${doc.label}中的文字…`} />;
      case 'done':
        return <Alert type="success" showIcon message="识别完成，已填入右侧，请核对；如有错误可直接修改" />;
      case 'empty':
        return <Alert type="warning" showIcon message="未识别到有效信息，请确认照片清晰，或在右侧手动填写" />;
      case 'unsupported':
        return <Alert type="info" showIcon message="PDF 文件不能自动识别，请在右侧手动填写" />;
      case 'failed':
        return <Alert type="warning" showIcon message="识别失败，请在右侧手动填写" />;
      default:
        return null;
    }
  };

  return (
    <Card
      data-testid={`guide-${spec.step}`}
      className="reg-guide-card"
      title={
        <>
          <span className={`reg-guide-index${done ? ' done' : ''}`}>{done ? <CheckOutlined /> : index + 1}</span>
          <span>{spec.title}</span>
          {done && <Tag color="success">已确认</Tag>}
        </>
      }
      extra={<Typography.Text type="secondary">{spec.hint}</Typography.Text>}
    >
      <Form form={form} layout="vertical" initialValues={initial} disabled={disabled}>
        <Row gutter={24}>
          {spec.docs.length > 0 && (
            <Col xs={24} lg={10}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {spec.docs.map((doc) => (
                  <div key={doc.field}>
                    <Form.Item name={doc.field} label={doc.label} rules={[{ required: true, message: '请上传或选择文件' }]}>
                      <VaultPicker
                        kind={doc.kind}
                        label={doc.label}
                        large
                        disabled={disabled}
                        onChange={(_, picked) => void recognise(doc, picked)}
                      />
                    </Form.Item>
                    {ocrAlert(doc)}
                  </div>
                ))}
              </Space>
            </Col>
          )}
          <Col xs={24} lg={spec.docs.length ? 14 : 24}>
            <Row gutter={16}>
              {spec.fields.map((field) => (
                <Col key={field.name} xs={24} md={field.span ?? 12}>
                  <Form.Item name={field.name} label={field.label} rules={field.rules}>
                    <Input placeholder={field.placeholder} allowClear />
                  </Form.Item>
                </Col>
              ))}
            </Row>
            {!disabled && (
              <Button type="primary" ghost icon={<CheckOutlined />} loading={saving} onClick={() => void confirm()}>
                {spec.docs.length ? '确认并保存' : '保存'}
              </Button>
            )}
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

const PROFILE_LABELS: Record<string, string> = {
  address: '住所（经营场所）',
  legal_person: '法定代表人 / 经营者',
  legal_person_id_number: '法人身份证号',
  legal_person_phone: '法人联系电话',
};

function ApprovedProfile({ profile, documents }: { profile: Record<string, unknown>; documents: ApplicationOut['documents'] }) {
  const rows = [
    'name',
    'name_en',
    'credit_code',
    'company_type',
    'established_on',
    'address',
    'address_en',
    'legal_person',
    'legal_person_id_number',
    'legal_person_id_valid',
    'legal_person_phone',
    'contact_name',
    'contact_phone',
    'bank_name',
    'bank_account',
    'ccb_sub_account',
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="success" showIcon icon={<LockOutlined />} message="工商注册已核准，以下信息已锁定" description={CONTACT_ADMIN} />
      <Card title="企业信息">
        <Descriptions bordered size="small" column={2} labelStyle={{ width: 160 }}>
          {rows.map((key) => (
            <Descriptions.Item key={key} label={PROFILE_LABELS[key] ?? FIELD_LABELS[key] ?? key} span={['address', 'address_en', 'name_en'].includes(key) ? 2 : 1}>
              {profile[key] ? String(profile[key]) : <Typography.Text type="secondary">未填写</Typography.Text>}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>
      {documents.length > 0 && (
        <Card title="资质文件">
          <Space size="large" wrap>
            {documents.map((doc) => (
              <Space key={doc.id} direction="vertical" align="center">
                <DocThumb documentId={doc.id} contentType={doc.content_type} width={200} height={140} />
                <Typography.Text>{doc.kind_label}</Typography.Text>
              </Space>
            ))}
          </Space>
        </Card>
      )}
    </Space>
  );
}

export default function RegistrationSupplementPage() {
  const { api, me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { loading, failure, application, status, prefill, setApplication, reload } = useRegistration({ withPrefill: true });
  const [starting, setStarting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const canEdit = access(me).can(EDIT);

  const start = async () => {
    setStarting(true);
    try {
      setApplication(await unwrap(api.client.POST('/api/v1/registration/applications', { body: { kind: 'existing' } })));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const submit = async (app: ApplicationOut) => {
    setSubmitting(true);
    setProblems([]);
    try {
      setApplication(
        await unwrap(
          api.client.POST('/api/v1/registration/applications/{application_id}/submit', {
            params: { path: { application_id: app.id } },
          }),
        ),
      );
      message.success('已提交审核，请留意审核进度');
      navigate('/registration/progress');
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'REGISTRATION_INCOMPLETE') {
        const fields = (e.details.fields ?? {}) as Record<string, string>;
        setProblems(
          Object.entries(fields).map(([key, text]) => {
            const card = CARDS.find((c) => key.startsWith(`${c.step}.`));
            const field = key.split('.')[1] ?? key;
            return `${card?.title ?? ''}·${FIELD_LABELS[field] ?? field}：${text}`;
          }),
        );
      }
      message.error(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  const header = (
    <PageHeading
      title="已注册企业信息补充"
      subtitle="已有营业执照的商户，按步骤上传营业执照、法人身份证和开户许可证，核对自动识别的信息后提交审核。"
    />
  );

  let body: React.ReactNode;
  if (loading) {
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  } else if (failure) {
    body = <Alert type="error" showIcon message="加载失败" description={failure} />;
  } else if (status === 'approved' || application?.state === 'approved') {
    body = <ApprovedProfile profile={prefill?.profile ?? {}} documents={application?.documents ?? []} />;
  } else if (!application) {
    body = (
      <Card>
        <Result
          icon={<SafetyCertificateOutlined style={{ color: '#4338ca' }} />}
          title="上传资质文件，完成企业认证"
          subTitle="需要：营业执照、法人身份证（人像面与国徽面）、开户许可证。识别出的信息会自动填入，您只需核对。"
          extra={
            canEdit ? (
              <Button type="primary" size="large" loading={starting} onClick={() => void start()}>
                开始填写
              </Button>
            ) : (
              <Alert type="info" showIcon message="您是商户成员，只能查看；请由商户管理员办理。" />
            )
          }
        />
      </Card>
    );
  } else if (application.kind !== 'existing') {
    body = (
      <Card>
        <Result
          status="info"
          title={`您正在办理「${application.kind_label}」`}
          subTitle="同一时间只能办理一项工商注册申请。"
          extra={
            <Button type="primary" onClick={() => navigate('/registration/apply')}>
              继续办理
            </Button>
          }
        />
      </Card>
    );
  } else if (!application.editable) {
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <ProgressSteps progress={application.progress} />
        </Card>
        {application.state === 'draft' && (
          <Alert type="info" showIcon message="您是商户成员，只能查看填报内容；上传和提交需由商户管理员操作。" />
        )}
        <Card title="已填报的信息" extra={<Button onClick={() => navigate('/registration/progress')}>查看办理进度</Button>}>
          <ApplicationSummary app={application} labels={Object.fromEntries(CARDS.flatMap((c) => c.fields.map((f) => [`${c.step}.${f.name}`, f.label])))} />
        </Card>
      </Space>
    );
  } else {
    const defaults = (prefill?.defaults?.existing ?? {}) as Record<string, Record<string, unknown>>;
    body = (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {application.state === 'rejected' && (
          <Alert
            type="error"
            showIcon
            message="申请已被驳回，请按原因修改后重新提交"
            description={`驳回原因：${application.rejection_reason || '未说明'}`}
          />
        )}
        {CARDS.map((spec, index) => (
          <GuideCard
            key={spec.step}
            spec={spec}
            index={index}
            app={application}
            defaults={defaults[spec.step] ?? {}}
            disabled={!application.editable}
            onSaved={setApplication}
          />
        ))}
        <Card>
          {problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message="以下信息还需补充"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Text type="secondary">四项信息都确认后即可提交，捷晶将在 1 个工作日内完成初审。</Typography.Text>
            <Space>
              <Button onClick={() => void reload()}>刷新</Button>
              <Button type="primary" size="large" icon={<SendOutlined />} loading={submitting} onClick={() => void submit(application)}>
                {application.state === 'rejected' ? '重新提交审核' : '提交审核'}
              </Button>
            </Space>
          </Space>
        </Card>
      </Space>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {header}
      {body}
    </Space>
  );
}
