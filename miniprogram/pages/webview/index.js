const { request } = require('../../lib/api');
const { H5_ORIGIN } = require('../../lib/config');
const { h5PathFor, webviewUrl } = require('../../lib/logic');

// Opened by the login page and by template messages (page path `pages/webview/index?path=%2Fm%2Fcustoms%2Forders`).
Page({
  data: { src: '' },
  onLoad(query) {
    const path = h5PathFor('pages/webview/index', query);
    const { access } = getApp().globalData;
    if (!access) {
      wx.redirectTo({ url: `/pages/login/login?path=${encodeURIComponent(path)}` });
      return;
    }
    // A fresh one-time ticket each time: single use, 60 s; the tokens never appear in the address.
    request('POST', '/api/v1/auth/webview-ticket', {}, access)
      .then(({ ticket, user_id: userId }) => this.setData({ src: webviewUrl(H5_ORIGIN, path, ticket, userId) }))
      .catch(() => wx.redirectTo({ url: `/pages/login/login?path=${encodeURIComponent(path)}` }));
  },
});
