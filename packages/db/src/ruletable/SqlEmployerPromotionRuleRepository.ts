/**
 * EmployerPromotionRuleRepository on @effect/sql, for SQLite and PostgreSQL (54号·一 破格晋升规章制度): one row per
 * employer and document number, the rule as JSON decoded with the domain's schema on read.
 */
import { SqlClient } from "@effect/sql"
import { EmployerPromotionRule } from "@jineng/domain/eligibility/EligibilityFacts"
import {
  EmployerPromotionRuleRepository,
  type RegisteredPromotionRule
} from "@jineng/domain/eligibility/EmployerPromotionRuleRepository"
import { Effect, Layer, Option, Schema } from "effect"

type RuleRow = {
  readonly employer_id: string
  readonly document_id: string
  readonly published_on: string
  readonly registered_by: string
  readonly registered_on: string
  readonly rule: string
}

const decodeRule = Schema.decodeUnknownSync(Schema.parseJson(EmployerPromotionRule))
const encodeRule = Schema.encodeSync(Schema.parseJson(EmployerPromotionRule))

const fromRow = (r: RuleRow): RegisteredPromotionRule => ({
  rule: decodeRule(r.rule),
  registeredBy: r.registered_by,
  registeredOn: r.registered_on
})

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const find = (employerId: string, documentId: string) =>
    sql<RuleRow>`
      SELECT * FROM employer_promotion_rules WHERE employer_id = ${employerId} AND document_id = ${documentId}`.pipe(
      Effect.map((rows) => Option.map(Option.fromNullable(rows[0]), fromRow)),
      Effect.orDie
    )

  const insert = (r: RegisteredPromotionRule) =>
    sql`INSERT INTO employer_promotion_rules ${sql.insert({
      employer_id: r.rule.employerId,
      document_id: r.rule.documentId,
      published_on: r.rule.publishedOn,
      registered_by: r.registeredBy,
      registered_on: r.registeredOn,
      rule: encodeRule(r.rule)
    })}`.pipe(Effect.asVoid, Effect.orDie)

  const listByEmployer = (employerId: string) =>
    sql<RuleRow>`
      SELECT * FROM employer_promotion_rules WHERE employer_id = ${employerId}
      ORDER BY published_on, document_id`.pipe(
      Effect.map((rows) => rows.map(fromRow)),
      Effect.orDie
    )

  return EmployerPromotionRuleRepository.of({ find, insert, listByEmployer })
})

export const SqlEmployerPromotionRuleRepository = {
  layer: Layer.effect(EmployerPromotionRuleRepository, make)
}
