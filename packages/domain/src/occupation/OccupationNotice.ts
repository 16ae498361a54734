/**
 * A MOHRSS notice that adds or changes occupations (职业信息新增、变更通知), dated: 54号·三 allows the names of
 * 大典 categories 3–6 "以及人力资源社会保障部发布的职业信息新增、变更通知" (domain.md §2 "later MOHRSS notices are
 * dated additions").
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { Occupation } from "./Occupation.js"

export const OccupationRename = Schema.Struct({
  code: required(OccupationCode, "职业编码"),
  previousName: required(Text("原职业名称"), "原职业名称"),
  name: required(Text("新职业名称"), "新职业名称")
}).annotations({ message: () => "职业名称变更应为对象（职业编码、原名称、新名称）" })

const WorkType = Text("工种名称")
export type OccupationRename = typeof OccupationRename.Type

export const WorkTypeAddition = Schema.Struct({
  code: required(OccupationCode, "职业编码"),
  workTypes: required(
    Schema.Tuple(
      [Schema.element(WorkType).annotations({ missingMessage: () => "新增工种至少应有一个" })],
      WorkType
    ).annotations({ message: () => "新增工种应为列表" }),
    "新增工种"
  )
}).annotations({ message: () => "新增工种应为对象（职业编码、工种名称）" })
export type WorkTypeAddition = typeof WorkTypeAddition.Type

export const OccupationNotice = Schema.Struct({
  /** e.g. "人社厅发〔2024〕xx号" */
  documentNumber: required(Id("通知文号"), "通知文号"),
  title: Schema.optionalWith(Schema.String.annotations({ message: () => "通知标题应为文本" }), {
    exact: true
  }),
  /** The date from which the notice's occupations and names count. */
  date: required(LocalDate, "通知日期"),
  added: required(Schema.Array(Occupation).annotations({ message: () => "新增职业应为列表" }), "新增职业"),
  renamed: required(
    Schema.Array(OccupationRename).annotations({ message: () => "职业名称变更应为列表" }),
    "职业名称变更"
  ),
  /** 工种 newly listed under existing occupations. */
  workTypesAdded: Schema.optionalWith(
    Schema.Array(WorkTypeAddition).annotations({ message: () => "新增工种应为列表" }),
    { default: () => [] }
  )
}).annotations({ message: () => "职业信息新增、变更通知应为对象" })
export type OccupationNotice = typeof OccupationNotice.Type
