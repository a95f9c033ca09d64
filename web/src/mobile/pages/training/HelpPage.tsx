/** A help page the assistant cites, on the H5. */
import { ErrorBlock, NavBar } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { components } from '@/shared/api/schema';
import { errorMessage, unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import { MobileLoading } from '../customs/MobileCustomsShell';
import '@/shared/training/training.css';

export default function HelpPage() {
  const { api } = useMe();
  const { helpKey } = useParams();
  const navigate = useNavigate();
  const [page, setPage] = useState<components['schemas']['HelpOut'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void unwrap(api.client.GET('/api/v1/training/help/{key}', { params: { path: { key: helpKey ?? '' } } }))
      .then(setPage)
      .catch((e) => setError(errorMessage(e)));
  }, [api, helpKey]);
  return (
    <div style={{ background: '#fff', minHeight: '100vh' }}>
      <NavBar onBack={() => navigate(-1)}>{page?.title ?? '平台帮助'}</NavBar>
      {error ? <ErrorBlock status="default" title="帮助页不存在" description={error} /> : null}
      {!page && !error ? <MobileLoading /> : null}
      {page ? <div className="jmt-lesson-body" style={{ padding: 16 }} dangerouslySetInnerHTML={{ __html: page.html }} /> : null}
    </div>
  );
}
