/**
 * The verification page's steps as it shows them (issue #7): their order, titles and states, the live region's
 * sentence, the record an address's fragment carries, and the two checks that need no cryptography
 * (2 发证机构有权核发, 4 未注销). Light on purpose — no Effect, no SHA-256 — so the page renders its steps while the
 * cryptographic checks (lib/verification.ts) load.
 */
import { decodeCompactRecord } from "@jineng/domain/verification/CompactRecord"
import type { ApiResult } from "../api"
import type { LookupAnswer } from "./lookup"
import type { CertificateProof } from "./types"

/** waiting: the check needs the holder's name first; the four others are the ones the page names. */
export type StepState = "waiting" | "checking" | "passed" | "failed" | "unavailable"

export const STATE_NAMES: Readonly<Record<StepState, string>> = {
  waiting: "待检查",
  checking: "检查中",
  passed: "通过",
  failed: "未通过",
  unavailable: "无法检查"
}

export type StepId = "signature" | "authority" | "log" | "status"

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  signature: "签名有效",
  authority: "发证机构有权核发",
  log: "已记入透明日志",
  status: "未注销"
}

export const STEP_ORDER: ReadonlyArray<StepId> = ["signature", "authority", "log", "status"]

export interface StepResult {
  readonly state: StepState
  /** What the state means for this certificate, one sentence (zh-CN). */
  readonly summary: string
  /** The failing conditions (Decision failures[].message) or other detail. */
  readonly reasons: ReadonlyArray<string>
}

export const step = (state: StepState, summary: string, reasons: ReadonlyArray<string> = []): StepResult => ({
  state,
  summary,
  reasons
})

export const CHECKING = (summary = "正在检查……"): StepResult => step("checking", summary)
export const WAITING: StepResult = step("waiting", "请先填写持证人姓名，填写后即开始检查。")
export const LOAD_FAILED: StepResult = step("unavailable", "核验程序未能加载，请检查网络后刷新本页重试。")

/** The compact signed record of an address's fragment (`#r=<compact>`), or undefined. */
export const compactFromHash = (hash: string): string | undefined => {
  const value = new URLSearchParams(hash.replace(/^#/, "")).get("r")?.trim()
  return value === undefined || value === "" ? undefined : value
}

/**
 * The holder's name in the record of a fragment, unchecked (the lookup's second factor when the address has no
 * ?name=; the signature check decides whether the record is genuine).
 */
export const holderNameOfCompact = (compact: string | undefined): string | undefined => {
  const input = compact === undefined ? undefined : decodeCompactRecord(compact)
  const name = (input as { readonly record?: { readonly holderName?: unknown } } | undefined)?.record
    ?.holderName
  return typeof name === "string" && name.trim() !== "" ? name : undefined
}

type Failed = Extract<ApiResult<unknown>, { readonly ok: false }>

export const problemText = (failure: Failed): string =>
  failure.status === 429
    ? `查询较为频繁，${failure.retryAfter === undefined ? "请稍候" : `请在 ${failure.retryAfter} 秒后`}刷新本页再试`
    : `${failure.problem.title}：${failure.problem.detail}`

export const messagesOf = (decision: { readonly failures: ReadonlyArray<{ readonly message: string }> }) =>
  decision.failures.map((f) => f.message)

/** Step 2: the registry's decision on the issuer's authority for the occupation and level on the issue date. */
export const checkAuthority = (proof: ApiResult<CertificateProof>): StepResult => {
  if (!proof.ok)
    return step("unavailable", "未能取得证书登记库的核验数据，暂时无法检查。", [problemText(proof)])
  const decision = proof.value.issuerAuthority
  switch (decision.outcome) {
    case "allowed":
      return step(
        "passed",
        "发证日期当天，发证机构已纳入评价机构目录，且有权核发该职业（工种）和等级的证书。"
      )
    case "refused":
      return step(
        "failed",
        "发证日期当天，发证机构无权核发该职业（工种）和等级的证书。",
        messagesOf(decision)
      )
    case "not_in_force":
      return step("unavailable", "发证日期早于通知施行日期，本项按通知不适用。", messagesOf(decision))
    case "not_applicable":
      return step(
        "unavailable",
        "本证书不是评价机构核发的等级证书（如竞赛证书），本项不适用。",
        messagesOf(decision)
      )
    default:
      return step("unavailable", "证书登记库未给出发证机构的核发权限结论。", messagesOf(decision))
  }
}

/** Step 4: the registry's live status is 有效 and the log holds no revocation of the certificate. */
export const checkStatus = (
  number: string,
  lookup: LookupAnswer,
  proof: ApiResult<CertificateProof>
): StepResult => {
  if (!lookup.ok) {
    if (lookup.status === 404)
      return step("failed", "证书登记库中没有与该编号和姓名相符的证书，此证书不能作为有效证书使用。", [
        problemText(lookup)
      ])
    return step("unavailable", "未能查询证书登记库的实时状态，暂时无法检查。", [problemText(lookup)])
  }
  const certificate = lookup.value.certificates.find((c) => c.number === number)
  if (certificate === undefined)
    return step("failed", "证书登记库中没有与该编号和姓名相符的证书，此证书不能作为有效证书使用。")
  if (certificate.status.state === "revoked")
    return step(
      "failed",
      `此证书已于 ${certificate.status.revokedOn} 注销，注销原因：${certificate.status.reasonName}。已注销的证书不再有效。`,
      proof.ok
        ? proof.value.entries
            .filter((e) => e.event._tag === "revoked")
            .map((e) => `透明日志记有注销（日志序号 ${e.leafIndex}，${e.event.on}）`)
        : []
    )
  const revoked = proof.ok ? proof.value.entries.filter((e) => e.event._tag === "revoked") : []
  if (revoked.length > 0)
    return step(
      "failed",
      "透明日志记有此证书的注销，与登记库的实时状态不符，请以证书登记库为准并向发证机构核实。",
      revoked.map((e) => `注销记录：日志序号 ${e.leafIndex}，${e.event.on}`)
    )
  return proof.ok
    ? step("passed", "证书登记库的实时状态为“有效”，透明日志中没有注销记录。")
    : step("passed", "证书登记库的实时状态为“有效”。", [
        `未能取得透明日志，未核对注销记录：${problemText(proof)}`
      ])
}

export const NO_RECORD =
  "此链接不含证书的签名记录（较早打印的二维码，或手动输入的地址），无法在浏览器中核验签名。其余各项仍按证书登记库的实时数据和透明日志检查。"

/** The live region's sentence for the steps as they stand. */
export const progressText = (steps: Readonly<Record<StepId, StepResult>>): string => {
  const all = STEP_ORDER.map((id) => steps[id])
  if (all.some((s) => s.state === "waiting")) return "核验尚未开始：请填写持证人姓名。"
  const done = all.filter((s) => s.state !== "checking").length
  if (done < all.length) return `正在核验：已完成 ${done} 项，共 ${all.length} 项……`
  const count = (state: StepState) => all.filter((s) => s.state === state).length
  const failed = count("failed")
  const unavailable = count("unavailable")
  const verdict =
    failed > 0
      ? `核验完成：${failed} 项未通过（${STEP_ORDER.filter((id) => steps[id].state === "failed")
          .map((id) => STEP_TITLES[id])
          .join("、")}）`
      : "核验完成：各项均未发现问题"
  return `${verdict}；${count("passed")} 项通过${unavailable > 0 ? `，${unavailable} 项无法检查` : ""}。`
}
