/**
 * Expected failures of the occupation catalogue's technical resources (54号·三 规范技术标准): recording national
 * standards and question banks, approving 《江苏省技术资源发布目录》 entries, and enterprise norm filings. The tag is
 * the machine code; `message` is zh-CN.
 */
import { Schema } from "effect"

export class OccupationNotFound extends Schema.TaggedError<OccupationNotFound>()("OccupationNotFound", {
  field: Schema.String,
  occupationCode: Schema.String
}) {
  override get message() {
    return `职业编码 ${this.occupationCode} 未收录于《国家职业分类大典》或人力资源社会保障部职业信息新增、变更通知`
  }
}

/** 54号·三: only the occupations of 大典 categories 3–6 are evaluated for level certificates. */
export class OccupationNotCertifiable extends Schema.TaggedError<OccupationNotCertifiable>()(
  "OccupationNotCertifiable",
  { field: Schema.String, occupationCode: Schema.String, reasons: Schema.Array(Schema.String) }
) {
  override get message() {
    return this.reasons.join("；")
  }
}

/** What kind of technical record an id names (for messages). */
export const TechnicalRecordKind = Schema.Literal(
  "national_standard",
  "question_bank",
  "enterprise_norm",
  "provincial_entry"
)
export type TechnicalRecordKind = typeof TechnicalRecordKind.Type

const KIND_NAMES: Readonly<Record<TechnicalRecordKind, string>> = {
  national_standard: "国家职业技能标准",
  question_bank: "评价题库",
  enterprise_norm: "企业评价规范",
  provincial_entry: "技术资源发布目录条目"
}

export const technicalRecordKindName = (kind: TechnicalRecordKind): string => KIND_NAMES[kind]

/** A record's id is taken by a different record: records are kept as filed; a new edition takes a new id. */
export class TechnicalRecordIdTaken extends Schema.TaggedError<TechnicalRecordIdTaken>()(
  "TechnicalRecordIdTaken",
  { field: Schema.String, kind: TechnicalRecordKind, id: Schema.String }
) {
  override get message() {
    return `${technicalRecordKindName(this.kind)}编号 ${this.id} 已登记为内容不同的记录；已登记的记录不得改写，新版本请使用新的编号`
  }
}

export class QuestionBankNotFound extends Schema.TaggedError<QuestionBankNotFound>()("QuestionBankNotFound", {
  field: Schema.String,
  questionBankId: Schema.String
}) {
  override get message() {
    return `未找到评价题库 ${this.questionBankId}；纳入目录的评价题库须先登记`
  }
}

/** A catalogue entry's bank must be a bank of the same occupation (工种) covering every level of the entry. */
export class QuestionBankDoesNotCover extends Schema.TaggedError<QuestionBankDoesNotCover>()(
  "QuestionBankDoesNotCover",
  { field: Schema.String, questionBankId: Schema.String, problem: Schema.String }
) {
  override get message() {
    return `评价题库 ${this.questionBankId} 与目录条目不符：${this.problem}`
  }
}

/**
 * 54号·三: an enterprise norm is for an occupation "已颁布职业（工种）名称但尚无国家职业技能标准"; where a national
 * standard is in force the employer evaluates within the standard's framework.
 */
export class NationalStandardInForce extends Schema.TaggedError<NationalStandardInForce>()(
  "NationalStandardInForce",
  { field: Schema.String, occupationCode: Schema.String, standardId: Schema.String, date: Schema.String }
) {
  override get message() {
    return `职业 ${this.occupationCode} 在 ${this.date} 已有施行的国家职业技能标准（${this.standardId}），企业评价规范仅适用于尚无国家职业技能标准的职业；用人单位应在国家职业技能标准框架下自主确定评价内容`
  }
}

export class EnterpriseNormFilingNotFound extends Schema.TaggedError<EnterpriseNormFilingNotFound>()(
  "EnterpriseNormFilingNotFound",
  { field: Schema.String, normId: Schema.String }
) {
  override get message() {
    return `未找到企业评价规范备案申请 ${this.normId}`
  }
}

/** A filing already filed or refused is decided; it is not decided again. */
export class EnterpriseNormFilingDecided extends Schema.TaggedError<EnterpriseNormFilingDecided>()(
  "EnterpriseNormFilingDecided",
  { field: Schema.String, normId: Schema.String, status: Schema.String }
) {
  override get message() {
    return `企业评价规范备案申请 ${this.normId} 已${this.status === "filed" ? "备案" : "不予备案"}，不能再次办理`
  }
}

/** The submission names an institution that is not an employer (54号·三: 用人单位 develop enterprise norms). */
export class NotAnEmployer extends Schema.TaggedError<NotAnEmployer>()("NotAnEmployer", {
  field: Schema.String,
  institutionId: Schema.String
}) {
  override get message() {
    return `机构 ${this.institutionId} 不是用人单位；企业评价规范由用人单位开发，用于本单位职工评价`
  }
}
