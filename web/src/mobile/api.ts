import { createSurfaceApi } from '@/shared/surface';

/** The H5 client; it shares its session with the merchant PC (same token keys). */
export const api = createSurfaceApi({ base: '/m', tokenPrefix: '' });
