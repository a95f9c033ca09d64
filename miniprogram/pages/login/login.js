const { request } = require('../../lib/api');

Page({
  data: { busy: false, error: '', next: '' },
  onLoad(query) {
    // A template message may open the login page first; remember where it wanted to go.
    this.setData({ next: query && query.path ? query.path : '' });
  },
  onPhone(event) {
    const phoneCode = event.detail && event.detail.code;
    if (!phoneCode) {
      this.setData({ error: '需要授权手机号才能登录' });
      return;
    }
    this.setData({ busy: true, error: '' });
    wx.login({
      success: ({ code }) =>
        request('POST', '/api/v1/auth/wechat/miniprogram', { login_code: code, phone_code: phoneCode })
          .then((pair) => {
            const tokens = { access: pair.access, refresh: pair.refresh, userId: pair.user.id };
            wx.setStorageSync('jmt.tokens', tokens);
            Object.assign(getApp().globalData, tokens);
            wx.redirectTo({ url: `/pages/webview/index?path=${encodeURIComponent(this.data.next || '/m/')}` });
          })
          .catch((error) => this.setData({ error: error.message }))
          .finally(() => this.setData({ busy: false })),
      fail: () => this.setData({ busy: false, error: '微信登录失败，请重试' }),
    });
  },
});
