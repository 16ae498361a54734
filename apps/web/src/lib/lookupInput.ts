/**
 * The lookup form's checks, made in the browser with the domain's own rules before any request (domain.md §2–§3):
 * the 22-character certificate number layout, the resident ID's MOD 11-2 check and real birth date. Messages are
 * the domain's zh-CN messages.
 */
import { certificateNumberMessage, certificateNumberProblem } from "@jineng/domain/codes/CertificateNumber"
import {
  normaliseResidentId,
  residentIdMessage,
  residentIdProblem
} from "@jineng/domain/codes/ResidentIdNumber"
import type { LookupInput } from "../api"

export type LookupMode = "number" | "idNumber"

export interface LookupValues {
  readonly number: string
  readonly idNumber: string
  readonly name: string
}

export interface LookupErrors {
  readonly number?: string
  readonly idNumber?: string
  readonly name?: string
}

/** Spaces removed and letters upper-cased, as people copy a number from paper. */
export const normaliseCertificateNumber = (s: string): string => s.replace(/\s+/g, "").toUpperCase()

export const certificateNumberError = (raw: string): string | undefined => {
  const number = normaliseCertificateNumber(raw)
  if (number === "") return "请填写证书编号（22位，如 S000032000001264000123）"
  const problem = certificateNumberProblem(number)
  return problem === undefined ? undefined : certificateNumberMessage(problem)
}

export const residentIdError = (raw: string): string | undefined => {
  const id = normaliseResidentId(raw)
  if (id === "") return "请填写居民身份证号码（18位）"
  const problem = residentIdProblem(id)
  return problem === undefined ? undefined : residentIdMessage(problem)
}

export const holderNameError = (raw: string): string | undefined =>
  raw.trim() === "" ? "请填写持证人姓名（与证书上的姓名一致）" : undefined

const withoutUndefined = (errors: Record<string, string | undefined>): LookupErrors =>
  Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined))

/** The request to send, or the errors to show (and no request). */
export const checkLookup = (
  mode: LookupMode,
  values: LookupValues
): { readonly input: LookupInput } | { readonly errors: LookupErrors } => {
  const errors = withoutUndefined(
    mode === "number"
      ? { number: certificateNumberError(values.number), name: holderNameError(values.name) }
      : { idNumber: residentIdError(values.idNumber), name: holderNameError(values.name) }
  )
  if (Object.keys(errors).length > 0) return { errors }
  const name = values.name.trim()
  return {
    input:
      mode === "number"
        ? { name, number: normaliseCertificateNumber(values.number) }
        : { name, idNumber: normaliseResidentId(values.idNumber) }
  }
}
