// The page of the components' browser test (React): every case of the matrix (data.cases),
// or the interaction fixtures (data.interactive). Written by hand; tests/components/build.mjs
// server-renders and hydrates it.
import { createElement, useEffect, useState, type FormEvent, type ReactNode } from 'react'

type Meta = Record<string, { slots: string[]; handlers: string[]; model: string | null }>

// Slot content as props: `default` is children, any other slot a prop of its name; text,
// or a list of <option>s.
type SlotContent = string | { options: string[] }
function slotProps(slots: Record<string, SlotContent>): Record<string, ReactNode> {
  const out: Record<string, ReactNode> = {}
  for (const [name, content] of Object.entries(slots ?? {})) {
    out[name === 'default' ? 'children' : name] =
      typeof content === 'string' ? content : content.options.map((o) => <option key={o}>{o}</option>)
  }
  return out
}

// Props of a live fixture kept in state; the component's own handlers update them: a
// close-like handler closes, `onXChange` sets x, `onUpdate` sets the spec's model prop.
// It starts from the component's default case (required props filled), its model prop empty.
function useLive(data: any, name: string, initial: Record<string, unknown>) {
  const meta: Meta = data.components
  const model = meta[name]?.model
  const [state, setState] = useState<Record<string, unknown>>(() => ({
    ...(data.defaults[name]?.props ?? {}),
    ...(model ? { [model]: '' } : {}),
    ...initial,
  }))
  const set = (key: string, v: unknown) => setState((s) => ({ ...s, [key]: v }))
  const on: Record<string, (v?: unknown) => void> = {}
  for (const h of meta[name]?.handlers ?? []) {
    const changed = h.match(/^on([A-Z]\w*)Change$/)
    if (changed) on[h] = (v) => set(changed[1]![0]!.toLowerCase() + changed[1]!.slice(1), v)
    else if (h === 'onUpdate' && meta[name]!.model) on[h] = (v) => set(meta[name]!.model!, v)
    else if (/close|cancel|dismiss/i.test(h)) on[h] = () => set('open', false)
  }
  return { state, on, set }
}

export function App({ data, components }: { data: any; components: Record<string, any> }) {
  const [clicks, setClicks] = useState(0)
  const [submitted, setSubmitted] = useState('')
  const [hydrated, setHydrated] = useState(false)
  const dialog = useLive(data, 'Dialog', { open: false, title: 'Confirm the order' })
  const field = useLive(data, 'TextField', { label: 'Email' })
  const tabs = useLive(data, 'Tabs', {})
  useEffect(() => {
    setHydrated(true)
    ;(window as any).__hydrated = true
  }, [])
  const { Button, Dialog, Tabs, TextField } = components
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSubmitted(new URLSearchParams(new FormData(event.currentTarget) as any).toString())
  }
  return (
    <main data-hydrated={hydrated ? 'true' : undefined}>
      <h1>
        Components ({data.framework}): {data.page}
      </h1>
      {data.cases.map((c: any) => (
        <section key={c.id} aria-label={`${c.component} ${c.name}`} data-case={c.id}>
          {createElement(components[c.component], { ...c.props, ...slotProps(c.slots) })}
        </section>
      ))}
      {data.interactive ? (
        <>
          <section aria-label="Keyboard" data-fixture="keyboard">
            <button type="button">Before</button>
            <Button onClick={() => setClicks((n) => n + 1)}>Count</Button>
            <Button disabled>Disabled</Button>
            <Button>After</Button>
            <button type="button">Last</button>
            <p>
              Clicks: <output data-clicks>{clicks}</output>
            </p>
          </section>
          <section aria-label="Dialog" data-fixture="dialog">
            <Button onClick={() => dialog.set('open', true)}>Open dialog</Button>
            {Dialog ? (
              <Dialog {...dialog.state} {...dialog.on} footer={<Button onClick={() => dialog.set('open', false)}>Cancel</Button>}>
                <p>Place the order?</p>
              </Dialog>
            ) : null}
          </section>
          {Tabs ? (
            <section aria-label="Tabs" data-fixture="tabs">
              <Tabs {...tabs.state} {...tabs.on} {...slotProps(data.defaults.Tabs?.slots)} />
            </section>
          ) : null}
          <section aria-label="Form" data-fixture="form">
            <form aria-label="Sign up" onSubmit={onSubmit}>
              {TextField ? <TextField {...field.state} name="email" {...field.on} /> : null}
              <Button type="submit">Submit</Button>
            </form>
            <p>
              Submitted: <output data-submitted>{submitted}</output>
            </p>
          </section>
        </>
      ) : null}
    </main>
  )
}
