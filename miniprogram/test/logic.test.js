const test = require('node:test');
const assert = require('node:assert/strict');
const { h5PathFor, safePath, webviewUrl } = require('../lib/logic');

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
