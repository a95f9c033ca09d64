/** The frame of the 系统管理 pages: breadcrumb, title and description, and the permission gate. */
import { LockOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '@/shared/session';

export function SystemPage({
  title,
  description,
  permission,
  extra,
  children,
}: {
  title: string;
  description: string;
  permission: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { access } = useMe();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/">工作台</Link> }, { title: <Link to="/system">系统管理</Link> }, { title }]} />
      <div style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 16, marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          <Typography.Text type="secondary">{description}</Typography.Text>
        </div>
        {extra}
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
