/**
 * A batch of level certificates to issue after an evaluation batch (54号·四 规范证书核发; 附件2 评价批次): who
 * issues, when, where the evaluation took place, and one row per candidate. Every decode message is zh-CN and
 * names the field (shared/FieldSchema).
 */
import { Schema } from "effect"
import { Holder } from "../certificate/Certificate.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { CertificateFace } from "./CertificateFace.js"

export const BatchCandidate = Schema.Struct({
  holder: required(Holder, "持证人"),
  /** The candidate's employer; required when an employer issues (own staff only). */
  employerUscc: Schema.optionalWith(SocialCreditCode, { exact: true }),
  occupationCode: required(OccupationCode, "职业编码"),
  workType: Schema.optionalWith(Text("工种名称"), { exact: true }),
  level: required(
    SkillLevel.annotations({
      message: () => ({ message: "证书等级应为1至5（五级/初级工至一级/高级技师）", override: true })
    }),
    "证书等级"
  )
}).annotations({ message: () => "发证人员应为对象（持证人、职业编码、等级）" })
export type BatchCandidate = typeof BatchCandidate.Type

export const IssueBatchRequest = Schema.Struct({
  /** The evaluation batch; also the idempotency key of the issuance. */
  batchId: required(Id("批次编号"), "批次编号"),
  institutionId: required(Id("评价机构编号"), "评价机构编号"),
  issuedOn: required(LocalDate, "发证日期"),
  evaluationRegion: required(RegionCode, "评价所在地区"),
  candidates: required(
    Schema.Array(BatchCandidate).annotations({ message: () => "发证人员名单应为列表" }),
    "发证人员名单"
  ),
  /** The issuer as it will be printed; absent = the institution's name, responsible person and seal. */
  face: Schema.optionalWith(CertificateFace, { exact: true })
}).annotations({ message: () => "发证申请应为对象" })
export type IssueBatchRequest = typeof IssueBatchRequest.Type
