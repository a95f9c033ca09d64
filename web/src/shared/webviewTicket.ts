/**
 * Inside the WeChat mini-program, the H5 is opened in a `<web-view>` whose address carries a one-time
 * ticket (`?ticket=…&uid=…`, never a token). Before anything renders, the ticket is exchanged for the
 * token pair (`POST /api/v1/auth/webview-ticket/exchange`) and removed from the address bar.
 */
import type { Api } from './api/client';

export interface WebViewTicket {
  ticket: string;
  userId: number;
  /** The same address without the two parameters. */
  cleanUrl: string;
}

export function ticketFromUrl(href: string): WebViewTicket | null {
  const url = new URL(href);
  const ticket = url.searchParams.get('ticket');
  const userId = Number(url.searchParams.get('uid'));
  if (!ticket || !Number.isInteger(userId) || userId <= 0) return null;
  url.searchParams.delete('ticket');
  url.searchParams.delete('uid');
  return { ticket, userId, cleanUrl: `${url.pathname}${url.search}${url.hash}` };
}

/** Exchange a ticket found in the address, if any; a spent or expired ticket leaves the person signed out. */
export async function signInFromWebViewTicket(api: Api, href: string, replace: (url: string) => void): Promise<void> {
  const found = ticketFromUrl(href);
  if (!found) return;
  replace(found.cleanUrl);
  const { data } = await api.client.POST('/api/v1/auth/webview-ticket/exchange', {
    body: { ticket: found.ticket, user_id: found.userId },
  });
  if (data) api.store.save(data, true);
}
