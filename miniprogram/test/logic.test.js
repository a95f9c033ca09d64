const test = require('node:test');
const assert = require('node:assert/strict');
const { downloadTarget, h5PathFor, safePath, webviewUrl } = require('../lib/logic');

test('the page path the server sends in a template message opens its H5 page', () => {
  // jmt.notifications.services.mp_pagepath_for('/customs/orders?tab=status')
  const query = { path: encodeURIComponent('/m/customs/orders?tab=status') };
  assert.equal(h5PathFor('pages/webview/index', query), '/m/customs/orders?tab=status');
});

test('short page paths are routed to their H5 pages', () => {
  assert.equal(h5PathFor('/pages/customs/batches', { id: 12 }), '/m/customs/batches?id=12');
  assert.equal(h5PathFor('pages/registration/progress', {}), '/m/registration/progress');
});

test('an unknown page path opens the H5 home', () => {
  assert.equal(h5PathFor('pages/nowhere', {}), '/m/');
});

test('a path outside the H5 is never opened', () => {
  assert.equal(safePath('https://evil.example.com/'), '/m/');
  assert.equal(safePath('//evil.example.com/'), '/m/');
  assert.equal(safePath('/admin/'), '/m/');
  assert.equal(h5PathFor('pages/webview/index', { path: '//evil.example.com' }), '/m/');
});

test('the web-view address carries the ticket and the user, never a token', () => {
  const url = webviewUrl('https://jmt.example.com', '/m/customs/orders?tab=status', 'a b', 7);
  assert.equal(url, 'https://jmt.example.com/m/customs/orders?tab=status&ticket=a%20b&uid=7');
  assert.ok(!url.includes('access'));
});

const ORIGIN = 'https://jmt.example.com';

test('the download bridge accepts a signed link of the download center and keeps the file name', () => {
  const url = `${ORIGIN}/api/v1/downloads/file/eyJkIjoxLCJ1Ijo3fQ:1vS2xK:abc_DEF-12`;
  const target = downloadTarget({ url: encodeURIComponent(url), name: encodeURIComponent('报关订单与清单-20261205.xlsx') }, ORIGIN);
  assert.deepEqual(target, { url, name: '报关订单与清单-20261205.xlsx', fileType: 'xlsx' });
});

test('a CSV is downloaded but not opened as a document (wx.openDocument cannot show it)', () => {
  const url = `${ORIGIN}/api/v1/downloads/file/token`;
  assert.equal(downloadTarget({ url: encodeURIComponent(url), name: '操作日志.csv' }, ORIGIN).fileType, null);
});

test('the download bridge never fetches another origin or another path', () => {
  assert.equal(downloadTarget({ url: encodeURIComponent('https://evil.example.com/api/v1/downloads/file/t'), name: 'a.xlsx' }, ORIGIN), null);
  assert.equal(downloadTarget({ url: encodeURIComponent(`${ORIGIN}.evil.com/api/v1/downloads/file/t`), name: 'a.xlsx' }, ORIGIN), null);
  assert.equal(downloadTarget({ url: encodeURIComponent(`${ORIGIN}/api/v1/me`), name: 'a.xlsx' }, ORIGIN), null);
  assert.equal(downloadTarget({ url: encodeURIComponent(`${ORIGIN}/api/v1/downloads/file/t/../../me`), name: 'a.xlsx' }, ORIGIN), null);
  assert.equal(downloadTarget({}, ORIGIN), null);
});
