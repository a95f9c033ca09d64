/** 点点通企业接口配置 (C6) on the H5: read-only, maintained by 捷晶; whether declaring can start. */
import { ApiOutlined } from '@ant-design/icons';
import { ErrorBlock, List, NoticeBar, PullToRefresh, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import type { components } from '@/shared/api/schema';
import { formatDateTime } from '@/shared/datetime';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { MobileCustomsShell, MobileLoading } from './MobileCustomsShell';

type Config = components['schemas']['GatewayConfigOut'];
const CHECK_COLOR: Record<string, 'success' | 'danger' | 'default'> = { ok: 'success', failed: 'danger' };

export default function GatewayPage() {
  const { api } = useMe();
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
    void load();
  }, [load]);

  return (
    <MobileCustomsShell fallbackTitle="点点通企业接口配置">
      {error ? <ErrorBlock status="default" title="加载失败" description={error} /> : null}
      {!config && !error ? <MobileLoading /> : null}
      {config && !config.configured ? (
        <MobileEmpty icon={<ApiOutlined />} title="尚未配置点点通接口" hint="点点通接口由捷晶为您开通和配置，配置并检测通过后才能提交出口申报。请联系捷晶管理员。" />
      ) : null}
      {config && config.configured ? (
        <PullToRefresh onRefresh={load}>
          {config.readiness.ready ? (
            <NoticeBar color="success" content="接口已就绪，可以提交出口申报" />
          ) : (
            <NoticeBar color="alert" wrap content={`接口未就绪，暂不能提交申报：${config.readiness.message}`} />
          )}
          <List mode="card" header="检测" data-testid="m-gateway">
            <List.Item extra={<Tag color={CHECK_COLOR[config.check_status] ?? 'default'}>{config.check_status_label}</Tag>}>检测结果</List.Item>
            <List.Item extra={formatDateTime(config.checked_at)}>检测时间</List.Item>
            {config.check_message ? <List.Item description={config.check_message}>检测说明</List.Item> : null}
            <List.Item extra={config.is_enabled ? '启用' : '停用'}>状态</List.Item>
          </List>
          <List mode="card" header="企业与申报信息">
            <List.Item description={`${config.ebc_name}（${config.ebc_code}）`}>电商企业</List.Item>
            <List.Item description={config.ebp_code ? `${config.ebp_name}（${config.ebp_code}）` : '同电商企业'}>电商平台</List.Item>
            <List.Item description={`${config.agent_name}（${config.agent_code}）`}>申报企业</List.Item>
            <List.Item extra={config.customs_code || '—'}>申报地海关代码</List.Item>
            <List.Item extra={config.port_code || '—'}>出口口岸代码</List.Item>
            <List.Item extra={config.app_key}>接入账号</List.Item>
          </List>
          <div className="m-customs__hint" style={{ margin: '0 16px 24px' }}>
            以上信息由捷晶管理员维护，如需修改请联系捷晶；接入密钥加密保存，任何页面都不会显示完整密钥。
          </div>
        </PullToRefresh>
      ) : null}
    </MobileCustomsShell>
  );
}
