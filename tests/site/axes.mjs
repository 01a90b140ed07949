// Theme axes in a real browser (issue #16), for a project read from a DTCG resolver with
// several modifiers (tests/fixtures/axes/resolver):
//
//   node tests/site/axes.mjs PROJECT_DIR TOKENS_CSS SITE_DIR ARTIFACT_DIR
//
// Environment: OPENDS (the opends binary), CHROMIUM (default /usr/bin/chromium),
// SITE_CHECK_DIR (where run.sh installs playwright-core).
//
// Checks, each printed as PASS or FAIL:
//   - the CSS export: with every combination of `data-<axis>` set on <html>, the computed
//     value of every colour and dimension token (used in a real style, so var() chains are
//     followed by the browser) equals `opends tokens get PATH --mode axis=context ...
//     --resolved --json` for that combination;
//   - the docs site: one switcher per axis; choosing each combination sets `data-<axis>` on
//     <html>, draws the colour swatches with that combination's values and shows that
//     combination's listed values; the choice is remembered across a reload.
// Exit status: 0 when every check passes, 1 otherwise.

import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

let failures = 0;
const pass = (msg) => console.log(`PASS ${msg}`);
const fail = (msg) => {
  failures += 1;
  console.log(`FAIL ${msg}`);
};

const [projectArg, cssArg, siteArg, artifactArg] = process.argv.slice(2);
if (!projectArg || !cssArg || !siteArg) {
  console.error('usage: node tests/site/axes.mjs PROJECT_DIR TOKENS_CSS SITE_DIR [ARTIFACT_DIR]');
  process.exit(2);
}
const PROJECT = path.resolve(projectArg);
const CSS = fs.readFileSync(path.resolve(cssArg), 'utf8');
const SITE = path.resolve(siteArg);
const ARTIFACTS = path.resolve(artifactArg || path.join(ROOT, 'target', 'site-artifacts'));
fs.mkdirSync(ARTIFACTS, { recursive: true });
const OPENDS = process.env.OPENDS;
if (!OPENDS) {
  console.log('FAIL axes: OPENDS (the opends binary) is not set');
  process.exit(1);
}

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

const opends = (args) => execFileSync(OPENDS, ['-C', PROJECT, ...args], { encoding: 'utf8' });

// The axes, from the resolver's modifiers: name, contexts, the default first.
function readAxes() {
  const yaml = fs.readFileSync(path.join(PROJECT, 'opends.yaml'), 'utf8');
  const m = /^resolver:\s*(\S+)/m.exec(yaml);
  if (!m) throw new Error('opends.yaml names no resolver');
  const doc = JSON.parse(fs.readFileSync(path.join(PROJECT, m[1].replace(/^["']|["']$/g, '')), 'utf8'));
  const order = (doc.resolutionOrder || [])
    .map((r) => /^#\/modifiers\/(.+)$/.exec(r.$ref || '')?.[1])
    .filter(Boolean);
  return order.map((name) => {
    const mod = doc.modifiers[name];
    const contexts = Object.keys(mod.contexts);
    const def = mod.default ?? contexts[0];
    return { name, contexts: [def, ...contexts.filter((c) => c !== def)] };
  });
}

function combinations(axes) {
  let out = [[]];
  for (const a of axes) out = out.flatMap((prefix) => a.contexts.map((c) => [...prefix, [a.name, c]]));
  return out;
}

const label = (combo) => combo.map(([a, c]) => `${a}=${c}`).join(',');

// A resolved token value as the browser computes it: colours `[r, g, b, a]` (0-255, alpha
// 0-1), dimensions in px.
function expected(token) {
  const v = token.resolved;
  if (token.type === 'color') {
    if (v && Array.isArray(v.components) && (v.colorSpace === 'srgb' || !v.hex)) {
      const [r, g, b] = v.components.map((c) => Math.round(Math.min(1, Math.max(0, Number(c))) * 255));
      return [r, g, b, v.alpha ?? 1];
    }
    const hex = typeof v === 'string' ? v : v?.hex;
    return hex ? parseRgb(hexToRgb(hex)) : null;
  }
  if (token.type === 'dimension') {
    const { value, unit } = typeof v === 'object' && v ? v : { value: parseFloat(v), unit: String(v).replace(/^[-\d.]+/, '') };
    if (unit === 'px') return value;
    if (unit === 'rem') return value * 16;
    return null;
  }
  return null;
}

function hexToRgb(hex) {
  const h = hex.trim().replace(/^#/, '');
  const full = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  const a = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

function parseRgb(text) {
  const m = /rgba?\(([^)]+)\)/.exec(text || '');
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p[3] ?? 1];
}

const sameColor = (a, b) => a && b && [0, 1, 2].every((i) => Math.abs(a[i] - b[i]) <= 1) && Math.abs(a[3] - b[3]) < 0.01;
const showColor = (c) => (c ? `rgba(${c.join(', ')})` : String(c));

const varName = (p) => `--${p.replace(/\./g, '-').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;

async function newPage(browser, problems, labelText) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: 'light', reducedMotion: 'reduce' });
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${labelText}: console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${labelText}: page error: ${err.message}`));
  return { context, page };
}

async function main() {
  const axes = readAxes();
  if (axes.length < 2) {
    fail(`axes: the resolver declares ${axes.length} modifier(s); the check needs several`);
    return;
  }
  const combos = combinations(axes);
  const list = JSON.parse(opends(['tokens', 'list', '--json']));
  const tokens = list.filter((t) => t.type === 'color' || t.type === 'dimension').map((t) => t.path);
  // What opends says each token is in each combination.
  const want = new Map();
  for (const combo of combos) {
    const modes = combo.flatMap(([a, c]) => ['--mode', `${a}=${c}`]);
    for (const p of tokens) {
      const t = JSON.parse(opends(['tokens', 'get', p, ...modes, '--resolved', '--json']));
      want.set(`${label(combo)} ${p}`, { type: t.type, value: expected(t) });
    }
  }
  pass(`axes: ${axes.map((a) => `${a.name} (${a.contexts.join('|')})`).join(' x ')}: ${combos.length} combinations, ${tokens.length} colour and dimension tokens, values from opends tokens get --mode ... --resolved`);
  const missing = tokens.filter((p) => !CSS.includes(`${varName(p)}:`));
  if (missing.length) fail(`css: no custom property for ${missing.join(', ')}`);

  const chromium = loadChromium();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    await checkCss(browser, axes, combos, tokens, want);
    await checkSite(browser, axes, combos, want);
  } finally {
    await browser.close();
  }
}

// The CSS export on its own: every combination on <html>, every token used in a real style.
async function checkCss(browser, axes, combos, tokens, want) {
  const problems = [];
  const { context, page } = await newPage(browser, problems, 'tokens.css');
  const css = CSS.replace(/<\//g, '<\\/');
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><div id="probe"></div></body></html>`);
  let checked = 0;
  const wrong = [];
  for (const combo of combos) {
    const got = await page.evaluate(
      ({ combo, vars }) => {
        const html = document.documentElement;
        for (const [a, c] of combo) html.setAttribute(`data-${a}`, c);
        const probe = document.getElementById('probe');
        const out = {};
        for (const [p, v, type] of vars) {
          probe.removeAttribute('style');
          if (type === 'color') {
            probe.style.color = `var(${v})`;
            out[p] = getComputedStyle(probe).color;
          } else {
            probe.style.marginLeft = `var(${v})`;
            out[p] = getComputedStyle(probe).marginLeft;
          }
        }
        return out;
      },
      { combo, vars: tokens.map((p) => [p, varName(p), want.get(`${label(combo)} ${p}`).type]) },
    );
    for (const p of tokens) {
      const w = want.get(`${label(combo)} ${p}`);
      if (w.value === null) continue;
      checked += 1;
      if (w.type === 'color') {
        const g = parseRgb(got[p]);
        if (!sameColor(g, w.value)) wrong.push(`${p} in ${label(combo)}: computed ${got[p]}, opends says ${showColor(w.value)}`);
      } else if (Math.abs(parseFloat(got[p]) - w.value) > 0.01) {
        wrong.push(`${p} in ${label(combo)}: computed ${got[p]}, opends says ${w.value}px`);
      }
    }
  }
  await context.close();
  if (wrong.length === 0 && checked > 0) pass(`css: ${checked} computed values (${combos.length} combinations of data-${axes.map((a) => a.name).join('/data-')} on <html>) match tokens get`);
  if (checked === 0) fail('css: nothing was compared');
  for (const w of wrong.slice(0, 40)) fail(`css: ${w}`);
  if (wrong.length > 40) fail(`css: ${wrong.length - 40} more differences`);
  for (const p of problems) fail(p);
}

// The docs site: one switcher per axis; each combination's values on the colour page.
async function checkSite(browser, axes, combos, want) {
  const dir = path.join(SITE, 'tokens');
  const pages = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.html')).sort() : [];
  if (pages.length === 0) {
    fail('site: no token pages');
    return;
  }
  for (const p of pages) await checkSitePage(browser, axes, combos, want, `tokens/${p}`);
}

async function checkSitePage(browser, axes, combos, want, pagePath) {
  const file = path.join(SITE, pagePath);
  const problems = [];
  const { context, page } = await newPage(browser, problems, `site ${pagePath}`);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const selects = page.locator('select.ods-axis-select');
  const names = await selects.evaluateAll((els) => els.map((e) => e.getAttribute('data-axis')));
  if (JSON.stringify(names) === JSON.stringify(axes.map((a) => a.name))) pass(`site: ${pagePath}: one switcher per axis (${names.join(', ')})`);
  else fail(`site: ${pagePath}: switchers ${JSON.stringify(names)}, expected ${JSON.stringify(axes.map((a) => a.name))}`);
  if (await page.locator('#ods-theme-toggle').count()) fail('site: the light/dark toggle is shown beside the axis switchers');
  const colours = await page.locator('section.ods-token-color').evaluateAll((els) => els.map((e) => e.getAttribute('data-token-path')));
  if (colours.length === 0) {
    await context.close();
    for (const p of problems) fail(p);
    return;
  }
  let checked = 0;
  const wrong = [];
  for (const combo of combos) {
    for (const [a, c] of combo) await page.locator(`select.ods-axis-select[data-axis="${a}"]`).selectOption(c);
    const attrs = await page.evaluate((as) => as.map((a) => document.documentElement.getAttribute(`data-${a}`)), axes.map((a) => a.name));
    if (JSON.stringify(attrs) !== JSON.stringify(combo.map(([, c]) => c))) {
      wrong.push(`after choosing ${label(combo)}, <html> has ${axes.map((a, i) => `data-${a.name}=${attrs[i]}`).join(' ')}`);
      continue;
    }
    const shown = await page.evaluate((paths) => {
      const out = {};
      for (const p of paths) {
        const section = document.querySelector(`section[data-token-path="${CSS.escape(p)}"]`);
        const swatch = section && section.querySelector('.ods-swatch');
        const hex = section && [...section.querySelectorAll('.ods-hex')].find((el) => el.checkVisibility());
        out[p] = { swatch: swatch ? getComputedStyle(swatch).backgroundColor : null, hex: hex ? hex.textContent.trim() : null };
      }
      return out;
    }, colours);
    for (const p of colours) {
      const w = want.get(`${label(combo)} ${p}`);
      if (!w || w.value === null) continue;
      checked += 1;
      const swatch = parseRgb(shown[p].swatch);
      if (!sameColor(swatch, w.value)) wrong.push(`${p} in ${label(combo)}: swatch ${shown[p].swatch}, opends says ${showColor(w.value)}`);
      const hex = shown[p].hex && parseRgb(hexToRgb(shown[p].hex));
      if (!sameColor(hex, w.value)) wrong.push(`${p} in ${label(combo)}: the page lists ${shown[p].hex}, opends says ${showColor(w.value)}`);
    }
    if (combo.every(([a, c], i) => c === axes[i].contexts[axes[i].contexts.length - 1])) {
      await page.screenshot({ path: path.join(ARTIFACTS, `axes-${path.basename(pagePath, '.html')}.png`), fullPage: true });
    }
  }
  if (wrong.length === 0 && checked > 0) pass(`site: ${pagePath}: in all ${combos.length} combinations chosen with the switchers, ${colours.length} colour swatches and their listed values match tokens get`);
  if (checked === 0) fail(`site: ${pagePath}: no colour token was compared`);
  for (const w of wrong.slice(0, 40)) fail(`site: ${w}`);
  if (wrong.length > 40) fail(`site: ${wrong.length - 40} more differences`);

  // The last choice is remembered across a reload.
  const last = combos[combos.length - 1];
  await page.reload({ waitUntil: 'load' });
  const kept = await page.evaluate((as) => as.map((a) => document.documentElement.getAttribute(`data-${a}`)), axes.map((a) => a.name));
  if (JSON.stringify(kept) === JSON.stringify(last.map(([, c]) => c))) pass(`site: ${pagePath}: the choice ${label(last)} is remembered across a reload`);
  else fail(`site: after a reload <html> has ${JSON.stringify(kept)}, expected ${JSON.stringify(last.map(([, c]) => c))}`);
  await context.close();
  for (const p of problems) fail(p);
}

try {
  await main();
} catch (err) {
  fail(`unexpected error: ${err && err.stack ? err.stack : err}`);
}
if (failures === 0) {
  console.log('PASS theme axes in the browser');
} else {
  console.log(`FAIL ${failures} theme-axes check(s) failed`);
  process.exit(1);
}
