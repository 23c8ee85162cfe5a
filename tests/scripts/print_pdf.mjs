// Prints an HTML page to PDF in Debian's Chromium (driven by playwright-core) as its print
// dialog does by default: background graphics off, the page's own @page size, default margins,
// scale 100%. (Chromium's --print-to-pdf command-line switch prints backgrounds, which the
// dialog does not: a page must ask for its colours with print-color-adjust to keep them.)
//
// usage: node print_pdf.mjs PAGE.html OUT.pdf NODE_MODULES
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [page, pdf, modules] = process.argv.slice(2);
if (!page || !pdf || !modules) {
  console.error("usage: node print_pdf.mjs PAGE.html OUT.pdf NODE_MODULES");
  process.exit(2);
}
const require = createRequire(join(resolve(modules), "noop.js"));
const { chromium } = require("playwright-core");

const profile = mkdtempSync(join(tmpdir(), "ppsaudit-print-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(pathToFileURL(resolve(page)).href, { waitUntil: "load" });
  // printBackground is left at its default, false, as the dialog's "Background graphics" is.
  await tab.pdf({ path: pdf, preferCSSPageSize: true, timeout: 300000 });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
