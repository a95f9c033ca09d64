import { ArrowRightOutlined, LockOutlined } from '@ant-design/icons';
import { Card, Tag, Tooltip, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { Gate } from '@/shared/access';
import type { CatalogModule } from '@/shared/api/types';
import { DISABLED_ACCENT, ModuleIcon, moduleAccent } from '@/shared/catalogVisuals';

/** One of the 8 service entries on the home page; greyed (with the reason) while gated, 「即将上线」 until built. */
export function ModuleTile({ module, gate }: { module: CatalogModule; gate: Gate }) {
  const navigate = useNavigate();
  const disabled = !gate.ok;
  const comingSoon = Boolean(gate.comingSoon);
  const accent = disabled ? DISABLED_ACCENT : moduleAccent(module.key);

  const card = (
    <Card
      hoverable={!disabled}
      className={`jmt-tile${disabled ? ' jmt-tile--disabled' : ''}`}
      data-testid={`module-tile-${module.key}`}
      data-disabled={disabled ? 'true' : 'false'}
      data-coming-soon={comingSoon ? 'true' : 'false'}
      aria-disabled={disabled}
      role={disabled ? undefined : 'link'}
      tabIndex={disabled ? -1 : 0}
      onClick={disabled ? undefined : () => navigate(module.route)}
      onKeyDown={disabled ? undefined : (e) => e.key === 'Enter' && navigate(module.route)}
      styles={{ body: { padding: 20, height: '100%', display: 'flex', flexDirection: 'column' } }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12 }}>
        <span className="jmt-tile__icon" style={{ color: accent.fg, background: accent.bg }}>
          <ModuleIcon icon={module.icon} />
        </span>
        <Typography.Text strong style={{ fontSize: 16, color: disabled ? '#8b90a3' : undefined }}>
          {module.title}
        </Typography.Text>
        {comingSoon ? (
          <Tag bordered={false} style={{ marginLeft: 'auto', marginRight: 0 }}>
            即将上线
          </Tag>
        ) : disabled ? (
          <LockOutlined style={{ marginLeft: 'auto', color: '#b4b8c7' }} />
        ) : null}
      </div>
      {/* Two lines clamped by CSS: antd's measured ellipsis forced a layout per tile while the home first drew. */}
      <Typography.Paragraph type="secondary" className="jmt-tile__desc" title={module.description}>
        {module.description}
      </Typography.Paragraph>
      <div className="jmt-tile__footer">
        <span>{module.items.length} 项服务</span>
        {comingSoon ? (
          <span style={{ color: '#a3a8b8' }}>敬请期待</span>
        ) : disabled ? (
          <Link to="/registration" onClick={(e) => e.stopPropagation()} className="jmt-tile__cta">
            去办理工商注册
          </Link>
        ) : (
          <span className="jmt-tile__go" style={{ color: accent.fg }}>
            进入 <ArrowRightOutlined />
          </span>
        )}
      </div>
    </Card>
  );

  return disabled && !comingSoon ? <Tooltip title={gate.reason}>{card}</Tooltip> : card;
}
