/**
 * Whether a published record is complete (54号·五 "面向社会定期公布…（见附件2）…（见附件3）"): every column the notice
 * names is present and well-formed — 附件2 evaluation batches (institution, occupation, level, time, contact,
 * region) and 附件3 competition plans (host, event, time, conditions, registration phone). A record whose time
 * starts before 2022-05-01 is answered "not in force".
 */
import { isOccupationCode } from "../codes/OccupationCode.js"
import { isRegionCode } from "../codes/Region.js"
import { isSkillLevel } from "../codes/SkillLevel.js"
import { type Citation, Cite } from "../rule/Citation.js"
import { type Decision, type Failure, type Verdict, verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import { isLocalDate } from "../time/LocalDate.js"
import type { CompetitionPlanDraft } from "./CompetitionPlanListing.js"
import type { EvaluationBatchDraft } from "./EvaluationBatchListing.js"
import { isPhoneNumber, PHONE_NUMBER_MESSAGE } from "./PhoneNumber.js"

export const EVALUATION_BATCH_RULE = "quality.evaluation-batch-listing"
export const COMPETITION_PLAN_RULE = "quality.competition-plan-listing"

type Check = (
  failures: Array<Failure>,
  field: string,
  label: string,
  value: string | number | undefined
) => void

/** A checker for one rule: records "FieldMissing" for absent or blank values, "FieldMalformed" for bad ones. */
const checker =
  (rule: string, citation: Citation) =>
  (wellFormed?: (v: string) => boolean, requirement?: string): Check =>
  (failures, field, label, value) => {
    if (value === undefined || (typeof value === "string" && value.trim().length === 0)) {
      failures.push({
        code: "FieldMissing",
        rule,
        field,
        message: `缺少${label}`,
        seen: value ?? null,
        required: requirement ?? "非空",
        citation
      })
    } else if (wellFormed !== undefined && !wellFormed(String(value))) {
      failures.push({
        code: "FieldMalformed",
        rule,
        field,
        message: `${label}“${value}”不符合要求：${requirement ?? ""}`,
        seen: value,
        required: requirement ?? "",
        citation
      })
    }
  }

const DATE = "YYYY-MM-DD 格式的真实日期"

const checkSpan = (
  failures: Array<Failure>,
  rule: string,
  citation: Citation,
  field: string,
  label: string,
  span: { readonly from?: string | undefined; readonly until?: string | undefined } | undefined
) => {
  const date = checker(rule, citation)(isLocalDate, DATE)
  date(failures, `${field}.from`, `${label}（开始日期）`, span?.from)
  if (span?.until !== undefined) {
    date(failures, `${field}.until`, `${label}（结束日期）`, span.until)
    if (
      span.from !== undefined &&
      isLocalDate(span.from) &&
      isLocalDate(span.until) &&
      span.until < span.from
    )
      failures.push({
        code: "FieldMalformed",
        rule,
        field: `${field}.until`,
        message: `${label}的结束日期 ${span.until} 早于开始日期 ${span.from}`,
        seen: span.until,
        required: `>= ${span.from}`,
        citation
      })
  }
}

/** A start date before the notice took effect makes the record "not in force". */
const startsBeforeNotice = (from: string | undefined): from is string =>
  from !== undefined && isLocalDate(from) && !isInForce(from)

export const evaluationBatchCompleteness = (draft: EvaluationBatchDraft): Decision<Verdict> => {
  const rule = EVALUATION_BATCH_RULE
  if (startsBeforeNotice(draft.evaluationTime?.from)) return notInForce(rule, draft.evaluationTime.from)
  const check = checker(rule, Cite.annex2)
  const present = check()
  const failures: Array<Failure> = []
  present(failures, "institution.id", "评价机构编号", draft.institution?.id)
  present(failures, "institution.name", "评价机构名称", draft.institution?.name)
  check(isOccupationCode, "《国家职业分类大典》职业编码 N-NN-NN-NN")(
    failures,
    "occupation.code",
    "评价职业编码",
    draft.occupation?.code
  )
  present(failures, "occupation.name", "评价职业名称", draft.occupation?.name)
  check((v) => isSkillLevel(Number(v)), "1至5（五级/初级工至一级/高级技师）")(
    failures,
    "level",
    "评价等级",
    draft.level
  )
  checkSpan(failures, rule, Cite.annex2, "evaluationTime", "评价时间", draft.evaluationTime)
  present(failures, "contact.name", "联系人", draft.contact?.name)
  check(isPhoneNumber, PHONE_NUMBER_MESSAGE)(failures, "contact.phone", "联系电话", draft.contact?.phone)
  check(isRegionCode, "GB/T 2260 六位行政区划代码")(failures, "regionCode", "所在地区", draft.regionCode)
  return verdict(rule, [Cite.annex2, Cite.quality], failures)
}

export const competitionPlanCompleteness = (draft: CompetitionPlanDraft): Decision<Verdict> => {
  const rule = COMPETITION_PLAN_RULE
  if (startsBeforeNotice(draft.time?.from)) return notInForce(rule, draft.time.from)
  const check = checker(rule, Cite.annex3)
  const present = check()
  const failures: Array<Failure> = []
  present(failures, "host", "主办单位", draft.host)
  present(failures, "eventName", "赛项名称", draft.eventName)
  checkSpan(failures, rule, Cite.annex3, "time", "举办时间", draft.time)
  present(failures, "participationConditions", "参赛条件", draft.participationConditions)
  check(isPhoneNumber, PHONE_NUMBER_MESSAGE)(
    failures,
    "registrationPhone",
    "报名电话",
    draft.registrationPhone
  )
  if (draft.regionCode !== undefined)
    check(isRegionCode, "GB/T 2260 六位行政区划代码")(failures, "regionCode", "所在地区", draft.regionCode)
  return verdict(rule, [Cite.annex3, Cite.quality], failures)
}
