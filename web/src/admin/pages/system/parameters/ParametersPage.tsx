/** A7 系统参数: one tab per group, each a ProForm validated by the server (errors land on their fields). */
import { ProForm } from '@ant-design/pro-components';
import { Alert, App, Card, Empty, Form, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiFailure, errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { SystemPage } from '../accounts/SystemPage';
import { formatTime } from '../logs/logs';
import {
  AnnouncementFields,
  FxFields,
  LogFields,
  ShowroomFields,
  NotificationFields,
  OpeningHoursFields,
  PlatformFields,
} from './GroupFields';
import { formErrors, PARAMETER_CODES, type GroupKey, type GroupMeta, type ParametersData } from './params';

const FIELDS: Record<GroupKey, () => ReactNode> = {
  platform: PlatformFields,
  opening_hours: OpeningHoursFields,
  announcements: AnnouncementFields,
  notifications: NotificationFields,
  showroom: ShowroomFields,
  logs: LogFields,
  fx: FxFields,
};

const LABELS: Record<string, string> = {
  name: '平台名称',
  hotline: '客服热线',
  email: '客服邮箱',
  days: '营业日',
  closed_dates: '休息日',
  notice: '非营业时间提示',
  sms_sign: '短信签名',
  wechat_templates: '微信模板 ID',
  service_account_name: '服务号名称',
  service_account_qr: '服务号二维码',
  buyer_wechat_id: '采购咨询微信号',
  buyer_wechat_qr: '采购咨询微信二维码',
  buyer_note: '购买说明',
  archive_after_days: '日志保留天数',
  currencies: '看板币种',
};

function GroupForm({
  meta,
  value,
  editable,
  onSaved,
}: {
  meta: GroupMeta;
  value: Record<string, unknown>;
  editable: boolean;
  onSaved: (meta: GroupMeta, value: Record<string, unknown>) => void;
}) {
  const { api } = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [problems, setProblems] = useState<string[]>([]);
  const Fields = FIELDS[meta.key as GroupKey];

  return (
    <Card variant="borderless" className="jmt-card" data-testid={`parameters-${meta.key}`}>
      <Space direction="vertical" size={4} style={{ marginBottom: 20 }}>
        <Typography.Text type="secondary">{meta.description}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {meta.updated_at ? `最近修改：${formatTime(meta.updated_at, false)}　${meta.updated_by ?? ''}` : '尚未修改，当前为默认值'}
        </Typography.Text>
      </Space>
      {problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 20, borderRadius: 8 }}
          message="保存失败，请修改以下内容"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {problems.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
          data-testid="parameters-errors"
        />
      ) : null}
      <ProForm
        form={form}
        layout="horizontal"
        labelCol={{ flex: '140px' }}
        wrapperCol={{ flex: 'auto' }}
        initialValues={value}
        disabled={!editable}
        submitter={
          editable
            ? {
                searchConfig: { submitText: '保存', resetText: '撤销修改' },
                render: (_props, dom) => <div style={{ paddingLeft: 140, display: 'flex', gap: 8 }}>{dom}</div>,
              }
            : false
        }
        onFinish={async (values) => {
          setProblems([]);
          try {
            const saved = await unwrap(
              api.client.PUT('/api/v1/admin/system/parameters/{group}', {
                params: { path: { group: meta.key as GroupKey } },
                body: { ...value, ...values },
              }),
            );
            form.setFieldsValue(saved.value);
            onSaved(saved.group, saved.value);
            message.success(`「${meta.title}」已保存`);
            return true;
          } catch (e) {
            if (e instanceof ApiFailure && e.code === 'VALIDATION_ERROR' && typeof e.details.fields === 'object' && e.details.fields) {
              const { fields, lines } = formErrors(e.details.fields as Record<string, unknown>, LABELS);
              form.setFields(fields);
              setProblems(lines);
            } else {
              message.error(errorMessage(e));
            }
            return false;
          }
        }}
      >
        <Fields />
      </ProForm>
    </Card>
  );
}

export default function ParametersPage() {
  const { api, access } = useMe();
  const [data, setData] = useState<ParametersData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = access.can(PARAMETER_CODES.edit);

  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await unwrap(api.client.GET('/api/v1/admin/system/parameters')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = (meta: GroupMeta, value: Record<string, unknown>) =>
    setData((current) =>
      current
        ? {
            groups: current.groups.map((g) => (g.key === meta.key ? meta : g)),
            values: { ...current.values, [meta.key]: value },
          }
        : current,
    );

  return (
    <SystemPage
      title="系统参数"
      description="平台信息、营业时间、维护公告，以及支付、物流与通知参数。每次保存都会记入操作日志。"
      permission={PARAMETER_CODES.view}
    >
      {error ? (
        <Card variant="borderless" className="jmt-card">
          <Empty description={<span>无法加载系统参数：{error}</span>}>
            <a onClick={() => void load()}>重新加载</a>
          </Empty>
        </Card>
      ) : !data ? (
        <Card variant="borderless" className="jmt-card">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : (
        <>
          {!editable ? <Alert type="info" showIcon style={{ marginBottom: 16, borderRadius: 8 }} message="您只能查看系统参数，修改需要「系统参数 · 编辑」权限。" /> : null}
          <Tabs
            tabPosition="left"
            className="jmt-parameter-tabs"
            items={data.groups.map((meta) => ({
              key: meta.key,
              label: meta.title,
              children: (
                <GroupForm
                  key={meta.key}
                  meta={meta}
                  value={data.values[meta.key as GroupKey] as Record<string, unknown>}
                  editable={editable}
                  onSaved={saved}
                />
              ),
            }))}
          />
        </>
      )}
    </SystemPage>
  );
}
