// Node module hooks for tests/typecheck/ssr.mjs: load the generated sources directly.
// - extensionless relative imports resolve to .ts/.tsx/.js,
// - .ts/.tsx are transpiled with TypeScript (JSX: react-jsx),
// - .vue single-file components are compiled with @vue/compiler-sfc,
// - .svelte components are compiled with the Svelte compiler (server output),
// - *.module.css become CSS modules: { className: `<File>_<className>` }.
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHash } from 'node:crypto'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs']

export async function resolve(specifier, context, nextResolve) {
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && context.parentURL) {
    const url = new URL(specifier, context.parentURL)
    if (!existsSync(fileURLToPath(url))) {
      for (const ext of EXTENSIONS) {
        const candidate = new URL(specifier + ext, context.parentURL)
        if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true }
      }
    }
  }
  return nextResolve(specifier, context)
}

function transpile(code, fileName) {
  const out = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
      verbatimModuleSyntax: true,
    },
  })
  if (out.diagnostics?.length) {
    throw new Error(`${fileName}: ${ts.flattenDiagnosticMessageText(out.diagnostics[0].messageText, '\n')}`)
  }
  return out.outputText
}

async function compileVue(source, path) {
  const { parse, compileScript } = await import('vue/compiler-sfc')
  const { descriptor, errors } = parse(source, { filename: path })
  if (errors.length) throw new Error(`${path}: ${errors[0].message ?? errors[0]}`)
  const id = `data-v-${createHash('sha256').update(path).digest('hex').slice(0, 8)}`
  const scoped = descriptor.styles.some((s) => s.scoped)
  const script = compileScript(descriptor, {
    id,
    inlineTemplate: true,
    genDefaultAs: '__sfc__',
    templateOptions: { scoped, compilerOptions: { scopeId: scoped ? id : undefined } },
  })
  const code = `${script.content}\n${scoped ? `__sfc__.__scopeId = ${JSON.stringify(id)}\n` : ''}export default __sfc__\n`
  return transpile(code, `${path}.ts`)
}

async function compileSvelte(source, path) {
  const { compile } = await import('svelte/compiler')
  const out = compile(source, { filename: path, generate: 'server' })
  return out.js.code
}

function cssModule(source, path) {
  const file = basename(path).replace(/\.module\.css$/, '')
  const classes = {}
  for (const m of source.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)) {
    classes[m[1]] = `${file}_${m[1]}`
  }
  return `export default ${JSON.stringify(classes)}\n`
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:')) return nextLoad(url, context)
  const path = fileURLToPath(url)
  const read = () => readFileSync(path, 'utf8')
  let source
  if (path.endsWith('.module.css')) source = cssModule(read(), path)
  else if (path.endsWith('.ts') || path.endsWith('.tsx')) source = transpile(read(), path)
  else if (path.endsWith('.vue')) source = await compileVue(read(), path)
  else if (path.endsWith('.svelte')) source = await compileSvelte(read(), path)
  else return nextLoad(url, context)
  return { format: 'module', source, shortCircuit: true }
}
