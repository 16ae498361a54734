/**
 * A certificate lookup as a page runs it: idle, loading, or done with the API's answer. A newer lookup makes an
 * older answer still in flight irrelevant; found certificates are remembered for the print and verification pages.
 */
import { createSignal } from "solid-js"
import { type ApiResult, type CertificateView, type LookupInput, lookupCertificates } from "../api"
import { rememberLookup } from "./lastLookup"
import { failureOf, successOf } from "./result"

export type LookupAnswer = ApiResult<{ readonly certificates: ReadonlyArray<CertificateView> }>

export type LookupState =
  | { readonly kind: "idle" }
  | { readonly kind: "loading" }
  | { readonly kind: "done"; readonly result: LookupAnswer }

export const createLookup = () => {
  const [state, setState] = createSignal<LookupState>({ kind: "idle" })
  let ticket = 0
  const run = async (input: LookupInput): Promise<LookupAnswer | undefined> => {
    const mine = ++ticket
    setState({ kind: "loading" })
    const result = await lookupCertificates(input)
    if (mine !== ticket) return undefined
    if (result.ok) rememberLookup(result.value.certificates)
    setState({ kind: "done", result })
    return result
  }
  const reset = () => {
    ticket++
    setState({ kind: "idle" })
  }
  return { state, run, reset }
}

/** The certificates of a successful answer; undefined otherwise. */
export const foundIn = (state: LookupState): ReadonlyArray<CertificateView> | undefined =>
  state.kind === "done" ? successOf(state.result)?.certificates : undefined

/** The failed answer of a lookup; undefined otherwise. */
export const failureIn = (state: LookupState) => (state.kind === "done" ? failureOf(state.result) : undefined)
