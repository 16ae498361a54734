/**
 * What an institution (or the department of the evaluation's region) submits to publish an evaluation batch
 * (54号·五 "面向社会定期公布…评价职业、评价等级、评价时间、联系方式等信息（见附件2）"): the batch id, the institution,
 * the occupation (code and 工种), level, evaluation time, contact and the evaluation's region. The institution's
 * and the occupation's names are taken from the catalogue, so the public row shows them as registered.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { EvaluationBatchPlan } from "./EvaluationBatch.js"

const plan = EvaluationBatchPlan.fields

export const PublishBatchRequest = Schema.Struct({
  id: plan.id,
  institutionId: required(Id("评价机构编号"), "评价机构编号"),
  occupation: required(
    Schema.Struct({
      code: required(OccupationCode, "评价职业编码"),
      workType: Schema.optionalWith(Text("工种名称"), { exact: true })
    }).annotations({ message: () => "评价职业应为对象（职业编码 code，工种 workType）" }),
    "评价职业"
  ),
  level: plan.level,
  evaluationTime: plan.evaluationTime,
  contact: plan.contact,
  regionCode: plan.regionCode
}).annotations({
  identifier: "PublishBatchRequest",
  title: "公布评价批次（附件2）",
  message: () => "公布评价批次的请求应为对象"
})
export type PublishBatchRequest = typeof PublishBatchRequest.Type
