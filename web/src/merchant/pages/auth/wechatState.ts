/** What the WeChat QR flow keeps across the round trip to WeChat (this tab only). */
const KEY_REMEMBER = 'jmt.wechat.remember';
const KEY_TICKET = 'jmt.wechat.bind_ticket';
const KEY_INTENT = 'jmt.wechat.intent';

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export const wechatState = {
  setRemember(remember: boolean) {
    session()?.setItem(KEY_REMEMBER, remember ? '1' : '0');
  },
  remember(): boolean {
    return session()?.getItem(KEY_REMEMBER) === '1';
  },
  setBindTicket(ticket: string | null) {
    if (ticket) session()?.setItem(KEY_TICKET, ticket);
    else session()?.removeItem(KEY_TICKET);
  },
  bindTicket(): string | null {
    return session()?.getItem(KEY_TICKET) ?? null;
  },
  /** 'bind': the signed-in person is binding WeChat from 我的 · 账号安全 (not signing in). */
  setIntent(intent: 'bind' | null) {
    if (intent) session()?.setItem(KEY_INTENT, intent);
    else session()?.removeItem(KEY_INTENT);
  },
  /** Read and forget the intent. */
  takeIntent(): 'bind' | null {
    const intent = session()?.getItem(KEY_INTENT) ?? null;
    session()?.removeItem(KEY_INTENT);
    return intent === 'bind' ? 'bind' : null;
  },
};
