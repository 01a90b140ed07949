// Checks a site written by `opends docs build` in headless Chromium (playwright-core).
//
//   node tests/site/check.mjs SITE_DIR ARTIFACT_DIR
//
// Environment: CHROMIUM (default /usr/bin/chromium); SITE_CHECK_DIR, where run.sh installs
// playwright-core (default <repo>/target/site-check).
//
// Checks, each printed as PASS or FAIL:
//   - every page loads from file:// with no console error, page error, failed request or
//     request leaving the machine (no CDN, no external font or image);
//   - every internal link (a[href] not starting with http) points at an existing file, and
//     its #anchor at an existing id;
//   - tokens/color.html: the swatch of color.action.primary.default (default mode) has the
//     token's value as its computed background (the value from tokens.css, which the page's
//     hex text must agree with); the dark column shows the dark value side by side; the
//     light/dark toggle switches the swatch to the dark value, is remembered across a
//     reload, and switches back;
//   - search: typing `primary` lists at most 20 results, one linking to the token, which
//     opens the colour page at the token;
// and saves screenshots (colors.png, the colour page in full, among others) in ARTIFACT_DIR.
// Exit status: 0 when every check passes, 1 otherwise.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TOKEN = 'color.action.primary.default';
const TOKEN_VAR = '--color-action-primary-default';
const TOKEN_ANCHOR = 'color-action-primary-default';
const COLOR_PAGE = 'tokens/color.html';

let failures = 0;
const pass = (msg) => console.log(`PASS ${msg}`);
const fail = (msg) => {
  failures += 1;
  console.log(`FAIL ${msg}`);
};

const [siteArg, artifactArg] = process.argv.slice(2);
if (!siteArg) {
  console.error('usage: node tests/site/check.mjs SITE_DIR [ARTIFACT_DIR]');
  process.exit(2);
}
const SITE = path.resolve(siteArg);
const ARTIFACTS = path.resolve(artifactArg || path.join(ROOT, 'target', 'site-artifacts'));
fs.mkdirSync(ARTIFACTS, { recursive: true });

function loadChromium() {
  const dir = process.env.SITE_CHECK_DIR || path.join(ROOT, 'target', 'site-check');
  for (const base of [path.join(dir, 'package.json'), import.meta.url]) {
    try {
      return createRequire(base)('playwright-core').chromium;
    } catch {
      // try the next place
    }
  }
  console.log(`FAIL tools: playwright-core is not installed in ${dir} (tests/site/run.sh installs it)`);
  process.exit(1);
}

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const rel = (file) => path.relative(SITE, file).split(path.sep).join('/');

// The ids each HTML file declares (all of the site's ids are in its static HTML).
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const ids = new Set();
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/g)) {
      ids.add((m[1] ?? m[2] ?? m[3]).replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    }
    idCache.set(file, ids);
  }
  return idCache.get(file);
}

// `#2563eb` / `#2563ebcc` -> `rgb(37, 99, 235)` / `rgba(37, 99, 235, 0.8)`, as computed styles print them.
function hexToRgb(hex) {
  const h = hex.trim().replace(/^#/, '');
  const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
  if (!/^[0-9a-f]{6}([0-9a-f]{2})?$/i.test(full)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  if (full.length === 8) {
    const a = Math.round((parseInt(full.slice(6, 8), 16) / 255) * 1000) / 1000;
    if (a < 1) return `rgba(${r}, ${g}, ${b}, ${a})`;
  }
  return `rgb(${r}, ${g}, ${b})`;
}

// Custom properties of a tokens.css block (`:root` or `[data-theme="dark"]`).
function cssBlock(css, selector) {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) return null;
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  const vars = new Map();
  for (const m of body.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    vars.set(m[1], m[2].trim());
  }
  return vars;
}

// A token's value in a mode, following var() references through tokens.css.
function resolveVar(name, modeVars, rootVars, depth = 0) {
  const value = (modeVars && modeVars.get(name)) ?? rootVars.get(name);
  if (value === undefined || depth > 20) return null;
  const m = /^var\((--[\w-]+)\)$/.exec(value);
  return m ? resolveVar(m[1], modeVars, rootVars, depth + 1) : value;
}

// Watches a page for console errors, page errors, failed requests and requests off the machine.
function watch(page, label, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${label}: console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${label}: page error: ${err.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`${label}: request failed: ${req.url()} (${req.failure()?.errorText ?? 'unknown'})`),
  );
  page.on('request', (req) => {
    const url = req.url();
    if (!/^(file|data|blob|about):/i.test(url)) problems.push(`${label}: request leaves the site: ${url}`);
  });
}

const fileUrl = (relPath) => pathToFileURL(path.join(SITE, relPath)).href;

async function main() {
  if (!fs.existsSync(SITE) || !fs.statSync(SITE).isDirectory()) {
    fail(`site: ${SITE} is not a directory`);
    return;
  }
  const pages = walk(SITE).filter((f) => f.endsWith('.html')).sort();
  for (const required of ['index.html', 'changelog.html', COLOR_PAGE, 'assets/site.css', 'assets/site.js', 'assets/tokens.css']) {
    if (!fs.existsSync(path.join(SITE, required))) fail(`site: ${required} is missing`);
  }
  if (pages.length === 0) {
    fail('site: no pages');
    return;
  }

  const chromium = loadChromium();
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    await checkPages(browser, pages);
    await checkColors(browser);
    await checkDarkPreference(browser);
    await checkSearch(browser);
  } finally {
    await browser.close();
  }
}

async function newContext(browser) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15000);
  return context;
}

// Every page: loads cleanly; its internal links and anchors resolve.
async function checkPages(browser, pages) {
  const context = await newContext(browser);
  let badLoads = 0;
  let links = 0;
  const broken = [];
  for (const file of pages) {
    const label = rel(file);
    const problems = [];
    const page = await context.newPage();
    watch(page, label, problems);
    try {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // Let the page's script run its handlers (and report any error) before looking.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      if (!(await page.locator('h1').count())) problems.push(`${label}: no <h1>`);
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')));
      const pageUrl = page.url();
      for (const href of hrefs) {
        if (/^(https?:|mailto:|tel:|data:|javascript:)/i.test(href) || href === '#' || href === '') continue;
        links += 1;
        let url;
        try {
          url = new URL(href, pageUrl);
        } catch {
          broken.push(`${label}: unparseable link ${href}`);
          continue;
        }
        if (url.protocol !== 'file:') {
          broken.push(`${label}: link ${href} leaves the site`);
          continue;
        }
        const target = fileURLToPath(url);
        if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
          broken.push(`${label}: link ${href}: no file ${path.relative(SITE, target) || target}`);
          continue;
        }
        if (url.hash.length > 1) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(target).has(id)) broken.push(`${label}: link ${href}: no id "${id}" in ${rel(target)}`);
        }
      }
    } catch (err) {
      problems.push(`${label}: did not load: ${err.message.split('\n')[0]}`);
    }
    await page.close();
    if (problems.length) {
      badLoads += 1;
      for (const p of problems) fail(p);
    }
  }
  await context.close();
  if (badLoads === 0) pass(`pages: all ${pages.length} load from file:// with no console errors, page errors or failed requests`);
  if (broken.length === 0) pass(`links: all ${links} internal links and anchors resolve`);
  for (const b of broken.slice(0, 50)) fail(`links: ${b}`);
  if (broken.length > 50) fail(`links: ${broken.length - 50} more broken links`);
}

// The colour page: swatches drawn with the token, side by side per mode, following the toggle.
async function checkColors(browser) {
  const tokensCss = fs.readFileSync(path.join(SITE, 'assets', 'tokens.css'), 'utf8');
  const rootVars = cssBlock(tokensCss, ':root, .ods-base') || cssBlock(tokensCss, ':root');
  if (!rootVars) {
    fail('colours: assets/tokens.css has no :root block');
    return;
  }
  const context = await newContext(browser);
  const page = await context.newPage();
  const problems = [];
  watch(page, COLOR_PAGE, problems);
  await page.goto(fileUrl(COLOR_PAGE), { waitUntil: 'load' });
  await page.screenshot({ path: path.join(ARTIFACTS, 'colors.png'), fullPage: true });
  pass(`screenshot: ${path.join(ARTIFACTS, 'colors.png')}`);

  const html = page.locator('html');
  const darkMode = (await html.getAttribute('data-dark-mode')) || 'dark';
  const darkVars = cssBlock(tokensCss, `[data-theme="${darkMode}"]`);
  const lightHex = resolveVar(TOKEN_VAR, null, rootVars);
  const darkHex = darkVars ? resolveVar(TOKEN_VAR, darkVars, rootVars) : null;
  const light = lightHex && hexToRgb(lightHex);
  const dark = darkHex && hexToRgb(darkHex);
  if (!light) {
    fail(`colours: ${TOKEN_VAR} has no hex value in tokens.css (:root)`);
    await context.close();
    return;
  }

  const section = page.locator(`[id="${TOKEN_ANCHOR}"]`);
  if ((await section.count()) !== 1) {
    fail(`colours: ${COLOR_PAGE} has no section with id="${TOKEN_ANCHOR}" for ${TOKEN}`);
    await context.close();
    return;
  }
  const modes = section.locator('[data-mode]');
  const modeCount = await modes.count();
  const swatch = modes.first().locator('.ods-swatch');
  if (modeCount === 0 || (await swatch.count()) !== 1) {
    fail(`colours: ${TOKEN} has no swatch for its default mode ([data-mode] .ods-swatch)`);
    await context.close();
    return;
  }
  const background = () => swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
  // The hex text a reader sees in a column (hidden alternatives are skipped).
  const shownHex = (column) =>
    column.locator('.ods-hex').evaluateAll((els) => {
      const shown = els.find((el) => el.checkVisibility());
      return shown ? shown.textContent.trim() : '';
    });
  const inlineStyle = (await swatch.getAttribute('style')) || '';
  if (inlineStyle.includes(`var(${TOKEN_VAR})`)) pass(`colours: the ${TOKEN} swatch is drawn with var(${TOKEN_VAR})`);
  else fail(`colours: the ${TOKEN} swatch is not drawn with var(${TOKEN_VAR}) (style="${inlineStyle}")`);

  // The page's hex text agrees with tokens.css.
  const pageHex = await shownHex(modes.first());
  if (hexToRgb(pageHex) === light) pass(`colours: the page shows ${TOKEN} as ${pageHex}, its value in tokens.css`);
  else fail(`colours: the page shows ${TOKEN} as "${pageHex}", but tokens.css makes it ${lightHex}`);

  let got = await background();
  if (got === light) pass(`colours: the ${TOKEN} swatch is ${lightHex} (${got}) in the default mode`);
  else fail(`colours: the ${TOKEN} swatch is ${got}, expected ${lightHex} (${light})`);

  // The dark column, side by side.
  if (dark && modeCount > 1) {
    const darkColumn = section.locator(`[data-mode="${darkMode}"]`);
    const darkSwatch = darkColumn.locator('.ods-swatch');
    if ((await darkSwatch.count()) === 1) {
      const side = await darkSwatch.evaluate((el) => getComputedStyle(el).backgroundColor);
      if (side === dark) pass(`colours: the ${darkMode} column shows ${darkHex} beside it`);
      else fail(`colours: the ${darkMode} column's swatch is ${side}, expected ${darkHex} (${dark})`);
      const sideHex = await shownHex(darkColumn);
      if (hexToRgb(sideHex) !== dark) fail(`colours: the ${darkMode} column says "${sideHex}", expected ${darkHex}`);
    } else {
      fail(`colours: no swatch in the ${darkMode} column of ${TOKEN}`);
    }
  }

  // The toggle.
  const toggle = page.locator('#ods-theme-toggle');
  if (!dark) {
    fail(`colours: tokens.css has no [data-theme="${darkMode}"] value for ${TOKEN_VAR}: cannot check the toggle`);
  } else if ((await toggle.count()) !== 1) {
    fail('theme: no light/dark toggle (#ods-theme-toggle)');
  } else {
    await toggle.click();
    const theme = await html.getAttribute('data-theme');
    if (theme === darkMode) pass(`theme: the toggle sets data-theme="${darkMode}" on <html>`);
    else fail(`theme: after the toggle <html data-theme> is ${JSON.stringify(theme)}, expected "${darkMode}"`);
    got = await background();
    if (got === dark) pass(`theme: after the toggle the ${TOKEN} swatch is ${darkHex} (${got})`);
    else fail(`theme: after the toggle the ${TOKEN} swatch is ${got}, expected ${darkHex} (${dark})`);
    const toggledHex = await shownHex(modes.first());
    if (hexToRgb(toggledHex) !== got) fail(`theme: after the toggle the swatch is ${got} but its column says "${toggledHex}"`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'colors-dark.png'), fullPage: false });

    await page.reload({ waitUntil: 'load' });
    const kept = await html.getAttribute('data-theme');
    if (kept === darkMode) pass('theme: the choice is remembered across a reload (localStorage)');
    else fail(`theme: after a reload <html data-theme> is ${JSON.stringify(kept)}: the choice was not remembered`);

    await toggle.click();
    const back = await html.getAttribute('data-theme');
    got = await background();
    if (back === null && got === light) pass(`theme: toggling again removes data-theme and the swatch is ${lightHex} again`);
    else fail(`theme: toggling again left data-theme=${JSON.stringify(back)} and the swatch ${got}, expected no attribute and ${light}`);
  }
  await context.close();
  if (problems.length === 0) pass(`colours: no console errors while toggling`);
  for (const p of problems) fail(p);
}

// With the OS preferring dark, a token page still shows both modes' values side by side,
// each column labelled with its mode.
async function checkDarkPreference(browser) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: 'dark', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems = [];
  watch(page, `${COLOR_PAGE} (dark preference)`, problems);
  await page.goto(fileUrl(COLOR_PAGE), { waitUntil: 'load' });
  const columns = await page.locator(`[id="${TOKEN_ANCHOR}"] .ods-mode`).evaluateAll((els) =>
    els
      .filter((el) => el.checkVisibility())
      .map((el) => {
        const name = [...el.querySelectorAll('.ods-mode-name, .ods-mode-name *')].find((n) => n.children.length === 0 && n.checkVisibility());
        const hex = [...el.querySelectorAll('.ods-hex')].find((n) => n.checkVisibility());
        const sw = el.querySelector('.ods-swatch');
        return { label: name ? name.textContent.trim() : '', hex: hex ? hex.textContent.trim() : '', bg: sw ? getComputedStyle(sw).backgroundColor : '' };
      }),
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'colors-prefers-dark.png'), fullPage: false });
  const tokensCss = fs.readFileSync(path.join(SITE, 'assets', 'tokens.css'), 'utf8');
  const rootVars = cssBlock(tokensCss, ':root, .ods-base') || cssBlock(tokensCss, ':root');
  const darkMode = (await page.locator('html').getAttribute('data-dark-mode')) || 'dark';
  const darkVars = cssBlock(tokensCss, `[data-theme="${darkMode}"]`);
  const light = hexToRgb(resolveVar(TOKEN_VAR, null, rootVars) || '');
  const dark = darkVars && hexToRgb(resolveVar(TOKEN_VAR, darkVars, rootVars) || '');
  const shown = columns.map((c) => `${c.label}: ${c.hex} (${c.bg})`).join('; ');
  const hasLight = columns.find((c) => c.bg === light && hexToRgb(c.hex) === light && c.label && !c.label.includes(darkMode));
  const hasDark = columns.find((c) => c.bg === dark && hexToRgb(c.hex) === dark && c.label.includes(darkMode));
  if (columns.length >= 2 && hasLight && hasDark) pass(`dark preference: ${TOKEN} shows both modes side by side, labelled (${shown})`);
  else fail(`dark preference: ${TOKEN} should show a labelled light column (${light}) and ${darkMode} column (${dark}); shown: ${shown}`);
  await context.close();
  for (const p of problems) fail(p);
}

// Search: typing `primary` lists the token; following the result opens the colour page there.
async function checkSearch(browser) {
  const context = await newContext(browser);
  const problems = [];
  // From the root and from a page one level down (hrefs get the page's root prefixed).
  const from = ['index.html', COLOR_PAGE];
  const componentsDir = path.join(SITE, 'components');
  const component = fs.existsSync(componentsDir) ? walk(componentsDir).sort().find((f) => f.endsWith('.html')) : undefined;
  if (component) from.push(rel(component));
  const expected = path.join(SITE, COLOR_PAGE);
  let screenshotted = false;
  for (const start of from) {
    const page = await context.newPage();
    watch(page, start, problems);
    await page.goto(fileUrl(start), { waitUntil: 'load' });
    const input = page.locator('input[type="search"]');
    if ((await input.count()) !== 1) {
      fail(`search: ${start} has no search box (input[type=search])`);
      await page.close();
      continue;
    }
    await input.click();
    await input.pressSequentially('primary', { delay: 10 });
    const results = page.locator('#ods-search-results a[href]');
    try {
      await results.first().waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      fail(`search: typing "primary" on ${start} shows no results`);
      await page.close();
      continue;
    }
    const hrefs = await results.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), url: a.href, text: a.textContent })));
    if (hrefs.length > 20) fail(`search: ${hrefs.length} results shown on ${start}, at most 20 expected`);
    const hit = hrefs.find((h) => {
      const url = new URL(h.url);
      return url.protocol === 'file:' && fileURLToPath(url) === expected && decodeURIComponent(url.hash) === `#${TOKEN_ANCHOR}`;
    });
    if (!hit) {
      fail(`search: typing "primary" on ${start} lists no link to ${COLOR_PAGE}#${TOKEN_ANCHOR} (got ${hrefs.map((h) => h.href).join(', ')})`);
      await page.close();
      continue;
    }
    const bad = hrefs.filter((h) => {
      const url = new URL(h.url);
      return url.protocol !== 'file:' || !fs.existsSync(fileURLToPath(url));
    });
    if (bad.length) fail(`search: results on ${start} point at missing files: ${bad.map((h) => h.href).join(', ')}`);
    pass(`search: typing "primary" on ${start} lists ${hrefs.length} results, among them ${hit.href}`);
    if (!screenshotted) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'search.png') });
      screenshotted = true;
    }
    if (start === from[from.length - 1]) {
      // Follow the result.
      await page.locator(`#ods-search-results a[href="${hit.href}"]`).click();
      await page.waitForURL((u) => u.hash === `#${TOKEN_ANCHOR}`);
      const targeted = await page.evaluate((id) => document.querySelector(':target')?.id === id, TOKEN_ANCHOR);
      if (fileURLToPath(new URL(page.url())) === expected && targeted) pass(`search: following the result opens ${COLOR_PAGE} at ${TOKEN}`);
      else fail(`search: following the result led to ${page.url()}`);
    }
    await page.close();
  }
  // Pictures of the other kinds of page, for a person to look at.
  const shots = [['index.html', 'index.png']];
  if (component) shots.push([rel(component), 'component.png']);
  const button = path.join(SITE, 'components', 'button.html');
  if (fs.existsSync(button)) shots[shots.length - 1] = ['components/button.html', 'component.png'];
  for (const [pagePath, png] of shots) {
    const page = await context.newPage();
    watch(page, pagePath, problems);
    await page.goto(fileUrl(pagePath), { waitUntil: 'load' });
    await page.screenshot({ path: path.join(ARTIFACTS, png), fullPage: true });
    await page.close();
  }
  await context.close();
  for (const p of problems) fail(p);
}

try {
  await main();
} catch (err) {
  fail(`unexpected error: ${err && err.stack ? err.stack : err}`);
}
if (failures === 0) {
  console.log('PASS browser checks');
} else {
  console.log(`FAIL ${failures} browser check(s) failed`);
  process.exit(1);
}
