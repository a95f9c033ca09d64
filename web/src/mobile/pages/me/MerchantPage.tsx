/** 商户信息 on the H5 (U2): read view for everyone, an edit form for admins. */
import { Button, DotLoading, Form, Input, List, NoticeBar, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MerchantProfile } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { GROUPS, LOCK_HINT } from '@/shared/merchantProfile/MerchantProfile';
import { useMe } from '@/shared/session';
import { SubPage } from './SubPage';

export default function MerchantPage() {
  const { api } = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [profile, setProfile] = useState<MerchantProfile | null>(null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    try {
      setProfile(await unwrap(api.client.GET('/api/v1/merchant')));
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const editable = profile ? profile.fields.filter((f) => f.editable && f.kind !== 'document') : [];

  const startEdit = () => {
    if (!profile) return;
    form.setFieldsValue(Object.fromEntries(editable.map((f) => [f.key, String(profile.values[f.key] ?? '')])));
    setEditing(true);
  };

  const save = async (values: Record<string, string>) => {
    if (!profile) return;
    const changes: Record<string, string> = {};
    for (const f of editable) {
      const next = (values[f.key] ?? '').trim();
      if (next !== String(profile.values[f.key] ?? '')) changes[f.key] = next;
    }
    if (!Object.keys(changes).length) {
      setEditing(false);
      return;
    }
    setSaving(true);
    try {
      setProfile(await unwrap(api.client.PATCH('/api/v1/merchant', { body: { changes } })));
      setEditing(false);
      Toast.show({ icon: 'success', content: '已保存' });
    } catch (e) {
      Toast.show({ content: errorMessage(e) });
    } finally {
      setSaving(false);
    }
  };

  const value = (key: string) => {
    if (!profile) return '';
    if (key === 'merchant_type') return profile.value_labels.merchant_type;
    const v = profile.values[key];
    return v === null || v === undefined ? '' : String(v);
  };

  return (
    <SubPage
      title="商户信息"
      right={
        profile?.can_edit && !editing ? (
          <a className="mme-sub__action" onClick={startEdit}>
            编辑
          </a>
        ) : null
      }
    >
      {!profile ? (
        <div className="mme-sub__loading">
          <DotLoading color="primary" />
        </div>
      ) : editing ? (
        <Form
          form={form}
          layout="vertical"
          mode="card"
          onFinish={(v) => void save(v as Record<string, string>)}
          footer={
            <div className="mme-sub__buttons">
              <Button block onClick={() => setEditing(false)} shape="rounded" size="large">
                取消
              </Button>
              <Button block type="submit" color="primary" shape="rounded" size="large" loading={saving}>
                保存
              </Button>
            </div>
          }
        >
          {profile.locked ? <NoticeBar content={`执照相关信息已锁定，${LOCK_HINT}`} color="info" wrap /> : null}
          {editable.map((f) => (
            <Form.Item key={f.key} name={f.key} label={f.label}>
              <Input placeholder={f.kind === 'date' ? '例如 2020-01-31' : `请输入${f.label}`} clearable />
            </Form.Item>
          ))}
        </Form>
      ) : (
        <>
          <div className="mme-sub__hero">
            <div className="mme-sub__hero-name">{profile.display_name}</div>
            <Tag color={profile.registration_approved ? 'success' : 'primary'} fill="outline">
              工商注册：{profile.registration_status_label}
            </Tag>
          </div>
          {profile.locked ? <NoticeBar content={`执照相关信息如需修改请联系捷晶管理员`} color="info" wrap /> : null}
          {GROUPS.map((group) => (
            <List key={group.key} header={group.title} mode="card">
              {profile.fields
                .filter((f) => f.group === group.key)
                .map((f) => (
                  <List.Item key={f.key} extra={<span className="mme-sub__value">{value(f.key) || '未填写'}</span>}>
                    {f.label}
                  </List.Item>
                ))}
              {group.key === 'settlement' ? (
                <List.Item onClick={() => navigate(profile.gateway_route)} extra="查看">
                  点点通企业接口配置
                </List.Item>
              ) : null}
            </List>
          ))}
        </>
      )}
    </SubPage>
  );
}
