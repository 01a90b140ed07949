// Builds the pages of the components' browser test: for each framework, the generated
// components and the page app (app/App.*) bundled with esbuild twice, for the server (its
// output renders each page's HTML in node) and for the browser (an IIFE that hydrates it).
//
//   node build.mjs SPECS_DIR OUT_DIR TOKENS_CSS WORK_DIR
//
// OUT_DIR holds vue/, react/ and svelte/ from `opends generate`; the pages go to
// WORK_DIR/<framework>/*.html with client.js and client.css beside them, and
// WORK_DIR/pages.json lists them. Environment: COMPONENTS_CHECK_DIR (node_modules).
import fs from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { casesOf, modelProp, readSpecs } from './cases.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const [specsDir, outDir, tokensCss, workDir] = process.argv.slice(2).map((p) => path.resolve(p))
const TOOLS = path.resolve(process.env.COMPONENTS_CHECK_DIR || path.join(HERE, '..', '..', 'target', 'components-check'))
const NODE_MODULES = path.join(TOOLS, 'node_modules')
const require = createRequire(path.join(TOOLS, 'package.json'))
const esbuild = require('esbuild')
const YAML = require('yaml')

// The handlers a generated component declares, as the framework spells them: Vue event
// names (defineEmits keys), React and Svelte `on*` props of the props interface.
function handlersOf(framework, name) {
  const ext = { vue: 'vue', react: 'tsx', svelte: 'svelte' }[framework]
  const file = path.join(outDir, framework, `${name}.${ext}`)
  if (!fs.existsSync(file)) return []
  const src = fs.readFileSync(file, 'utf8')
  if (framework === 'vue') {
    const block = src.match(/defineEmits<\{([\s\S]*?)\}>\(\)/)?.[1] ?? ''
    const emits = [...block.matchAll(/^\s*'?([A-Za-z][\w:.-]*)'?\s*:\s*\[/gm)].map((m) => m[1])
    // defineModel() declares update:modelValue, defineModel('x') update:x.
    const models = [...src.matchAll(/defineModel(?:<[\s\S]*?>)?\(\s*(?:['"](\w+)['"])?/g)].map((m) => `update:${m[1] ?? 'modelValue'}`)
    return [...new Set([...emits, ...models])]
  }
  const body = src.match(new RegExp(`interface ${name}Props[\\s\\S]*?\\n\\s*\\}\\n`))?.[0] ?? ''
  return [...body.matchAll(/^\s*(on[A-Za-z]\w*)\??\s*:/gm)].map((m) => m[1])
}

// How the interaction fixtures (Dialog, TextField, Tabs) keep a component's props in state:
// which of its handlers sets which prop (`update:x` / `onXChange` set x, `update` / `onUpdate`
// / `onChange` the spec's model prop, a close-like handler sets `open` to false), and the
// props it starts from (its default case, the model prop at its spec default or empty).
function liveOf(framework, spec, handlers) {
  const model = modelProp(spec)
  const bindings = []
  for (const h of handlers) {
    const changed = framework === 'vue' ? h.match(/^update:(\w+)$/)?.[1] : h.match(/^on([A-Z]\w*)Change$/)?.[1]
    if (changed) bindings.push({ handler: h, prop: changed[0].toLowerCase() + changed.slice(1) })
    else if (model && ['update', 'onUpdate', 'onChange'].includes(h)) bindings.push({ handler: h, prop: model })
    else if (/close|cancel|dismiss/i.test(h)) bindings.push({ handler: h, close: true })
  }
  const start = { ...casesOf(spec)[0].props }
  const modelSpec = (spec.props ?? []).find((p) => p.name === model)
  const empty = modelSpec?.default ?? (modelSpec?.type === 'string' ? '' : undefined)
  for (const b of bindings) {
    if (b.prop && (b.prop === model || b.prop === 'modelValue') && !(b.prop in start) && empty !== undefined) start[b.prop] = empty
  }
  return { bindings, start }
}

const specs = readSpecs(specsDir, YAML.parse)
const cases = specs.flatMap(casesOf)
// The props of each component's default case (its required props filled): the starting
// props of the interaction fixtures.
const defaults = Object.fromEntries(specs.map((s) => [s.name, casesOf(s)[0]]).map(([n, c]) => [n, { props: c.props, slots: c.slots }]))
const components = Object.fromEntries(
  specs.map((s) => [
    s.name,
    {
      slots: (s.slots ?? []).map((x) => x.name),
      props: (s.props ?? []).map((p) => p.name),
      events: (s.events ?? []).map((e) => e.name),
      model: modelProp(s) ?? null,
      status: s.status,
    },
  ]),
)

// Pages: the matrix (every case that opens no modal), one page per modal case, and the
// interaction fixtures (keyboard, dialog, tabs, form, spinner).
const pages = [
  { name: 'matrix', cases: cases.filter((c) => !c.modal), interactive: false },
  ...cases.filter((c) => c.modal).map((c) => ({ name: `modal-${c.id}`, cases: [c], interactive: false })),
  { name: 'interactive', cases: [], interactive: true },
]

// Vue single-file components: script + inline template, scoped styles as a CSS import.
function vuePlugin(server, styles) {
  return {
    name: 'vue',
    setup(build) {
      build.onLoad({ filter: /\.vue$/ }, async (args) => {
        const sfc = require('vue/compiler-sfc')
        const source = await fs.promises.readFile(args.path, 'utf8')
        const { descriptor, errors } = sfc.parse(source, { filename: args.path })
        if (errors.length) return { errors: [{ text: String(errors[0].message ?? errors[0]) }] }
        const hash = createHash('sha256').update(path.relative(workDir, args.path)).digest('hex').slice(0, 8)
        const id = `data-v-${hash}`
        const scoped = descriptor.styles.some((s) => s.scoped)
        const script = sfc.compileScript(descriptor, {
          id,
          inlineTemplate: true,
          genDefaultAs: '__sfc__',
          templateOptions: { scoped, compilerOptions: { scopeId: scoped ? id : undefined } },
        })
        let code = `${script.content}\n${scoped ? `__sfc__.__scopeId = ${JSON.stringify(id)}\n` : ''}export default __sfc__\n`
        if (!server) {
          const css = descriptor.styles
            .map((s) => sfc.compileStyle({ source: s.content, filename: args.path, id, scoped: s.scoped }).code)
            .join('\n')
          styles.set(args.path, css)
          code += `import ${JSON.stringify(`${args.path}?style`)}\n`
        }
        return { contents: code, loader: 'ts', resolveDir: path.dirname(args.path) }
      })
      build.onResolve({ filter: /\?style$/ }, (args) => ({ path: args.path, namespace: 'sfc-style' }))
      build.onLoad({ filter: /.*/, namespace: 'sfc-style' }, (args) => ({
        contents: styles.get(args.path.replace(/\?style$/, '')) ?? '',
        loader: 'css',
      }))
    },
  }
}

// Svelte components, compiled for the server or the browser (dev mode in the browser, for
// its hydration warnings).
function sveltePlugin(server, styles) {
  return {
    name: 'svelte',
    setup(build) {
      build.onLoad({ filter: /\.svelte$/ }, async (args) => {
        const { compile } = require('svelte/compiler')
        const source = await fs.promises.readFile(args.path, 'utf8')
        const out = compile(source, { filename: args.path, generate: server ? 'server' : 'client', dev: !server, css: 'external' })
        let code = out.js.code
        if (!server && out.css?.code) {
          styles.set(args.path, out.css.code)
          code += `\nimport ${JSON.stringify(`${args.path}?style`)}\n`
        }
        return { contents: code, loader: 'js', resolveDir: path.dirname(args.path) }
      })
      build.onResolve({ filter: /\?style$/ }, (args) => ({ path: args.path, namespace: 'sfc-style' }))
      build.onLoad({ filter: /.*/, namespace: 'sfc-style' }, (args) => ({
        contents: styles.get(args.path.replace(/\?style$/, '')) ?? '',
        loader: 'css',
      }))
    },
  }
}

const ENTRIES = {
  vue: {
    app: 'App.vue',
    server: `import { createSSRApp } from 'vue'
import { renderToString } from 'vue/server-renderer'
import App from '@app'
import * as components from '@ds'
export const render = (data) => renderToString(createSSRApp(App, { data, components }))`,
    client: `import { createSSRApp } from 'vue'
import App from '@app'
import * as components from '@ds'
const data = JSON.parse(document.getElementById('page-data').textContent)
createSSRApp(App, { data, components }).mount('#app')`,
  },
  react: {
    app: 'App.tsx',
    server: `import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { App } from '@app'
import * as components from '@ds'
export const render = (data) => renderToString(createElement(App, { data, components }))`,
    client: `import { createElement } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { App } from '@app'
import * as components from '@ds'
const data = JSON.parse(document.getElementById('page-data').textContent)
hydrateRoot(document.getElementById('app'), createElement(App, { data, components }))`,
  },
  svelte: {
    app: 'App.svelte',
    server: `import { render as renderSvelte } from 'svelte/server'
import App from '@app'
import * as components from '@ds'
export const render = (data) => renderSvelte(App, { props: { data, components } }).body`,
    client: `import { hydrate } from 'svelte'
import App from '@app'
import * as components from '@ds'
const data = JSON.parse(document.getElementById('page-data').textContent)
hydrate(App, { target: document.getElementById('app'), props: { data, components } })`,
  },
}

const escapeJson = (v) => JSON.stringify(v).replace(/</g, '\\u003c')
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

const listing = []
let failed = 0
for (const [framework, entry] of Object.entries(ENTRIES)) {
  const dir = path.join(workDir, framework)
  fs.mkdirSync(dir, { recursive: true })
  fs.copyFileSync(path.join(HERE, 'app', entry.app), path.join(dir, entry.app))
  fs.copyFileSync(tokensCss, path.join(dir, 'tokens.css'))
  fs.writeFileSync(path.join(dir, 'server-entry.ts'), entry.server)
  fs.writeFileSync(path.join(dir, 'client-entry.ts'), entry.client)
  const meta = Object.fromEntries(
    specs.map((spec) => {
      const handlers = handlersOf(framework, spec.name)
      return [spec.name, { ...components[spec.name], handlers, ...liveOf(framework, spec, handlers) }]
    }),
  )
  const common = {
    bundle: true,
    absWorkingDir: dir,
    nodePaths: [NODE_MODULES],
    alias: { '@app': `./${entry.app}`, '@ds': path.join(outDir, framework, 'index.ts') },
    jsx: 'automatic',
    logLevel: 'silent',
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true',
    },
  }
  try {
    const serverStyles = new Map()
    await esbuild.build({
      ...common,
      entryPoints: ['./server-entry.ts'],
      outfile: path.join(dir, 'server.mjs'),
      platform: 'node',
      format: 'esm',
      packages: 'external',
      conditions: ['development'],
      plugins: [vuePlugin(true, serverStyles), sveltePlugin(true, serverStyles)],
    })
    const clientStyles = new Map()
    await esbuild.build({
      ...common,
      entryPoints: ['./client-entry.ts'],
      outfile: path.join(dir, 'client.js'),
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      conditions: ['development'],
      plugins: [vuePlugin(false, clientStyles), sveltePlugin(false, clientStyles)],
    })
  } catch (e) {
    failed++
    console.log(`FAIL ${framework}: bundling the page with esbuild: ${e.message}`)
    continue
  }
  const { render } = await import(pathToFileURL(path.join(dir, 'server.mjs')).href)
  for (const page of pages) {
    const data = { framework, page: page.name, cases: page.cases, interactive: page.interactive, components: meta, defaults }
    let html
    try {
      html = await render(data)
    } catch (e) {
      failed++
      console.log(`FAIL ${framework}: server rendering of the ${page.name} page: ${e.stack ?? e}`)
      continue
    }
    const css = fs.existsSync(path.join(dir, 'client.css')) ? '<link rel="stylesheet" href="client.css">' : ''
    const doc = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${framework} components: ${page.name}`)}</title>
<link rel="stylesheet" href="tokens.css">
${css}
</head>
<body>
<div id="app">${html}</div>
<script type="application/json" id="page-data">${escapeJson(data)}</script>
<script src="client.js"></script>
</body>
</html>
`
    const file = path.join(dir, `${page.name}.html`)
    fs.writeFileSync(file, doc)
    listing.push({ framework, page: page.name, file, cases: page.cases.map((c) => ({ id: c.id, component: c.component, name: c.name, modal: c.modal })), interactive: page.interactive })
  }
  console.log(`PASS ${framework}: bundled for server and browser; server-rendered ${pages.length} pages (${cases.length} cases of ${specs.length} components)`)
}
fs.writeFileSync(path.join(workDir, 'pages.json'), JSON.stringify({ components, pages: listing }, null, 2))
process.exit(failed ? 1 : 0)
