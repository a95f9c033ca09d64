const { H5_ORIGIN } = require('../../lib/config');
const { downloadTarget } = require('../../lib/logic');

// The download bridge: the H5 in the web-view (下载中心 → 下载) navigates here with a signed, 5-minute link
// (`wx.miniProgram.navigateTo({ url: '/pages/download/index?url=…&name=…' })`). The file is fetched with
// wx.downloadFile (no token: the signature is the credential) and opened with wx.openDocument.
Page({
  data: { state: 'loading', name: '', percent: 0, message: '', url: '' },

  onLoad(query) {
    const target = downloadTarget(query, H5_ORIGIN);
    if (!target) {
      this.setData({ state: 'error', message: '下载链接无效，请回到下载中心重新下载' });
      return;
    }
    this.target = target;
    this.setData({ name: target.name, url: target.url });
    this.fetch();
  },

  fetch() {
    const { url, fileType } = this.target;
    this.setData({ state: 'loading', percent: 0, message: '' });
    const task = wx.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) {
          const message = res.statusCode === 410 ? '下载链接已过期，请回到下载中心重新下载' : '文件下载失败，请回到下载中心重新下载';
          this.setData({ state: 'error', message });
          return;
        }
        this.filePath = res.tempFilePath;
        if (!fileType) {
          this.setData({ state: 'unsupported' });
          return;
        }
        this.open();
      },
      fail: () => this.setData({ state: 'error', message: '网络不稳定，文件下载失败，请重试' }),
    });
    if (task && task.onProgressUpdate) task.onProgressUpdate(({ progress }) => this.setData({ percent: progress }));
  },

  open() {
    wx.openDocument({
      filePath: this.filePath,
      fileType: this.target.fileType,
      showMenu: true, // 右上角菜单：转发给好友、用其他应用打开、保存
      success: () => this.setData({ state: 'opened' }),
      fail: () => this.setData({ state: 'error', message: '无法打开该文件，请在电脑端下载中心下载' }),
    });
  },

  copyLink() {
    wx.setClipboardData({ data: this.data.url });
  },

  back() {
    wx.navigateBack();
  },
});
