/**
 * R1 工商注册办理: choose 个体户 or 企业, then a step wizard. Every 「下一步」 saves the step as a draft
 * (checked leniently); coming back opens the step after the last one saved, with its values.
 * Values are pre-filled from the merchant profile and the recognised vault documents.
 */
import { ArrowRightOutlined, ShopOutlined, BankOutlined } from '@ant-design/icons';
import {
  ProFormDependency,
  ProFormDigit,
  ProFormList,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  StepsForm,
  type ProFormInstance,
} from '@ant-design/pro-components';
import { Alert, App, Button, Card, Col, Form, Result, Row, Skeleton, Space, Typography } from 'antd';
import { useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useNavigate } from 'react-router-dom';
import { access } from '@/shared/access';
import { VaultPicker } from '@/shared/components/VaultPicker';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { mergedStep, stepFieldErrors, type ApplicationKind, type ApplicationOut, type DocumentOut } from '@/shared/registration';
import { useMe } from '@/shared/session';
import { ApplicationSummary } from '@/shared/components/registration/ApplicationSummary';
import { composedName, ID_RULE, ORG_FORMS, PHONE_RULE } from '@/shared/components/registration/fields';
import { ProgressSteps } from '@/shared/components/registration/ProgressBoard';
import { useRegistration } from './useRegistration';
import './registration.css';
import { PageHeading } from '@/shared/components/PageHeading';

type NewKind = Exclude<ApplicationKind, 'existing'>;
const EDIT = 'registration:apply:edit';

function KindChooser({ onChoose, busy, disabled }: { onChoose: (kind: NewKind) => void; busy: NewKind | null; disabled: boolean }) {
  const cards: { kind: NewKind; icon: React.ReactNode; title: string; lines: string[] }[] = [
    {
      kind: 'new_individual',
      icon: <ShopOutlined style={{ fontSize: 32, color: '#4338ca' }} />,
      title: '个体工商户',
      lines: ['适合个人或家庭经营的水晶门店、网店', '无需注册资本，材料少、办理快', '经营者以个人财产承担责任'],
    },
    {
      kind: 'new_company',
      icon: <BankOutlined style={{ fontSize: 32, color: '#722ed1' }} />,
      title: '有限责任公司',
      lines: ['适合有合伙人、计划做大规模外贸的商户', '需填写注册资本、股东与监事', '以公司财产承担有限责任'],
    },
  ];
  return (
    <Row gutter={16}>
      {cards.map((card) => (
        <Col xs={24} md={12} key={card.kind}>
          <Card className="reg-kind-card" onClick={() => !disabled && onChoose(card.kind)}>
            <Space align="start" size="large">
              {card.icon}
              <div>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {card.title}
                </Typography.Title>
                <ul>
                  {card.lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
                <Button
                  type="primary"
                  style={{ marginTop: 16 }}
                  loading={busy === card.kind}
                  disabled={disabled}
                  icon={<ArrowRightOutlined />}
                >
                  办理{card.title}注册
                </Button>
              </div>
            </Space>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function NameStep({ kind }: { kind: NewKind }) {
  return (
    <>
      <ProFormDependency name={['region', 'trade_name', 'industry', 'org_form']}>
        {(values) => (
          <div className="reg-name-preview">
            <Typography.Text type="secondary">拟注册名称：</Typography.Text>
            <Typography.Text strong>{composedName(values) || '填写下列各项后自动组成'}</Typography.Text>
          </div>
        )}
      </ProFormDependency>
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="region" label="行政区划" placeholder="如：东海县" rules={[{ required: true, message: '请填写行政区划' }]} />
        </Col>
        <Col span={12}>
          <ProFormText
            name="trade_name"
            label="字号"
            placeholder="2–4 个汉字，如：晶莹"
            rules={[{ required: true, message: '请填写字号' }]}
            fieldProps={{ maxLength: 20 }}
          />
        </Col>
        <Col span={12}>
          <ProFormText name="industry" label="行业表述" placeholder="如：水晶饰品" rules={[{ required: true, message: '请填写行业表述' }]} />
        </Col>
        <Col span={12}>
          <ProFormSelect
            name="org_form"
            label="组织形式"
            options={ORG_FORMS[kind].map((v) => ({ label: v, value: v }))}
            rules={[{ required: true, message: '请选择组织形式' }]}
          />
        </Col>
      </Row>
      <ProFormSelect
        name="alt_names"
        label="备选名称"
        mode="tags"
        tooltip="名称被占用时依次使用，最多 3 个"
        placeholder="输入后回车，可填写 3 个"
        fieldProps={{ maxCount: 3, open: false }}
      />
    </>
  );
}

/** The ID card's portrait side: picking it reads the name and number off the image into empty fields. */
function IdFrontPicker({
  value,
  onChange,
  nameField,
  numberField,
}: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  nameField: string;
  numberField: string;
}) {
  const { api } = useMe();
  const { message } = App.useApp();
  const form = Form.useFormInstance();
  const read = async (doc: DocumentOut | undefined) => {
    if (!doc || !['image/png', 'image/jpeg'].includes(doc.content_type)) return;
    try {
      const result = await unwrap(
        api.client.POST('/api/v1/documents/{document_id}/ocr', { params: { path: { document_id: doc.id } } }),
      );
      const found = Object.fromEntries(result.fields.map((f) => [f.key, f.value]));
      const fill: Record<string, string> = {};
      if (found.name && !form.getFieldValue(nameField)) fill[nameField] = found.name;
      if (found.id_number && !form.getFieldValue(numberField)) fill[numberField] = found.id_number;
      if (Object.keys(fill).length) {
        form.setFieldsValue(fill);
        message.success('已从身份证识别出姓名和身份证号，请核对');
      }
    } catch {
      // Reading is a convenience: the person types the values in.
    }
  };
  return (
    <VaultPicker
      kind="id_card_front"
      label="人像面"
      value={value}
      onChange={(id, doc) => {
        onChange?.(id);
        void read(doc);
      }}
    />
  );
}

function PersonStep({ kind }: { kind: NewKind }) {
  const individual = kind === 'new_individual';
  const p = individual ? 'operator_' : 'legal_person_';
  const who = individual ? '经营者' : '法定代表人';
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name={individual ? 'operator_name' : 'legal_person'} label={`${who}姓名`} rules={[{ required: true, message: `请填写${who}姓名` }]} />
        </Col>
        <Col span={12}>
          <ProFormText name={`${p}phone`} label={`${who}手机号`} rules={[{ required: true, message: `请填写${who}手机号` }, PHONE_RULE]} />
        </Col>
      </Row>
      <ProFormText name={`${p}id_number`} label={`${who}身份证号`} rules={[{ required: true, message: '请填写身份证号' }, ID_RULE]} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="id_card_front" label="身份证人像面" rules={[{ required: true, message: '请上传或选择文件' }]}>
            <IdFrontPicker nameField={individual ? 'operator_name' : 'legal_person'} numberField={`${p}id_number`} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="id_card_back" label="身份证国徽面" rules={[{ required: true, message: '请上传或选择文件' }]}>
            <VaultPicker kind="id_card_back" label="国徽面" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function BusinessStep({ kind }: { kind: NewKind }) {
  return (
    <>
      <ProFormText
        name="address"
        label={kind === 'new_individual' ? '经营场所地址' : '住所（经营场所）'}
        placeholder="省、市、区县、街道、门牌号"
        rules={[{ required: true, message: '请填写经营场所地址' }]}
      />
      <ProFormTextArea
        name="scope"
        label="经营范围"
        placeholder="如：水晶饰品、工艺品零售；货物进出口"
        rules={[{ required: true, message: '请填写经营范围' }]}
        fieldProps={{ rows: 3, maxLength: 1000, showCount: true }}
      />
      {kind === 'new_individual' ? (
        <Row gutter={16}>
          <Col span={12}>
            <ProFormDigit name="funding" label="资金数额（万元）" min={0.01} fieldProps={{ precision: 2 }} />
          </Col>
          <Col span={12}>
            <ProFormDigit name="employees" label="从业人数" min={1} fieldProps={{ precision: 0 }} />
          </Col>
        </Row>
      ) : (
        <ProFormDigit
          name="registered_capital"
          label="注册资本（万元）"
          min={0.01}
          fieldProps={{ precision: 2 }}
          rules={[{ required: true, message: '请填写注册资本' }]}
        />
      )}
    </>
  );
}

function MembersStep() {
  return (
    <>
      <ProFormList
        name="shareholders"
        label="股东"
        creatorButtonProps={{ creatorButtonText: '添加股东' }}
        min={1}
        copyIconProps={false}
        rules={[
          {
            validator: async (_: unknown, value: unknown[]) => {
              if (!value || value.length === 0) throw new Error('请至少填写一位股东');
            },
          },
        ]}
      >
        <Space align="start">
          <ProFormText name="name" placeholder="股东姓名" rules={[{ required: true, message: '请填写姓名' }]} />
          <ProFormText name="id_number" placeholder="身份证号" width="sm" rules={[{ required: true, message: '请填写身份证号' }, ID_RULE]} />
          <ProFormDigit name="amount" placeholder="认缴出资（万元）" min={0.01} rules={[{ required: true, message: '请填写出资额' }]} />
        </Space>
      </ProFormList>
      <Row gutter={16}>
        <Col span={12}>
          <ProFormText name="supervisor_name" label="监事姓名" rules={[{ required: true, message: '请填写监事姓名' }]} />
        </Col>
        <Col span={12}>
          <ProFormText name="supervisor_id_number" label="监事身份证号" rules={[{ required: true, message: '请填写身份证号' }, ID_RULE]} />
        </Col>
      </Row>
    </>
  );
}

function MaterialsStep({ kind }: { kind: NewKind }) {
  return (
    <>
      <Form.Item
        name="premises_proof"
        label="经营场所证明"
        extra="房产证或租赁合同；可从「我的资料」中选择"
        rules={[{ required: true, message: '请上传或选择文件' }]}
      >
        <VaultPicker label="经营场所证明" />
      </Form.Item>
      {kind === 'new_company' ? (
        <Form.Item name="articles" label="公司章程（可选）" extra="不上传则由捷晶按标准模板代拟">
          <VaultPicker label="公司章程" />
        </Form.Item>
      ) : (
        <Form.Item name="other_material" label="其他材料（可选）">
          <VaultPicker label="其他材料" />
        </Form.Item>
      )}
    </>
  );
}

function Wizard({ app, defaults, onSaved }: { app: ApplicationOut; defaults: Record<string, Record<string, unknown>>; onSaved: (a: ApplicationOut) => void }) {
  const { api } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const kind = app.kind as NewKind;
  const steps = app.steps;
  const [current, setCurrent] = useState(Math.min(app.step, steps.length));
  const formMapRef = useRef<MutableRefObject<ProFormInstance | undefined>[]>([]);
  const data = app.data as Record<string, Record<string, unknown>>;
  const initial = useMemo(
    () => Object.fromEntries(steps.map((s) => [s.key, mergedStep(data[s.key], defaults[s.key])])),
    // Only the first render: later saves must not reset what the person is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [app.id],
  );

  const showErrors = (fields: Record<string, unknown>) => {
    steps.forEach((step, index) => {
      const errors = stepFieldErrors(fields, step.key);
      if (errors.length) formMapRef.current[index]?.current?.setFields(errors);
    });
  };

  const save = async (stepKey: string, values: Record<string, unknown>): Promise<boolean> => {
    try {
      const saved = await unwrap(
        api.client.PUT('/api/v1/registration/applications/{application_id}/steps/{step}', {
          params: { path: { application_id: app.id, step: stepKey } },
          body: { values },
        }),
      );
      onSaved(saved);
      message.success('已保存草稿');
      return true;
    } catch (e) {
      if (e instanceof ApiFailure && e.details.fields) showErrors(e.details.fields as Record<string, unknown>);
      message.error(errorMessage(e));
      return false;
    }
  };

  const submit = async (): Promise<boolean> => {
    try {
      const submitted = await unwrap(
        api.client.POST('/api/v1/registration/applications/{application_id}/submit', {
          params: { path: { application_id: app.id } },
        }),
      );
      onSaved(submitted);
      message.success('已提交审核，请留意审核进度');
      navigate('/registration/progress');
      return true;
    } catch (e) {
      if (e instanceof ApiFailure && e.code === 'REGISTRATION_INCOMPLETE') {
        const step = Number(e.details.step ?? 0);
        setCurrent(step);
        window.setTimeout(() => showErrors((e.details.fields ?? {}) as Record<string, unknown>), 50);
      }
      message.error(errorMessage(e));
      return false;
    }
  };

  const stepBody = (key: string) => {
    switch (key) {
      case 'name':
        return <NameStep kind={kind} />;
      case 'operator':
      case 'legal':
        return <PersonStep kind={kind} />;
      case 'business':
        return <BusinessStep kind={kind} />;
      case 'members':
        return <MembersStep />;
      default:
        return <MaterialsStep kind={kind} />;
    }
  };

  return (
    <div className="reg-stepsform">
      <StepsForm
        current={current}
        onCurrentChange={setCurrent}
        formMapRef={formMapRef}
        onFinish={submit}
        stepsProps={{ size: 'small' }}
        formProps={{ layout: 'vertical', validateMessages: { required: '此项为必填项' } }}
        submitter={{
          render: (props) => {
            const last = props.step === steps.length;
            return [
              props.step > 0 && (
                <Button key="pre" onClick={() => props.onPre?.()}>
                  上一步
                </Button>
              ),
              <Button key="next" type="primary" onClick={() => props.onSubmit?.()}>
                {last ? '确认提交' : '保存并下一步'}
              </Button>,
            ];
          },
        }}
      >
        {steps.map((step) => (
          <StepsForm.StepForm
            key={step.key}
            name={step.key}
            title={step.title}
            initialValues={initial[step.key]}
            onFinish={async (values: Record<string, unknown>) => save(step.key, values)}
          >
            {stepBody(step.key)}
          </StepsForm.StepForm>
        ))}
        <StepsForm.StepForm name="confirm" title="确认提交">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="请核对以下信息，确认无误后提交审核"
            description="提交后捷晶将在 1 个工作日内完成材料初审；审核期间不能修改，如被驳回可修改后重新提交。"
          />
          <ApplicationSummary app={app} />
        </StepsForm.StepForm>
      </StepsForm>
    </div>
  );
}

export default function RegistrationApplyPage() {
  const { api, me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { loading, failure, application, status, prefill, setApplication } = useRegistration({ withPrefill: true });
  const [busy, setBusy] = useState<NewKind | null>(null);
  const canEdit = access(me).can(EDIT);

  const start = async (kind: NewKind) => {
    setBusy(kind);
    try {
      setApplication(
        await unwrap(api.client.POST('/api/v1/registration/applications', { body: { kind } })),
      );
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const header = (
    <PageHeading
      title="工商注册办理"
      subtitle="尚未注册的商户可在线办理个体工商户或有限责任公司注册。每一步都会自动保存草稿，可随时离开，回来后从上次的位置继续。"
    />
  );

  let body: React.ReactNode;
  if (loading) {
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  } else if (failure) {
    body = <Alert type="error" showIcon message="加载失败" description={failure} />;
  } else if (!application) {
    body =
      status === 'approved' ? (
        <Card>
          <Result status="success" title="工商注册已核准" subTitle="全部业务模块已开通。" />
        </Card>
      ) : (
        <>
          {!canEdit && <Alert type="info" showIcon message="您是商户成员，只能查看办理情况；办理需由商户管理员操作。" />}
          <KindChooser onChoose={(kind) => void start(kind)} busy={busy} disabled={!canEdit} />
          <Alert
            type="info"
            showIcon
            message="已经有营业执照？"
            description="请选择「已注册企业信息补充」，上传营业执照、法人身份证和开户许可证即可。"
            action={<Button onClick={() => navigate('/registration/supplement')}>去补充信息</Button>}
          />
        </>
      );
  } else if (application.kind === 'existing') {
    body = (
      <Card>
        <Result
          status="info"
          title="您正在办理「已注册企业信息补充」"
          subTitle="同一时间只能办理一项工商注册申请。"
          extra={
            <Button type="primary" onClick={() => navigate('/registration/supplement')}>
              继续补充信息
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
        {!canEdit && application.state === 'draft' && (
          <Alert type="info" showIcon message="您是商户成员，只能查看填报内容；填写和提交需由商户管理员操作。" />
        )}
        <Card
          title={`${application.kind_label}：${application.name || application.title}`}
          extra={<Button onClick={() => navigate('/registration/progress')}>查看办理进度</Button>}
        >
          <ApplicationSummary app={application} />
        </Card>
      </Space>
    );
  } else {
    body = (
      <Card title={`${application.kind_label}${application.name ? `：${application.name}` : ''}`}>
        {application.state === 'rejected' && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message="申请已被驳回，请按原因修改后重新提交"
            description={`驳回原因：${application.rejection_reason || '未说明'}`}
          />
        )}
        <Wizard
          app={application}
          defaults={(prefill?.defaults?.[application.kind] ?? {}) as Record<string, Record<string, unknown>>}
          onSaved={setApplication}
        />
      </Card>
    );
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {header}
      {body}
    </Space>
  );
}
