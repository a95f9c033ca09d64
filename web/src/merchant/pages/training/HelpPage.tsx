/** A help page the assistant cites: how a module works (from the catalog and the module texts), or a FAQ entry. */
import { Button, Card, Result, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import '@/shared/training/training.css';

export default function HelpPage() {
  const { api } = useMe();
  const { helpKey } = useParams();
  const navigate = useNavigate();
  const [page, setPage] = useState<components['schemas']['HelpOut'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPage(null);
    setError(null);
    void unwrap(api.client.GET('/api/v1/training/help/{key}', { params: { path: { key: helpKey ?? '' } } }))
      .then(setPage)
      .catch((e) => setError(errorMessage(e)));
  }, [api, helpKey]);
  if (error) return <Result status="warning" title="帮助页不存在" subTitle={error} extra={<Button onClick={() => navigate(-1)}>返回</Button>} />;
  if (!page) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <Card>
      <Typography.Text type="secondary">平台帮助</Typography.Text>
      <Typography.Title level={3} style={{ marginTop: 4 }}>
        {page.title}
      </Typography.Title>
      <div className="jmt-lesson-body" dangerouslySetInnerHTML={{ __html: page.html }} />
    </Card>
  );
}
