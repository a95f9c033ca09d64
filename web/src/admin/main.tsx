import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PcShell } from '@/shared/AppShell';
import { prefetchNotices } from '@/shared/notices/notices';
import { prefetchMe } from '@/shared/session';
import '@/shared/pc.css';
import { api } from './api';
import { AdminRoutes } from './routes';

// Signed in, `/me` and the layout's notices load while React starts, so that they are there when it first draws.
if (api.store.get()) {
  prefetchMe(api);
  prefetchNotices(api, 'admin');
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PcShell api={api} basename="/admin">
      <AdminRoutes />
    </PcShell>
  </StrictMode>,
);
