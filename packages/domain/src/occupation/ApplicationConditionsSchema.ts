/** Schemas of the 申报条件 data (ApplicationConditions.ts) for national standards stored and served by the API. */
import { Schema } from "effect"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
import { Id, required } from "../shared/FieldSchema.js"
import type * as A from "./ApplicationConditions.js"

export const SchoolKind = Schema.Literal(
  "technical_school",
  "vocational_school_intermediate",
  "senior_technical_school",
  "technician_college",
  "higher_vocational_advanced",
  "junior_college",
  "bachelor",
  "master"
).annotations({
  identifier: "SchoolKind",
  description: "毕业院校类别（申报条件中的院校路径）",
  message: () => ({
    message:
      "院校类别应为 technical_school、vocational_school_intermediate、senior_technical_school、technician_college、higher_vocational_advanced、junior_college、bachelor 或 master 之一",
    override: true
  })
})

const LEVELS = "1至5（五级/初级工至一级/高级技师）"

export const SchoolRequirement = Schema.Struct({
  kinds: required(Schema.Array(SchoolKind).annotations({ message: () => "院校类别应为列表" }), "院校类别"),
  graduatingStudentsCount: required(
    Schema.Boolean.annotations({ message: () => "应届毕业生是否计入应为 true 或 false" }),
    "应届毕业生是否计入"
  )
}).annotations({ message: () => "院校条件应为对象（院校类别、应届毕业生是否计入）" })

export const ConditionAlternative = Schema.Struct({
  id: required(Id("申报条件编号"), "申报条件编号"),
  text: required(Schema.String.annotations({ message: () => "申报条件原文应为文本" }), "申报条件原文"),
  priorLevel: Schema.optionalWith(
    SkillLevel.annotations({ message: () => ({ message: `已取得的等级应为${LEVELS}`, override: true }) }),
    { exact: true }
  ),
  minWorkYears: Schema.optionalWith(
    Schema.Number.pipe(Schema.nonNegative()).annotations({
      message: () => ({ message: "最低工作年限应为不小于0的数", override: true })
    }),
    { exact: true }
  ),
  yearsCountedFrom: Schema.optionalWith(
    Schema.Literal("prior_certificate").annotations({
      message: () => ({ message: "年限起算应为 prior_certificate（自取得原等级证书起）", override: true })
    }),
    { exact: true }
  ),
  school: Schema.optionalWith(SchoolRequirement, { exact: true }),
  apprenticeshipCompleted: Schema.optionalWith(
    Schema.Boolean.annotations({ message: () => "是否要求学徒期满应为 true 或 false" }),
    { exact: true }
  ),
  preparatoryTechnicianCertificate: Schema.optionalWith(
    Schema.Boolean.annotations({ message: () => "是否要求预备技师证书应为 true 或 false" }),
    { exact: true }
  ),
  minAge: Schema.optionalWith(
    Schema.Int.pipe(Schema.nonNegative()).annotations({
      message: () => ({ message: "最低年龄应为不小于0的整数", override: true })
    }),
    { exact: true }
  )
}).annotations({ message: () => "申报条件应为对象" })

export const LevelConditions = Schema.Struct({
  level: required(
    SkillLevel.annotations({ message: () => ({ message: `申报条件所属等级应为${LEVELS}`, override: true }) }),
    "申报条件所属等级"
  ),
  alternatives: required(
    Schema.Array(ConditionAlternative).annotations({ message: () => "申报条件应为列表" }),
    "申报条件"
  )
}).annotations({ message: () => "每一等级的申报条件应为对象（等级、申报条件）" })

// The plain types and the schemas describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameShape: Same<typeof LevelConditions.Type, A.LevelConditions> = true
void sameShape
