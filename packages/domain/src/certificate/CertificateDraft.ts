/**
 * A certificate decided but not yet numbered. Numbers are allocated by the registry inside the issuing
 * transaction (domain.md §3), with deriveCertificateNumber from the draft's numbering prefix.
 */
import type { NumberingPrefix } from "../codes/CertificateNumber.js"
import type { Certificate } from "./Certificate.js"

export interface CertificateDraft {
  readonly prefix: NumberingPrefix
  readonly certificate: Omit<Certificate, "number" | "status">
}

/** The serial counter a draft draws from: one per prefix, issue year and level (the number's parts 1–6). */
export const serialKeyOf = (draft: CertificateDraft): string =>
  `${draft.prefix.type}${draft.prefix.institutionCode}${draft.prefix.province}${draft.prefix.siteSerial}${draft.certificate.issuedOn.slice(2, 4)}${draft.certificate.level}`
