/**
 * What is on file for one occupation on a date (54号·三 规范技术标准; 54号·五 公布): its catalogue entry (name and
 * 工种 as of the date, when and by which source it was listed), its national standards, question banks, filed
 * enterprise norms and 《江苏省技术资源发布目录》 entries, whether it may be evaluated at all on the date
 * (Certifiable.ts) and, for a given institution and level, whether that institution may evaluate it
 * (MayEvaluate.ts).
 */
import { Schema } from "effect"
import type { RegionCode } from "../codes/Region.js"
import type { SkillLevel } from "../codes/SkillLevel.js"
import type { VerdictDecision as VerdictDecisionType } from "../rule/Decision.js"
import { VerdictDecision } from "../rule/DecisionSchema.js"
import type { LocalDate } from "../time/LocalDate.js"
import { certifiable } from "./Certifiable.js"
import { EnterpriseNorm } from "./EnterpriseNorm.js"
import { type EvaluatingInstitution, mayEvaluate } from "./MayEvaluate.js"
import { NationalStandard, standardInForce } from "./NationalStandard.js"
import { CategoryRef } from "./Occupation.js"
import { type CatalogueEntry, lookupOf, nameOn, workTypesOn } from "./OccupationCatalogue.js"
import { ProvincialCatalogueEntry } from "./ProvincialCatalogueEntry.js"
import { QuestionBank } from "./QuestionBank.js"
import type { TechnicalBasis } from "./TechnicalBasis.js"

/** The evaluation asked about: who evaluates at which level (and where). */
export interface EvaluationQuestion {
  readonly institution: EvaluatingInstitution
  readonly level: SkillLevel
  readonly region?: RegionCode | undefined
}

const Dated = { from: Schema.String, source: Schema.String }

const Decision = VerdictDecision.annotations({ identifier: "VerdictDecision", title: "规则判定" })

export const OccupationOverview = Schema.Struct({
  date: Schema.String.annotations({ description: "所查询的日期（默认今日）" }),
  occupation: Schema.Struct({
    code: Schema.String,
    name: Schema.String.annotations({ description: "该日期的职业名称（含人社部通知的更名）" }),
    listedName: Schema.String.annotations({ description: "收录时的职业名称" }),
    major: CategoryRef,
    middle: CategoryRef,
    minor: CategoryRef,
    workTypes: Schema.Array(Schema.String).annotations({ description: "该日期已收录的工种名称" }),
    workTypeCount: Schema.Number,
    green: Schema.Boolean,
    digital: Schema.Boolean,
    listedFrom: Schema.String.annotations({ description: "自该日起视为已收录" }),
    source: Schema.String.annotations({ description: "收录依据：《大典》版本或人社部通知文号" }),
    fromBaseEdition: Schema.Boolean,
    renames: Schema.Array(Schema.Struct({ ...Dated, name: Schema.String })),
    addedWorkTypes: Schema.Array(Schema.Struct({ ...Dated, workTypes: Schema.Array(Schema.String) }))
  }),
  standards: Schema.Array(NationalStandard),
  questionBanks: Schema.Array(QuestionBank),
  enterpriseNorms: Schema.Array(EnterpriseNorm),
  provincialEntries: Schema.Array(ProvincialCatalogueEntry),
  standardInForce: Schema.NullOr(Schema.String).annotations({
    description: "该日期施行的国家职业技能标准编号"
  }),
  certifiable: Decision.annotations({
    description: "该职业（工种）在该日期能否开展职业技能等级认定（54号·三）"
  }),
  mayEvaluate: Schema.NullOr(Decision).annotations({
    description: "指定评价机构与等级时：该机构能否评价该职业（工种）该等级（54号·三、四、五）"
  })
}).annotations({ identifier: "OccupationOverview", title: "职业及其技术标准、题库、评价规范与目录条目" })
export type OccupationOverview = typeof OccupationOverview.Type

export const occupationOverview = (
  entry: CatalogueEntry,
  basis: TechnicalBasis,
  date: LocalDate,
  workType: string | undefined,
  evaluation: EvaluationQuestion | undefined
): OccupationOverview => {
  const o = entry.occupation
  const catalogue = lookupOf([entry])
  const decision: VerdictDecisionType | null =
    evaluation === undefined
      ? null
      : mayEvaluate({
          catalogue,
          basis,
          institution: evaluation.institution,
          occupationCode: o.code,
          workType,
          level: evaluation.level,
          date,
          region: evaluation.region
        })
  return {
    date,
    occupation: {
      code: o.code,
      name: nameOn(entry, date),
      listedName: o.name,
      major: o.major,
      middle: o.middle,
      minor: o.minor,
      workTypes: [...workTypesOn(entry, date)],
      workTypeCount: o.workTypeCount,
      green: o.green,
      digital: o.digital,
      listedFrom: entry.listedFrom,
      source: entry.source,
      fromBaseEdition: entry.fromBaseEdition,
      renames: entry.renames,
      addedWorkTypes: entry.addedWorkTypes
    },
    standards: basis.standards,
    questionBanks: basis.questionBanks,
    enterpriseNorms: basis.enterpriseNorms,
    provincialEntries: basis.provincialEntries,
    standardInForce: standardInForce(basis.standards, o.code, date)?.id ?? null,
    certifiable: certifiable(catalogue, o.code, workType, date),
    mayEvaluate: decision
  }
}
