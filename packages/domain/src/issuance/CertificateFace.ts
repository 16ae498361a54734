/**
 * What a level certificate shows as its issuer: the 落款 (issuer names), the signing responsible person(s) and
 * the seal(s). 54号·四: "由用人单位和第三方评价机构相关负责人签字核发…证书落款、印章唯一，不得擅自增设落款、印章" —
 * each list must hold exactly the institution's one value. Lists, so that an added 落款 or seal can be seen.
 */
import { Schema } from "effect"

export const CertificateFace = Schema.Struct({
  issuerNames: Schema.Array(Schema.String),
  signatories: Schema.Array(Schema.String),
  sealIds: Schema.Array(Schema.String)
})
export type CertificateFace = typeof CertificateFace.Type
