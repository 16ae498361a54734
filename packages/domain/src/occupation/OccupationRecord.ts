/**
 * One line of the occupation reference file (shared/data/occupations/occupations.jsonl, the 大典 online
 * edition; rules-research §7.4) and its reading as an Occupation of the base edition (BaseEdition.ts). The
 * db import decodes lines with this schema.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { required, Text } from "../shared/FieldSchema.js"
import { CategoryRef, type Occupation } from "./Occupation.js"

const flag = (label: string) =>
  Schema.Boolean.annotations({ message: () => ({ message: `${label}应为 true 或 false`, override: true }) })

/** Every message is zh-CN: the import prints them next to the offending line number. */
export const OccupationRecord = Schema.Struct({
  code: required(
    OccupationCode.annotations({
      message: () => ({ message: "职业编码应为 N-NN-NN-NN 格式，如 6-18-01-01", override: true })
    }),
    "职业编码（code）"
  ),
  name: required(Text("职业名称（name）"), "职业名称（name）"),
  major: required(CategoryRef, "大类（major）"),
  middle: required(CategoryRef, "中类（middle）"),
  minor: required(CategoryRef, "小类（minor）"),
  /** Number of 工种 listed in the source; their names are not in the file. */
  workTypeCount: required(
    Schema.Number.pipe(
      Schema.int({ message: () => ({ message: "工种数应为非负整数", override: true }) }),
      Schema.nonNegative({ message: () => ({ message: "工种数应为非负整数", override: true }) })
    ),
    "工种数（workTypeCount）"
  ),
  green: required(flag("绿色职业标记（green）"), "绿色职业标记（green）"),
  digital: required(flag("数字职业标记（digital）"), "数字职业标记（digital）")
})
  .annotations({ message: () => "每行应为一个职业记录（JSON 对象）" })
  .pipe(
    Schema.filter(
      (r) =>
        (r.major.code === r.code.slice(0, 1) &&
          r.middle.code === r.code.slice(0, 4) &&
          r.minor.code === r.code.slice(0, 7)) ||
        "大类、中类、小类编码应与职业编码的前缀一致"
    )
  )
export type OccupationRecord = typeof OccupationRecord.Type

/** The record as an Occupation of the base edition; the file carries no 工种 names, so `workTypes` is empty. */
export const toOccupation = (r: OccupationRecord): Occupation => ({
  code: r.code,
  name: r.name,
  major: r.major,
  middle: r.middle,
  minor: r.minor,
  workTypes: [],
  workTypeCount: r.workTypeCount,
  green: r.green,
  digital: r.digital
})
