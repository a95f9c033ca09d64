/** What the WeChat QR flow keeps across the round trip to WeChat (this tab only). */
const KEY_REMEMBER = 'jmt.wechat.remember';
const KEY_TICKET = 'jmt.wechat.bind_ticket';

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
};
