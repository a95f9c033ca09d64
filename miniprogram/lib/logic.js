/**
 * The mini-program's own logic, free of `wx` so Node's test runner can check it:
 * where a template message's page path leads on the H5, and the web-view address with its ticket.
 */

// 模板消息 / 订阅消息 page paths: `pages/webview/index?path=%2Fm%2Fcustoms%2Forders` is what the server
// sends (``jmt.notifications.services.mp_pagepath_for``); short forms below map to their H5 pages too.
const SHORT_PATHS = {
  'pages/customs/orders': '/m/customs/orders',
  'pages/customs/batches': '/m/customs/batches',
  'pages/registration/progress': '/m/registration/progress',
  'pages/messages/index': '/m/messages',
  'pages/me/index': '/m/me',
};
const HOME = '/m/';

/** The H5 path (under "/m") a page path and its query lead to; the H5 home when unknown. */
function h5PathFor(pagePath, query) {
  const wanted = query && typeof query.path === 'string' ? decodeURIComponent(query.path) : '';
  if (wanted) return safePath(wanted);
  const bare = String(pagePath || '').replace(/^\//, '').split('?')[0];
  if (SHORT_PATHS[bare]) {
    const id = query && query.id ? `?id=${encodeURIComponent(String(query.id))}` : '';
    return SHORT_PATHS[bare] + id;
  }
  return HOME;
}

/** Only a path on our own H5: never another origin, never a protocol-relative "//host". */
function safePath(path) {
  const text = String(path);
  if (!(text === '/m' || text.startsWith('/m/') || text.startsWith('/m?')) || /[\s\\]/.test(text)) return HOME;
  return text;
}

/** The web-view address: the H5 page plus the one-time ticket and its user (never a token). */
function webviewUrl(origin, path, ticket, userId) {
  const target = safePath(path);
  const joiner = target.includes('?') ? '&' : '?';
  return `${origin}${target}${joiner}ticket=${encodeURIComponent(ticket)}&uid=${encodeURIComponent(String(userId))}`;
}

// The download bridge (pages/download/index): the H5 in the web-view hands over a signed, 5-minute link of
// the download center (``/api/v1/downloads/file/<token>``); the bridge fetches it with wx.downloadFile.
const FILE_PATH = '/api/v1/downloads/file/';
// What wx.openDocument can show; anything else (a CSV) is offered as a link to copy into a browser.
const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

/**
 * The file the bridge page was asked to fetch, or null when the address is not one of our signed links
 * (another origin, another path): the bridge never downloads anything else.
 */
function downloadTarget(query, origin) {
  const url = query && typeof query.url === 'string' ? decodeURIComponent(query.url) : '';
  const name = query && typeof query.name === 'string' ? decodeURIComponent(query.name) : '';
  if (!url.startsWith(origin + FILE_PATH) || /[\s\\]/.test(url)) return null;
  const token = url.slice((origin + FILE_PATH).length);
  if (!token || token.includes('/') || token.includes('?') || token.includes('#')) return null;
  const extension = (name.split('.').pop() || '').toLowerCase();
  return {
    url,
    name: name || '导出文件',
    fileType: DOCUMENT_TYPES.includes(extension) ? extension : null,
  };
}

module.exports = { h5PathFor, safePath, webviewUrl, downloadTarget };
