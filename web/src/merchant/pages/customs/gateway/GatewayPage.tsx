/** 点点通企业接口配置 (C6, merchant side): read-only; configured by 捷晶 in the back office. */
import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { ProDescriptions } from '@ant-design/pro-components';
import { Alert, Breadcrumb, Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import CatalogPage from '../../catalog/CatalogPage';
import { formatDateTime } from '@/shared/datetime';

type Config = components['schemas']['GatewayConfigOut'];

export function CheckBadge({ status, label }: { status: string; label: string }) {
  if (status === 'ok') return <Tag icon={<CheckCircleFilled />} color="success">{label}</Tag>;
  if (status === 'failed') return <Tag icon={<CloseCircleFilled />} color="error">{label}</Tag>;
  return <Tag icon={<QuestionCircleFilled />} color="default">{label}</Tag>;
}

export default function GatewayPage() {
  const { api, me, access } = useMe();
  const { pathname } = useLocation();
  const gate = access.routeGate(me.catalog, pathname);
  const [config, setConfig] = useState<Config | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setConfig(await unwrap(api.client.GET('/api/v1/customs/gateway')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    if (gate?.ok) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  if (!gate || !gate.ok) return <CatalogPage />;
  const title = gate.item?.title ?? '点点通企业接口配置';

  let body;
  if (error) body = <Result status="error" title="加载失败" subTitle={error} extra={<Button onClick={() => void load()}>重试</Button>} />;
  else if (!config) body = <Spin style={{ display: 'block', margin: '64px auto' }} />;
  else if (!config.configured)
    body = (
      <Result
        status="info"
        title="尚未配置点点通接口"
        subTitle="点点通接口由捷晶为您开通和配置。配置完成并检测通过后，才能提交出口申报。请联系捷晶管理员配置点点通接口。"
        data-testid="gateway-missing"
      />
    );
  else
    body = (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {config.readiness.ready ? (
          <Alert type="success" showIcon message="接口已就绪，可以提交出口申报" />
        ) : (
          <Alert type="warning" showIcon message="接口未就绪，暂不能提交申报" description={config.readiness.message} />
        )}
        <ProDescriptions<Config>
          column={2}
          bordered
          size="middle"
          dataSource={config}
          data-testid="gateway-config"
          columns={[
            { title: '检测结果', dataIndex: 'check_status', render: () => <CheckBadge status={config.check_status} label={config.check_status_label} /> },
            { title: '检测时间', dataIndex: 'checked_at', render: () => formatDateTime(config.checked_at) },
            { title: '检测说明', dataIndex: 'check_message', span: 2 },
            { title: '接入账号', dataIndex: 'app_key' },
            { title: '接入密钥', dataIndex: 'app_secret' },
            { title: '状态', dataIndex: 'is_enabled', render: () => (config.is_enabled ? <Tag color="blue">启用</Tag> : <Tag>停用</Tag>) },
            { title: '电商企业', dataIndex: 'ebc_name', render: () => `${config.ebc_name}（${config.ebc_code}）` },
            { title: '电商平台', dataIndex: 'ebp_name', render: () => (config.ebp_code ? `${config.ebp_name}（${config.ebp_code}）` : '同电商企业') },
            { title: '申报企业', dataIndex: 'agent_name', render: () => `${config.agent_name}（${config.agent_code}）` },
            { title: 'DXP ID', dataIndex: 'dxp_id' },
            { title: '申报地海关代码', dataIndex: 'customs_code' },
            { title: '出口口岸代码', dataIndex: 'port_code' },
          ]}
        />
        <Typography.Text type="secondary">以上信息由捷晶管理员维护，接口地址等技术参数由捷晶维护，如需修改请联系捷晶；接入密钥加密保存，任何页面都不会显示完整密钥。</Typography.Text>
      </Space>
    );

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={gate.module.route}>{gate.module.title}</Link> }, { title }]}
      />
      <Card variant="borderless" className="jmt-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {body}
      </Card>
    </>
  );
}
