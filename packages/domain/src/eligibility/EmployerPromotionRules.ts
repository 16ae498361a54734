/**
 * Use cases of employers' 破格晋升 rules (54号·一 "用人单位在本单位内部设立职业技能等级破格晋升机制的，应根据自身实际，
 * 制定相应规章制度，以书面形式向全体职工公布"): an employer registers its own rule (promotion-rule.file, own records
 * only) — written, published in writing to all staff on or before the registration day, allowing at least one
 * level — audited in the same transaction; anyone with a key reads an employer's registered rules, which the
 * 破格 route of eligibility (ExceptionalRoute.ts) takes as the rule on file. A rule sent again is answered as
 * already registered; a different rule under a registered document number is refused.
 */
import { Context, Effect, Layer, Option } from "effect"
import { requireAuthorised } from "../access/Authorise.js"
import type { Organisation } from "../access/Organisation.js"
import { InstitutionNotFound } from "../institution/InstitutionErrors.js"
import { InstitutionRepository } from "../institution/InstitutionRepository.js"
import { sameRecord } from "../occupation/SameRecord.js"
import { AuditTrail } from "../shared/AuditTrail.js"
import { Transactional } from "../shared/Transactional.js"
import type { LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { PromotionRuleAlreadyRegistered, PromotionRuleNotPublished } from "./EligibilityErrors.js"
import type { EmployerPromotionRule } from "./EligibilityFacts.js"
import {
  EmployerPromotionRuleRepository,
  type RegisteredPromotionRule
} from "./EmployerPromotionRuleRepository.js"

/** Why `rule` cannot be registered on `today` (54号·一 书面、向全体职工公布); empty when it can. */
export const promotionRuleProblems = (
  rule: EmployerPromotionRule,
  today: LocalDate
): ReadonlyArray<string> => {
  const problems: Array<string> = []
  if (!rule.writtenForm) problems.push("规章制度未以书面形式制定和公布")
  if (!rule.publishedToAllStaff) problems.push("规章制度未向全体职工公布")
  if (rule.publishedOn > today) problems.push(`公布日期 ${rule.publishedOn} 晚于今日 ${today}，尚未公布`)
  if (rule.allowedLevels.length === 0) problems.push("规章制度未规定可破格晋升的等级")
  return problems
}

const make = Effect.gen(function* () {
  const rules = yield* EmployerPromotionRuleRepository
  const institutions = yield* InstitutionRepository
  const audit = yield* AuditTrail
  const transactional = yield* Transactional

  const register = Effect.fn("EmployerPromotionRules.register")(function* (
    rule: EmployerPromotionRule,
    org: Organisation
  ) {
    yield* requireAuthorised(org, "promotion-rule.file", { ownerId: rule.employerId })
    const today = yield* todayInBeijing
    const problems = promotionRuleProblems(rule, today)
    if (problems.length > 0)
      return yield* new PromotionRuleNotPublished({ field: "rule", documentId: rule.documentId, problems })
    return yield* transactional.run(
      Effect.gen(function* () {
        const existing = yield* rules.find(rule.employerId, rule.documentId)
        if (Option.isSome(existing)) {
          if (sameRecord(existing.value.rule, rule))
            return { registered: existing.value, alreadyRegistered: true }
          return yield* new PromotionRuleAlreadyRegistered({
            field: "documentId",
            employerId: rule.employerId,
            documentId: rule.documentId
          })
        }
        const registered: RegisteredPromotionRule = { rule, registeredBy: org.id, registeredOn: today }
        yield* rules.insert(registered)
        yield* audit.record({
          actor: org.id,
          action: "promotion-rule.file",
          subject: `${rule.employerId}/${rule.documentId}`,
          reason: "登记破格晋升规章制度（54号·一）",
          details: {
            employerId: rule.employerId,
            documentId: rule.documentId,
            publishedOn: rule.publishedOn,
            allowedLevels: rule.allowedLevels,
            maxLevelsAbove: rule.maxLevelsAbove
          }
        })
        return { registered, alreadyRegistered: false }
      })
    )
  })

  /** An unknown employer is refused (not answered with an empty list), so a typo is not read as "no rule". */
  const ofEmployer = Effect.fn("EmployerPromotionRules.ofEmployer")(function* (employerId: string) {
    if (Option.isNone(yield* institutions.findById(employerId)))
      return yield* new InstitutionNotFound({ field: "employerId", institutionId: employerId })
    return yield* rules.listByEmployer(employerId)
  })

  return { register, ofEmployer } as const
})

export class EmployerPromotionRules extends Context.Tag("@jineng/domain/EmployerPromotionRules")<
  EmployerPromotionRules,
  Effect.Effect.Success<typeof make>
>() {
  /** Requires EmployerPromotionRuleRepository, InstitutionRepository, AuditTrail and Transactional. */
  static readonly layer = Layer.effect(this, make)
}
