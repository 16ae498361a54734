/**
 * 证书查询 (54号·四 "提供相应查询服务"; domain.md §2 two factors): certificate number + name, or resident ID number +
 * name. Both inputs are checked in the browser with the domain's rules before any request; errors sit next to
 * their field and the first one takes the focus. The answer: one card per certificate with its status badge.
 */
import { createSignal, For, Show } from "solid-js"
import { createStore } from "solid-js/store"
import { CertificateCard } from "../components/CertificateCard"
import { TextField } from "../components/Field"
import { PageHeading } from "../components/PageHeading"
import { ProblemNotice } from "../components/ProblemNotice"
import { createLookup, failureIn, foundIn } from "../lib/lookup"
import { checkLookup, type LookupErrors, type LookupMode } from "../lib/lookupInput"

const MODES: ReadonlyArray<{ readonly value: LookupMode; readonly label: string }> = [
  { value: "number", label: "证书编号＋姓名" },
  { value: "idNumber", label: "身份证号＋姓名" }
]

const FIELD_ORDER = ["number", "idNumber", "name"] as const

export default function LookupPage() {
  const [mode, setMode] = createSignal<LookupMode>("number")
  const [values, setValues] = createStore({ number: "", idNumber: "", name: "" })
  const [errors, setErrors] = createSignal<LookupErrors>({})
  const lookup = createLookup()
  const inputs: Partial<Record<(typeof FIELD_ORDER)[number], HTMLInputElement>> = {}

  const focusFirstError = (found: LookupErrors) => {
    const first = FIELD_ORDER.find((field) => found[field] !== undefined)
    if (first !== undefined) inputs[first]?.focus()
  }

  const switchMode = (next: LookupMode) => {
    setMode(next)
    setErrors({})
    lookup.reset()
  }

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const checked = checkLookup(mode(), values)
    if ("errors" in checked) {
      lookup.reset()
      setErrors(checked.errors)
      focusFirstError(checked.errors)
      return
    }
    setErrors({})
    const result = await lookup.run(checked.input)
    // The API checks the same rules; should it still refuse a field, show its message on that field.
    const field = result !== undefined && !result.ok ? result.problem.field : undefined
    if (result !== undefined && !result.ok && result.status === 400 && field !== undefined) {
      const known = FIELD_ORDER.find((f) => f === field)
      if (known !== undefined) {
        setErrors({ [known]: result.problem.detail })
        focusFirstError({ [known]: result.problem.detail })
      }
    }
  }

  /** One line for screen readers (a live region) and everyone: what the last action gave. */
  const statusLine = () => {
    const count = Object.keys(errors()).length
    if (count > 0) return `请更正上面 ${count} 处填写错误后再查询。`
    const state = lookup.state()
    if (state.kind === "loading") return "正在查询，请稍候……"
    const certificates = foundIn(state)
    if (certificates !== undefined)
      return `查询到 ${certificates.length} 本证书：${certificates.map((c) => c.status.name).join("、")}。`
    return failureIn(state)?.problem.title ?? "尚未查询。"
  }

  return (
    <>
      <PageHeading title="证书查询" />
      <p class="lead">
        查询职业技能等级证书的真伪和状态。请填写证书编号（或居民身份证号）和持证人姓名，两项信息须同时相符。
      </p>
      <form onSubmit={submit} novalidate aria-describedby="lookup-privacy">
        <fieldset>
          <legend>查询方式</legend>
          <div class="radios">
            <For each={MODES}>
              {(m) => (
                <div class="radio">
                  <input
                    type="radio"
                    id={`mode-${m.value}`}
                    name="mode"
                    value={m.value}
                    checked={mode() === m.value}
                    onChange={() => switchMode(m.value)}
                  />
                  <label for={`mode-${m.value}`}>{m.label}</label>
                </div>
              )}
            </For>
          </div>
        </fieldset>
        <Show
          when={mode() === "number"}
          fallback={
            <TextField
              id="idNumber"
              label="居民身份证号码"
              hint="18位，最后一位可能是 X"
              required
              autocomplete="off"
              spellcheck={false}
              maxLength={20}
              value={values.idNumber}
              onValue={(v) => setValues("idNumber", v)}
              error={errors().idNumber}
              ref={(el: HTMLInputElement) => {
                inputs.idNumber = el
              }}
            />
          }
        >
          <TextField
            id="number"
            label="证书编号"
            hint="22位，首位为 S 或 Y，其余为数字"
            required
            autocomplete="off"
            spellcheck={false}
            maxLength={30}
            value={values.number}
            onValue={(v) => setValues("number", v)}
            error={errors().number}
            ref={(el: HTMLInputElement) => {
              inputs.number = el
            }}
          />
        </Show>
        <TextField
          id="name"
          label="持证人姓名"
          required
          autocomplete="name"
          maxLength={50}
          value={values.name}
          onValue={(v) => setValues("name", v)}
          error={errors().name}
          ref={(el: HTMLInputElement) => {
            inputs.name = el
          }}
        />
        <p class="hint" id="lookup-privacy">
          查询结果中的证件号码只显示前6位和后4位。为保护持证人信息，查询次数有限制。
        </p>
        <div class="actions">
          <button class="button" type="submit" disabled={lookup.state().kind === "loading"}>
            查询
          </button>
        </div>
      </form>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">查询结果</h2>
        <p role="status">{statusLine()}</p>
        <Show when={failureIn(lookup.state())}>{(failure) => <ProblemNotice failure={failure()} />}</Show>
        <For each={foundIn(lookup.state()) ?? []}>
          {(certificate) => <CertificateCard certificate={certificate} />}
        </For>
      </section>
    </>
  )
}
