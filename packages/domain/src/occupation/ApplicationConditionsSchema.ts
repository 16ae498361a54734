/** Schemas of the 申报条件 data (ApplicationConditions.ts) for national standards stored and served by the API. */
import { Schema } from "effect"
import { SkillLevel } from "../codes/SkillLevelSchema.js"
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
).annotations({ identifier: "SchoolKind", description: "毕业院校类别（申报条件中的院校路径）" })

export const SchoolRequirement = Schema.Struct({
  kinds: Schema.Array(SchoolKind),
  graduatingStudentsCount: Schema.Boolean
})

export const ConditionAlternative = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  text: Schema.String,
  priorLevel: Schema.optionalWith(SkillLevel, { exact: true }),
  minWorkYears: Schema.optionalWith(Schema.Number.pipe(Schema.nonNegative()), { exact: true }),
  yearsCountedFrom: Schema.optionalWith(Schema.Literal("prior_certificate"), { exact: true }),
  school: Schema.optionalWith(SchoolRequirement, { exact: true }),
  apprenticeshipCompleted: Schema.optionalWith(Schema.Boolean, { exact: true }),
  preparatoryTechnicianCertificate: Schema.optionalWith(Schema.Boolean, { exact: true }),
  minAge: Schema.optionalWith(Schema.Int.pipe(Schema.nonNegative()), { exact: true })
})

export const LevelConditions = Schema.Struct({
  level: SkillLevel,
  alternatives: Schema.Array(ConditionAlternative)
})

// The plain types and the schemas describe the same data.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameShape: Same<typeof LevelConditions.Type, A.LevelConditions> = true
void sameShape
