// Measures how fast every page of a site loads in headless Chromium (playwright-core):
// navigation start to the load event (PerformanceNavigationTiming.loadEventEnd), from
// file://, after one warm-up page. Each page must load in under LIMIT_MS (default 300).
//
//   node tests/site/load.mjs SITE_DIR
//
// Environment: CHROMIUM (default /usr/bin/chromium); SITE_CHECK_DIR (where run.sh installs
// playwright-core); LIMIT_MS. Exit status: 0 when every page is under the limit, 1 otherwise.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const LIMIT = Number(process.env.LIMIT_MS || 300);
const SITE = path.resolve(process.argv[2] || '');
let failures = 0;
const pass = (m) => console.log(`PASS ${m}`);
const fail = (m) => {
  failures += 1;
  console.log(`FAIL ${m}`);
};

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

const dir = process.env.SITE_CHECK_DIR || path.join(ROOT, 'target', 'site-check');
const { chromium } = createRequire(path.join(dir, 'package.json'))('playwright-core');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const pages = walk(SITE).filter((f) => f.endsWith('.html')).sort();
  await page.goto(pathToFileURL(pages[0]).href, { waitUntil: 'load' });
  const times = [];
  for (const file of pages) {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const read = () => {
            const nav = performance.getEntriesByType('navigation')[0];
            if (nav && nav.loadEventEnd > 0) resolve(nav.loadEventEnd - nav.startTime);
            else setTimeout(read, 10);
          };
          read();
        }),
    );
    times.push([path.relative(SITE, file), ms]);
  }
  const slow = times.filter(([, ms]) => ms >= LIMIT);
  const worst = times.reduce((a, b) => (b[1] > a[1] ? b : a));
  if (slow.length === 0) pass(`load: all ${times.length} pages load in under ${LIMIT} ms (slowest ${worst[0]}: ${worst[1].toFixed(0)} ms)`);
  for (const [f, ms] of slow) fail(`load: ${f} took ${ms.toFixed(0)} ms (limit ${LIMIT} ms)`);
  await context.close();
} finally {
  await browser.close();
}
process.exit(failures ? 1 : 0);
