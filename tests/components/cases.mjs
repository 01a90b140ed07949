// The cases of the components' browser test, read from the component specs (YAML): every
// component in its defaults, in every variant (the props of each variant's `when`, also
// those of part variants) and in every state (each boolean prop set, each optional string
// prop set), with text in every slot. A modal (a component whose role or element is a
// dialog) opened by a case gets a page of its own.
import fs from 'node:fs'
import path from 'node:path'

// Sample text for string props, by name; any other string prop gets "<Component> <prop>".
const SAMPLES = {
  label: 'Email',
  title: 'Confirm the order',
  placeholder: 'name@example.com',
  helpText: 'We never share it.',
  error: 'Enter a valid address.',
  value: 'ada@example.com',
}

// Items of a list prop: three, from its `item` shape (the last one disabled when a boolean
// field can say so, so that keyboard flows skip it).
const items = (component, prop) =>
  [1, 2, 3].map((i) =>
    Object.fromEntries(
      Object.entries(prop.item ?? {}).map(([field, type]) => [
        field,
        type === 'boolean' ? i === 3 : type === 'number' ? i : field === 'value' ? `${field}-${i}` : `${component} ${field} ${i}`,
      ]),
    ),
  )

const sample = (component, prop) => {
  if (prop.type === 'list') return items(component, prop)
  if (prop.type === 'boolean') return true
  if (prop.type === 'number') return 1
  if (prop.type === 'enum') return prop.values?.[0]
  return SAMPLES[prop.name] ?? `${component} ${prop.name}`
}

// A `when` value as a prop value: literals as they are, `set` (presence) as a sample.
function whenProps(spec, when) {
  const out = {}
  for (const [name, value] of Object.entries(when ?? {})) {
    const prop = (spec.props ?? []).find((p) => p.name === name)
    if (!prop) continue
    out[name] = value === 'set' && prop.type !== 'enum' ? sample(spec.name, prop) : value
  }
  return out
}

export const isModal = (spec) =>
  spec.element === 'dialog' || spec.accessibility?.role === 'dialog' || spec.accessibility?.role === 'alertdialog'

// The prop a part binds two-way (`model:` on a part or on its repeated items), if any.
export const modelProp = (spec) => {
  const part = (spec.parts ?? []).find((p) => p.model || p.each?.model)
  return part?.model ?? part?.each?.model
}

export function readSpecs(dir, parse) {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: f, ...parse(fs.readFileSync(path.join(dir, f), 'utf8')) }))
}

export function casesOf(spec) {
  const props = spec.props ?? []
  const base = {}
  for (const p of props) {
    if (p.required) base[p.name] = p.type === 'boolean' ? false : sample(spec.name, p)
  }
  // Slot content is text; the default slot of a component with a <select> gets <option>s.
  const select = spec.element === 'select' || (spec.parts ?? []).some((p) => p.element === 'select')
  const slots = {}
  for (const s of spec.slots ?? []) {
    if (s.name === 'default' && select) slots[s.name] = { options: ['First option', 'Second option'] }
    else slots[s.name] = s.name === 'default' ? `${spec.name} content` : `${spec.name} ${s.name}`
  }
  const cases = [{ name: 'default', props: { ...base } }]
  const add = (name, extra) => cases.push({ name, props: { ...base, ...extra } })
  for (const v of spec.variants ?? []) add(`variant ${v.name}`, whenProps(spec, v.when))
  for (const part of spec.parts ?? []) {
    for (const v of part.variants ?? []) add(`part ${part.name} variant ${v.name}`, whenProps(spec, v.when))
  }
  for (const p of props) {
    if (p.type === 'boolean') add(`state ${p.name}`, { [p.name]: true })
    else if (p.type === 'string' && !p.required) add(`state ${p.name} set`, { [p.name]: sample(spec.name, p) })
  }
  return cases.map((c, i) => ({
    id: `${spec.name}-${i}`,
    component: spec.name,
    name: c.name,
    props: c.props,
    slots,
    modal: isModal(spec) && c.props.open === true,
  }))
}
