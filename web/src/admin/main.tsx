import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PcShell } from '@/shared/AppShell';
import '@/shared/pc.css';
import { api } from './api';
import { AdminRoutes } from './routes';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PcShell api={api} basename="/admin">
      <AdminRoutes />
    </PcShell>
  </StrictMode>,
);
