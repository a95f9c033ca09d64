/** 账号安全 (U1): change the phone with a code to each number; bind or unbind WeChat. */
import { CheckCircleFilled, MobileOutlined, WechatOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, List, Modal, Popconfirm, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PersonalProfile } from '@/shared/api/types';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { PHONE_PATTERN, useSmsCodeWith } from '@/shared/hooks/useSmsCode';
import { useMe } from '@/shared/session';
import { wechatState } from '../auth/wechatState';

function PhoneChangeModal({ profile, open, onClose, onChanged }: { profile: PersonalProfile; open: boolean; onClose: () => void; onChanged: (p: PersonalProfile) => void }) {
  const { api } = useMe();
  const [step, setStep] = useState(0);
  const [oldCode, setOldCode] = useState('');
  const [newPhone, setNewPhone] = useState('');
  const [newCode, setNewCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const oldSender = useSmsCodeWith(useCallback(() => unwrap(api.client.POST('/api/v1/me/phone/old-code')), [api]));
  const newSender = useSmsCodeWith(
    useCallback((phone: string) => unwrap(api.client.POST('/api/v1/me/phone/new-code', { body: { phone } })), [api]),
  );

  useEffect(() => {
    if (open) {
      setStep(0);
      setOldCode('');
      setNewPhone('');
      setNewCode('');
      setError(null);
    }
  }, [open]);

  const sendOld = async () => {
    setError(null);
    const sent = await oldSender.send();
    if (!sent.ok) setError(sent.message);
  };

  const sendNew = async () => {
    setError(null);
    if (!PHONE_PATTERN.test(newPhone)) {
      setError('请输入正确的 11 位手机号');
      return;
    }
    const sent = await newSender.send(newPhone);
    if (!sent.ok) setError(sent.message);
  };

  const confirm = async () => {
    setSaving(true);
    setError(null);
    try {
      const data = await unwrap(api.client.POST('/api/v1/me/phone/change', { body: { phone: newPhone, old_code: oldCode, new_code: newCode } }));
      onChanged(data);
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof ApiFailure && typeof e.details.fields === 'object' && e.details.fields && 'old_code' in e.details.fields) setStep(0);
    } finally {
      setSaving(false);
    }
  };

  const codeOk = (v: string) => /^\d{6}$/.test(v);

  return (
    <Modal
      open={open}
      title="更换手机号"
      onCancel={onClose}
      width={520}
      destroyOnHidden
      footer={
        step === 0 ? (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" disabled={!codeOk(oldCode)} onClick={() => { setError(null); setStep(1); }} data-testid="phone-next">
              下一步
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={() => { setError(null); setStep(0); }}>上一步</Button>
            <Button type="primary" loading={saving} disabled={!PHONE_PATTERN.test(newPhone) || !codeOk(newCode)} onClick={() => void confirm()} data-testid="phone-confirm">
              确认更换
            </Button>
          </Space>
        )
      }
    >
      <Steps size="small" current={step} items={[{ title: '验证原手机号' }, { title: '验证新手机号' }]} style={{ margin: '8px 0 24px' }} />
      {step === 0 ? (
        <Form layout="vertical">
          <Form.Item label="原手机号">
            <Input value={profile.phone_masked} disabled />
          </Form.Item>
          <Form.Item label="验证码" extra="验证码 5 分钟内有效">
            <Space.Compact style={{ width: '100%' }}>
              <Input value={oldCode} onChange={(e) => setOldCode(e.target.value.replace(/\D/g, ''))} maxLength={6} placeholder="6 位验证码" data-testid="old-code" />
              <Button onClick={() => void sendOld()} disabled={oldSender.disabled} loading={oldSender.sending} style={{ width: 132 }} data-testid="old-code-send">
                {oldSender.label}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      ) : (
        <Form layout="vertical">
          <Form.Item label="新手机号">
            <Input value={newPhone} onChange={(e) => setNewPhone(e.target.value.replace(/\D/g, ''))} maxLength={11} placeholder="请输入新的 11 位手机号" data-testid="new-phone" />
          </Form.Item>
          <Form.Item label="验证码">
            <Space.Compact style={{ width: '100%' }}>
              <Input value={newCode} onChange={(e) => setNewCode(e.target.value.replace(/\D/g, ''))} maxLength={6} placeholder="6 位验证码" data-testid="new-code" />
              <Button onClick={() => void sendNew()} disabled={newSender.disabled} loading={newSender.sending} style={{ width: 132 }} data-testid="new-code-send">
                {newSender.label}
              </Button>
            </Space.Compact>
          </Form.Item>
        </Form>
      )}
      {error ? <Alert type="error" showIcon message={error} data-testid="phone-error" /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        更换后请使用新手机号登录；原手机号将不能再登录本账号。
      </Typography.Paragraph>
    </Modal>
  );
}

export function SecurityTab() {
  const { api, reload } = useMe();
  const { message } = App.useApp();
  const [profile, setProfile] = useState<PersonalProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [changing, setChanging] = useState(false);
  const [binding, setBinding] = useState(false);
  const [params, setParams] = useSearchParams();

  useEffect(() => {
    if (params.get('wechat') === 'bound') {
      message.success('微信已绑定，之后可用微信扫码登录');
      setParams({}, { replace: true });
    }
  }, [params, setParams, message]);

  const load = useCallback(async () => {
    try {
      setProfile(await unwrap(api.client.GET('/api/v1/me/profile')));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const bind = async () => {
    setBinding(true);
    try {
      const { url } = await unwrap(api.client.GET('/api/v1/me/wechat/bind-url'));
      wechatState.setIntent('bind');
      window.location.assign(url);
    } catch (e) {
      message.error(errorMessage(e));
      setBinding(false);
    }
  };

  const unbind = async () => {
    try {
      setProfile(await unwrap(api.client.POST('/api/v1/me/wechat/unbind')));
      message.success('已解绑微信，之后请用手机号验证码登录');
      void reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (!profile) return failure ? <Alert type="error" showIcon message={failure} /> : <Skeleton active />;

  return (
    <div className="jmt-me__pane">
      <div className="jmt-me__pane-head">
        <Typography.Title level={5}>账号安全</Typography.Title>
        <Typography.Text type="secondary">登录晶贸通用的手机号与微信。</Typography.Text>
      </div>
      <List
        className="jmt-me__security"
        itemLayout="horizontal"
        dataSource={['phone', 'wechat']}
        renderItem={(key) =>
          key === 'phone' ? (
            <List.Item
              actions={[
                <Button key="change" onClick={() => setChanging(true)} data-testid="phone-change-open">
                  更换手机号
                </Button>,
              ]}
            >
              <List.Item.Meta
                avatar={<MobileOutlined className="jmt-me__security-icon" />}
                title={
                  <Space>
                    登录手机号
                    <span data-testid="current-phone">{profile.phone_masked || '未绑定'}</span>
                  </Space>
                }
                description="用于短信验证码登录和接收业务通知；更换时需分别验证原手机号和新手机号。"
              />
            </List.Item>
          ) : (
            <List.Item
              actions={[
                profile.wechat_bound ? (
                  <Popconfirm key="unbind" title="确定解绑微信吗？" description="解绑后不能再用微信扫码登录，也收不到微信服务通知。" okText="解绑" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => void unbind()}>
                    <Button danger data-testid="wechat-unbind">
                      解绑
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button key="bind" type="primary" ghost loading={binding} onClick={() => void bind()} data-testid="wechat-bind">
                    绑定微信
                  </Button>
                ),
              ]}
            >
              <List.Item.Meta
                avatar={<WechatOutlined className="jmt-me__security-icon jmt-me__security-icon--wechat" />}
                title={
                  <Space>
                    微信
                    {profile.wechat_bound ? (
                      <Tag bordered={false} color="success" icon={<CheckCircleFilled />}>
                        已绑定
                      </Tag>
                    ) : (
                      <Tag bordered={false}>未绑定</Tag>
                    )}
                  </Space>
                }
                description="绑定后可微信扫码登录，并在微信中接收业务办理通知。"
              />
            </List.Item>
          )
        }
      />
      <PhoneChangeModal
        profile={profile}
        open={changing}
        onClose={() => setChanging(false)}
        onChanged={(data) => {
          setProfile(data);
          setChanging(false);
          message.success(`手机号已更换为 ${data.phone_masked}`);
          void reload();
        }}
      />
    </div>
  );
}
