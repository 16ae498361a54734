/**
 * The facts of an issuance dry run (rules as a service, 54号·四): who would issue, on which day, where the
 * evaluation took place, and the candidates' employer, occupation, 工种 and level — no holder, since issuance
 * authority never looks at the person. At most 1,000 candidates per question.
 */
import { Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { Id, required } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { CertificateFace } from "./CertificateFace.js"
import { BatchCandidate } from "./IssueBatchRequest.js"

export const MAX_CHECK_CANDIDATES = 1000

const { holder: _holder, ...candidateFields } = BatchCandidate.fields

export const IssuanceCheckCandidate = Schema.Struct(candidateFields).annotations({
  identifier: "IssuanceCheckCandidate",
  message: () => "待核验人员应为对象（职业编码、等级，及用人单位、工种）"
})

export const IssuanceCheckRequest = Schema.Struct({
  institutionId: required(Id("评价机构编号"), "评价机构编号"),
  issuedOn: required(LocalDate, "发证日期"),
  evaluationRegion: required(RegionCode, "评价所在地区"),
  candidates: required(
    Schema.Array(IssuanceCheckCandidate).pipe(
      Schema.maxItems(MAX_CHECK_CANDIDATES, {
        message: () => `每次核验不超过 ${MAX_CHECK_CANDIDATES} 人`
      }),
      Schema.minItems(1, { message: () => "至少需要一名待核验人员" })
    ),
    "待核验人员"
  ),
  face: Schema.optionalWith(CertificateFace, { exact: true })
}).annotations({ identifier: "IssuanceCheckRequest", title: "发证权限核验请求" })
export type IssuanceCheckRequest = typeof IssuanceCheckRequest.Type
