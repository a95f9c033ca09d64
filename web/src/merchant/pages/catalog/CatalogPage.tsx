/**
 * Any path of the service catalog that has no page yet: a module overview, the reason a gated
 * module is closed, or a 「功能建设中」 placeholder naming the item and its feature ID.
 */
import { LockOutlined, RightOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Result, Row, Space, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { moduleAccent, ModuleIcon } from '@/shared/catalogVisuals';
import { UnderConstruction } from '@/shared/components/UnderConstruction';
import { useMe } from '@/shared/session';

export default function CatalogPage() {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const hit = access.routeGate(me.catalog, pathname);

  if (!hit) {
    return (
      <Card variant="borderless" className="jmt-card">
        <Result
          status="404"
          title="页面不存在"
          subTitle="您访问的页面不存在或已经移动"
          extra={
            <Link to="/">
              <Button type="primary">返回首页</Button>
            </Link>
          }
        />
      </Card>
    );
  }

  const { module, item } = hit;
  const accent = moduleAccent(module.key);
  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[
        { title: <Link to="/">首页</Link> },
        { title: item ? <Link to={module.route}>{module.title}</Link> : module.title },
        ...(item ? [{ title: item.title }] : []),
      ]}
    />
  );

  if (!hit.ok) {
    const gatedByRegistration = !module.enabled && module.gated;
    return (
      <>
        {crumbs}
        <Card variant="borderless" className="jmt-card">
          <Result
            icon={<LockOutlined style={{ color: '#a3a8b8' }} />}
            title={`「${item?.title ?? module.title}」暂未开通`}
            subTitle={hit.reason}
            extra={
              gatedByRegistration ? (
                <Link to="/registration">
                  <Button type="primary">去办理工商注册</Button>
                </Link>
              ) : (
                <Link to="/">
                  <Button>返回首页</Button>
                </Link>
              )
            }
          />
        </Card>
      </>
    );
  }

  if (item) {
    return (
      <>
        {crumbs}
        <UnderConstruction title={item.title} feature={item.feature} description={item.description} backTo={module.route} backLabel={`返回${module.title}`} />
      </>
    );
  }

  return (
    <>
      {crumbs}
      <Space direction="vertical" size={24} style={{ width: '100%' }}>
        <Card variant="borderless" className="jmt-card">
          <Space size={16} align="center">
            <span className="jmt-tile__icon" style={{ color: accent.fg, background: accent.bg, width: 56, height: 56, fontSize: 28 }}>
              <ModuleIcon icon={module.icon} />
            </span>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {module.title}
              </Typography.Title>
              <Typography.Text type="secondary">{module.description}</Typography.Text>
            </div>
          </Space>
        </Card>
        <Row gutter={[16, 16]}>
          {module.items.map((entry) => {
            const gate = access.itemGate(module, entry);
            const body = (
              <Card
                hoverable={gate.ok}
                className={`jmt-tile${gate.ok ? '' : ' jmt-tile--disabled'}`}
                data-testid={`item-card-${module.key}-${entry.key}`}
                styles={{ body: { padding: 20 } }}
              >
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong style={{ fontSize: 15 }}>
                      {entry.title}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, minHeight: 44 }}>
                    {entry.description || gate.reason || ' '}
                  </Typography.Paragraph>
                  <Typography.Text style={{ color: gate.ok ? accent.fg : '#a3a8b8', fontSize: 13 }}>
                    {gate.ok ? (
                      <>
                        立即办理 <RightOutlined />
                      </>
                    ) : (
                      <>
                        <LockOutlined /> {gate.reason}
                      </>
                    )}
                  </Typography.Text>
                </Space>
              </Card>
            );
            return (
              <Col key={entry.key} xs={24} md={12} xl={8}>
                {gate.ok ? <Link to={entry.route}>{body}</Link> : body}
              </Col>
            );
          })}
        </Row>
      </Space>
    </>
  );
}
