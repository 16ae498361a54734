/**
 * What organisations send to the competition use cases (54号·二、四、五; 附件1, 附件3): a competition to file with
 * its plans, plans to publish, a filing to submit, an opinion row of 附件1, a co-signature, and competition
 * certificates to issue. Every decode message is zh-CN and names the field (shared/FieldSchema).
 */
import { Schema } from "effect"
import { Holder } from "../certificate/Certificate.js"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { PhoneNumber } from "../quality/PhoneNumberSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { Competition } from "./Competition.js"
import { OpinionVerdict } from "./Filing.js"
import { FilingLevel } from "./FilingLevelSchema.js"

/** Most plans one request publishes. */
export const MAX_PLANS_PER_REQUEST = 100
/** Most certificates one competition certificate submission issues (within the API's 1 MiB body). */
export const MAX_COMPETITION_CERTIFICATES = 5_000

/**
 * A 附件3 row for one event of the competition (54号·五 "主办单位、赛项名称、举办时间、参赛条件、报名电话"): the
 * host, the time, the region and the event's occupation are the competition's own, so only the rest is sent.
 */
export const PlanSubmission = Schema.Struct({
  id: required(Id("办赛计划编号"), "办赛计划编号"),
  eventName: required(Text("赛项名称"), "赛项名称"),
  participationConditions: required(Text("参赛条件", 2000), "参赛条件"),
  registrationPhone: required(PhoneNumber, "报名电话")
}).annotations({
  identifier: "PlanSubmission",
  title: "办赛计划（附件3 一行）",
  message: () => "办赛计划应为对象（编号、赛项名称、参赛条件、报名电话）"
})
export type PlanSubmission = typeof PlanSubmission.Type

const Plans = Schema.Array(PlanSubmission)
  .annotations({ message: () => "办赛计划应为列表" })
  .pipe(
    Schema.maxItems(MAX_PLANS_PER_REQUEST, {
      message: () => `一次最多公布${MAX_PLANS_PER_REQUEST}条办赛计划`
    })
  )

/** A competition to file (54号·二), optionally with the plans published with it (54号·五, 附件3). */
export const FileCompetition = Schema.Struct({
  ...Competition.fields,
  plans: Schema.optionalWith(Plans, { exact: true })
}).annotations({
  identifier: "FileCompetition",
  title: "竞赛登记（可同时公布办赛计划）",
  message: () => "竞赛信息应为对象"
})
export type FileCompetition = typeof FileCompetition.Type

export const PublishPlans = Schema.Struct({
  plans: required(Plans.pipe(Schema.minItems(1, { message: () => "请至少提交一条办赛计划" })), "办赛计划")
}).annotations({ identifier: "PublishPlans", title: "公布办赛计划（附件3）", message: () => "请求应为对象" })
export type PublishPlans = typeof PublishPlans.Type

export const SubmitFiling = Schema.Struct({
  competitionId: required(Id("竞赛编号"), "竞赛编号")
}).annotations({ identifier: "SubmitFiling", title: "提交竞赛备案（附件1）", message: () => "请求应为对象" })
export type SubmitFiling = typeof SubmitFiling.Type

/** One opinion row of 附件1: the level whose row it fills, 同意 / 不同意, and the opinion's text. */
export const FilingOpinionRequest = Schema.Struct({
  level: required(FilingLevel, "意见层级"),
  verdict: required(OpinionVerdict, "意见"),
  text: required(Text("意见内容", 2000), "意见内容")
}).annotations({
  identifier: "FilingOpinionRequest",
  title: "备案意见（附件1）",
  message: () => "请求应为对象"
})
export type FilingOpinionRequest = typeof FilingOpinionRequest.Type

/** The co-signing province of a cross-province competition (54号·二 共同会签), e.g. 330000. */
export const CoSignatureRequest = Schema.Struct({
  province: required(RegionCode, "会签省份")
}).annotations({ identifier: "CoSignatureRequest", title: "跨省竞赛会签", message: () => "请求应为对象" })
export type CoSignatureRequest = typeof CoSignatureRequest.Type

/** The commission (委托) under which a host issues 市级二类 certificates (54号·四): its document and date. */
export const Commission = Schema.Struct({
  document: required(Text("委托文件文号"), "委托文件文号"),
  date: required(LocalDate, "委托日期")
}).annotations({ message: () => "委托信息应为对象（委托文件文号、委托日期）" })
export type Commission = typeof Commission.Type

/** One certificate: the holder, the event's occupation (and 工种) and the level. */
export const CompetitionCertificateRow = Schema.Struct({
  holder: required(Holder, "持证人"),
  occupationCode: required(OccupationCode, "职业编码"),
  workType: Schema.optionalWith(Text("工种名称"), { exact: true }),
  level: required(SkillLevel, "证书等级")
}).annotations({ message: () => "发证人员应为对象（持证人、职业编码、等级）" })
export type CompetitionCertificateRow = typeof CompetitionCertificateRow.Type

/**
 * Competition certificates to issue (54号·四). `submissionId` makes the submission idempotent: the same id
 * again returns the certificates issued the first time.
 */
export const IssueCompetitionCertificates = Schema.Struct({
  submissionId: required(Text("提交编号", 50), "提交编号"),
  commission: Schema.optionalWith(Commission, { exact: true }),
  certificates: required(
    Schema.Array(CompetitionCertificateRow)
      .annotations({ message: () => "发证名单应为列表" })
      .pipe(
        Schema.minItems(1, { message: () => "发证名单不能为空" }),
        Schema.maxItems(MAX_COMPETITION_CERTIFICATES, {
          message: () => `一次最多核发${MAX_COMPETITION_CERTIFICATES}本竞赛证书`
        })
      ),
    "发证名单"
  )
}).annotations({
  identifier: "IssueCompetitionCertificates",
  title: "核发竞赛职业证书",
  message: () => "发证申请应为对象"
})
export type IssueCompetitionCertificates = typeof IssueCompetitionCertificates.Type
