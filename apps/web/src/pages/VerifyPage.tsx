/**
 * 证书验证: the page a certificate's QR code opens (`/verify/<number>?name=<name>#r=<compact>`, the API's
 * verificationUrl). Four checks, each shown as a step (lib/verification.ts, issue #7): the signed record the QR
 * code carries verifies in the browser; the issuer was authorised for the occupation and level on the issue
 * date; the issuance is in the transparency log; the certificate is not revoked. Below them the registry's live
 * record (54号·四: only certificates in the registry are valid; a revoked one shows its date and reason), with
 * the holder's name as second factor. The record in the fragment never reaches the server.
 */
import { useLocation, useParams, useSearchParams } from "@solidjs/router"
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js"
import { type ApiResult, getCertificateProof, getVerificationKeys } from "../api"
import { CertificateFields, RevocationNote, StatusBadge } from "../components/CertificateFields"
import { createNumberLookup, NameCheckForm } from "../components/NameCheck"
import { PageHeading } from "../components/PageHeading"
import type { CertificateProof, VerificationKeys } from "../lib/types"
import {
  CHECKING,
  checkAuthority,
  checkStatus,
  compactFromHash,
  holderNameOfCompact,
  LOAD_FAILED,
  NO_RECORD,
  progressText,
  STATE_NAMES,
  STEP_ORDER,
  STEP_TITLES,
  type StepId,
  type StepResult,
  type StepState,
  step,
  WAITING
} from "../lib/verificationSteps"

/** Checks 1 and 3 (Effect Schema, SHA-256, Ed25519): loaded once, after the page has rendered. */
let checksModule: Promise<typeof import("../lib/verification")> | undefined
const loadChecks = () => {
  checksModule ??= import("../lib/verification").catch((error: unknown) => {
    checksModule = undefined
    throw error
  })
  return checksModule
}

const checkedAt = () =>
  new Date().toLocaleString("zh-CN", { hour12: false, dateStyle: "medium", timeStyle: "short" })

const STATE_MARKS: Readonly<Record<StepState, string>> = {
  waiting: "○",
  checking: "…",
  passed: "✓",
  failed: "✗",
  unavailable: "—"
}

const CheckStep = (props: { readonly id: StepId; readonly result: StepResult }) => (
  <li class={`check check--${props.result.state}`} data-step={props.id}>
    <h3 class="check__title">
      <span>{STEP_TITLES[props.id]}</span>
      <span class="visually-hidden">：</span>
      <span class={`check__state check__state--${props.result.state}`}>
        <span aria-hidden="true">{STATE_MARKS[props.result.state]} </span>
        {STATE_NAMES[props.result.state]}
      </span>
    </h3>
    <p class="check__summary">{props.result.summary}</p>
    <Show when={props.result.reasons.length > 0}>
      <ul class="check__reasons">
        <For each={props.result.reasons}>{(reason) => <li>{reason}</li>}</For>
      </ul>
    </Show>
  </li>
)

export default function VerifyPage() {
  const params = useParams<{ number: string }>()
  const [search] = useSearchParams<{ name?: string }>()
  const location = useLocation()
  const compact = createMemo(() => compactFromHash(location.hash))
  const nameInLink = () => (typeof search.name === "string" ? search.name : undefined)
  // The QR code's record names the holder too: a link without ?name= still checks both factors at once.
  const lookup = createNumberLookup(
    () => params.number,
    () => nameInLink() ?? holderNameOfCompact(compact())
  )

  let keys: Promise<ApiResult<VerificationKeys>> | undefined
  const verificationKeys = () => {
    keys ??= getVerificationKeys().then((answer) => {
      if (!answer.ok) keys = undefined
      return answer
    })
    return keys
  }

  const [signature, setSignature] = createSignal<StepResult>(
    compact() === undefined ? step("unavailable", NO_RECORD) : CHECKING()
  )
  let signatureTicket = 0
  createEffect(
    on([compact, lookup.number], ([text, number]) => {
      if (lookup.numberProblem() !== undefined) return
      const mine = ++signatureTicket
      if (text !== undefined) setSignature(CHECKING())
      void Promise.all([loadChecks(), verificationKeys()])
        .then(([checks, answer]) => checks.checkSignature(text, { number, name: nameInLink() }, answer))
        .catch(() => LOAD_FAILED)
        .then((result) => {
          if (mine === signatureTicket) setSignature(result)
        })
    })
  )

  // Steps 2–4 start with each lookup of the registry (the name given, or typed in the form).
  const [proof, setProof] = createSignal<ApiResult<CertificateProof> | undefined>()
  const [log, setLog] = createSignal<StepResult>(WAITING)
  let proofTicket = 0
  createEffect(
    on(
      () => lookup.lookup.state().kind,
      (kind) => {
        if (kind !== "loading") return
        const mine = ++proofTicket
        const number = lookup.number()
        setProof(undefined)
        setLog(CHECKING())
        void getCertificateProof({ number, name: lookup.name().trim() }).then(async (answer) => {
          if (mine !== proofTicket) return
          setProof(answer)
          const result = await Promise.all([loadChecks(), verificationKeys()])
            .then(([checks, keysAnswer]) => checks.checkLog(number, compact(), answer, keysAnswer))
            .catch(() => LOAD_FAILED)
          if (mine === proofTicket) setLog(result)
        })
      }
    )
  )
  const authority = createMemo((): StepResult => {
    if (lookup.lookup.state().kind === "idle") return WAITING
    const answer = proof()
    return answer === undefined ? CHECKING() : checkAuthority(answer)
  })
  const status = createMemo((): StepResult => {
    const state = lookup.lookup.state()
    if (state.kind === "idle") return WAITING
    const answer = proof()
    return state.kind === "loading" || answer === undefined
      ? CHECKING()
      : checkStatus(lookup.number(), state.result, answer)
  })
  const steps = (): Readonly<Record<StepId, StepResult>> => ({
    signature: signature(),
    authority: authority(),
    log: log(),
    status: status()
  })

  const statusLine = () => {
    if (lookup.lookup.state().kind === "loading") return "正在验证，请稍候……"
    const c = lookup.certificate()
    return c === undefined
      ? "尚未验证。"
      : `验证结果：${c.status.name}（${c.holder.name}，${c.occupation.name}）`
  }
  return (
    <>
      <PageHeading title="证书验证" />
      <p class="lead">
        证书编号：<strong>{lookup.number()}</strong>
      </p>
      <p>
        本页在您的浏览器中核验二维码所载的证书登记库电子签名，并实时查询证书登记库和透明日志，逐项显示核验结果。不在登记库中的证书和编号一律无效。
      </p>
      <NameCheckForm lookup={lookup} submitLabel="验证" />
      <Show when={lookup.numberProblem() === undefined}>
        <section aria-labelledby="checks-heading">
          <h2 id="checks-heading">核验步骤</h2>
          <p role="status" class="checks__progress">
            {progressText(steps())}
          </p>
          <ol class="checks" aria-labelledby="checks-heading">
            <For each={STEP_ORDER}>{(id) => <CheckStep id={id} result={steps()[id]} />}</For>
          </ol>
        </section>
      </Show>
      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">验证结果</h2>
        <p role="status">{statusLine()}</p>
        <Show when={lookup.certificate()}>
          {(certificate) => (
            <div class={`card card--${certificate().status.state}`}>
              <p class="verdict">
                证书状态：
                <StatusBadge status={certificate().status} />
              </p>
              <RevocationNote status={certificate().status} />
              <CertificateFields certificate={certificate()} />
              <p class="muted">核验时间：{checkedAt()}（证书登记库实时数据）</p>
            </div>
          )}
        </Show>
      </section>
    </>
  )
}
