import { startEarly } from '@/shared/early';
import { unwrap } from '@/shared/errors';
import { api } from './api';

/** The key of the H5 home's data among the start-up requests. */
export const HOME_REQUEST = 'h5-home';

/** Signed in and opening the home tab (`path` without the `/m` base): its data is asked for beside `/me`. */
export function startHomeRequest(path: string): void {
  if (path === '/') startEarly(HOME_REQUEST, () => unwrap(api.client.GET('/api/v1/home')));
}
