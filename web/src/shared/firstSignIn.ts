/**
 * The first sign-in question: a person who signed in by phone alone has no name (greeted by a masked
 * phone), often of a merchant with no name (「未命名商户 #4」). They are asked once for both; 「稍后再说」
 * or saving marks it asked on this browser, and a name given anywhere later ends the question too.
 */
import type { Api } from './api/client';
import type { Me } from './api/types';
import { unwrap } from './errors';

const KEY = 'jmt.namePromptDone.';

function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Whether the merchant's name may be given here: the current merchant's admin, before it has a name. */
export function asksMerchantName(me: Me): boolean {
  const current = me.memberships.find((m) => m.current);
  return Boolean(me.merchant && !me.merchant.name && current?.role === 'admin');
}

export function needsNamePrompt(me: Me | null | undefined, storage: Storage | null = browserStorage()): boolean {
  if (!me || me.impersonator || me.user.is_staff) return false;
  if (me.user.name) return false;
  return storage?.getItem(KEY + me.user.id) !== '1';
}

export function markNamePromptDone(me: Me, storage: Storage | null = browserStorage()): void {
  storage?.setItem(KEY + me.user.id, '1');
}

export type NameAnswers = { name: string; merchant_name?: string };

/** Saves the answers (the person's name; the merchant's too when it is asked for) and marks the question asked. */
export async function saveNameAnswers(api: Api, me: Me, values: NameAnswers): Promise<void> {
  await unwrap(api.client.PATCH('/api/v1/me/profile', { body: { name: values.name.trim() } }));
  if (asksMerchantName(me) && values.merchant_name?.trim()) {
    await unwrap(api.client.PATCH('/api/v1/merchant', { body: { changes: { name: values.merchant_name.trim() } } }));
  }
  markNamePromptDone(me);
}
