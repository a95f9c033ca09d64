App({
  globalData: { access: '', refresh: '', userId: 0 },
  onLaunch() {
    const saved = wx.getStorageSync('jmt.tokens');
    if (saved && saved.access) Object.assign(this.globalData, saved);
  },
});
