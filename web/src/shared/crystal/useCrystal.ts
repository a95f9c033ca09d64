/** Reads of 水晶行业专项 shared by PC and H5: the hints (fetched once per page load) and the reminders. */
import { useEffect, useState } from 'react';
import type { Api } from '@/shared/api/client';
import { unwrap } from '@/shared/errors';
import { useMe } from '@/shared/session';
import type { Hint, Reminder } from './crystal';

const hintsOf = new WeakMap<Api, Promise<Hint[]>>();

/** The hints on show; none (the fields simply carry no hint) while loading or if they cannot be read. */
export function useCrystalHints(): Hint[] {
  const { api } = useMe();
  const [hints, setHints] = useState<Hint[]>([]);
  useEffect(() => {
    let live = true;
    let request = hintsOf.get(api);
    if (!request) {
      request = unwrap(api.client.GET('/api/v1/crystal/hints'));
      request.catch(() => hintsOf.delete(api));
      hintsOf.set(api, request);
    }
    request.then((found) => live && setHints(found)).catch(() => live && setHints([]));
    return () => {
      live = false;
    };
  }, [api]);
  return hints;
}

/** The requirement reminders of an e-order import or a 9610 batch (empty while loading or on failure). */
export function useCrystalReminders(target: { importId: number } | { batchId: number }, refresh: string | number = 0): Reminder[] {
  const { api } = useMe();
  const [reminders, setReminders] = useState<Reminder[]>([]);
  const importId = 'importId' in target ? target.importId : null;
  const batchId = 'batchId' in target ? target.batchId : null;
  useEffect(() => {
    let live = true;
    const request =
      importId !== null
        ? api.client.GET('/api/v1/crystal/reminders/imports/{import_id}', { params: { path: { import_id: importId } } })
        : api.client.GET('/api/v1/crystal/reminders/batches/{batch_id}', { params: { path: { batch_id: batchId ?? 0 } } });
    unwrap(request)
      .then((found) => live && setReminders(found))
      .catch(() => live && setReminders([]));
    return () => {
      live = false;
    };
  }, [api, importId, batchId, refresh]);
  return reminders;
}
