/** A page's breadcrumb (from the catalog entry of the current path) and its title, above its content. */
import { Breadcrumb, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useMe } from '../session';

export function PageHeading({ title, subtitle, home = '首页', admin = false }: { title?: string; subtitle?: ReactNode; home?: string; admin?: boolean }) {
  const { me, access } = useMe();
  const { pathname } = useLocation();
  const hit = access.routeGate(admin ? me.admin_catalog : me.catalog, pathname);
  const heading = title ?? hit?.item?.title ?? hit?.module.title ?? '';
  const items = [{ title: <Link to="/">{home}</Link> }];
  if (hit) items.push({ title: <Link to={hit.module.route}>{hit.module.title}</Link> });
  items.push({ title: <>{heading}</> });
  return (
    <div data-testid="page-heading">
      <Breadcrumb style={{ marginBottom: 12 }} items={items} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {heading}
      </Typography.Title>
      {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
    </div>
  );
}
