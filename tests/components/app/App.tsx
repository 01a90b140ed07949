// The page of the components' browser test (React): every case of the matrix (data.cases),
// or the interaction fixtures (data.interactive). Written by hand; tests/components/build.mjs
// server-renders and hydrates it.
import { createElement, useEffect, useState, type FormEvent, type ReactNode } from 'react'

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

// Props of a live fixture kept in state, from the component's default case; its own
// handlers update them (the bindings build.mjs works out from the generated code).
function useLive(data: any, name: string, initial: Record<string, unknown>) {
  const meta = data.components[name]
  const [state, setState] = useState<Record<string, unknown>>(() => ({ ...(meta?.start ?? {}), ...initial }))
  const set = (key: string, v: unknown) => setState((s) => ({ ...s, [key]: v }))
  const on: Record<string, (v?: any) => void> = {}
  for (const b of meta?.bindings ?? []) {
    on[b.handler] = b.close ? () => set('open', false) : (v) => set(b.prop, v?.target ? v.target.value : v)
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
