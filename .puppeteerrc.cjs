// @theia/cli pulls puppeteer; its browser download cannot work offline. UI tests use Debian chromium.
module.exports = { skipDownload: true };
