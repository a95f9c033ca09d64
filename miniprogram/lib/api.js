const { API_BASE } = require('./config');

/** `wx.request` as a promise answering the JSON body, rejecting with the server's Chinese message. */
function request(method, path, data, access) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: API_BASE + path,
      method,
      data,
      header: access ? { Authorization: `Bearer ${access}` } : {},
      success: (res) => (res.statusCode < 300 ? resolve(res.data) : reject(new Error((res.data && res.data.message) || '请求失败'))),
      fail: () => reject(new Error('网络不可用，请稍后重试')),
    });
  });
}

module.exports = { request };
