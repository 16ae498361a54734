/**
 * An occupation (细类) of the 《国家职业分类大典》 with its place in the classification and its 工种
 * (54号·三 "确定评价职业（工种）"; rules-research §7.1–7.3; domain.md §2 "Occupation names").
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { required, Text } from "../shared/FieldSchema.js"

/** A category of the classification: {code, name}, e.g. {"6-18", "机械制造基础加工人员"}. */
export const CategoryRef = Schema.Struct({
  code: required(
    Schema.String.pipe(
      Schema.pattern(/^[1-8](-\d{2}){0,2}$/, {
        message: () => ({ message: "分类编码应为 N、N-NN 或 N-NN-NN 格式，如 6-18-01", override: true })
      })
    ),
    "分类编码"
  ),
  name: required(Text("分类名称"), "分类名称")
}).annotations({ message: () => "分类应为 {code, name} 对象" })
export type CategoryRef = typeof CategoryRef.Type

export const Occupation = Schema.Struct({
  code: required(OccupationCode, "职业编码"),
  name: required(Text("职业名称"), "职业名称"),
  major: required(CategoryRef, "大类"),
  middle: required(CategoryRef, "中类"),
  minor: required(CategoryRef, "小类"),
  /** The 工种 names on file; may be empty when the catalogue's names have not been imported. */
  workTypes: required(Schema.Array(Text("工种名称")).annotations({ message: () => "工种应为列表" }), "工种"),
  /** How many 工种 the catalogue lists under the occupation (the names may be missing from `workTypes`). */
  workTypeCount: required(
    Schema.Int.pipe(Schema.nonNegative()).annotations({
      message: () => ({ message: "工种数应为非负整数", override: true })
    }),
    "工种数"
  ),
  /** 绿色职业 (marked "L" in the 大典) */
  green: required(
    Schema.Boolean.annotations({ message: () => "绿色职业标记应为 true 或 false" }),
    "绿色职业标记"
  ),
  /** 数字职业 (marked "S" in the 大典) */
  digital: required(
    Schema.Boolean.annotations({ message: () => "数字职业标记应为 true 或 false" }),
    "数字职业标记"
  )
})
  .annotations({ message: () => "职业应为对象" })
  .pipe(
    Schema.filter(
      (o) =>
        (o.major.code === o.code.slice(0, 1) &&
          o.middle.code === o.code.slice(0, 4) &&
          o.minor.code === o.code.slice(0, 7)) ||
        "大类、中类、小类编码应与职业编码的前缀一致"
    )
  )
export type Occupation = typeof Occupation.Type
