// Renders the generated components on the server and checks the markup and the styles.
// Usage: node --import ./register.mjs ssr.mjs <out-dir>   (out-dir holds react/, vue/, svelte/)
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const out = resolve(process.argv[2] ?? '.')
let failed = 0
const pass = (msg) => console.log(`PASS ${msg}`)
const fail = (msg) => {
  failed++
  console.log(`FAIL ${msg}`)
}
const load = (file) => import(pathToFileURL(file).href)
const files = (dir, re) => readdirSync(dir).filter((f) => re.test(f)).sort()
const vars = (css) => [...new Set([...css.matchAll(/var\(\s*(--[A-Za-z0-9_-]+)/g)].map((m) => m[1]))]
const styleBlocks = (src) => [...src.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
const rootCount = (html, re) => (html.match(re) ?? []).length

// The tokens stylesheet, as the React README tells users to import it.
const readme = readFileSync(join(out, 'react', 'README.md'), 'utf8')
const tokensImport = readme.match(/import '([^']+\.css)'/)?.[1]
const tokensPath = tokensImport && resolve(out, 'react', tokensImport)
if (!tokensPath || !existsSync(tokensPath)) {
  fail(`tokens stylesheet: README.md imports ${tokensImport ?? 'nothing'}, which does not exist`)
  process.exit(1)
}
const defined = new Set([...readFileSync(tokensPath, 'utf8').matchAll(/(--[A-Za-z0-9_-]+)\s*:/g)].map((m) => m[1]))
pass(`tokens stylesheet ${tokensImport} defines ${defined.size} custom properties`)

// 1. React: Button rendered with react-dom/server; its class and its token variables.
try {
  const { createElement } = await import('react')
  const { renderToStaticMarkup } = await import('react-dom/server')
  const react = await load(join(out, 'react', 'index.ts'))
  if (!react.Button) throw new Error('no Button component in react/index.ts')
  const html = renderToStaticMarkup(createElement(react.Button, null, 'Save'))
  if (!/class="[^"]*\bButton_root\b/.test(html)) throw new Error(`no root class in ${html}`)
  if (!html.includes('Save')) throw new Error(`children missing in ${html}`)
  pass(`react: <Button>Save</Button> renders ${html}`)
  const tsx = readFileSync(join(out, 'react', 'Button.tsx'), 'utf8')
  if (!tsx.includes("from './Button.module.css'")) throw new Error('Button.tsx does not import ./Button.module.css')
  const css = readFileSync(join(out, 'react', 'Button.module.css'), 'utf8')
  const used = vars(css)
  if (used.length === 0) throw new Error('Button.module.css uses no token custom property')
  const missing = used.filter((v) => !defined.has(v))
  if (missing.length) throw new Error(`Button.module.css uses undefined ${missing.join(', ')}`)
  pass(`react: Button.tsx imports Button.module.css, which uses ${used.map((v) => `var(${v})`).join(', ')}, all defined in the tokens stylesheet`)
} catch (e) {
  fail(`react: Button: ${e.stack ?? e}`)
}

// 2. Every component of every framework renders on the server (the Usage fixtures).
const frameworks = {
  react: {
    // CSS modules only export classes that have rules: count the roots that have styles.
    components: files(join(out, 'react'), /\.module\.css$/)
      .filter((f) => /^\.root\b/m.test(readFileSync(join(out, 'react', f), 'utf8')))
      .map((f) => f.replace('.module.css', '')),
    async render() {
      const { createElement } = await import('react')
      const { renderToStaticMarkup } = await import('react-dom/server')
      const { Usage } = await load(join(out, 'react', 'usage.tsx'))
      return renderToStaticMarkup(createElement(Usage))
    },
    roots: /class="[^"]*\b[A-Za-z0-9]+_root\b/g,
  },
  vue: {
    components: files(join(out, 'vue'), /\.vue$/).filter((f) => f !== 'Usage.vue' && f !== 'Form.vue').map((f) => f.replace('.vue', '')),
    async render() {
      const { createSSRApp } = await import('vue')
      const { renderToString } = await import('vue/server-renderer')
      const { default: Usage } = await load(join(out, 'vue', 'Usage.vue'))
      return renderToString(createSSRApp(Usage))
    },
    roots: /class="[^"]*\broot\b/g,
  },
  svelte: {
    components: files(join(out, 'svelte'), /\.svelte$/).filter((f) => f !== 'Usage.svelte' && f !== 'Form.svelte').map((f) => f.replace('.svelte', '')),
    async render() {
      const { render } = await import('svelte/server')
      const { default: Usage } = await load(join(out, 'svelte', 'Usage.svelte'))
      return render(Usage).body
    },
    roots: /class="[^"]*\broot\b/g,
  },
}
for (const [name, fw] of Object.entries(frameworks)) {
  try {
    const html = await fw.render()
    const n = rootCount(html, fw.roots)
    if (n !== fw.components.length) {
      throw new Error(`${n} root elements for ${fw.components.length} components: ${html}`)
    }
    pass(`${name}: server rendering: ${n} root elements, one per component${name === 'react' ? ' with root styles' : ''} (${fw.components.join(', ')})`)
  } catch (e) {
    fail(`${name}: server rendering: ${e.stack ?? e}`)
  }
}

// 3. The form fixtures: attributes given to a form control reach its native element, the
//    root keeps class and style; the modal dialog renders closed on the server.
const forms = {
  react: async () => {
    const { createElement } = await import('react')
    const { renderToStaticMarkup } = await import('react-dom/server')
    const { Form } = await load(join(out, 'react', 'form.tsx'))
    return renderToStaticMarkup(createElement(Form))
  },
  vue: async () => {
    const { createSSRApp } = await import('vue')
    const { renderToString } = await import('vue/server-renderer')
    const { default: Form } = await load(join(out, 'vue', 'Form.vue'))
    return renderToString(createSSRApp(Form))
  },
  svelte: async () => {
    const { render } = await import('svelte/server')
    const { default: Form } = await load(join(out, 'svelte', 'Form.svelte'))
    return render(Form).body
  },
}
const formComponents = ['TextField', 'Checkbox', 'Select', 'Dialog']
for (const [name, render] of Object.entries(forms)) {
  if (!formComponents.every((c) => existsSync(join(out, 'react', `${c}.tsx`)))) break
  try {
    const html = await render()
    const input = html.match(/<input[^>]*name="email"[^>]*>/)?.[0]
    if (!input) throw new Error(`no <input name="email"> in ${html}`)
    for (const attr of [/type="email"/, /autocomplete="email"/i, /required/, /value="ada@example.com"/, /aria-invalid|^(?!.*aria-errormessage)/]) {
      if (!attr.test(input)) throw new Error(`${attr} missing on ${input}`)
    }
    if (/<div[^>]*name="email"/.test(html)) throw new Error(`the wrapper got name="email": ${html}`)
    if (!/<div[^>]*class="[^"]*\bfield\b[^"]*"[^>]*style="width: ?100%;?"|<div[^>]*style="width: ?100%;?"[^>]*class="[^"]*\bfield\b/.test(html)) {
      throw new Error(`the root did not get class "field" and the style: ${html}`)
    }
    if (!/<input[^>]*type="checkbox"[^>]*|<input[^>]*name="subscribe"[^>]*type="checkbox"/.test(html)) throw new Error(`no checkbox in ${html}`)
    if (!/<select[^>]*name="plan"[^>]*>[\s\S]*<option[^>]*value="pro"/.test(html)) throw new Error(`no <select name="plan"> with its options in ${html}`)
    if (!/<dialog(?![^>]*\bopen\b)[^>]*>/.test(html)) throw new Error(`no closed <dialog> in ${html}`)
    pass(`${name}: form controls forward name, type, autocomplete and required to the native control; class and style stay on the root; the dialog renders closed`)
  } catch (e) {
    fail(`${name}: form fixture: ${e.stack ?? e}`)
  }
}

// 4. Styles use only custom properties the tokens stylesheet defines.
const sheets = [
  ...files(join(out, 'react'), /\.module\.css$/).map((f) => [`react/${f}`, readFileSync(join(out, 'react', f), 'utf8')]),
  ...files(join(out, 'vue'), /\.vue$/).map((f) => [`vue/${f}`, styleBlocks(readFileSync(join(out, 'vue', f), 'utf8'))]),
  ...files(join(out, 'svelte'), /\.svelte$/).map((f) => [`svelte/${f}`, styleBlocks(readFileSync(join(out, 'svelte', f), 'utf8'))]),
]
const undefinedVars = sheets.flatMap(([file, css]) => vars(css).filter((v) => !defined.has(v)).map((v) => `${file}: var(${v})`))
if (undefinedVars.length) fail(`styles use custom properties the tokens stylesheet does not define: ${undefinedVars.join('; ')}`)
else pass(`styles of ${sheets.length} files use only custom properties of the tokens stylesheet`)

process.exit(failed ? 1 : 0)
