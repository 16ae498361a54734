/**
 * Port: the 破格晋升 rules employers have registered (54号·一 "用人单位在本单位内部设立职业技能等级破格晋升机制的，应…
 * 制定相应规章制度，以书面形式向全体职工公布"), one per employer and document number, listed by publication date.
 * `layerTest` is in memory and keeps the registry's contract.
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { LocalDate } from "../time/LocalDateSchema.js"
import { EmployerPromotionRule } from "./EligibilityFacts.js"

export const RegisteredPromotionRule = Schema.Struct({
  rule: EmployerPromotionRule,
  /** The organisation that registered it. */
  registeredBy: Schema.String,
  registeredOn: LocalDate
}).annotations({ identifier: "RegisteredPromotionRule", title: "已登记的破格晋升规章制度" })
export type RegisteredPromotionRule = typeof RegisteredPromotionRule.Type

/** By publication date, then document number. */
export const promotionRuleOrder = (a: RegisteredPromotionRule, b: RegisteredPromotionRule): number =>
  a.rule.publishedOn !== b.rule.publishedOn
    ? a.rule.publishedOn < b.rule.publishedOn
      ? -1
      : 1
    : a.rule.documentId < b.rule.documentId
      ? -1
      : a.rule.documentId > b.rule.documentId
        ? 1
        : 0

export class EmployerPromotionRuleRepository extends Context.Tag(
  "@jineng/domain/EmployerPromotionRuleRepository"
)<
  EmployerPromotionRuleRepository,
  {
    readonly find: (
      employerId: string,
      documentId: string
    ) => Effect.Effect<Option.Option<RegisteredPromotionRule>>
    readonly insert: (registered: RegisteredPromotionRule) => Effect.Effect<void>
    readonly listByEmployer: (employerId: string) => Effect.Effect<ReadonlyArray<RegisteredPromotionRule>>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<RegisteredPromotionRule> = []) =>
    Layer.sync(this, () => {
      const key = (employerId: string, documentId: string) => JSON.stringify([employerId, documentId])
      const rules = new Map(seed.map((r) => [key(r.rule.employerId, r.rule.documentId), r]))
      return {
        find: (employerId: string, documentId: string) =>
          Effect.sync(() => Option.fromNullable(rules.get(key(employerId, documentId)))),
        insert: (r: RegisteredPromotionRule) =>
          Effect.sync(() => void rules.set(key(r.rule.employerId, r.rule.documentId), r)),
        listByEmployer: (employerId: string) =>
          Effect.sync(() =>
            [...rules.values()].filter((r) => r.rule.employerId === employerId).sort(promotionRuleOrder)
          )
      }
    })
}
