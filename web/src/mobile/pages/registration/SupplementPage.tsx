/**
 * R2 已注册企业信息补充 on the phone: one card per step (营业执照 / 法人身份证 / 开户许可证 / 补充信息).
 * A photo is taken or picked from the vault, read (OCR), its values shown in an editable form;
 * 「确认并保存」 writes them into the merchant profile and saves the step; then 提交审核.
 * Once approved, everything is read-only: 「如需修改请联系捷晶管理员」.
 */
import { CheckOutlined, LockOutlined, SafetyCertificateOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Dialog, DotLoading, ErrorBlock, Form, Input, List, NavBar, NoticeBar, SpinLoading, Tag, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { CONTACT_ADMIN, mergedStep, type ApplicationOut, type DocumentKind, type DocumentOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { FIELD_LABELS, ID_RULE, PHONE_RULE } from '@/shared/components/registration/fields';
import { MobileResult } from '../../components/MobileResult';
import { DocField, DocImage } from './DocField';
import { formErrors, ocrToValues, OCR_IMAGE_TYPES, problemLines, stepDone } from './logic';
import { MobileSummary } from './Summary';
import { useMobileRegistration } from './useMobileRegistration';
import './registration.css';

const EDIT = 'registration:supplement:edit';

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
  required?: boolean;
  rule?: { pattern: RegExp; message: string };
  placeholder?: string;
}
interface CardSpec {
  step: string;
  title: string;
  hint: string;
  docs: DocSpec[];
  fields: FieldSpec[];
}

export const CARDS: CardSpec[] = [
  {
    step: 'licence',
    title: '营业执照',
    hint: '拍摄营业执照正本或副本，系统自动识别其中的信息',
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
      { name: 'name', label: '企业名称', required: true, placeholder: '与营业执照一致' },
      {
        name: 'credit_code',
        label: '统一社会信用代码',
        required: true,
        rule: { pattern: /^[0-9A-Za-z]{18}$/, message: '应为 18 位数字或字母' },
        placeholder: '18 位数字或字母',
      },
      { name: 'company_type', label: '类型', required: true, placeholder: '如：有限责任公司(自然人独资)' },
      { name: 'legal_person', label: '法定代表人 / 经营者', required: true },
      { name: 'address', label: '住所 / 经营场所', required: true },
      { name: 'established_on', label: '成立日期', placeholder: '如：2019-03-15', rule: { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式如 2019-03-15' } },
    ],
  },
  {
    step: 'id_card',
    title: '法人身份证',
    hint: '分别拍摄身份证人像面与国徽面',
    docs: [
      { field: 'id_card_front_document', kind: 'id_card_front', label: '身份证人像面', ocr: { id_number: 'legal_person_id_number' } },
      { field: 'id_card_back_document', kind: 'id_card_back', label: '身份证国徽面', ocr: { valid_period: 'legal_person_id_valid' } },
    ],
    fields: [
      { name: 'legal_person_id_number', label: '法人身份证号', required: true, rule: ID_RULE, placeholder: '18 位，最后一位可为 X' },
      { name: 'legal_person_id_valid', label: '有效期限', placeholder: '如：2016.05.01-2036.05.01' },
    ],
  },
  {
    step: 'bank',
    title: '开户许可证',
    hint: '用于结汇收款的人民币账户',
    docs: [{ field: 'bank_permit_document', kind: 'bank_permit', label: '开户许可证', ocr: { bank: 'bank_name', account_number: 'bank_account' } }],
    fields: [
      { name: 'bank_name', label: '开户银行', required: true, placeholder: '如：中国建设银行东海支行' },
      { name: 'bank_account', label: '银行账号', required: true },
    ],
  },
  {
    step: 'supplement',
    title: '补充信息',
    hint: '报关、结汇单据上的英文信息与日常联系人',
    docs: [],
    fields: [
      { name: 'name_en', label: '英文名称', placeholder: '如：Donghai Jingying Crystal Co., Ltd.' },
      { name: 'address_en', label: '英文地址', placeholder: '选填' },
      { name: 'contact_name', label: '联系人姓名', required: true },
      { name: 'contact_phone', label: '联系人电话', required: true, rule: PHONE_RULE, placeholder: '手机号或座机号' },
      { name: 'legal_person_phone', label: '法人联系电话', rule: PHONE_RULE, placeholder: '选填' },
    ],
  },
];

export const SUPPLEMENT_LABELS: Record<string, string> = Object.fromEntries(
  CARDS.flatMap((c) => [...c.docs.map((d) => [`${c.step}.${d.field}`, d.label]), ...c.fields.map((f) => [`${c.step}.${f.name}`, f.label])]),
);

type OcrState = 'reading' | 'done' | 'empty' | 'unsupported' | 'failed';

function OcrLine({ state, label }: { state?: OcrState; label: string }) {
  switch (state) {
    case 'reading':
      return (
        <div className="mreg-ocr mreg-ocr--reading" data-testid="ocr-reading">
          <SpinLoading color="primary" style={{ '--size': '16px' }} />
          <span>正在识别{label}中的文字，请稍候…</span>
        </div>
      );
    case 'done':
      return (
        <div className="mreg-ocr mreg-ocr--done" data-testid="ocr-done">
          <CheckOutlined style={{ marginTop: 4 }} />
          <span>识别完成，已填入下方，请逐项核对；如有错误可直接修改</span>
        </div>
      );
    case 'unsupported':
      return <div className="mreg-ocr mreg-ocr--warn">PDF 文件不能自动识别，请手动填写</div>;
    case 'empty':
    case 'failed':
      return (
        <div className="mreg-ocr mreg-ocr--warn" data-testid="ocr-failed">
          未能识别，请手动填写
        </div>
      );
    default:
      return null;
  }
}

function DocWithOcr({
  doc,
  state,
  value,
  onChange,
  onPicked,
}: {
  doc: DocSpec;
  state?: OcrState;
  value?: number | null;
  onChange?: (id: number | null) => void;
  onPicked: (picked: DocumentOut | undefined) => void;
}) {
  return (
    <>
      <DocField
        kind={doc.kind}
        label={doc.label}
        value={value}
        testId={`doc-${doc.field}`}
        onChange={(id, picked) => {
          onChange?.(id);
          onPicked(picked);
        }}
      />
      <OcrLine state={state} label={doc.label} />
    </>
  );
}

function GuideCard({
  spec,
  index,
  app,
  defaults,
  onSaved,
}: {
  spec: CardSpec;
  index: number;
  app: ApplicationOut;
  defaults: Record<string, unknown>;
  onSaved: (app: ApplicationOut) => void;
}) {
  const { api, reload: reloadMe } = useMe();
  const [form] = Form.useForm();
  const saved = (app.data as Record<string, Record<string, unknown>>)[spec.step];
  const [initial] = useState(() => mergedStep(saved, defaults));
  const [ocr, setOcr] = useState<Record<string, OcrState>>({});
  const [saving, setSaving] = useState(false);
  const reading = Object.values(ocr).includes('reading');
  const done = stepDone(saved, spec.fields.filter((f) => f.required).map((f) => f.name));

  const recognise = async (doc: DocSpec, picked: DocumentOut | undefined) => {
    if (!picked) return;
    if (!OCR_IMAGE_TYPES.has(picked.content_type)) {
      setOcr((s) => ({ ...s, [doc.field]: 'unsupported' }));
      return;
    }
    setOcr((s) => ({ ...s, [doc.field]: 'reading' }));
    try {
      const result = await unwrap(api.client.POST('/api/v1/documents/{document_id}/ocr', { params: { path: { document_id: picked.id } } }));
      const values = ocrToValues(result.fields, doc.ocr);
      form.setFieldsValue(values);
      setOcr((s) => ({ ...s, [doc.field]: Object.keys(values).length ? 'done' : 'empty' }));
    } catch (e) {
      setOcr((s) => ({ ...s, [doc.field]: 'failed' }));
      if (e instanceof ApiFailure && e.code === 'NETWORK_ERROR') Toast.show({ icon: 'fail', content: errorMessage(e) });
    }
  };

  const confirm = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      Toast.show({ content: '请按提示补全标红的信息' });
      return;
    }
    setSaving(true);
    try {
      // The values read off each document go into the profile, with the document as their evidence.
      for (const doc of spec.docs) {
        const documentId = values[doc.field];
        if (!documentId) continue;
        const confirmed = Object.fromEntries(Object.values(doc.ocr).map((f) => [f, values[f] ?? '']));
        await unwrap(api.client.POST('/api/v1/registration/confirm-ocr', { body: { document_id: Number(documentId), values: confirmed } }));
      }
      const result = await unwrap(
        api.client.PUT('/api/v1/registration/applications/{application_id}/steps/{step}', {
          params: { path: { application_id: app.id, step: spec.step } },
          body: { values },
        }),
      );
      onSaved(result);
      if (spec.docs.length) void reloadMe();
      Toast.show({ icon: 'success', content: spec.docs.length ? '已确认并写入企业资料' : '已保存' });
    } catch (e) {
      if (e instanceof ApiFailure && e.details.fields) form.setFields(formErrors(e.details.fields as Record<string, unknown>, spec.step));
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="mreg-card" data-testid={`guide-${spec.step}`}>
      <div className="mreg-card__head">
        <span className={`mreg-card__index${done ? ' is-done' : ''}`}>{done ? <CheckOutlined /> : index + 1}</span>
        <span className="mreg-card__title">{spec.title}</span>
        {done && (
          <Tag color="success" fill="outline">
            已确认
          </Tag>
        )}
      </div>
      <div className="mreg-card__hint">{spec.hint}</div>
      <Form form={form} layout="vertical" initialValues={initial} mode="default" requiredMarkStyle="none">
        {spec.docs.map((doc) => (
          <Form.Item key={doc.field} name={doc.field} label={doc.label === spec.title ? undefined : doc.label} rules={[{ required: true, message: `请拍照或选择${doc.label}` }]}>
            <DocWithOcr doc={doc} state={ocr[doc.field]} onPicked={(picked) => void recognise(doc, picked)} />
          </Form.Item>
        ))}
        {spec.docs.length > 0 && <Form.Header>核对信息</Form.Header>}
        {spec.fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            rules={[...(field.required ? [{ required: true, message: `请填写${field.label}` }] : []), ...(field.rule ? [field.rule] : [])]}
          >
            <Input placeholder={field.placeholder ?? `请输入${field.label}`} clearable />
          </Form.Item>
        ))}
      </Form>
      <div className="mreg-card__foot">
        <Button block color="primary" fill="outline" shape="rounded" loading={saving} disabled={reading} onClick={() => void confirm()}>
          {reading ? '正在识别…' : spec.docs.length ? '确认并保存' : '保存'}
        </Button>
      </div>
    </section>
  );
}

const PROFILE_ROWS: [string, string][] = [
  ['name', '企业名称'],
  ['name_en', '英文名称'],
  ['credit_code', '统一社会信用代码'],
  ['company_type', '类型'],
  ['established_on', '成立日期'],
  ['address', '住所 / 经营场所'],
  ['address_en', '英文地址'],
  ['legal_person', '法定代表人 / 经营者'],
  ['legal_person_id_number', '法人身份证号'],
  ['legal_person_id_valid', '身份证有效期限'],
  ['legal_person_phone', '法人联系电话'],
  ['contact_name', '联系人姓名'],
  ['contact_phone', '联系人电话'],
  ['bank_name', '开户银行'],
  ['bank_account', '银行账号'],
];

function ApprovedProfile({ profile, documents }: { profile: Record<string, unknown>; documents: ApplicationOut['documents'] }) {
  return (
    <>
      <NoticeBar className="mreg-notice" color="success" icon={<LockOutlined />} wrap content={`工商注册已核准，以下信息已锁定。${CONTACT_ADMIN}`} />
      <List header="企业信息" mode="card" className="mreg-sum">
        {PROFILE_ROWS.map(([key, label]) => (
          <List.Item key={key} extra={profile[key] ? <span className="mreg-sum__text">{String(profile[key])}</span> : <span className="mreg-muted">未填写</span>}>
            <span className="mreg-sum__label">{label}</span>
          </List.Item>
        ))}
      </List>
      {documents.length > 0 && (
        <List header="资质文件" mode="card" className="mreg-sum">
          {documents.map((doc) => (
            <List.Item key={doc.id} extra={<div className="mreg-sum__thumb" style={{ width: 96 }}><DocImage doc={doc} height={64} /></div>}>
              <span className="mreg-sum__label">{doc.kind_label}</span>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

export default function SupplementPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const { loading, failure, application, status, prefill, setApplication, reload } = useMobileRegistration();
  const [starting, setStarting] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const canEdit = access.can(EDIT);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  const start = async () => {
    setStarting(true);
    try {
      setApplication(await unwrap(api.client.POST('/api/v1/registration/applications', { body: { kind: 'existing' } })));
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setStarting(false);
    }
  };

  const submit = async (app: ApplicationOut) => {
    const ok = await Dialog.confirm({
      title: app.state === 'rejected' ? '重新提交审核' : '提交审核',
      content: '请确认四项信息都已核对无误。提交后捷晶将在 1 个工作日内完成材料初审，审核期间不能修改。',
      confirmText: '确认提交',
      cancelText: '再检查一下',
    });
    if (!ok) return;
    setSubmitting(true);
    setProblems([]);
    try {
      setApplication(await unwrap(api.client.POST('/api/v1/registration/applications/{application_id}/submit', { params: { path: { application_id: app.id } } })));
      Toast.show({ icon: 'success', content: '已提交审核' });
      navigate('/registration/progress');
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'REGISTRATION_INCOMPLETE') {
        const titles = Object.fromEntries(CARDS.map((c) => [c.step, c.title]));
        const labels = { ...FIELD_LABELS, ...Object.fromEntries(Object.entries(SUPPLEMENT_LABELS).map(([k, v]) => [k.split('.')[1], v])) };
        setProblems(problemLines((e.details.fields ?? {}) as Record<string, unknown>, titles, labels));
      }
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setSubmitting(false);
    }
  };

  let body: React.ReactNode;
  let bar: React.ReactNode = null;
  if (loading) {
    body = (
      <div className="mreg__loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (failure) {
    body = (
      <ErrorBlock status="disconnected" title="加载失败" description={failure}>
        <Button color="primary" shape="rounded" onClick={() => void reload()}>
          重新加载
        </Button>
      </ErrorBlock>
    );
  } else if (status === 'approved' || application?.state === 'approved') {
    body = <ApprovedProfile profile={prefill?.profile ?? {}} documents={application?.documents ?? []} />;
  } else if (!application) {
    body = (
      <MobileResult
        icon={<SafetyCertificateOutlined />}
        title="上传资质文件，完成企业认证"
        actions={
          canEdit ? (
            <Button block color="primary" size="large" shape="rounded" loading={starting} onClick={() => void start()}>
              开始填写
            </Button>
          ) : (
            <NoticeBar color="info" wrap content="您是商户成员，只能查看；请由商户管理员办理。" />
          )
        }
      >
        需要：营业执照、法人身份证（人像面与国徽面）、开户许可证。拍照后系统自动识别，您只需核对。
      </MobileResult>
    );
  } else if (application.kind !== 'existing') {
    body = (
      <MobileResult
        icon={<SolutionOutlined />}
        title={`您正在办理「${application.kind_label}」`}
        actions={
          <Button block color="primary" shape="rounded" onClick={() => navigate('/registration/apply')}>
            继续办理
          </Button>
        }
      >
        同一时间只能办理一项工商注册申请。
      </MobileResult>
    );
  } else if (!application.editable) {
    body = (
      <>
        <NoticeBar
          className="mreg-notice"
          color="info"
          wrap
          content={application.state === 'draft' ? '您是商户成员，只能查看填报内容；上传和提交需由商户管理员操作。' : `申请${application.state_label}，审核期间不能修改。`}
        />
        <MobileSummary app={application} labels={SUPPLEMENT_LABELS} />
      </>
    );
    bar = (
      <div className="mreg-bar">
        <Button color="primary" fill="outline" shape="rounded" onClick={() => navigate('/registration/progress')}>
          查看办理进度
        </Button>
      </div>
    );
  } else {
    const defaults = (prefill?.defaults?.existing ?? {}) as Record<string, Record<string, unknown>>;
    body = (
      <>
        <div className="mreg-intro">按顺序拍摄营业执照、法人身份证和开户许可证，核对自动识别的信息后提交审核。</div>
        {application.state === 'rejected' && (
          <NoticeBar className="mreg-notice" color="error" wrap content={`申请已被驳回：${application.rejection_reason || '未说明原因'}。请修改后重新提交。`} />
        )}
        {CARDS.map((spec, index) => (
          <GuideCard key={spec.step} spec={spec} index={index} app={application} defaults={defaults[spec.step] ?? {}} onSaved={setApplication} />
        ))}
        {problems.length > 0 && (
          <div className="mreg-problems" data-testid="problems">
            <div className="mreg-problems__title">以下信息还需补充</div>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </>
    );
    bar = (
      <div className="mreg-bar">
        <Button color="primary" shape="rounded" loading={submitting} onClick={() => void submit(application)}>
          {application.state === 'rejected' ? '重新提交审核' : '提交审核'}
        </Button>
      </div>
    );
  }

  return (
    <div className={`mreg${bar ? ' mreg--bar' : ''}`}>
      <NavBar onBack={back}>企业信息补充</NavBar>
      {body}
      {bar}
    </div>
  );
}
