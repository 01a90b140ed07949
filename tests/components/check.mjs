// Checks the pages written by build.mjs in headless Chromium (playwright-core), per
// framework: with scripts off, every case is in the server-rendered page; the page hydrates
// with no console error or hydration warning (nor any during the interactions);
// axe-core reports no violation on every page (the matrix of every component, variant and
// state, each opened modal, the interaction fixtures); Tab order through Button (a disabled
// Button is skipped); Enter and Space activate Button; Dialog opens, Escape closes it and
// focus returns to the opener; Tabs: arrow keys move selection and focus; a TextField in a
// <form> submits name=value; the loading Button's spinner animates, and does not with
// prefers-reduced-motion: reduce.
//
//   node check.mjs WORK_DIR     (WORK_DIR/pages.json from build.mjs)
//
// Environment: CHROMIUM (default /usr/bin/chromium); COMPONENTS_CHECK_DIR (node_modules);
// COMPONENTS_PENDING, comma-separated check names (server-render, hydration, console, axe,
// tab-order, button-keys, dialog, tabs, form, spinner, reduced-motion) whose failures print
// PENDING instead of FAIL.
// Exit status: 0 when every check that is not pending passes, 1 otherwise.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const TOOLS = path.resolve(process.env.COMPONENTS_CHECK_DIR || path.join(HERE, '..', '..', 'target', 'components-check'))
const require = createRequire(path.join(TOOLS, 'package.json'))
const { chromium } = require('playwright-core')
const AXE = require.resolve('axe-core/axe.min.js')
const CHECKS = ['server-render', 'hydration', 'console', 'axe', 'axe-states', 'tab-order', 'button-keys', 'dialog', 'tabs', 'form', 'spinner', 'reduced-motion']
const PENDING = new Set(
  (process.env.COMPONENTS_PENDING ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
)
for (const name of PENDING) {
  if (!CHECKS.includes(name)) {
    console.log(`FAIL COMPONENTS_PENDING: unknown check "${name}" (known: ${CHECKS.join(', ')})`)
    process.exit(1)
  }
}

const workDir = path.resolve(process.argv[2] ?? '.')
const { components, pages } = JSON.parse(fs.readFileSync(path.join(workDir, 'pages.json'), 'utf8'))

let failures = 0
const pass = (check, msg) =>
  console.log(`PASS ${msg}${PENDING.has(check) ? ` (passes now: remove "${check}" from COMPONENTS_PENDING)` : ''}`)
const fail = (check, msg) => {
  if (PENDING.has(check)) {
    console.log(`PENDING ${msg}`)
  } else {
    failures++
    console.log(`FAIL ${msg}`)
  }
}
// Runs one check; an exception is its failure.
async function check(name, label, fn) {
  try {
    const detail = await fn()
    pass(name, `${label}: ${detail}`)
  } catch (e) {
    fail(name, `${label}: ${e.message ?? e}`)
  }
}
const expect = (cond, msg) => {
  if (!cond) throw new Error(msg)
}

// Chromium now and then fails to start on a loaded machine: one more try before failing.
async function launch() {
  const options = {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--allow-file-access-from-files'],
  }
  try {
    return await chromium.launch(options)
  } catch {
    try {
      return await chromium.launch(options)
    } catch (e) {
      console.log(`FAIL chromium: did not start twice: ${String(e.message ?? e).split('\n')[0]}`)
      process.exit(1)
    }
  }
}
const browser = await launch()

// Opens a page, waits for hydration, and returns it with the console errors it logged.
async function open(entry, options = {}) {
  const context = await browser.newContext({
    reducedMotion: options.reducedMotion ?? 'no-preference',
    javaScriptEnabled: options.javaScript ?? true,
  })
  const page = await context.newPage()
  const problems = []
  page.on('console', (m) => {
    const t = m.text()
    if (m.type() === 'error' || (m.type() === 'warning' && /hydrat|mismatch/i.test(t))) problems.push(`console.${m.type()}: ${t}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('requestfailed', (r) => problems.push(`failed request: ${r.url()}`))
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`request leaving the machine: ${r.url()}`)
  })
  await page.goto(pathToFileURL(entry.file).href, { waitUntil: 'load' })
  if (options.javaScript === false) return { page, context, problems, hydrated: false }
  const hydrated = await page
    .waitForFunction(() => window.__hydrated === true, null, { timeout: 10000 })
    .then(() => true)
    .catch(() => false)
  await page.waitForTimeout(100)
  return { page, context, problems, hydrated }
}

async function axe(page) {
  await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }))
  return result.violations
}
const describeViolations = (vs) =>
  vs.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join('; ')}`).join(' | ')

const names = Object.keys(components)
for (const framework of [...new Set(pages.map((p) => p.framework))]) {
  for (const entry of pages.filter((p) => p.framework === framework)) {
    const label = `${framework} ${entry.page}`
    // Server rendering: with scripts off, the page shows the markup of every case that the
    // hydrated page shows (a case that renders nothing, e.g. a closed Dialog, renders
    // nothing in both).
    const rendered = (p) =>
      p.evaluate(() => Object.fromEntries([...document.querySelectorAll('[data-case]')].map((s) => [s.dataset.case, s.children.length > 0])))
    const ssr = await open(entry, { javaScript: false })
    const before = await rendered(ssr.page)
    const ssrText = await ssr.page.evaluate(() => document.querySelector('main')?.innerText ?? '')
    await ssr.context.close()
    const { page, context, problems, hydrated } = await open(entry)
    const after = await rendered(page)
    await check('server-render', `${label}: server rendering`, async () => {
      expect(ssrText.length > 0, 'the page has no server-rendered <main>')
      const missing = entry.cases.filter((c) => !before[c.id] && after[c.id]).map((c) => c.id)
      expect(missing.length === 0, `cases with markup only after hydration: ${missing.join(', ')}`)
      const lost = entry.cases.filter((c) => before[c.id] && !after[c.id]).map((c) => c.id)
      expect(lost.length === 0, `cases whose server markup hydration removed: ${lost.join(', ')}`)
      const empty = entry.cases.filter((c) => !before[c.id]).map((c) => `${c.component} ${c.name}`)
      return entry.interactive
        ? 'the interaction fixtures are in the server-rendered page'
        : `${entry.cases.length - empty.length} of ${entry.cases.length} cases in the server-rendered page${empty.length ? ` (rendering nothing, before and after hydration: ${empty.join(', ')})` : ''}`
    })
    await check('hydration', `${label}: hydration`, async () => {
      expect(hydrated, `the page did not hydrate within 10 s${problems.length ? `: ${problems.join(' | ')}` : ''}`)
      expect(problems.length === 0, problems.join(' | '))
      return entry.interactive
        ? 'hydrated the interaction fixtures with no console error'
        : `hydrated ${entry.cases.length} server-rendered cases (${[...new Set(entry.cases.map((c) => c.component))].join(', ')}) with no console error`
    })
    await check('axe', `${label}: axe-core`, async () => {
      const vs = await axe(page)
      expect(vs.length === 0, `${vs.length} violation(s): ${describeViolations(vs)}`)
      return `0 violations${entry.interactive ? '' : ` over ${entry.cases.length} cases`}`
    })
    if (entry.page === 'matrix') {
      // Interaction states: every element of every case forced into :hover, :focus-visible
      // and :active (Chromium's DevTools protocol), then axe-core again; a state that no
      // style reacts to is reported, so the check cannot pass without changing anything.
      for (const state of ['hover', 'focus-visible', 'active']) {
        await check('axe-states', `${label}: axe-core with every element in :${state}`, async () => {
          const forced = await forcePseudo(page, state)
          try {
            expect(forced.changed > 0, `forcing :${state} on ${forced.count} elements changed no computed style`)
            const vs = await axe(page)
            expect(vs.length === 0, `${vs.length} violation(s) in :${state}: ${describeViolations(vs)}`)
            return `0 violations; ${forced.changed} of ${forced.count} elements restyled`
          } finally {
            await forced.release()
          }
        })
      }
      await check('spinner', `${label}: Button loading spinner animates`, async () => {
        expect(names.includes('Button'), 'no Button component in the specs')
        const r = await spinnerState(page)
        expect(r.found, 'no loading Button (aria-busy="true") on the page')
        expect(r.running.length > 0, `the loading Button has no running animation (computed animation-name of its parts: ${r.names.join(', ') || 'none'}): the Button spec has no keyframes on its spinner`)
        return `running: ${r.running.join(', ')}`
      })
      const baseline = await spinnerState(page)
      const reduced = await open(entry, { reducedMotion: 'reduce' })
      await check('reduced-motion', `${label}: no spinner animation with prefers-reduced-motion: reduce`, async () => {
        const r = await spinnerState(reduced.page)
        expect(r.found, 'no loading Button (aria-busy="true") on the page')
        expect(baseline.running.length > 0, 'nothing to turn off: the spinner does not animate without the preference either')
        expect(r.running.length === 0, `animations still run: ${r.running.join(', ')}`)
        return `computed animation-name of the spinner's parts: ${r.names.join(', ') || 'none'}`
      })
      await reduced.context.close()
    }
    if (entry.interactive) {
      const logged = problems.length
      await interactions(framework, page)
      await check('console', `${label}: no console error during the interactions`, async () => {
        const later = problems.slice(logged)
        expect(later.length === 0, later.join(' | '))
        return 'none'
      })
    }
    await context.close()
  }
}

// Forces a pseudo-class on every element inside a case and counts the elements whose
// computed colours, outline, border or shadow changed; `release` removes the forcing.
async function forcePseudo(page, pseudo) {
  const look = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-case] *')].map((el) => {
        const st = getComputedStyle(el)
        return [st.color, st.backgroundColor, st.outlineStyle, st.outlineColor, st.borderColor, st.boxShadow, st.textDecorationLine, st.opacity].join('|')
      }),
    )
  const before = await look()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 })
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-case] *' })
  const set = (classes) => Promise.all(nodeIds.map((nodeId) => cdp.send('CSS.forcePseudoState', { nodeId, forcedPseudoClasses: classes })))
  await set([pseudo])
  const after = await look()
  return {
    count: nodeIds.length,
    changed: after.filter((v, i) => v !== before[i]).length,
    release: async () => {
      await set([])
      await cdp.detach()
    },
  }
}

// The loading Button: its running animations (getAnimations on it and its subtree) and the
// computed animation-name of each element inside it.
function spinnerState(page) {
  return page.evaluate(() => {
    const button = document.querySelector('[aria-busy="true"]')
    if (!button) return { found: false, running: [], names: [] }
    const running = button
      .getAnimations({ subtree: true })
      .filter((a) => a.playState === 'running')
      .map((a) => a.animationName ?? a.id ?? 'animation')
    const names = [button, ...button.querySelectorAll('*')]
      .map((el) => getComputedStyle(el).animationName)
      .filter((n) => n && n !== 'none')
    return { found: true, running, names }
  })
}

async function interactions(framework, page) {
  const label = `${framework}`
  const kbd = page.locator('[data-fixture="keyboard"]')
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')

  await check('tab-order', `${label}: Tab order through Button`, async () => {
    await kbd.getByRole('button', { name: 'Before' }).focus()
    const seen = []
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab')
      seen.push(await focusedText())
    }
    expect(JSON.stringify(seen) === JSON.stringify(['Count', 'After', 'Last']), `Tab from "Before" focused ${seen.map((s) => `"${s}"`).join(', ')}; expected "Count", "After", "Last" (the disabled Button skipped)`)
    return 'Before → Count → After → Last (the disabled Button skipped)'
  })

  await check('button-keys', `${label}: Enter and Space activate Button`, async () => {
    const clicks = () => kbd.locator('[data-clicks]').textContent()
    const before = Number(await clicks())
    await kbd.getByRole('button', { name: 'Count' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForTimeout(50)
    const afterEnter = Number(await clicks())
    expect(afterEnter === before + 1, `Enter: the click counter went from ${before} to ${afterEnter}`)
    await page.keyboard.press('Space')
    await page.waitForTimeout(50)
    const afterSpace = Number(await clicks())
    expect(afterSpace === afterEnter + 1, `Space: the click counter went from ${afterEnter} to ${afterSpace}`)
    return `click counter ${before} → ${afterEnter} (Enter) → ${afterSpace} (Space)`
  })

  await check('dialog', `${label}: Dialog opens, Escape closes it, focus returns to the opener`, async () => {
    expect(components.Dialog, 'no Dialog component in the specs')
    const fixture = page.locator('[data-fixture="dialog"]')
    const opener = fixture.getByRole('button', { name: 'Open dialog' })
    const dialog = page.getByRole('dialog', { name: 'Confirm the order' })
    await opener.focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'visible', timeout: 2000 }).catch(() => {
      throw new Error('Enter on "Open dialog" showed no dialog named "Confirm the order"')
    })
    await page.waitForTimeout(100)
    const inside = await dialog.evaluate((el) => el.contains(document.activeElement))
    expect(inside, `focus did not move into the open dialog (it is on ${await focusedText() || 'the body'})`)
    // The spec's `backdrop` reaches the native ::backdrop (the browser's own is 10% black).
    const shown = await dialog.evaluate((el) => ({
      modal: el.matches(':modal'),
      backdrop: getComputedStyle(el, '::backdrop').backgroundColor,
    }))
    expect(shown.modal, 'the open dialog is not :modal (showModal() was not used)')
    expect(!['rgba(0, 0, 0, 0.1)', 'rgba(0, 0, 0, 0)', ''].includes(shown.backdrop), `the ::backdrop has the browser's default background (${shown.backdrop}), not the spec's`)
    const axeOpen = await axe(page)
    expect(axeOpen.length === 0, `axe-core on the open dialog: ${describeViolations(axeOpen)}`)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {
      throw new Error('Escape did not close the dialog')
    })
    await page.waitForTimeout(100)
    const back = await opener.evaluate((el) => el === document.activeElement)
    expect(back, `focus did not return to "Open dialog" (it is on ${await focusedText() || 'the body'})`)
    return `opened with Enter as a modal (::backdrop ${shown.backdrop}), focus inside, 0 axe-core violations while open, Escape closed it, focus back on the opener`
  })

  await check('tabs', `${label}: Tabs: arrow keys move selection and focus`, async () => {
    expect(components.Tabs, 'no Tabs component in the specs (examples/acme/components has no tabs.yaml)')
    const fixture = page.locator('[data-fixture="tabs"]')
    const tabs = fixture.getByRole('tab')
    const n = await tabs.count()
    expect(n >= 2, `the Tabs fixture shows ${n} role="tab" element(s); need at least 2`)
    const state = () =>
      fixture.evaluate((root) => {
        const all = [...root.querySelectorAll('[role="tab"]')]
        const selected = all.findIndex((t) => t.getAttribute('aria-selected') === 'true')
        const panel = root.querySelector('[role="tabpanel"]')
        return {
          selected,
          focused: all.indexOf(document.activeElement),
          tabbable: all.filter((t) => t.tabIndex >= 0).length,
          disabled: all.map((t) => t.disabled || t.getAttribute('aria-disabled') === 'true'),
          labelled: Boolean(panel && all[selected] && panel.getAttribute('aria-labelledby') === all[selected].id),
        }
      })
    const start = await state()
    expect(start.selected >= 0, 'no tab has aria-selected="true"')
    expect(start.tabbable === 1, `${start.tabbable} tabs are in the Tab sequence; the roving tabindex keeps exactly 1`)
    expect(start.labelled, "the tabpanel's aria-labelledby does not name the selected tab")
    // The enabled tab `step` away from `from` (wrapping), as the pattern skips disabled tabs.
    const enabled = (from, step) => {
      let i = from
      for (let k = 0; k < n; k++) {
        i = (i + step + n) % n
        if (!start.disabled[i]) return i
      }
      return from
    }
    const press = async (key, expected, what) => {
      await page.keyboard.press(key)
      await page.waitForTimeout(50)
      const now = await state()
      expect(now.selected === expected && now.focused === expected, `${what}: selected ${now.selected}, focused ${now.focused}; expected ${expected}`)
      expect(now.tabbable === 1 && now.labelled, `${what}: ${now.tabbable} tabbable tabs, panel labelled by the selected tab: ${now.labelled}`)
    }
    await tabs.nth(start.selected).focus()
    const next = enabled(start.selected, 1)
    await press('ArrowRight', next, `ArrowRight from tab ${start.selected}`)
    await press('ArrowLeft', start.selected, 'ArrowLeft back')
    const last = enabled(n, -1)
    await press('End', last, 'End')
    await press('ArrowRight', enabled(last, 1), `ArrowRight from the last enabled tab ${last} (wrapping)`)
    const first = enabled(-1, 1)
    await press('Home', first, 'Home')
    const skipped = start.disabled.filter(Boolean).length
    await tabs.nth(next).click()
    const clicked = await state()
    expect(clicked.selected === next, `a click on tab ${next} selected tab ${clicked.selected}`)
    return `${n} tabs (${skipped} disabled, skipped); ArrowRight/ArrowLeft, End, wrap, Home and a click select and focus the expected tab; exactly one tab is tabbable`
  })

  await check('form', `${label}: TextField in a <form> submits name=value`, async () => {
    expect(components.TextField, 'no TextField component in the specs')
    const fixture = page.locator('[data-fixture="form"]')
    const input = fixture.getByLabel('Email')
    expect((await input.count()) === 1, 'no input labelled "Email" in the form')
    const name = await input.getAttribute('name')
    await input.fill('ada@example.com')
    await fixture.getByRole('button', { name: 'Submit' }).click()
    await page.waitForTimeout(50)
    const submitted = await fixture.locator('[data-submitted]').textContent()
    expect(
      submitted === 'email=ada%40example.com',
      `FormData on submit was "${submitted}"; expected "email=ada%40example.com"${name === 'email' ? '' : ` (the <input> has ${name === null ? 'no name attribute: name="email" given to TextField does not reach the native <input>' : `name="${name}"`})`}`,
    )
    return 'FormData on submit: email=ada%40example.com'
  })
}

await browser.close()
if (failures) {
  console.log(`FAIL ${failures} browser check(s) failed`)
  process.exit(1)
}
