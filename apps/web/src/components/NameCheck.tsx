/**
 * The holder's name for a certificate reached by its number alone (a QR code, a shared link): the public lookup
 * always needs two factors (domain.md §2), so the visitor types the name printed on the certificate. When the
 * visitor has just found the certificate on this site, its name is known and the check runs at once.
 */
import { certificateNumberMessage, certificateNumberProblem } from "@jineng/domain/codes/CertificateNumber"
import { createSignal, onMount, Show } from "solid-js"
import type { CertificateView } from "../api"
import { rememberedCertificate } from "../lib/lastLookup"
import { createLookup, failureIn, foundIn } from "../lib/lookup"
import { holderNameError, normaliseCertificateNumber } from "../lib/lookupInput"
import { TextField } from "./Field"
import { Notice } from "./Notice"
import { ProblemNotice } from "./ProblemNotice"

/**
 * A lookup of one certificate by its number (from the address) and the holder's name — remembered from this
 * visit's lookup, or given by the link itself (`?name=`: the QR code printed on the certificate carries the name
 * printed next to it, so scanning it checks both factors at once).
 */
export const createNumberLookup = (
  rawNumber: () => string,
  nameFromLink: () => string | undefined = () => undefined
) => {
  const number = () => normaliseCertificateNumber(rawNumber())
  const numberProblem = () => {
    const problem = certificateNumberProblem(number())
    return problem === undefined ? undefined : certificateNumberMessage(problem)
  }
  const [name, setName] = createSignal(rememberedCertificate(number())?.holder.name ?? nameFromLink() ?? "")
  const [nameError, setNameError] = createSignal<string | undefined>()
  const lookup = createLookup()
  const check = () => {
    const error = holderNameError(name())
    setNameError(error)
    if (error !== undefined || numberProblem() !== undefined) return false
    void lookup.run({ number: number(), name: name().trim() })
    return true
  }
  const certificate = (): CertificateView | undefined =>
    foundIn(lookup.state())?.find((c) => c.number === number())
  onMount(() => {
    if (name() !== "") check()
  })
  return { number, numberProblem, name, setName, nameError, check, lookup, certificate }
}

export type NumberLookup = ReturnType<typeof createNumberLookup>

export const NameCheckForm = (props: { readonly lookup: NumberLookup; readonly submitLabel: string }) => {
  let input: HTMLInputElement | undefined
  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    if (!props.lookup.check() && props.lookup.nameError() !== undefined) input?.focus()
  }
  return (
    <Show
      when={props.lookup.numberProblem() === undefined}
      fallback={
        <Notice tone="error" title="证书编号无效">
          <p>
            链接中的证书编号“{props.lookup.number()}”不符合证书编号规则：{props.lookup.numberProblem()}
            。请核对证书上的二维码或编号，或到证书查询页面查询。
          </p>
        </Notice>
      }
    >
      <form onSubmit={submit} novalidate>
        <TextField
          id="holder-name"
          label="持证人姓名"
          hint="为保护持证人信息，请填写证书上的持证人姓名，与证书编号一并核验"
          required
          autocomplete="off"
          maxLength={50}
          value={props.lookup.name()}
          onValue={props.lookup.setName}
          error={props.lookup.nameError()}
          ref={(el: HTMLInputElement) => {
            input = el
          }}
        />
        <div class="actions">
          <button class="button" type="submit" disabled={props.lookup.lookup.state().kind === "loading"}>
            {props.submitLabel}
          </button>
        </div>
      </form>
      <Show when={failureIn(props.lookup.lookup.state())}>
        {(failure) => <ProblemNotice failure={failure()} />}
      </Show>
    </Show>
  )
}
