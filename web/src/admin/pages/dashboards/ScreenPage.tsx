/**
 * 综合数据 大屏: a 1920×1080 dark stage scaled to the window (no scrollbars), full screen on request,
 * refreshed every 30 seconds. Opened from the 综合数据 page; outside the back-office frame.
 */
import { FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useMe } from '@/shared/session';
import { formatCount, formatLarge, OVERVIEW_VIEW, SCREEN_REFRESH_MS, useCockpit, type Filters, type Overview } from './cockpit';
import { CarrierChart, OrdersTrendChart, RankBars, WorldMapChart } from './CockpitCharts';
import { defaultFilters } from './CockpitFrame';

const W = 1920;
const H = 1080;
const CYAN = '#38e1ff';

function useStageScale(): number {
  const fit = () => Math.min(window.innerWidth / W, window.innerHeight / H);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

function useClock(): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now.toLocaleString('zh-CN', { hour12: false });
}

const panel: CSSProperties = {
  background: 'linear-gradient(180deg, rgba(22,40,74,0.78), rgba(12,22,44,0.78))',
  border: '1px solid rgba(56,225,255,0.22)',
  borderRadius: 8,
  padding: '14px 18px',
  boxShadow: 'inset 0 0 24px rgba(56,225,255,0.06)',
  overflow: 'hidden',
};

function Panel({ title, children, style }: { title: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <div style={{ ...panel, ...style }}>
      <div style={{ color: CYAN, fontSize: 18, fontWeight: 600, marginBottom: 8, letterSpacing: 1 }}>▍{title}</div>
      {children}
    </div>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div style={{ ...panel, padding: '12px 16px' }}>
      <div style={{ color: '#94a3b8', fontSize: 15 }}>{label}</div>
      <div style={{ color: '#f8fafc', fontSize: 34, fontWeight: 700, fontFamily: 'DIN Alternate, Bahnschrift, sans-serif', lineHeight: 1.3 }}>{value}</div>
      {note ? <div style={{ color: '#64748b', fontSize: 13 }}>{note}</div> : null}
    </div>
  );
}

function Stage({ data }: { data: Overview }) {
  const f = data.figures;
  const approved = f.merchants_by_status.find((s) => s.status === 'approved')?.count ?? 0;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '460px 1fr 460px', gap: 16, height: H - 112, padding: '0 24px 24px' }}>
      <div style={{ display: 'grid', gridTemplateRows: 'auto auto 1fr', gap: 16, minHeight: 0 }}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
          <Tile label="商户总数" value={formatCount(f.merchants_total)} note={`核准通过 ${formatCount(approved)}`} />
          <Tile label="今日电子订单" value={formatCount(f.orders_today)} note={`本月 ${formatCount(f.orders_month)}`} />
          <Tile label="申报中清单" value={formatCount(f.declarations_in_flight)} />
          <Tile label="退税办理中" value={formatCount(f.refunds_in_flight)} />
        </div>
        <Panel title="订单趋势（近 30 天）">
          <OrdersTrendChart days={data.orders_by_day} tone="dark" height={200} />
        </Panel>
        <Panel title="热销商品 · 申报数量" style={{ minHeight: 0 }}>
          <RankBars tone="dark" name="申报数量" unit="" height={330} rows={data.products.by_quantity.slice(0, 8).map((r) => ({ label: r.name, value: r.quantity, hint: `HS ${r.hs}` }))} />
        </Panel>
      </div>
      <div style={{ display: 'grid', gridTemplateRows: '1fr auto', gap: 16, minHeight: 0 }}>
        <Panel title="全球订单分布" style={{ minHeight: 0 }}>
          <WorldMapChart destinations={data.destinations} tone="dark" height={690} />
        </Panel>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 12 }}>
          <Tile label="近 30 天电子订单" value={formatCount(f.orders_period)} />
          <Tile label="近 30 天结汇（美元）" value={formatLarge(f.usd_settled)} />
          <Tile label="近 30 天物流运单" value={formatCount(f.shipments_period)} />
          <Tile label="当前在途运单" value={formatCount(f.shipments_in_transit)} />
        </div>
      </div>
      <div style={{ display: 'grid', gridTemplateRows: '300px 1fr 1fr', gap: 16, minHeight: 0 }}>
        <Panel title="目的国排行">
          {data.destinations.slice(0, 7).map((d, i) => (
            <div key={d.code} style={{ display: 'flex', justifyContent: 'space-between', color: '#e2e8f0', fontSize: 17, lineHeight: '33px', borderBottom: '1px dashed rgba(148,163,184,0.15)' }}>
              <span>
                <span style={{ color: i < 3 ? '#fbbf24' : '#64748b', display: 'inline-block', width: 28 }}>{i + 1}</span>
                {d.name}
              </span>
              <span style={{ color: CYAN }}>{formatCount(d.orders)}</span>
            </div>
          ))}
        </Panel>
        <Panel title="物流时效（按渠道）" style={{ minHeight: 0 }}>
          <CarrierChart carriers={data.carriers} tone="dark" height={240} />
        </Panel>
        <Panel title="热销商品 · 申报货值" style={{ minHeight: 0 }}>
          <RankBars tone="dark" name="申报总价" unit="" color="#a78bfa" height={240} rows={data.products.by_value.slice(0, 6).map((r) => ({ label: `${r.name}（${r.currency}）`, value: r.value, hint: `HS ${r.hs}` }))} />
        </Panel>
      </div>
    </div>
  );
}

export default function ScreenPage() {
  const { access } = useMe();
  const [filters] = useState<Filters>(defaultFilters);
  const { data, error, loadedAt } = useCockpit<Overview>('/api/v1/admin/cockpits/overview', filters, SCREEN_REFRESH_MS);
  const scale = useStageScale();
  const clock = useClock();
  const [full, setFull] = useState(false);
  useEffect(() => {
    const html = document.documentElement;
    const previous = html.style.overflow;
    html.style.overflow = 'hidden';
    const onChange = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      html.style.overflow = previous;
      document.removeEventListener('fullscreenchange', onChange);
    };
  }, []);
  const toggle = () => (document.fullscreenElement ? void document.exitFullscreen() : void document.documentElement.requestFullscreen());
  const message = !access.can(OVERVIEW_VIEW) ? '您没有访问综合数据的权限' : error ? `加载失败：${error}` : !data ? '正在加载…' : '';
  return (
    <div style={{ position: 'fixed', inset: 0, background: '#050b1a', overflow: 'hidden' }} data-testid="cockpit-screen-page">
      <div
        style={{
          width: W,
          height: H,
          transform: `scale(${scale})`,
          transformOrigin: '0 0',
          position: 'absolute',
          left: (window.innerWidth - W * scale) / 2,
          top: (window.innerHeight - H * scale) / 2,
          background: 'radial-gradient(ellipse at 50% 30%, #0f2547 0%, #071024 60%, #050b1a 100%)',
          color: '#e2e8f0',
          fontFamily: '"PingFang SC", "Microsoft YaHei", sans-serif',
        }}
      >
        <div style={{ height: 88, display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 32px', marginBottom: 24, borderBottom: '1px solid rgba(56,225,255,0.25)', background: 'linear-gradient(90deg, rgba(56,225,255,0.05), rgba(56,225,255,0.14), rgba(56,225,255,0.05))' }}>
          <div style={{ color: '#94a3b8', fontSize: 16, width: 480 }}>{clock}</div>
          <div style={{ fontSize: 38, fontWeight: 700, letterSpacing: 6, color: '#f8fafc', textShadow: `0 0 18px ${CYAN}66` }}>晶贸通 · 综合数据大屏</div>
          <div style={{ width: 480, textAlign: 'right', color: '#94a3b8', fontSize: 15 }}>
            每 30 秒自动刷新{loadedAt ? ` · 更新于 ${loadedAt.toLocaleTimeString('zh-CN', { hour12: false })}` : ''}
            <button type="button" onClick={toggle} aria-label={full ? '退出全屏' : '全屏'} style={{ marginLeft: 16, background: 'transparent', border: `1px solid ${CYAN}66`, color: CYAN, borderRadius: 4, padding: '4px 10px', cursor: 'pointer', fontSize: 15 }} data-testid="screen-fullscreen">
              {full ? <FullscreenExitOutlined /> : <FullscreenOutlined />} {full ? '退出全屏' : '全屏'}
            </button>
          </div>
        </div>
        {message ? <div style={{ textAlign: 'center', marginTop: 320, fontSize: 28, color: '#94a3b8' }}>{message}</div> : data ? <Stage data={data} /> : null}
      </div>
    </div>
  );
}
