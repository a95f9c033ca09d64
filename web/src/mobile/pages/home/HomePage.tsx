import { BellOutlined, CheckCircleOutlined, LineChartOutlined, LockOutlined, RightOutlined, SearchOutlined, WalletOutlined } from '@ant-design/icons';
import { Dialog, DotLoading, ErrorBlock, Grid, NoticeBar, Tag } from 'antd-mobile';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import logo from '@/shared/brand/logo.svg';
import type { CatalogModule, Home } from '@/shared/api/types';
import { DISABLED_ACCENT, ModuleIcon, moduleAccent } from '@/shared/catalogVisuals';
import { errorMessage, unwrap } from '@/shared/errors';
import { greeting, registrationLabel } from '@/shared/greeting';
import { useMe } from '@/shared/session';
import { MobileEmpty } from '../../components/MobileEmpty';

const TAG_COLORS = { success: '#16a34a' };

export default function HomePage() {
  const { api, me, access } = useMe();
  const navigate = useNavigate();
  const [home, setHome] = useState<Home | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setHome(await unwrap(api.client.GET('/api/v1/home')));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = (module: CatalogModule) => {
    const gate = access.moduleGate(module);
    if (gate.comingSoon) return; // not built yet: the tile says 即将上线 and does nothing
    if (gate.ok) {
      navigate(module.route);
      return;
    }
    void Dialog.show({
      title: `${module.title}暂未开通`,
      content: <div style={{ textAlign: 'center', color: '#6b7185' }}>{gate.reason}</div>,
      closeOnAction: true,
      actions: [
        [
          { key: 'close', text: '知道了' },
          { key: 'go', text: '去办理工商注册', bold: true, onClick: () => navigate('/registration') },
        ],
      ],
    });
  };

  const merchant = me.merchant;
  const registration = registrationLabel(merchant?.registration_status, merchant?.registration_approved);
  const loading = !home && !error;
  const todoTotal = home?.todos.reduce((n, t) => n + t.count, 0) ?? 0;

  return (
    <div>
      <header className="m-hero">
        <div className="m-hero__brand">
          <img src={logo} alt="" /> 晶贸通
        </div>
        <div className="m-hero__greeting">
          {greeting()}，{me.user.display_name || me.user.name}
        </div>
        <div className="m-hero__sub">
          <span>{merchant ? merchant.display_name || merchant.name : '当前账号尚未关联商户'}</span>
          {registration ? (
            <Tag color={registration.color === 'success' ? TAG_COLORS.success : 'rgba(255,255,255,0.18)'} fill="solid" style={{ '--border-radius': '4px' }}>
              {registration.text}
            </Tag>
          ) : null}
        </div>
        <button type="button" className="m-hero__search" onClick={() => navigate('/search')} aria-label="搜索">
          <SearchOutlined /> 搜索服务、订单号、清单号
        </button>
      </header>

      <section className="m-section m-section--lift">
        <div className="m-section__head">
          <span className="m-section__title">业务服务</span>
          <span className="m-section__extra">{me.catalog.length} 个服务模块</span>
        </div>
        <Grid columns={4} gap={[8, 12]}>
          {me.catalog.map((module) => {
            const gate = access.moduleGate(module);
            const accent = gate.ok ? moduleAccent(module.key) : DISABLED_ACCENT;
            return (
              <Grid.Item key={module.key} onClick={() => open(module)}>
                <div
                  className={`m-tile${gate.ok ? '' : ' m-tile--disabled'}`}
                  data-testid={`module-tile-${module.key}`}
                  data-disabled={gate.ok ? 'false' : 'true'}
                  data-coming-soon={gate.comingSoon ? 'true' : 'false'}
                  role={gate.comingSoon ? undefined : 'button'}
                  aria-disabled={!gate.ok}
                >
                  <span className="m-tile__icon" style={{ color: accent.fg, background: accent.bg }}>
                    <ModuleIcon icon={module.icon} />
                    {gate.ok || gate.comingSoon ? null : (
                      <span className="m-tile__lock">
                        <LockOutlined />
                      </span>
                    )}
                  </span>
                  <span className="m-tile__title">{module.title}</span>
                  {gate.comingSoon ? <span className="m-tile__soon">即将上线</span> : null}
                </div>
              </Grid.Item>
            );
          })}
        </Grid>
      </section>

      {merchant ? (
        <button type="button" className="m-progress-link" onClick={() => navigate('/me/progress')} data-testid="home-progress">
          <LineChartOutlined className="m-progress-link__icon" />
          <span className="m-progress-link__text">
            <b>我的进度</b>
            <span>各项业务办到哪一步、下一步做什么</span>
          </span>
          <RightOutlined className="m-progress-link__arrow" />
        </button>
      ) : null}

      {merchant && !access.registrationApproved ? (
        <div className="m-notice">
          <NoticeBar
            content="完成工商注册后，即可开通物流、申报、报关、退税、结汇与交易平台"
            color="info"
            wrap
            extra={
              <span style={{ color: 'var(--adm-color-primary)', whiteSpace: 'nowrap' }} onClick={() => navigate('/registration')}>
                去办理 <RightOutlined />
              </span>
            }
          />
        </div>
      ) : null}

      {error ? (
        <section className="m-section">
          <ErrorBlock status="disconnected" title="首页数据加载失败" description={error} style={{ '--image-height': '80px' }}>
            <span style={{ color: 'var(--adm-color-primary)' }} onClick={() => void load()}>
              点击重试
            </span>
          </ErrorBlock>
        </section>
      ) : (
        <>
          <section className="m-section">
            <div className="m-section__head">
              <span className="m-section__title">账户余额</span>
              <span className="m-section__extra">美元子账户</span>
            </div>
            {loading ? (
              // as tall as the balance it waits for, so the sections below do not move when it arrives
              <div className="m-balance-slot">
                <DotLoading color="primary" />
              </div>
            ) : home?.balance ? (
              <div>
                <div className="m-balance">
                  <span className="m-section__extra">{home.balance.currency === 'USD' ? 'US$' : home.balance.currency}</span>
                  <span className="m-balance__amount">{Number(home.balance.amount).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}</span>
                </div>
                {home.balance.frozen ? (
                  <div className="m-balance__frozen" data-testid="home-balance-frozen">
                    结汇中金额：${Number(home.balance.frozen).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
                  </div>
                ) : null}
                <div className="m-section__extra">更新于 {dayjs(home.balance.updated_at).format('YYYY-MM-DD HH:mm')}</div>
              </div>
            ) : (
              <MobileEmpty icon={<WalletOutlined />} title="暂无外币子账户余额" hint="开通收结汇并完成首次入账后显示余额与更新时间" />
            )}
          </section>

          <section className="m-section">
            <div className="m-section__head">
              <span className="m-section__title">待办事项</span>
              {todoTotal ? <span className="m-section__extra" data-testid="todo-total">共 {todoTotal} 项</span> : null}
            </div>
            {loading ? (
              <DotLoading color="primary" />
            ) : home?.todos.length ? (
              home.todos.map((todo) => (
                <div key={`${todo.module}-${todo.key}`} className="m-row" onClick={() => navigate(todo.route)}>
                  <span>{todo.title}</span>
                  <span className="m-row__count">{todo.count}</span>
                </div>
              ))
            ) : (
              <MobileEmpty icon={<CheckCircleOutlined />} title="暂无待办事项" hint="需要您处理的申报、报关等事项会提醒在这里" />
            )}
          </section>

          <section className="m-section">
            <div className="m-section__head">
              <span className="m-section__title">业务动态</span>
              <span className="m-section__extra">最新在前</span>
            </div>
            {loading ? (
              <DotLoading color="primary" />
            ) : home?.feed.length ? (
              home.feed.map((entry) => (
                <div key={entry.id} className="m-row" onClick={() => entry.route && navigate(entry.route)}>
                  <span>{entry.title}</span>
                  <span className="m-section__extra">{dayjs(entry.created_at).format('MM-DD HH:mm')}</span>
                </div>
              ))
            ) : (
              <MobileEmpty icon={<BellOutlined />} title="暂无业务动态" hint="办理业务后，进度与状态变化会显示在这里" />
            )}
          </section>
        </>
      )}
    </div>
  );
}
