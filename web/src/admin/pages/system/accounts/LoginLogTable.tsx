/** 登录日志: every sign-in attempt, successes and failures, with IP and user agent. */
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { formatTime, type LoginLog } from './rbac';

const REASONS: Record<string, string> = {
  LOGIN_FAILED: '密码错误',
  ACCOUNT_LOCKED: '账号已锁定',
  ACCOUNT_DISABLED: '账号已停用',
  NOT_STAFF_ACCOUNT: '非后台账号',
  SMS_CODE_INVALID: '验证码错误',
  SMS_CODE_EXPIRED: '验证码失效',
  SMS_CODE_ATTEMPTS_EXCEEDED: '验证码错误过多',
  WECHAT_STATE_INVALID: '扫码已过期',
};

export function LoginLogTable() {
  const { api } = useMe();
  const { message } = App.useApp();

  const columns: ProColumns<LoginLog>[] = [
    { title: '时间', dataIndex: 'created_at', valueType: 'dateTimeRange', width: 168, render: (_d, row) => formatTime(row.created_at), search: { transform: (v: [string, string]) => ({ since: dayjs(v[0]).format(), until: dayjs(v[1]).format() }) } },
    { title: '登录标识', dataIndex: 'identifier', width: 150, fieldProps: { placeholder: '用户名、手机号或姓名' } },
    {
      title: '用户',
      dataIndex: 'user_display',
      search: false,
      width: 150,
      render: (_d, row) =>
        row.user_display ? (
          <span>
            {row.user_display} {row.is_staff ? <Tag bordered={false} color="geekblue">后台</Tag> : <Tag bordered={false}>商户</Tag>}
          </span>
        ) : (
          <Typography.Text type="secondary">未知账号</Typography.Text>
        ),
    },
    {
      title: '方式',
      dataIndex: 'method',
      width: 110,
      valueType: 'select',
      valueEnum: { password: { text: '账号密码' }, sms: { text: '短信验证码' }, wechat_mp: { text: '微信小程序' }, wechat_qr: { text: '微信扫码' } },
      render: (_d, row) => row.method_label,
    },
    {
      title: '结果',
      dataIndex: 'success',
      width: 130,
      valueType: 'select',
      valueEnum: { true: { text: '成功', status: 'Success' }, false: { text: '失败', status: 'Error' } },
      render: (_d, row) =>
        row.success ? <Tag color="success">成功</Tag> : <Tag color="error">失败 · {REASONS[row.reason] ?? row.reason}</Tag>,
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (_d, row) => row.ip ?? '—' },
    {
      title: '浏览器（UA）',
      dataIndex: 'user_agent',
      search: false,
      ellipsis: true,
      render: (_d, row) => (row.user_agent ? <Tooltip title={row.user_agent}>{row.user_agent}</Tooltip> : '—'),
    },
  ];

  return (
    <ProTable<LoginLog>
      rowKey="id"
      columns={columns}
      cardBordered={false}
      headerTitle="登录日志"
      tooltip="所有登录尝试：成功与失败、来源 IP 与浏览器"
      search={{ labelWidth: 'auto', defaultCollapsed: false, span: 6 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      options={{ density: false, setting: false }}
      locale={{ emptyText: '暂无登录记录' }}
      onRequestError={(e) => message.error(errorMessage(e))}
      request={async (params) => {
        const data = await unwrap(
          api.client.GET('/api/v1/admin/rbac/login-logs', {
            params: {
              query: {
                page: params.current ?? 1,
                page_size: params.pageSize ?? 20,
                identifier: params.identifier || undefined,
                method: params.method || undefined,
                success: params.success === undefined || params.success === '' ? undefined : params.success === 'true',
                ip: params.ip || undefined,
                since: params.since || undefined,
                until: params.until || undefined,
              },
            },
          }),
        );
        return { data: data.items, total: data.total, success: true };
      }}
    />
  );
}
