/**
 * Use cases of the dated eligibility rule tables (54号·一; domain.md §2): read each table's versions with their
 * provenance and provisional flags and the version in force today (rule tables are policy: public), and publish
 * a new dated version (rule-table.publish, the province). A new version takes effect today or later and after
 * the latest version of its table, under a new version id (EligibilityRuleTables.publishProblem), so decisions on
 * past dates keep the versions they used; it is recorded with its publisher and audited in one transaction.
 */
import { Context, Effect, Layer, Schema } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { JIANGSU } from "../codes/Region.js"
import { Cite } from "../rule/Citation.js"
import { versionOn } from "../rule/RuleTable.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { COMPETITION_PROMOTION } from "./CompetitionPromotion.js"
import { CompetitionPromotionTable } from "./CompetitionPromotionSchema.js"
import { RuleTableNotFound, RuleVersionEffectiveInPast } from "./EligibilityErrors.js"
import { EligibilityRuleTables } from "./EligibilityRuleTables.js"
import type { EligibilityRuleTable, EligibilityRuleTableVersions } from "./EligibilityTables.js"
import type { CompetitionPromotionVersionInput, TitleBridgeVersionInput } from "./RuleTableVersionInput.js"
import { TITLE_BRIDGE } from "./TitleBridge.js"
import { TitleBridgeTable } from "./TitleBridgeSchema.js"

export const RULE_TABLE_NAMES = [TITLE_BRIDGE, COMPETITION_PROMOTION] as const
export type RuleTableName = (typeof RULE_TABLE_NAMES)[number]

const ABOUT: Readonly<Record<RuleTableName, { readonly title: string; readonly citation: string }>> = {
  "title-bridge": { title: "专业技术资格贯通：职称可申报的职业技能等级", citation: Cite.titleBridge },
  "competition-promotion": {
    title: "竞赛名次晋升：名次可晋升的职业技能等级",
    citation: Cite.competitionPromotion
  }
}

export const RuleTableView = Schema.Struct({
  table: Schema.Literal(...RULE_TABLE_NAMES),
  title: Schema.String,
  citation: Schema.String.annotations({ description: "规则表所转录的文件" }),
  inForce: Schema.NullOr(Schema.String).annotations({ description: "今日施行的版本号" }),
  versions: Schema.Array(Schema.Union(TitleBridgeTable, CompetitionPromotionTable)).annotations({
    description: "全部已发布版本（按生效日期），含来源说明与是否暂定"
  })
}).annotations({ identifier: "RuleTableView", title: "资格审核规则表及其各版本" })
export type RuleTableView = typeof RuleTableView.Type

const isRuleTableName = (name: string): name is RuleTableName =>
  (RULE_TABLE_NAMES as ReadonlyArray<string>).includes(name)

const viewOf = (
  versions: EligibilityRuleTableVersions,
  table: RuleTableName,
  today: LocalDate
): RuleTableView => {
  const list: ReadonlyArray<EligibilityRuleTable> =
    table === TITLE_BRIDGE ? versions.titleBridge : versions.competitionPromotion
  return { table, ...ABOUT[table], inForce: versionOn(list, today)?.version ?? null, versions: list }
}

const make = Effect.gen(function* () {
  const tables = yield* EligibilityRuleTables
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  const list = Effect.fn("RuleTableVersions.list")(function* () {
    const versions = yield* tables.versions()
    const today = yield* todayInBeijing
    return RULE_TABLE_NAMES.map((name) => viewOf(versions, name, today))
  })

  const get = Effect.fn("RuleTableVersions.get")(function* (name: string) {
    if (!isRuleTableName(name)) return yield* new RuleTableNotFound({ field: "name", table: name })
    return viewOf(yield* tables.versions(), name, yield* todayInBeijing)
  })

  const publish = (version: EligibilityRuleTable, org: Organisation) =>
    Effect.gen(function* () {
      yield* requireAuthorised(org, "rule-table.publish", JIANGSU)
      const today = yield* todayInBeijing
      if (version.effectiveFrom < today)
        return yield* new RuleVersionEffectiveInPast({
          field: "effectiveFrom",
          table: version.table,
          version: version.version,
          effectiveFrom: version.effectiveFrom,
          today
        })
      yield* transactional.run(
        Effect.zipRight(
          tables.publish(version),
          audit.record({
            actor: org.id,
            action: "rule-table.publish",
            subject: `${version.table}@${version.version}`,
            reason: version.provenance.source,
            details: {
              table: version.table,
              version: version.version,
              effectiveFrom: version.effectiveFrom,
              provisional: version.provisional,
              rows: version.rows.length
            }
          })
        )
      )
      return version
    })

  const provenanceOf = (
    input: { readonly provenance: { readonly source: string; readonly note: string } },
    org: Organisation
  ) => ({ ...input.provenance, publishedBy: org.id })

  const publishTitleBridge = Effect.fn("RuleTableVersions.publishTitleBridge")(function* (
    input: TitleBridgeVersionInput,
    org: Organisation
  ) {
    return yield* publish({ table: TITLE_BRIDGE, ...input, provenance: provenanceOf(input, org) }, org)
  })

  const publishCompetitionPromotion = Effect.fn("RuleTableVersions.publishCompetitionPromotion")(function* (
    input: CompetitionPromotionVersionInput,
    org: Organisation
  ) {
    return yield* publish(
      { table: COMPETITION_PROMOTION, ...input, provenance: provenanceOf(input, org) },
      org
    )
  })

  return { list, get, publishTitleBridge, publishCompetitionPromotion } as const
})

export class RuleTableVersions extends Context.Tag("@jineng/domain/RuleTableVersions")<
  RuleTableVersions,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires EligibilityRuleTables, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
