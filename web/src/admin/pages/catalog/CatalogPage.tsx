import { LockOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, List, Result, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { UnderConstruction } from '@/shared/components/UnderConstruction';
import { useMe } from '@/shared/session';

/** Back-office catalog paths: module overview, no-permission notice, or 「功能建设中」. */
export default function AdminCatalogPage() {
  const { access } = useMe();
  const { pathname } = useLocation();
  const hit = access.routeGate(access.adminCatalog, pathname);

  if (!hit) {
    return (
      <Card variant="borderless" className="jmt-card">
        <Result
          status="404"
          title="页面不存在"
          extra={
            <Link to="/">
              <Button type="primary">返回工作台</Button>
            </Link>
          }
        />
      </Card>
    );
  }
  const { module, item } = hit;
  const crumbs = (
    <Breadcrumb
      style={{ marginBottom: 16 }}
      items={[{ title: <Link to="/">工作台</Link> }, { title: item ? <Link to={module.route}>{module.title}</Link> : module.title }, ...(item ? [{ title: item.title }] : [])]}
    />
  );

  if (!hit.ok) {
    return (
      <>
        {crumbs}
        <Card variant="borderless" className="jmt-card">
          <Result icon={<LockOutlined style={{ color: '#a3a8b8' }} />} title="无权访问" subTitle={hit.reason} />
        </Card>
      </>
    );
  }
  if (item) {
    return (
      <>
        {crumbs}
        <UnderConstruction title={item.title} feature={item.feature} description={item.description} backTo="/" backLabel="返回工作台" />
      </>
    );
  }
  return (
    <>
      {crumbs}
      <Card variant="borderless" className="jmt-card" title={module.title} extra={<Typography.Text type="secondary">{module.description}</Typography.Text>}>
        <List
          dataSource={module.items}
          renderItem={(entry) => {
            const gate = access.itemGate(module, entry);
            return (
              <List.Item
                actions={[
                  gate.ok ? (
                    <Link key="go" to={entry.route}>
                      进入
                    </Link>
                  ) : (
                    <Typography.Text key="no" type="secondary">
                      <LockOutlined /> 无权限
                    </Typography.Text>
                  ),
                ]}
              >
                <List.Item.Meta title={entry.title} description={entry.description || ' '} />
              </List.Item>
            );
          }}
        />
      </Card>
    </>
  );
}
