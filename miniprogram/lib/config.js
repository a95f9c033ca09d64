// The server the mini-program talks to. It must be listed as the request domain and the 业务域名
// (web-view) in the mini-program's admin console: see docs/miniprogram-manual.md.
module.exports = {
  API_BASE: 'https://jmt.example.com',
  // The H5 lives under /m on the same origin.
  H5_ORIGIN: 'https://jmt.example.com',
};
