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

module.exports = { h5PathFor, safePath, webviewUrl };
