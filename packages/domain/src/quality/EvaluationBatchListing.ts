/**
 * 附件2 职业技能等级认定（第三方机构）评价批次公布目录 (54号·五 "面向社会定期公布所属职业技能等级认定机构开展评价的评价职业、
 * 评价等级、评价时间、联系方式等信息"): one published evaluation batch — institution, occupation (code, name, 工种),
 * level, evaluation time, contact and region. The annex's own table was not found (rules-research §1.5): the
 * columns are those named in the body of 54号·五. `EvaluationBatchDraft` is the same record with every field
 * optional, for ListingCompleteness.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { RegionCode } from "../codes/RegionSchema.js"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { DateSpan } from "./DateSpan.js"
import { PhoneNumber } from "./PhoneNumberSchema.js"

export const EvaluationBatchListing = Schema.Struct({
  institution: required(
    Schema.Struct({
      id: required(Id("评价机构编号"), "评价机构编号"),
      name: required(Text("评价机构名称"), "评价机构名称")
    }),
    "评价机构"
  ),
  occupation: required(
    Schema.Struct({
      code: required(OccupationCode, "评价职业编码"),
      name: required(Text("评价职业名称"), "评价职业名称"),
      /** 工种, where the occupation has them. */
      workType: Schema.optionalWith(Text("工种名称"), { exact: true })
    }),
    "评价职业"
  ),
  level: required(
    SkillLevel.annotations({
      message: () => ({ message: "评价等级应为1至5（五级/初级工至一级/高级技师）", override: true })
    }),
    "评价等级"
  ),
  evaluationTime: required(DateSpan, "评价时间"),
  contact: required(
    Schema.Struct({ name: required(Text("联系人"), "联系人"), phone: required(PhoneNumber, "联系电话") }),
    "联系方式"
  ),
  regionCode: required(RegionCode, "所在地区")
}).annotations({
  identifier: "EvaluationBatchListing",
  description: "附件2 评价批次公布目录的一行",
  message: () => "评价批次公布信息应为对象"
})
export type EvaluationBatchListing = typeof EvaluationBatchListing.Type

const opt = Schema.optional

/** A listing being filled in: every field optional, values unchecked. */
export const EvaluationBatchDraft = Schema.Struct({
  institution: opt(Schema.Struct({ id: opt(Schema.String), name: opt(Schema.String) })),
  occupation: opt(
    Schema.Struct({ code: opt(Schema.String), name: opt(Schema.String), workType: opt(Schema.String) })
  ),
  level: opt(Schema.Number),
  evaluationTime: opt(Schema.Struct({ from: opt(Schema.String), until: opt(Schema.String) })),
  contact: opt(Schema.Struct({ name: opt(Schema.String), phone: opt(Schema.String) })),
  regionCode: opt(Schema.String)
})
export type EvaluationBatchDraft = typeof EvaluationBatchDraft.Type
