/** The frame of both cockpits: breadcrumb, title, the period and merchant filter, and the permission gate. */
import { LockOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, DatePicker, Result, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import type { Filters } from './cockpit';

const DAY = 'YYYY-MM-DD';

export function defaultFilters(): Filters {
  return { start: dayjs().subtract(29, 'day').format(DAY), end: dayjs().format(DAY) };
}

const PRESETS: { label: string; value: [Dayjs, Dayjs] }[] = [
  { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
  { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
  { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
  { label: '上月', value: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] },
  { label: '近 90 天', value: [dayjs().subtract(89, 'day'), dayjs()] },
  { label: '今年', value: [dayjs().startOf('year'), dayjs()] },
];

/** Period (at most 366 days) and a merchant of the viewer's data scope, searched by name. */
export function CockpitFilters({ cockpit, value, onChange }: { cockpit: 'overview' | 'service'; value: Filters; onChange: (next: Filters) => void }) {
  const { api } = useMe();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  useEffect(() => {
    const path = cockpit === 'overview' ? '/api/v1/admin/cockpits/overview/merchants' : '/api/v1/admin/cockpits/service/merchants';
    const timer = window.setTimeout(() => {
      void unwrap(api.client.GET(path, { params: { query: { q } } }))
        .then((rows) => setOptions(rows.map((m) => ({ value: m.id, label: m.name }))))
        .catch(() => setOptions([]));
    }, 250);
    return () => window.clearTimeout(timer);
  }, [api, cockpit, q]);
  const range = useMemo<[Dayjs, Dayjs] | null>(() => (value.start && value.end ? [dayjs(value.start), dayjs(value.end)] : null), [value.start, value.end]);
  return (
    <Space wrap>
      <DatePicker.RangePicker
        value={range}
        presets={PRESETS}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(dates) => dates?.[0] && dates[1] && onChange({ ...value, start: dates[0].format(DAY), end: dates[1].format(DAY) })}
        data-testid="cockpit-period"
      />
      <Select
        showSearch
        allowClear
        placeholder="全部商户（可见范围内）"
        style={{ width: 240 }}
        filterOption={false}
        onSearch={setQ}
        options={options}
        value={value.merchant_id}
        onChange={(merchant) => onChange({ ...value, merchant_id: merchant ?? undefined })}
        notFoundContent="没有匹配的商户"
        data-testid="cockpit-merchant"
      />
    </Space>
  );
}

export function CockpitFrame({ title, description, permission, extra, children }: { title: string; description: string; permission: string; extra?: ReactNode; children: ReactNode }) {
  const { access } = useMe();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/">工作台</Link> }, { title: <Link to="/dashboards">数据驾驶舱</Link> }, { title }]} />
      <div style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 16, marginBottom: 16, flexWrap: 'wrap' }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{description}</Typography.Text>
        </div>
        {access.can(permission) ? extra : null}
      </div>
      {access.can(permission) ? (
        children
      ) : (
        <Card variant="borderless" className="jmt-card">
          <Result icon={<LockOutlined style={{ color: '#a3a8b8' }} />} title="无权访问" subTitle="您没有访问该功能的权限，请联系超级管理员分配角色。" />
        </Card>
      )}
    </>
  );
}
