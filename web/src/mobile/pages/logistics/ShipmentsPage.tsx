/** H5 我的运单 (L2): tabs by state, search, each shipment opening its timeline. */
import { Button, DotLoading, ErrorBlock, List, NavBar, SearchBar, Tabs, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, unwrap } from '@/shared/errors';
import { yuan, type ShipmentRow } from '@/shared/logistics';
import { useMe } from '@/shared/session';
import './logistics.css';

const TABS = [
  { key: '', title: '全部' },
  { key: 'open', title: '未完结' },
  { key: 'exception', title: '异常' },
  { key: 'delivered', title: '已签收' },
];
const COLORS: Record<string, string> = { delivered: 'success', exception: 'danger', ordered: 'default' };

export default function ShipmentsPage() {
  const { api, access } = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<ShipmentRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(async () => {
    setFailure(null);
    try {
      const data = await unwrap(api.client.GET('/api/v1/logistics/shipments', { params: { query: { state, q, page: 1, page_size: 50 } } }));
      setRows(data.items);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [api, state, q]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="m-lg">
      <NavBar
        onBack={() => navigate('/')}
        style={{ background: '#fff' }}
        right={access.can('logistics:shipments:edit') ? <Button size="mini" color="primary" onClick={() => navigate('/logistics/carriers')}>发货</Button> : null}
      >
        我的运单
      </NavBar>
      <Tabs activeKey={state} onChange={(key) => setParams(key ? { state: key } : {})} style={{ background: '#fff' }}>
        {TABS.map((t) => (
          <Tabs.Tab key={t.key} title={t.title} />
        ))}
      </Tabs>
      <div className="m-lg__section">
        <SearchBar placeholder="运单编号 / 运单号 / 收件人" onSearch={setQ} onClear={() => setQ('')} />
      </div>
      {failure ? <ErrorBlock status="default" title="加载失败" description={failure} /> : null}
      {rows === null && !failure ? (
        <div className="m-lg__loading">
          <DotLoading color="primary" />
        </div>
      ) : null}
      {rows && !rows.length ? <ErrorBlock status="empty" title="没有运单" description="先比价，再一键发货" /> : null}
      {rows && rows.length ? (
        <List>
          {rows.map((r) => (
            <List.Item
              key={r.id}
              onClick={() => navigate(`/logistics/shipments/${r.id}`)}
              description={`${r.carrier_name} · ${r.country_name} · ${r.recipient_name}`}
              extra={<Tag color={COLORS[r.state] ?? 'primary'}>{r.state_label}</Tag>}
            >
              {r.number} <span className="m-lg__muted">{yuan(r.amount)}</span>
            </List.Item>
          ))}
        </List>
      ) : null}
    </div>
  );
}
