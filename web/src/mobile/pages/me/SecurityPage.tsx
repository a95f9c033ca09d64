/**
 * 账号安全 on the H5 (U1): change the login phone in two steps (a code to the old number, then the
 * new number and its code) and see or remove the WeChat binding. Binding itself happens by signing
 * in through the mini-program, so the page only says so.
 */
import { CheckCircleFilled, MobileOutlined, WechatOutlined } from '@ant-design/icons';
import { Button, Dialog, DotLoading, ErrorBlock, Form, Input, List, Steps, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import type { PersonalProfile } from '@/shared/api/types';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { PHONE_PATTERN, useSmsCodeWith } from '@/shared/hooks/useSmsCode';
import { useMe } from '@/shared/session';
import { SubPage } from './SubPage';
import '../auth/login.css';

const VIA: Record<string, string> = { web: '网站扫码', mp: '小程序' };
const CODE = /^\d{6}$/;

type Field = 'old_code' | 'phone' | 'new_code';

/** The field an API error names (`details.fields`), if any. */
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof ApiFailure) || !error.details.fields || typeof error.details.fields !== 'object') return null;
  const fields = Object.keys(error.details.fields);
  return (['old_code', 'phone', 'new_code'] as const).find((f) => fields.includes(f)) ?? null;
}

function PhoneChange({ profile, onDone, onCancel }: { profile: PersonalProfile; onDone: (p: PersonalProfile) => void; onCancel: () => void }) {
  const { api } = useMe();
  const [form] = Form.useForm<{ old_code: string; phone: string; new_code: string }>();
  const [step, setStep] = useState(0);
  const [saving, setSaving] = useState(false);
  const oldSender = useSmsCodeWith(useCallback(() => unwrap(api.client.POST('/api/v1/me/phone/old-code')), [api]));
  const newSender = useSmsCodeWith(
    useCallback((phone: string) => unwrap(api.client.POST('/api/v1/me/phone/new-code', { body: { phone } })), [api]),
  );

  const fail = (name: Field, message: string) => form.setFields([{ name, errors: [message] }]);

  const sendOld = async () => {
    const sent = await oldSender.send();
    Toast.show({ content: sent.ok ? '验证码已发送' : sent.message });
  };

  const sendNew = async () => {
    const phone = (form.getFieldValue('phone') ?? '').trim();
    if (!PHONE_PATTERN.test(phone)) {
      fail('phone', '请输入正确的 11 位手机号');
      return;
    }
    const sent = await newSender.send(phone);
    if (sent.ok) Toast.show({ content: '验证码已发送' });
    else fail('phone', sent.message);
  };

  const next = async () => {
    try {
      await form.validateFields(['old_code']);
      setStep(1);
    } catch {
      /* the field shows its error */
    }
  };

  const confirm = async () => {
    let values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    try {
      onDone(
        await unwrap(
          api.client.POST('/api/v1/me/phone/change', {
            body: { phone: values.phone.trim(), old_code: form.getFieldValue('old_code'), new_code: values.new_code },
          }),
        ),
      );
    } catch (e) {
      const field = fieldOf(e);
      if (field === 'old_code') setStep(0);
      if (field) fail(field, errorMessage(e));
      else Toast.show({ content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const codeRules = [
    { required: true, message: '请输入验证码' },
    { pattern: CODE, message: '请输入 6 位数字验证码' },
  ];

  return (
    <>
      <Steps current={step} style={{ '--title-font-size': '14px', padding: '16px 8px 0' }}>
        <Steps.Step title="验证原手机号" />
        <Steps.Step title="验证新手机号" />
      </Steps>
      <Form
        form={form}
        layout="horizontal"
        mode="card"
        footer={
          <div className="mme-sub__buttons">
            <Button block size="large" shape="rounded" onClick={step === 0 ? onCancel : () => setStep(0)}>
              {step === 0 ? '取消' : '上一步'}
            </Button>
            {step === 0 ? (
              <Button block color="primary" size="large" shape="rounded" onClick={() => void next()} data-testid="phone-next">
                下一步
              </Button>
            ) : (
              <Button block color="primary" size="large" shape="rounded" loading={saving} onClick={() => void confirm()} data-testid="phone-confirm">
                确认更换
              </Button>
            )}
          </div>
        }
      >
        <div style={{ display: step === 0 ? undefined : 'none' }}>
          <Form.Item label="原手机号">
            <span className="mme-sub__static">{profile.phone_masked}</span>
          </Form.Item>
          <Form.Item
            name="old_code"
            label="验证码"
            rules={codeRules}
            description="验证码 5 分钟内有效"
            extra={
              <button type="button" className="ml__send" disabled={oldSender.disabled} onClick={() => void sendOld()} data-testid="old-code-send">
                {oldSender.sending ? '发送中…' : oldSender.label}
              </button>
            }
          >
            <Input placeholder="6 位验证码" type="tel" maxLength={6} autoComplete="one-time-code" data-testid="old-code" />
          </Form.Item>
        </div>
        {step === 1 ? (
          <>
            <Form.Item
              name="phone"
              label="新手机号"
              rules={[
                { required: true, message: '请输入新手机号' },
                { pattern: PHONE_PATTERN, message: '请输入正确的 11 位手机号' },
              ]}
            >
              <Input placeholder="新的 11 位手机号" type="tel" maxLength={11} clearable data-testid="new-phone" />
            </Form.Item>
            <Form.Item
              name="new_code"
              label="验证码"
              rules={codeRules}
              extra={
                <button type="button" className="ml__send" disabled={newSender.disabled} onClick={() => void sendNew()} data-testid="new-code-send">
                  {newSender.sending ? '发送中…' : newSender.label}
                </button>
              }
            >
              <Input placeholder="6 位验证码" type="tel" maxLength={6} autoComplete="one-time-code" data-testid="new-code" />
            </Form.Item>
          </>
        ) : null}
      </Form>
      <p className="mme-sub__note">更换后请使用新手机号登录；原手机号将不能再登录本账号。</p>
    </>
  );
}

export default function SecurityPage() {
  const { api, reload } = useMe();
  const [profile, setProfile] = useState<PersonalProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      setProfile(await unwrap(api.client.GET('/api/v1/me/profile')));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const unbind = async () => {
    const ok = await Dialog.confirm({
      title: '解绑微信？',
      content: '解绑后不能再用微信登录小程序，也收不到微信服务通知；之后用手机号验证码登录。',
      confirmText: <span style={{ color: 'var(--adm-color-danger)' }}>解绑</span>,
      cancelText: '取消',
    });
    if (!ok) return;
    try {
      setProfile(await unwrap(api.client.POST('/api/v1/me/wechat/unbind')));
      Toast.show({ icon: 'success', content: '已解绑微信' });
      void reload();
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  };

  let body;
  if (failure) {
    body = (
      <ErrorBlock status="default" title="加载失败" description={failure}>
        <Button color="primary" onClick={() => void load()}>
          重试
        </Button>
      </ErrorBlock>
    );
  } else if (!profile) {
    body = (
      <div className="mme-sub__loading">
        <DotLoading color="primary" />
      </div>
    );
  } else if (changing) {
    body = (
      <PhoneChange
        profile={profile}
        onCancel={() => setChanging(false)}
        onDone={(data) => {
          setProfile(data);
          setChanging(false);
          Toast.show({ icon: 'success', content: '手机号已更换' });
          void reload();
        }}
      />
    );
  } else {
    const via = profile.wechat_bound_via.map((v) => VIA[v] ?? v).join('、');
    body = (
      <>
        <List header="登录手机号" mode="card" className="mme__list">
          <List.Item
            prefix={<MobileOutlined className="mme__icon" />}
            description="用于短信验证码登录和接收业务通知；更换时需分别验证原手机号和新手机号"
            extra={<span data-testid="current-phone">{profile.phone_masked || '未绑定'}</span>}
            onClick={() => setChanging(true)}
            data-testid="phone-change-open"
          >
            更换手机号
          </List.Item>
        </List>
        <List header="微信" mode="card" className="mme__list">
          <List.Item
            prefix={<WechatOutlined className="mme__icon" style={{ color: '#07c160' }} />}
            description={
              profile.wechat_bound
                ? `已通过${via || '微信'}绑定，可在小程序中一键登录并接收服务通知`
                : '在微信小程序中登录即可绑定'
            }
            extra={
              profile.wechat_bound ? (
                <Tag color="success" fill="outline" data-testid="wechat-status">
                  <CheckCircleFilled /> 已绑定
                </Tag>
              ) : (
                <Tag style={{ '--background-color': '#f5f6fa', '--border-color': '#e5e7ee', '--text-color': '#8b90a3' }} data-testid="wechat-status">
                  未绑定
                </Tag>
              )
            }
            arrow={false}
          >
            微信
          </List.Item>
          {profile.wechat_bound ? (
            <List.Item arrow={false} onClick={() => void unbind()} data-testid="wechat-unbind">
              <span style={{ color: 'var(--adm-color-danger)' }}>解绑微信</span>
            </List.Item>
          ) : null}
        </List>
      </>
    );
  }

  return <SubPage title={changing ? '更换手机号' : '账号安全'}>{body}</SubPage>;
}
