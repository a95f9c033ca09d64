import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PcShell } from '@/shared/AppShell';
import { prefetchNotices } from '@/shared/notices/notices';
import '@/shared/pc.css';
import { api } from './api';
import { AdminRoutes } from './routes';

// Signed in, the layout's notices load beside `/me`, so that they are there when it is first drawn.
if (api.store.get()) prefetchNotices(api, 'admin');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PcShell api={api} basename="/admin">
      <AdminRoutes />
    </PcShell>
  </StrictMode>,
);
