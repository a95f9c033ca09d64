import { createSurfaceApi } from '@/shared/surface';

/** The merchant PC client; it shares its session with the mobile H5 (same token keys). */
export const api = createSurfaceApi({ base: '', tokenPrefix: '' });
