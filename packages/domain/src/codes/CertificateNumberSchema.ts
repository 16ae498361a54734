/** Schemas for certificate numbers: the 22-character number, and a prior certificate's number (22 or legacy 16). */
import { Schema } from "effect"
import { certificateNumberMessage, certificateNumberProblem } from "./CertificateNumber.js"
import { isLegacyCertificateNumber } from "./LegacyCertificateNumber.js"

export const CertificateNumber = Schema.String.annotations({ message: () => "证书编号应为文本" }).pipe(
  Schema.filter(
    (s) => {
      const problem = certificateNumberProblem(s)
      return problem === undefined || certificateNumberMessage(problem)
    },
    { identifier: "CertificateNumber", description: "22位职业技能等级证书编号，如 S000032000001243000001" }
  ),
  Schema.brand("CertificateNumber")
)
export type CertificateNumber = typeof CertificateNumber.Type

/** A number as presented for a prior certificate: the 22-character rule or a legacy 16-digit 职业资格 number. */
export const PriorCertificateNumber = Schema.String.annotations({ message: () => "证书编号应为文本" }).pipe(
  Schema.filter(
    (s) =>
      certificateNumberProblem(s) === undefined ||
      isLegacyCertificateNumber(s) ||
      "证书编号应为22位职业技能等级证书编号或16位职业资格证书编号",
    { identifier: "PriorCertificateNumber" }
  )
)
