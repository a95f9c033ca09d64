/** The frame of the 业务受理 pages: breadcrumb, title and description, and the permission gate. */
import { LockOutlined } from '@ant-design/icons';
import { Breadcrumb, Card, Result, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useMe } from '@/shared/session';

export function OperationsPage({ title, description, permission, children }: { title: string; description: string; permission: string; children: ReactNode }) {
  const { access } = useMe();
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/">工作台</Link> }, { title: <Link to="/operations">业务受理</Link> }, { title }]} />
      <div style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{description}</Typography.Text>
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
