/** 商户信息 (U2): members read it; admins edit the fields the server lets them (licence fields locked after approval). */
import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MerchantProfile } from '@/shared/api/types';
import { errorMessage, unwrap } from '@/shared/errors';
import { GatewayLink, LOCK_HINT, MerchantProfileForm, MerchantProfileView } from '@/shared/merchantProfile/MerchantProfile';
import { useMe } from '@/shared/session';

export function MerchantTab() {
  const { api, reload } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [profile, setProfile] = useState<MerchantProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      setProfile(await unwrap(api.client.GET('/api/v1/merchant')));
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!profile) return failure ? <Alert type="error" showIcon message={failure} /> : <Skeleton active paragraph={{ rows: 10 }} />;

  const save = async (changes: Record<string, unknown>) => {
    const data = await unwrap(api.client.PATCH('/api/v1/merchant', { body: { changes } }));
    setProfile(data);
    setEditing(false);
    message.success('商户信息已保存');
    void reload();
  };

  return (
    <div className="jmt-me__pane">
      <div className="jmt-me__pane-head jmt-me__pane-head--row">
        <div>
          <Space align="center">
            <Typography.Title level={5} style={{ margin: 0 }}>
              {profile.display_name}
            </Typography.Title>
            <Tag bordered={false} color={profile.registration_approved ? 'success' : 'processing'}>
              工商注册：{profile.registration_status_label}
            </Tag>
          </Space>
          <Typography.Text type="secondary">
            {profile.can_edit ? '确认过的信息会自动填入之后办理的各项业务。' : '您是商户成员，可以查看商户信息；如需修改请联系本商户管理员。'}
          </Typography.Text>
        </div>
        {profile.can_edit && !editing ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="merchant-edit">
            编辑商户信息
          </Button>
        ) : null}
      </div>
      {editing ? (
        <MerchantProfileForm profile={profile} onSubmit={save} onCancel={() => setEditing(false)} />
      ) : (
        <>
          {profile.locked ? (
            <Alert
              type="info"
              showIcon
              icon={<LockOutlined />}
              style={{ marginBottom: 16 }}
              message={`工商注册已核准，营业执照与法人身份证信息已锁定，${LOCK_HINT}。`}
            />
          ) : null}
          <MerchantProfileView
            api={api}
            profile={profile}
            gatewayLink={<GatewayLink href={profile.gateway_route} onOpen={() => navigate(profile.gateway_route)} />}
          />
        </>
      )}
    </div>
  );
}
