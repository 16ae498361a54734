/**
 * 破格晋升 (54号·一 "用人单位在本单位内部设立职业技能等级破格晋升机制的，应根据自身实际，制定相应规章制度，以书面形式
 * 向全体职工公布"): allowed only when the employer has such a rule on file — a written document, published in
 * writing to all staff on or before the application date — the applicant is that employer's staff, and the
 * target level lies within the rule's own scope (the levels it allows, how many levels above the current one).
 */

import { levelName } from "../codes/SkillLevel.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, VerdictDecision } from "../rule/Decision.js"
import { answer } from "./EligibilityDecision.js"
import type { EligibilityFacts } from "./EligibilityFacts.js"
import { missingRouteFacts } from "./MissingInputs.js"
import { INFERRED, RELATED_INFERENCE_NOTE, relationTo } from "./OccupationRelation.js"
import { currentCertificate } from "./PriorCertificates.js"

export const EXCEPTIONAL_RULE = "eligibility.exceptional"
const RULE_ON_FILE = "eligibility.exceptional.employer-rule"
const STAFF = "eligibility.exceptional.staff"
const SCOPE = "eligibility.exceptional.scope"

const CITATIONS = [Cite.eligibility]
const NO_NOTES: ReadonlyArray<ProvisionalNote> = []
const INFERENCE_NOTES: ReadonlyArray<ProvisionalNote> = [RELATED_INFERENCE_NOTE]

/** "No certificate" counts as the step below 五级 when counting levels above the current one. */
const NO_LEVEL = 6

const failure = (
  code: string,
  rule: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
): Failure => ({ code, rule, field, message, seen, required, citation: Cite.eligibility })

export const exceptionalRoute = (f: EligibilityFacts): VerdictDecision => {
  const x = f.exceptional
  if (x === undefined)
    return answer(EXCEPTIONAL_RULE, CITATIONS, [missingRouteFacts(EXCEPTIONAL_RULE, "exceptional")])
  const failures: Array<Failure> = []
  const rule = x.rule
  if (rule === undefined) {
    failures.push(
      failure(
        "ExceptionalRuleNotOnFile",
        RULE_ON_FILE,
        "exceptional.rule",
        `用人单位 ${x.employerId} 未备有破格晋升规章制度，不得按破格晋升申报`,
        null,
        "书面规章制度，并以书面形式向全体职工公布"
      )
    )
  } else {
    if (rule.employerId !== x.employerId)
      failures.push(
        failure(
          "ExceptionalRuleOfAnotherEmployer",
          RULE_ON_FILE,
          "exceptional.rule.employerId",
          `所附破格晋升规章制度属于用人单位 ${rule.employerId}，不是本次评价的用人单位 ${x.employerId}`,
          rule.employerId,
          x.employerId
        )
      )
    if (rule.documentId.length === 0 || rule.title.length === 0)
      failures.push(
        failure(
          "ExceptionalRuleDocumentMissing",
          RULE_ON_FILE,
          "exceptional.rule.documentId",
          "破格晋升规章制度缺少文件编号或标题",
          rule.documentId,
          "文件编号及标题"
        )
      )
    if (!rule.writtenForm)
      failures.push(
        failure(
          "ExceptionalRuleNotWritten",
          RULE_ON_FILE,
          "exceptional.rule.writtenForm",
          `破格晋升规章制度“${rule.title}”未以书面形式制定和公布`,
          false,
          true
        )
      )
    if (!rule.publishedToAllStaff)
      failures.push(
        failure(
          "ExceptionalRuleNotPublishedToAllStaff",
          RULE_ON_FILE,
          "exceptional.rule.publishedToAllStaff",
          `破格晋升规章制度“${rule.title}”未向全体职工公布`,
          false,
          true
        )
      )
    if (rule.publishedOn > f.applicationDate)
      failures.push(
        failure(
          "ExceptionalRulePublishedAfterApplication",
          RULE_ON_FILE,
          "exceptional.rule.publishedOn",
          `破格晋升规章制度“${rule.title}”于 ${rule.publishedOn} 公布，晚于申报日 ${f.applicationDate}`,
          rule.publishedOn,
          `<= ${f.applicationDate}`
        )
      )
  }
  if (x.applicantEmployerId !== x.employerId)
    failures.push(
      failure(
        "ApplicantNotEmployerStaff",
        STAFF,
        "exceptional.applicantEmployerId",
        x.applicantEmployerId === undefined
          ? `未见申请人为用人单位 ${x.employerId} 职工的证明`
          : `申请人为用人单位 ${x.applicantEmployerId} 的职工，不是用人单位 ${x.employerId} 的职工`,
        x.applicantEmployerId ?? null,
        x.employerId
      )
    )
  let inferred = false
  if (rule !== undefined) {
    const related = f.standard.relatedOccupations
    const current = currentCertificate(f.priorCertificates, f.occupationCode, related, f.applicationDate)
    if (current !== undefined && relationTo(current.occupationCode, f.occupationCode, related) === INFERRED)
      inferred = true
    const currentLevel = current === undefined ? NO_LEVEL : current.level
    const currentName =
      current === undefined ? "无本职业或相关职业等级证书" : `现有${levelName(current.level)}`
    const steps = currentLevel - f.targetLevel
    if (!rule.allowedLevels.includes(f.targetLevel))
      failures.push(
        failure(
          "ExceptionalLevelNotAllowed",
          SCOPE,
          "targetLevel",
          `破格晋升规章制度“${rule.title}”不允许破格申报${levelName(f.targetLevel)}`,
          f.targetLevel,
          rule.allowedLevels
        )
      )
    if (steps < 1)
      failures.push(
        failure(
          "TargetNotAboveCurrentLevel",
          SCOPE,
          "targetLevel",
          `${currentName}，申报${levelName(f.targetLevel)}不属于晋升`,
          f.targetLevel,
          currentLevel - 1
        )
      )
    else if (steps > rule.maxLevelsAbove)
      failures.push(
        failure(
          "ExceptionalStepTooLarge",
          SCOPE,
          "targetLevel",
          `${currentName}，申报${levelName(f.targetLevel)}须晋升${steps}级，破格晋升规章制度“${rule.title}”最多允许晋升${rule.maxLevelsAbove}级`,
          steps,
          rule.maxLevelsAbove
        )
      )
  }
  return answer(EXCEPTIONAL_RULE, CITATIONS, failures, undefined, inferred ? INFERENCE_NOTES : NO_NOTES)
}
