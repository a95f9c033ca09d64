/**
 * 下载中心 (every surface): an export is a task on the server (排队 → 生成中 → 完成 / 失败, then 已过期 after
 * 7 days). The list is polled while anything runs; a finished file is fetched through a short-lived signed
 * link, which needs no bearer header — so a plain browser download works, and inside the WeChat
 * mini-program's `<web-view>` the link is handed to the mini-program's download bridge page
 * (`pages/download/index`: `wx.downloadFile` + `wx.openDocument`).
 */
import type { Api } from './api/client';
import type { components } from './api/schema';
import { unwrap } from './errors';

export type Download = components['schemas']['DownloadOut'];
export type DownloadStatus = Download['status'];
export type DownloadPage = components['schemas']['DownloadPageOut'];

export const POLL_MS = 2000;
export const DOWNLOAD_CENTER = '/downloads';
export const QUEUED_TEXT = '已加入下载中心';
/** The mini-program page that downloads and opens a file (miniprogram/pages/download). */
export const BRIDGE_PAGE = '/pages/download/index';
const WECHAT_JSSDK = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js';

/** Tag colours: antd (PC, back office) and antd-mobile (H5). 已过期 is grey on both. */
export const STATUS_TONE: Record<DownloadStatus, { pc: string; mobile: 'default' | 'primary' | 'success' | 'danger' | 'warning' }> = {
  queued: { pc: 'default', mobile: 'warning' },
  running: { pc: 'processing', mobile: 'primary' },
  done: { pc: 'success', mobile: 'success' },
  failed: { pc: 'error', mobile: 'danger' },
  expired: { pc: 'default', mobile: 'default' },
};

export function isRunning(download: Pick<Download, 'status'>): boolean {
  return download.status === 'queued' || download.status === 'running';
}

/** A 失败 export (its writer refused, or its worker died) can be 重新生成 with the same filters. */
export function canRetry(download: Pick<Download, 'status'>): boolean {
  return download.status === 'failed';
}

/** 重新生成: the same export queued again (the row goes back to 排队 and the list resumes polling). */
export async function retryDownload(api: Api, admin: boolean, download: Pick<Download, 'id'>): Promise<Download> {
  const path = { params: { path: { download_id: download.id } } };
  return unwrap(
    admin ? api.client.POST('/api/v1/admin/downloads/{download_id}/retry', path) : api.client.POST('/api/v1/downloads/{download_id}/retry', path),
  );
}

export function anyRunning(items: readonly Pick<Download, 'status'>[]): boolean {
  return items.some(isRunning);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One line under a download's title: what it holds, or why it failed, or how long it is kept. */
export function downloadHint(d: Download, formatTime: (iso: string) => string): string {
  if (d.status === 'failed') return d.error || '生成失败，请点击「重新生成」';
  if (d.status === 'expired') return '文件已过期（保留 7 天），如需请重新导出';
  if (d.status === 'done') {
    const kept = d.expires_at ? `，保留至 ${formatTime(d.expires_at)}` : '';
    return `${d.rows} 行 · ${formatSize(d.size)}${kept}`;
  }
  if (d.status === 'running') return `正在生成 ${d.progress}%`;
  return '排队中，马上开始生成';
}

interface WeixinWindow {
  __wxjs_environment?: string;
  navigator: { userAgent: string };
  wx?: { miniProgram?: { navigateTo: (options: { url: string; fail?: () => void }) => void } };
}

/** The H5 runs inside the mini-program's `<web-view>` (WeChat marks its user agent and window). */
export function inMiniProgram(win: WeixinWindow = window as unknown as WeixinWindow): boolean {
  return win.__wxjs_environment === 'miniprogram' || /miniProgram/i.test(win.navigator.userAgent);
}

/** The bridge page's path with the absolute signed link and the file name. */
export function bridgePath(absoluteUrl: string, fileName: string): string {
  return `${BRIDGE_PAGE}?url=${encodeURIComponent(absoluteUrl)}&name=${encodeURIComponent(fileName)}`;
}

function loadJsSdk(win: WeixinWindow): Promise<void> {
  if (win.wx?.miniProgram) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = WECHAT_JSSDK;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('微信组件加载失败，请稍后重试'));
    document.head.appendChild(script);
  });
}

/** Fetch a finished file: a signed link (5 minutes), then the browser download or the mini-program bridge. */
export async function openDownload(api: Api, admin: boolean, download: Pick<Download, 'id'>): Promise<void> {
  const path = { params: { path: { download_id: download.id } } };
  const link = await unwrap(
    admin ? api.client.GET('/api/v1/admin/downloads/{download_id}/link', path) : api.client.GET('/api/v1/downloads/{download_id}/link', path),
  );
  const absolute = new URL(link.url, window.location.origin).href;
  const win = window as unknown as WeixinWindow;
  if (!admin && inMiniProgram(win)) {
    await loadJsSdk(win);
    win.wx?.miniProgram?.navigateTo({ url: bridgePath(absolute, link.file_name) });
    return;
  }
  const anchor = document.createElement('a');
  anchor.href = absolute;
  anchor.download = link.file_name;
  anchor.rel = 'noopener';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}
