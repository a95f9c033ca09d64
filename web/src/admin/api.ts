import { createSurfaceApi } from '@/shared/surface';

/** The back-office client: its own session (token keys `admin.access` / `admin.refresh`). */
export const api = createSurfaceApi({ base: '/admin', tokenPrefix: 'admin.' });
