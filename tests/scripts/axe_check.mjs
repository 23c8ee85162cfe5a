// Opens an HTML report in Debian's Chromium (driven by playwright-core, no browser
// download), runs axe-core with its default rules, and fails on any violation or on any
// network request other than the file itself. Saves a full-page screenshot.
//
// usage: node axe_check.mjs REPORT.html SCREENSHOT.png NODE_MODULES
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [report, screenshot, modules] = process.argv.slice(2);
if (!report || !screenshot || !modules) {
  console.error("usage: node axe_check.mjs REPORT.html SCREENSHOT.png NODE_MODULES");
  process.exit(2);
}
const require = createRequire(join(resolve(modules), "noop.js"));
const { chromium } = require("playwright-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const url = pathToFileURL(resolve(report)).href;
const profile = mkdtempSync(join(tmpdir(), "ppsaudit-axe-"));
let failed = false;
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  page.on("request", (request) => {
    if (request.url() !== url) {
      requests.push(request.url());
    }
  });
  await page.goto(url, { waitUntil: "load" });
  // Requests the page makes after loading (a lazy image, a font) count as much as the rest.
  await page.waitForTimeout(250);
  const requestsByPage = [...requests];
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => await window.axe.run());
  for (const violation of results.violations) {
    failed = true;
    console.log(`axe: ${violation.id} (${violation.impact}): ${violation.help}`);
    console.log(`  ${violation.helpUrl}`);
    for (const node of violation.nodes.slice(0, 5)) {
      console.log(`  at ${node.target.join(" ")}: ${node.failureSummary.replace(/\n/g, " ")}`);
    }
    if (violation.nodes.length > 5) {
      console.log(`  and ${violation.nodes.length - 5} more`);
    }
  }
  for (const request of requestsByPage) {
    failed = true;
    console.log(`network: the page requested ${request}`);
  }
  // A tall page on a busy machine can take longer than the default 30 s to capture.
  await page.screenshot({ path: screenshot, fullPage: true, timeout: 120000 });
  console.log(`axe ${results.testEngine.version}: ${results.violations.length} violations, ` +
              `${results.passes.length} rules passed, ${requestsByPage.length} network requests; ` +
              `screenshot ${screenshot}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
