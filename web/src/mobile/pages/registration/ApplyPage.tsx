/**
 * R1 工商注册办理 on the phone: choose 个体户 / 企业 (two big cards), then one step per screen with
 * Steps on top and 上一步 / 保存并下一步 fixed at the bottom. Every 「保存并下一步」 saves the step as a
 * draft; coming back opens the step the server says is next, with the saved values. Values are
 * pre-filled from `/prefill`; server errors keyed 「步骤.字段」 are shown on their fields.
 */
import { BankOutlined, CheckCircleOutlined, FileDoneOutlined, RightOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Dialog, DotLoading, ErrorBlock, Form, Input, NavBar, NoticeBar, Selector, Steps, TextArea, Toast } from 'antd-mobile';
import type { FormInstance } from 'antd-mobile/es/components/form';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { mergedStep, type ApplicationKind, type ApplicationOut, type DocumentOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { composedName, ID_RULE, ORG_FORMS, PHONE_RULE } from '@/shared/components/registration/fields';
import { MobileResult } from '../../components/MobileResult';
import { DocField } from './DocField';
import { firstErrorStep, formErrors, navOf, OCR_IMAGE_TYPES, resumeAt } from './logic';
import { MobileSummary } from './Summary';
import { useMobileRegistration } from './useMobileRegistration';
import './registration.css';

type NewKind = Exclude<ApplicationKind, 'existing'>;
type Values = Record<string, unknown>;
const EDIT = 'registration:apply:edit';

/** Step titles that fit under a dot when six steps share 390 px. */
const SHORT_TITLES: Record<string, string> = { 法定代表人: '法人', 股东与监事: '股东监事', 经营信息: '经营', 材料上传: '材料' };

const required = (what: string) => ({ required: true, message: `请填写${what}` });

function KindCards({ onChoose, busy, disabled }: { onChoose: (kind: NewKind) => void; busy: NewKind | null; disabled: boolean }) {
  const cards: { kind: NewKind; icon: React.ReactNode; color: string; bg: string; title: string; lines: string[] }[] = [
    {
      kind: 'new_individual',
      icon: <ShopOutlined />,
      color: '#4338ca',
      bg: '#eef2ff',
      title: '个体工商户',
      lines: ['适合个人或家庭经营的水晶门店、网店', '无需注册资本，材料少、办理快', '经营者以个人财产承担责任'],
    },
    {
      kind: 'new_company',
      icon: <BankOutlined />,
      color: '#7c3aed',
      bg: '#f5f3ff',
      title: '有限责任公司',
      lines: ['适合有合伙人、计划做大外贸的商户', '需填写注册资本、股东与监事', '以公司财产承担有限责任'],
    },
  ];
  return (
    <>
      {cards.map((card) => (
        <div
          key={card.kind}
          role="button"
          tabIndex={0}
          data-testid={`kind-${card.kind}`}
          className="mreg-kind"
          aria-disabled={disabled}
          onClick={() => !disabled && !busy && onChoose(card.kind)}
        >
          <span className="mreg-kind__icon" style={{ color: card.color, background: card.bg }}>
            {card.icon}
          </span>
          <div className="mreg-kind__body">
            <div className="mreg-kind__title">
              <span>{card.title}</span>
              <span className="mreg-kind__go">{busy === card.kind ? <DotLoading color="primary" /> : <RightOutlined />}</span>
            </div>
            <ul className="mreg-kind__lines">
              {card.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </div>
      ))}
    </>
  );
}

/** 组织形式 as chips holding one string. */
function OrgFormPicker({ kind, value, onChange }: { kind: NewKind; value?: string; onChange?: (v: string) => void }) {
  return (
    <Selector
      columns={kind === 'new_individual' ? 4 : 2}
      options={ORG_FORMS[kind].map((v) => ({ label: v, value: v }))}
      value={value ? [value] : []}
      onChange={(v) => onChange?.(v[0] ?? '')}
      style={{ '--padding': '8px 0' }}
    />
  );
}

/** 备选名称: typed as one line, 、 or spaces between names, kept as a list. */
function AltNames({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const [text, setText] = useState(() => (value ?? []).join('、'));
  return (
    <Input
      value={text}
      placeholder="用顿号分隔，最多 3 个"
      clearable
      onChange={(t) => {
        setText(t);
        onChange?.(t.split(/[、,，\s]+/).map((s) => s.trim()).filter(Boolean));
      }}
    />
  );
}

function NameStep({ kind }: { kind: NewKind }) {
  return (
    <>
      <Form.Subscribe to={['region', 'trade_name', 'industry', 'org_form']}>
        {(values) => (
          <div className="mreg-name" data-testid="composed-name">
            拟注册名称
            <strong>{composedName(values) || '填写下列各项后自动组成'}</strong>
          </div>
        )}
      </Form.Subscribe>
      <Form.Item name="region" label="行政区划" rules={[required('行政区划')]}>
        <Input placeholder="如：东海县" clearable />
      </Form.Item>
      <Form.Item name="trade_name" label="字号" rules={[required('字号')]}>
        <Input placeholder="2–4 个汉字，如：晶莹" maxLength={20} clearable />
      </Form.Item>
      <Form.Item name="industry" label="行业表述" rules={[required('行业表述')]}>
        <Input placeholder="如：水晶饰品" clearable />
      </Form.Item>
      <Form.Item name="org_form" label="组织形式" rules={[{ required: true, message: '请选择组织形式' }]}>
        <OrgFormPicker kind={kind} />
      </Form.Item>
      <Form.Item name="alt_names" label="备选名称（选填）" description="名称被占用时依次使用">
        <AltNames />
      </Form.Item>
    </>
  );
}

/** The ID card's portrait side: picking it reads the name and number off the photo into empty fields. */
function IdFront({
  value,
  onChange,
  form,
  nameField,
  numberField,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  form: FormInstance;
  nameField: string;
  numberField: string;
}) {
  const { api } = useMe();
  const read = async (doc: DocumentOut | undefined) => {
    if (!doc || !OCR_IMAGE_TYPES.has(doc.content_type)) return;
    try {
      const result = await unwrap(api.client.POST('/api/v1/documents/{document_id}/ocr', { params: { path: { document_id: doc.id } } }));
      const found = Object.fromEntries(result.fields.map((f) => [f.key, f.value]));
      const fill: Record<string, string> = {};
      if (found.name && !form.getFieldValue(nameField)) fill[nameField] = found.name;
      if (found.id_number && !form.getFieldValue(numberField)) fill[numberField] = found.id_number;
      if (Object.keys(fill).length) {
        form.setFieldsValue(fill);
        Toast.show({ content: '已从身份证识别出姓名和身份证号，请核对' });
      }
    } catch {
      // Reading is a convenience: the person types the values in.
    }
  };
  return (
    <DocField
      kind="id_card_front"
      label="身份证人像面"
      value={value}
      testId="doc-id_card_front"
      onChange={(id, doc) => {
        onChange?.(id);
        void read(doc);
      }}
    />
  );
}

function PersonStep({ kind, form }: { kind: NewKind; form: FormInstance }) {
  const individual = kind === 'new_individual';
  const p = individual ? 'operator_' : 'legal_person_';
  const who = individual ? '经营者' : '法定代表人';
  const nameField = individual ? 'operator_name' : 'legal_person';
  return (
    <>
      <Form.Item name={nameField} label={`${who}姓名`} rules={[required(`${who}姓名`)]}>
        <Input placeholder="与身份证一致" clearable />
      </Form.Item>
      <Form.Item name={`${p}phone`} label={`${who}手机号`} rules={[required(`${who}手机号`), PHONE_RULE]}>
        <Input type="tel" placeholder="11 位手机号" clearable />
      </Form.Item>
      <Form.Item name={`${p}id_number`} label={`${who}身份证号`} rules={[required('身份证号'), ID_RULE]}>
        <Input placeholder="18 位，最后一位可为 X" clearable />
      </Form.Item>
      <Form.Item name="id_card_front" label="身份证人像面" rules={[{ required: true, message: '请拍照或选择身份证人像面' }]}>
        <IdFront form={form} nameField={nameField} numberField={`${p}id_number`} />
      </Form.Item>
      <Form.Item name="id_card_back" label="身份证国徽面" rules={[{ required: true, message: '请拍照或选择身份证国徽面' }]}>
        <DocField kind="id_card_back" label="身份证国徽面" testId="doc-id_card_back" />
      </Form.Item>
    </>
  );
}

function BusinessStep({ kind }: { kind: NewKind }) {
  return (
    <>
      <Form.Item name="address" label={kind === 'new_individual' ? '经营场所地址' : '住所（经营场所）'} rules={[required('经营场所地址')]}>
        <Input placeholder="省、市、区县、街道、门牌号" clearable />
      </Form.Item>
      <Form.Item name="scope" label="经营范围" rules={[required('经营范围')]}>
        <TextArea placeholder="如：水晶饰品、工艺品零售；货物进出口" rows={3} maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 6 }} />
      </Form.Item>
      {kind === 'new_individual' ? (
        <>
          <Form.Item name="funding" label="资金数额（万元，选填）">
            <Input type="number" inputMode="decimal" placeholder="如：10" clearable />
          </Form.Item>
          <Form.Item name="employees" label="从业人数（选填）">
            <Input type="number" inputMode="numeric" placeholder="如：3" clearable />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="registered_capital" label="注册资本（万元）" rules={[required('注册资本')]}>
          <Input type="number" inputMode="decimal" placeholder="如：100" clearable />
        </Form.Item>
      )}
    </>
  );
}

function MembersStep() {
  return (
    <>
      <Form.Array
        name="shareholders"
        initialValue={[{}]}
        onAdd={(op) => op.add({})}
        renderAdd={() => (
          <span style={{ color: 'var(--adm-color-primary)' }}>+ 添加股东</span>
        )}
        renderHeader={({ index }, { remove }) => (
          <>
            <span>股东 {index + 1}</span>
            {index > 0 && (
              <a onClick={() => remove(index)} style={{ float: 'right', color: 'var(--adm-color-danger)' }}>
                删除
              </a>
            )}
          </>
        )}
      >
        {(fields) =>
          fields.map(({ index }) => (
            <div key={index}>
              <Form.Item name={[index, 'name']} label="姓名" rules={[required('股东姓名')]}>
                <Input placeholder="股东姓名" clearable />
              </Form.Item>
              <Form.Item name={[index, 'id_number']} label="身份证号" rules={[required('身份证号'), ID_RULE]}>
                <Input placeholder="18 位，最后一位可为 X" clearable />
              </Form.Item>
              <Form.Item name={[index, 'amount']} label="认缴出资（万元）" rules={[required('认缴出资')]}>
                <Input type="number" inputMode="decimal" placeholder="如：50" clearable />
              </Form.Item>
            </div>
          ))
        }
      </Form.Array>
      <Form.Header>监事</Form.Header>
      <Form.Item name="supervisor_name" label="监事姓名" rules={[required('监事姓名')]}>
        <Input placeholder="不能由股东兼任董事的人员担任" clearable />
      </Form.Item>
      <Form.Item name="supervisor_id_number" label="监事身份证号" rules={[required('身份证号'), ID_RULE]}>
        <Input placeholder="18 位，最后一位可为 X" clearable />
      </Form.Item>
    </>
  );
}

function MaterialsStep({ kind }: { kind: NewKind }) {
  const optional = kind === 'new_company' ? { name: 'articles', label: '公司章程（选填）', doc: '公司章程' } : { name: 'other_material', label: '其他材料（选填）', doc: '其他材料' };
  return (
    <>
      <Form.Item name="premises_proof" label="经营场所证明" description="房产证或租赁合同，可拍照或从「我的资料」中选择" rules={[{ required: true, message: '请拍照或选择经营场所证明' }]}>
        <DocField label="经营场所证明" pdf testId="doc-premises_proof" />
      </Form.Item>
      <Form.Item name={optional.name} label={optional.label} description={kind === 'new_company' ? '不上传则由捷晶按标准模板代拟' : undefined}>
        <DocField label={optional.doc} pdf testId={`doc-${optional.name}`} />
      </Form.Item>
    </>
  );
}

function Wizard({ app, defaults, onSaved }: { app: ApplicationOut; defaults: Record<string, Values>; onSaved: (a: ApplicationOut) => void }) {
  const { api } = useMe();
  const navigate = useNavigate();
  const kind = app.kind as NewKind;
  const steps = app.steps;
  const [current, setCurrent] = useState(() => resumeAt(app.step, steps.length));
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const typed = useRef<Record<string, Values>>({});
  const pendingErrors = useRef<Record<string, unknown> | null>(null);
  const data = app.data as Record<string, Values>;
  const nav = navOf(current, steps.length);
  const step = steps[current];

  const initial = useMemo(
    () => (step ? { ...mergedStep(data[step.key], defaults[step.key]), ...(typed.current[step.key] ?? {}) } : {}),
    // A screen's values are set when it opens; later saves must not reset what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current],
  );

  // Errors for a screen we jumped to (submit refused) land once its form is mounted.
  useEffect(() => {
    if (!step || !pendingErrors.current) return;
    const errors = formErrors(pendingErrors.current, step.key);
    pendingErrors.current = null;
    if (errors.length) window.setTimeout(() => form.setFields(errors), 0);
  }, [current, step, form]);

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [current]);

  const goBack = () => {
    if (step) typed.current[step.key] = form.getFieldsValue();
    setCurrent((c) => Math.max(0, c - 1));
  };

  const saveAndNext = async () => {
    if (!step) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      Toast.show({ content: '请按提示补全标红的信息' });
      return;
    }
    setBusy(true);
    try {
      const saved = await unwrap(
        api.client.PUT('/api/v1/registration/applications/{application_id}/steps/{step}', {
          params: { path: { application_id: app.id, step: step.key } },
          body: { values },
        }),
      );
      delete typed.current[step.key];
      onSaved(saved);
      Toast.show({ icon: 'success', content: '已保存草稿' });
      setCurrent((c) => c + 1);
    } catch (e) {
      if (e instanceof ApiFailure && e.details.fields) form.setFields(formErrors(e.details.fields as Record<string, unknown>, step.key));
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const ok = await Dialog.confirm({
      title: '确认提交',
      content: '提交后捷晶将在 1 个工作日内完成材料初审；审核期间不能修改，如被驳回可修改后重新提交。',
      confirmText: '确认提交',
      cancelText: '再检查一下',
    });
    if (!ok) return;
    setBusy(true);
    try {
      onSaved(await unwrap(api.client.POST('/api/v1/registration/applications/{application_id}/submit', { params: { path: { application_id: app.id } } })));
      Toast.show({ icon: 'success', content: '已提交审核' });
      navigate('/registration/progress');
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'REGISTRATION_INCOMPLETE') {
        const fields = (e.details.fields ?? {}) as Record<string, unknown>;
        const at = firstErrorStep(fields, steps);
        pendingErrors.current = fields;
        setCurrent(at >= 0 ? at : Number(e.details.step ?? 0));
      }
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const stepBody = (key: string) => {
    switch (key) {
      case 'name':
        return <NameStep kind={kind} />;
      case 'operator':
      case 'legal':
        return <PersonStep kind={kind} form={form} />;
      case 'business':
        return <BusinessStep kind={kind} />;
      case 'members':
        return <MembersStep />;
      default:
        return <MaterialsStep kind={kind} />;
    }
  };

  return (
    <>
      <div className="mreg-steps">
        <Steps current={current}>
          {steps.map((s) => (
            <Steps.Step key={s.key} title={SHORT_TITLES[s.title] ?? s.title} />
          ))}
          <Steps.Step title="提交" />
        </Steps>
      </div>
      <div className="mreg-stephead" data-testid="step-title">
        <strong>{step ? step.title : '确认提交'}</strong>第 {current + 1} 步 / 共 {steps.length + 1} 步
      </div>
      {app.state === 'rejected' && (
        <NoticeBar className="mreg-notice" color="error" wrap content={`申请已被驳回：${app.rejection_reason || '未说明原因'}。请修改后重新提交。`} />
      )}
      {step ? (
        <div className="mreg-card" key={step.key} data-testid={`step-${step.key}`}>
          <Form form={form} layout="vertical" initialValues={initial} requiredMarkStyle="none">
            {stepBody(step.key)}
          </Form>
        </div>
      ) : (
        <>
          <NoticeBar className="mreg-notice" color="info" wrap content="请核对以下信息，确认无误后提交审核。" />
          {app.name && (
            <div className="mreg-name">
              拟注册名称
              <strong>{app.name}</strong>
            </div>
          )}
          <MobileSummary app={app} />
        </>
      )}
      <div className="mreg-bar">
        {nav.back && (
          <Button className="mreg-bar__back" shape="rounded" disabled={busy} onClick={goBack}>
            上一步
          </Button>
        )}
        <Button color="primary" shape="rounded" loading={busy} onClick={() => void (nav.confirm ? submit() : saveAndNext())}>
          {nav.next}
        </Button>
      </div>
    </>
  );
}

export default function ApplyPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const { loading, failure, application, status, prefill, setApplication, reload } = useMobileRegistration();
  const [busy, setBusy] = useState<NewKind | null>(null);
  const canEdit = access.can(EDIT);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  const start = async (kind: NewKind) => {
    setBusy(kind);
    try {
      setApplication(await unwrap(api.client.POST('/api/v1/registration/applications', { body: { kind } })));
    } catch (e) {
      Toast.show({ icon: 'fail', content: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  };

  let body: React.ReactNode;
  let withBar = false;
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
  } else if (!application) {
    body =
      status === 'approved' ? (
        <MobileResult icon={<CheckCircleOutlined />} title="工商注册已核准">
          全部业务模块已开通。
        </MobileResult>
      ) : (
        <>
          <div className="mreg-intro">
            <div className="mreg-intro__title">选择注册类型</div>
            每一步都会自动保存草稿，可随时离开，回来后从上次的位置继续。
          </div>
          {!canEdit && <NoticeBar className="mreg-notice" color="info" wrap content="您是商户成员，只能查看办理情况；办理需由商户管理员操作。" />}
          <KindCards onChoose={(kind) => void start(kind)} busy={busy} disabled={!canEdit} />
          <div className="mreg-kind" role="button" tabIndex={0} onClick={() => navigate('/registration/supplement')}>
            <span className="mreg-kind__icon" style={{ color: '#0f766e', background: '#f0fdfa' }}>
              <FileDoneOutlined />
            </span>
            <div className="mreg-kind__body">
              <div className="mreg-kind__title">
                <span>已有营业执照</span>
                <span className="mreg-kind__go">
                  <RightOutlined />
                </span>
              </div>
              <ul className="mreg-kind__lines">
                <li>拍摄营业执照、法人身份证和开户许可证即可完成信息补充</li>
              </ul>
            </div>
          </div>
        </>
      );
  } else if (application.kind === 'existing') {
    body = (
      <MobileResult
        icon={<FileDoneOutlined />}
        title="您正在办理「已注册企业信息补充」"
        actions={
          <Button block color="primary" shape="rounded" onClick={() => navigate('/registration/supplement')}>
            继续补充信息
          </Button>
        }
      >
        同一时间只能办理一项工商注册申请。
      </MobileResult>
    );
  } else if (!application.editable) {
    withBar = true;
    body = (
      <>
        <div className="mreg-intro">
          <div className="mreg-intro__title">{application.name || application.title}</div>
          {application.kind_label} · {application.state_label}
        </div>
        <NoticeBar
          className="mreg-notice"
          color="info"
          wrap
          content={application.state === 'draft' ? '您是商户成员，只能查看填报内容；填写和提交需由商户管理员操作。' : '申请审核中，审核期间不能修改。'}
        />
        <MobileSummary app={application} />
        <div className="mreg-bar">
          <Button color="primary" fill="outline" shape="rounded" onClick={() => navigate('/registration/progress')}>
            查看办理进度
          </Button>
        </div>
      </>
    );
  } else {
    withBar = true;
    body = <Wizard app={application} defaults={(prefill?.defaults?.[application.kind] ?? {}) as Record<string, Values>} onSaved={setApplication} />;
  }

  return (
    <div className={`mreg${withBar ? ' mreg--bar' : ''}`}>
      <NavBar onBack={back}>{application && application.kind !== 'existing' ? application.kind_label : '工商注册办理'}</NavBar>
      {body}
    </div>
  );
}
