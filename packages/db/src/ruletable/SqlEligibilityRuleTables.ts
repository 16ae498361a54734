/**
 * EligibilityRuleTables on @effect/sql, for SQLite and PostgreSQL (54号·一; domain.md §2 "let an administrator
 * replace the table with a new dated version"). Publishing is one transaction: lock the table's versions (on
 * PostgreSQL a transaction-scoped advisory lock per table name; SQLite's BEGIN IMMEDIATE already serialises
 * writers), read them, apply the domain's publishProblem check, insert. So two concurrent publications of the
 * same table never both pass the "later than the latest" check.
 */
import { SqlClient } from "@effect/sql"
import type { CompetitionPromotionTable } from "@jineng/domain/eligibility/CompetitionPromotion"
import { EligibilityRuleTables, publishProblem } from "@jineng/domain/eligibility/EligibilityRuleTables"
import type {
  EligibilityRuleTable,
  EligibilityRuleTableVersions
} from "@jineng/domain/eligibility/EligibilityTables"
import type { TitleBridgeTable } from "@jineng/domain/eligibility/TitleBridge"
import type { RuleTable } from "@jineng/domain/rule/RuleTable"
import { Clock, Effect, Layer } from "effect"
import { fromRuleTableRow, type RuleTableRow, ruleTableRow } from "./RuleTableRow.js"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const versions = (): Effect.Effect<EligibilityRuleTableVersions> =>
    sql<RuleTableRow>`
      SELECT * FROM eligibility_rule_versions
      WHERE table_name IN ('title-bridge', 'competition-promotion')
      ORDER BY table_name, effective_from, published_at, version`.pipe(
      Effect.flatMap((rows) =>
        Effect.sync(() => {
          const titleBridge: Array<TitleBridgeTable> = []
          const competitionPromotion: Array<CompetitionPromotionTable> = []
          for (const row of rows) {
            const t = fromRuleTableRow(row)
            if (t.table === "title-bridge") titleBridge.push(t)
            else competitionPromotion.push(t)
          }
          return { titleBridge, competitionPromotion }
        })
      ),
      Effect.orDie
    )

  const lockTable = (table: string) =>
    sql.onDialectOrElse({
      pg: () => sql`SELECT pg_advisory_xact_lock(hashtext(${`eligibility_rule_versions:${table}`}))`,
      orElse: () => Effect.void
    })

  const publish = (version: EligibilityRuleTable) =>
    Effect.gen(function* () {
      yield* lockTable(version.table)
      const existing = yield* sql<{ readonly version: string; readonly effective_from: string }>`
        SELECT version, effective_from FROM eligibility_rule_versions WHERE table_name = ${version.table}`
      const problem = publishProblem(
        existing.map(
          (r): RuleTable<unknown> => ({
            table: version.table,
            version: r.version,
            effectiveFrom: r.effective_from,
            provisional: false,
            provenance: { source: "", note: "", publishedBy: "" },
            rows: []
          })
        ),
        version
      )
      if (problem !== undefined) return yield* Effect.fail(problem)
      const publishedAt = new Date(yield* Clock.currentTimeMillis).toISOString()
      yield* sql`INSERT INTO eligibility_rule_versions ${sql.insert(ruleTableRow(version, publishedAt))}`
    }).pipe(sql.withTransaction, Effect.catchTag("SqlError", Effect.die))

  return EligibilityRuleTables.of({ versions, publish })
})

export const SqlEligibilityRuleTables = {
  layer: Layer.effect(EligibilityRuleTables, make)
}
