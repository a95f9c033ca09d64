/** 我的进度 (G10) on the H5: each module's steps done with a progress ring and the next step, the recent
 * 9610 orders with counts by status, and whether business messages reach WeChat. */
import { CheckOutlined, FileSearchOutlined, LockOutlined, RightOutlined } from '@ant-design/icons';
import { DotLoading, ErrorBlock, List, ProgressCircle, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';
import { PushStatusItem } from '../../components/PushStatusItem';
import { SubPage } from '../me/SubPage';
import './progress.css';

type Progress = components['schemas']['MyProgressOut'];
type ModuleProgress = components['schemas']['ModuleProgressOut'];

const TONES: Record<string, string> = { success: 'success', processing: 'primary', warning: 'warning', error: 'danger' };
const COUNTS: { key: string; label: string; filter: string }[] = [
  { key: 'total', label: '全部', filter: '' },
  { key: 'in_progress', label: '申报中', filter: 'in_progress' },
  { key: 'problem', label: '需处理', filter: 'problem' },
  { key: 'released', label: '已放行', filter: 'released' },
  { key: 'closed', label: '已结关', filter: 'closed' },
];

export default function ProgressPage() {
  const { api } = useMe();
  const [data, setData] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setData(await unwrap(api.client.GET('/api/v1/home/progress')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = data?.modules.reduce((n, m) => n + m.done, 0) ?? 0;
  const total = data?.modules.reduce((n, m) => n + m.total, 0) ?? 0;

  return (
    <SubPage title="我的进度">
      {error ? (
        <ErrorBlock status="disconnected" title="进度加载失败" description={error} style={{ '--image-height': '80px', padding: 24 }}>
          <span style={{ color: 'var(--adm-color-primary)' }} onClick={() => void load()}>
            点击重试
          </span>
        </ErrorBlock>
      ) : !data ? (
        <div className="mme-sub__loading">
          <DotLoading color="primary" />
        </div>
      ) : (
        <>
          <section className="mprog__overview" data-testid="progress-overview">
            <ProgressCircle percent={total ? Math.round((done * 100) / total) : 0} style={{ '--size': '72px', '--track-width': '6px', '--fill-color': '#fff', '--track-color': 'rgba(255,255,255,0.25)' }}>
              <span className="mprog__overview-pct">{total ? Math.round((done * 100) / total) : 0}%</span>
            </ProgressCircle>
            <div>
              <div className="mprog__overview-title">已完成 {done} / {total} 步</div>
              <div className="mprog__overview-sub">
                {data.modules.filter((m) => m.enabled && m.total && m.done === m.total).length} 个模块已走通，
                {data.modules.filter((m) => !m.enabled).length} 个未开通
              </div>
            </div>
          </section>

          <div className="mprog__heading">业务进度</div>
          {data.modules.map((module) => (
            <ModuleCard key={module.key} module={module} />
          ))}

          <div className="mprog__heading">出口订单（9610）</div>
          <Orders orders={data.orders} />

          <List header="消息提醒" mode="card" className="mme__list">
            <PushStatusItem iconClassName="mme__icon" />
          </List>
        </>
      )}
    </SubPage>
  );
}

function ModuleCard({ module }: { module: ModuleProgress }) {
  const navigate = useNavigate();
  const complete = module.total > 0 && module.done === module.total;
  return (
    <section className={`mprog__card${module.enabled ? '' : ' mprog__card--closed'}`} data-testid={`progress-${module.key}`}>
      {/* a closed module opens what it waits for (工商注册), if anything */}
      <div className="mprog__card-head" onClick={() => (module.enabled ? navigate(module.route) : module.next_route && navigate(module.next_route))}>
        <ProgressCircle percent={module.percent} style={{ '--size': '48px', '--track-width': '4px', '--fill-color': complete ? '#16a34a' : undefined }}>
          {module.enabled ? <span className="mprog__pct">{module.percent}%</span> : <LockOutlined style={{ color: '#a3a8b8' }} />}
        </ProgressCircle>
        <div className="mprog__card-main">
          <div className="mprog__card-title">
            {module.title}
            {complete ? (
              <Tag color="success" fill="outline" style={{ marginLeft: 6 }}>
                已完成
              </Tag>
            ) : null}
          </div>
          <div className="mprog__card-sub">{module.enabled ? module.summary || `已完成 ${module.done}/${module.total} 步` : module.disabled_reason}</div>
        </div>
        {module.enabled || module.next_route ? <RightOutlined className="mprog__arrow" /> : null}
      </div>
      {module.steps.length ? (
        <div className="mprog__steps">
          {module.steps.map((step, index) => (
            <span key={`${step.label}-${index}`} className={`mprog__step${step.done ? ' mprog__step--done' : ''}`}>
              {step.done ? <CheckOutlined /> : <span className="mprog__dot" />}
              {step.label}
            </span>
          ))}
        </div>
      ) : null}
      {module.next && module.enabled ? (
        <button type="button" className="mprog__next" onClick={() => module.next_route && navigate(module.next_route)} disabled={!module.next_route} data-testid={`progress-next-${module.key}`}>
          <span className="mprog__next-label">下一步</span>
          <span className="mprog__next-text">{module.next}</span>
          {module.next_route ? <RightOutlined /> : null}
        </button>
      ) : null}
    </section>
  );
}

function Orders({ orders }: { orders: Progress['orders'] }) {
  const navigate = useNavigate();
  if (!orders.enabled || !orders.counts) {
    return (
      <section className="mprog__card">
        <MobileEmpty icon={<LockOutlined />} title="出口报关未开通" hint="工商注册核准并开通出口报关后，这里显示订单数量与最近订单" />
      </section>
    );
  }
  const counts = orders.counts;
  return (
    <section className="mprog__card" data-testid="progress-orders">
      <div className="mprog__counts">
        {COUNTS.map((c) => (
          <button type="button" key={c.key} className={`mprog__count${c.key === 'problem' && counts.problem ? ' mprog__count--alert' : ''}`} onClick={() => navigate(`/customs/orders${c.filter ? `?status=${c.filter}` : ''}`)}>
            <span className="mprog__count-n">{counts[c.key] ?? 0}</span>
            <span className="mprog__count-label">{c.label}</span>
          </button>
        ))}
      </div>
      {orders.recent.length ? (
        <div className="mprog__orders">
          {orders.recent.map((order) => (
            <div key={order.id} className="m-row" onClick={() => navigate(order.route)} data-testid="progress-order">
              <span className="mprog__order-no">
                {order.order_no}
                <span className="mprog__order-time">{dayjs(order.created_at).format('MM-DD HH:mm')}</span>
              </span>
              <Tag color={TONES[order.tone] ?? 'default'} fill="outline">
                {order.status_label}
              </Tag>
            </div>
          ))}
        </div>
      ) : (
        <MobileEmpty icon={<FileSearchOutlined />} title="还没有出口订单" hint="在「出口订单批次报送」导入订单后，最近的订单会显示在这里" />
      )}
    </section>
  );
}
