// node bench/display.js FILE.html: how long Chromium (Debian, /usr/bin/chromium) takes to show a
// local page: navigation to the load event, then two animation frames (laid out and painted).
// Uses playwright-core from tests/tools (npm ci --prefix tests/tools).
const { chromium } = require(require('path').join(__dirname, '..', 'tests', 'tools', 'node_modules', 'playwright-core'));
(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const file = 'file://' + require('path').resolve(process.argv[2]);
  const start = Date.now();
  await page.goto(file, { waitUntil: 'load', timeout: 600000 });
  const loaded = Date.now() - start;
  // a frame after load: the page has been laid out and painted
  await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
  const painted = Date.now() - start;
  const fcp = await page.evaluate(() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime);
  console.log(JSON.stringify({ file: process.argv[2], loaded_ms: loaded, painted_ms: painted, fcp_ms: Math.round(fcp || -1) }));
  await browser.close();
})();
