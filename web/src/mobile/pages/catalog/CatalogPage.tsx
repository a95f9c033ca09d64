import { ClockCircleOutlined, CompassOutlined, LockOutlined, ToolOutlined } from '@ant-design/icons';
import { Button, List, NavBar, Tag } from 'antd-mobile';
import { useLocation, useNavigate } from 'react-router-dom';
import { moduleAccent, ModuleIcon } from '@/shared/catalogVisuals';
import { useMe } from '@/shared/session';
import { MobileResult } from '../../components/MobileResult';

/** Catalog paths on the H5: module overview, gated notice, or 「即将上线」 for what is not built yet. */
export default function CatalogPage() {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const hit = access.routeGate(me.catalog, pathname);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/'));

  if (!hit) {
    return (
      <div>
        <NavBar onBack={back} style={{ background: '#fff' }}>
          页面不存在
        </NavBar>
        <MobileResult
          icon={<CompassOutlined />}
          tone="muted"
          title="页面不存在"
          actions={
            <Button block color="primary" shape="rounded" onClick={() => navigate('/')}>
              返回首页
            </Button>
          }
        >
          您访问的页面不存在或已经移动
        </MobileResult>
      </div>
    );
  }

  const { module, item } = hit;
  const title = item?.title ?? module.title;
  const accent = moduleAccent(module.key);

  let body;
  if (hit.comingSoon) {
    body = (
      <MobileResult
        icon={<ClockCircleOutlined />}
        tone="muted"
        title={`「${title}」即将上线`}
        actions={
          <Button block shape="rounded" onClick={() => navigate('/')}>
            返回首页
          </Button>
        }
      >
        {item?.description || module.description}
      </MobileResult>
    );
  } else if (!hit.ok) {
    body = (
      <MobileResult
        icon={<LockOutlined />}
        tone="muted"
        title={`「${title}」暂未开通`}
        actions={
          module.gated && !module.enabled ? (
            <Button block color="primary" shape="rounded" onClick={() => navigate('/registration')}>
              去办理工商注册
            </Button>
          ) : null
        }
      >
        {hit.reason}
      </MobileResult>
    );
  } else if (item) {
    body = (
      <MobileResult
        icon={<ToolOutlined />}
        title="功能建设中"
        actions={
          <Button block shape="rounded" onClick={() => navigate(module.route === item.route ? '/' : module.route)}>
            返回{module.route === item.route ? '首页' : module.title}
          </Button>
        }
      >
        <div style={{ fontSize: 15, color: '#1f2337', fontWeight: 500 }}>
          <span data-testid="placeholder-title">{item.title}</span>
        </div>
        {item.description ? <div>{item.description}</div> : null}
        <div>该功能正在开发中，上线后将通过站内信通知您</div>
      </MobileResult>
    );
  } else {
    body = (
      <>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', padding: 16, background: '#fff' }}>
          <span className="m-tile__icon" style={{ color: accent.fg, background: accent.bg }}>
            <ModuleIcon icon={module.icon} />
          </span>
          <div>
            <div style={{ fontSize: 17, fontWeight: 600 }}>{module.title}</div>
            <div style={{ fontSize: 13, color: '#8b90a3', marginTop: 2 }}>{module.description}</div>
          </div>
        </div>
        <List mode="card">
          {module.items.map((entry) => {
            const gate = access.itemGate(module, entry);
            return (
              <List.Item
                key={entry.key}
                description={gate.ok ? entry.description : gate.reason}
                extra={gate.comingSoon ? <Tag fill="outline">即将上线</Tag> : null}
                disabled={!gate.ok}
                onClick={gate.ok ? () => navigate(entry.route) : undefined}
              >
                {entry.title}
              </List.Item>
            );
          })}
        </List>
      </>
    );
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f5f6fa' }}>
      <NavBar onBack={back} style={{ background: '#fff' }}>
        {title}
      </NavBar>
      {body}
    </div>
  );
}
