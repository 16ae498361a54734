/**
 * What a level certificate shows as its issuer: the 落款 (issuer names), the signing responsible person(s) and
 * the seal(s). 54号·四: "由用人单位和第三方评价机构相关负责人签字核发…证书落款、印章唯一，不得擅自增设落款、印章" —
 * each list must hold exactly the institution's one value. Lists, so that an added 落款 or seal can be seen.
 */
import { Schema } from "effect"
import { required, Text } from "../shared/FieldSchema.js"

const list = (label: string) =>
  required(Schema.Array(Text(label)).annotations({ message: () => `${label}应为列表` }), label)

export const CertificateFace = Schema.Struct({
  issuerNames: list("证书落款"),
  signatories: list("签发负责人"),
  sealIds: list("印章编号")
}).annotations({ message: () => "证书落款、签字与印章应为对象" })
export type CertificateFace = typeof CertificateFace.Type
