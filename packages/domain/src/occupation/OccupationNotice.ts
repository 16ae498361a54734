/**
 * A MOHRSS notice that adds or changes occupations (职业信息新增、变更通知), dated: 54号·三 allows the names of
 * 大典 categories 3–6 "以及人力资源社会保障部发布的职业信息新增、变更通知" (domain.md §2 "later MOHRSS notices are
 * dated additions").
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { Occupation } from "./Occupation.js"

export const OccupationRename = Schema.Struct({
  code: OccupationCode,
  previousName: Schema.String.pipe(Schema.minLength(1)),
  name: Schema.String.pipe(Schema.minLength(1))
})
export type OccupationRename = typeof OccupationRename.Type

export const WorkTypeAddition = Schema.Struct({
  code: OccupationCode,
  workTypes: Schema.NonEmptyArray(Schema.String.pipe(Schema.minLength(1)))
})
export type WorkTypeAddition = typeof WorkTypeAddition.Type

export const OccupationNotice = Schema.Struct({
  /** e.g. "人社厅发〔2024〕xx号" */
  documentNumber: Schema.String.pipe(Schema.minLength(1)),
  title: Schema.optional(Schema.String),
  /** The date from which the notice's occupations and names count. */
  date: LocalDate,
  added: Schema.Array(Occupation),
  renamed: Schema.Array(OccupationRename),
  /** 工种 newly listed under existing occupations. */
  workTypesAdded: Schema.optionalWith(Schema.Array(WorkTypeAddition), { default: () => [] })
})
export type OccupationNotice = typeof OccupationNotice.Type
