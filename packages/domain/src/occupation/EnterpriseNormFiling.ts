/**
 * The filing (备案) of a 企业评价规范 (54号·三 "用人单位可开发企业评价规范，经职业技能鉴定机构备案后，开展本单位职工评价
 * 工作"): the employer submits its norm; an appraisal centre whose region covers the employer files it (the norm
 * then counts for MayEvaluate from the filing date) or refuses it with a reason. One filing per norm id.
 */
import { Schema } from "effect"
import { SocialCreditCode } from "../codes/SocialCreditCodeSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { EnterpriseNorm } from "./EnterpriseNorm.js"

/** What the employer submits: its norm, without the filing facts the appraisal centre adds. */
export const EnterpriseNormSubmission = Schema.Struct({
  ...EnterpriseNorm.pick("id", "title", "occupationCode", "workType", "levels").fields,
  /** The employer (catalogue institution) that developed the norm and alone may use it. */
  employerId: required(Id("用人单位编号"), "用人单位编号")
}).annotations({
  identifier: "EnterpriseNormSubmission",
  title: "企业评价规范备案申请",
  message: () => "企业评价规范备案申请应为对象"
})
export type EnterpriseNormSubmission = typeof EnterpriseNormSubmission.Type

export const EnterpriseNormFilingStatus = Schema.Literal("submitted", "filed", "refused").annotations({
  identifier: "EnterpriseNormFilingStatus",
  description: "submitted=已提交待备案，filed=已备案，refused=不予备案",
  message: () => ({
    message: "备案状态应为 submitted（待备案）、filed（已备案）或 refused（不予备案）",
    override: true
  })
})
export type EnterpriseNormFilingStatus = typeof EnterpriseNormFilingStatus.Type

/** The appraisal centre's answer. */
export const FilingDecision = Schema.Struct({
  /** The deciding organisation (an appraisal centre). */
  decidedBy: Schema.String,
  decidedOn: Schema.String,
  /** The appraisal institution the norm is filed with (filed only). */
  filedWith: Schema.optionalWith(Schema.String, { exact: true }),
  /** Why the filing was refused (refused only). */
  reason: Schema.optionalWith(Schema.String, { exact: true })
})

export const EnterpriseNormFiling = Schema.Struct({
  submission: EnterpriseNormSubmission,
  employerUscc: SocialCreditCode,
  /** The employer's region: the appraisal centres whose region covers it may decide (属地管理). */
  regionCode: Schema.String,
  submittedBy: Schema.String,
  submittedOn: Schema.String,
  status: EnterpriseNormFilingStatus,
  decision: Schema.optionalWith(FilingDecision, { exact: true })
}).annotations({ identifier: "EnterpriseNormFiling", title: "企业评价规范备案" })
export type EnterpriseNormFiling = typeof EnterpriseNormFiling.Type

/** The refusal's reason, as an appraisal centre gives it. */
export const FilingRefusal = Schema.Struct({
  reason: required(Text("不予备案理由", 1000), "不予备案理由")
}).annotations({
  identifier: "EnterpriseNormFilingRefusal",
  message: () => "不予备案应为对象（不予备案理由）"
})
export type FilingRefusal = typeof FilingRefusal.Type
