/**
 * A batch of level certificates to issue after an evaluation batch (54号·四 规范证书核发; 附件2 评价批次): who
 * issues, when, where the evaluation took place, and one row per candidate.
 */
import { Schema } from "effect"
import { Holder } from "../certificate/Certificate.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { CertificateFace } from "./CertificateFace.js"

export const BatchCandidate = Schema.Struct({
  holder: Holder,
  /** The candidate's employer; required when an employer issues (own staff only). */
  employerUscc: Schema.optional(SocialCreditCode),
  occupationCode: OccupationCode,
  workType: Schema.optional(Schema.String.pipe(Schema.minLength(1))),
  level: SkillLevel
})
export type BatchCandidate = typeof BatchCandidate.Type

export const IssueBatchRequest = Schema.Struct({
  /** The evaluation batch; also the idempotency key of the issuance. */
  batchId: Schema.String.pipe(Schema.minLength(1)),
  institutionId: Schema.String.pipe(Schema.minLength(1)),
  issuedOn: LocalDate,
  evaluationRegion: RegionCode,
  candidates: Schema.Array(BatchCandidate),
  /** The issuer as it will be printed; absent = the institution's name, responsible person and seal. */
  face: Schema.optional(CertificateFace)
})
export type IssueBatchRequest = typeof IssueBatchRequest.Type
