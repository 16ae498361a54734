/**
 * May an occupation (and 工种) be evaluated for a level certificate on a date (54号·三): only names of 大典
 * categories 3–6 and of MOHRSS addition/change notices in force on that date — "不得擅造职业（工种）名称".
 */
import { CERTIFIABLE_MAJORS, isCertifiableMajor, isOccupationCode, majorOf } from "../codes/OccupationCode.js"
import { Cite } from "../rule/Citation.js"
import type { Failure, ProvisionalNote, VerdictDecision } from "../rule/Decision.js"
import { verdict } from "../rule/Decision.js"
import { isInForce, notInForce } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"
import { BASE_EDITION } from "./BaseEdition.js"
import { majorCategoryLabel } from "./MajorCategory.js"
import type { CatalogueLookup } from "./OccupationCatalogue.js"
import { nameOn, workTypesOn } from "./OccupationCatalogue.js"

export const CERTIFIABLE_RULE = "occupation.certifiable"

const CITATIONS = [Cite.standards]

const fail = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"]
) => ({
  code,
  rule: CERTIFIABLE_RULE,
  field,
  message,
  seen,
  required,
  citation: Cite.standards
})

const BASE_EDITION_NOTE: ProvisionalNote = {
  rule: CERTIFIABLE_RULE,
  reason: `按《大典》2022年在线版（${BASE_EDITION.publishedOn}颁布）所列职业自${BASE_EDITION.appliesFrom}起均视为已收录处理；该在线版含颁布后人社部通知新增的职业而未注明新增日期，通知所称大典为当时施行版本（待人社部门确认）`,
  citation: Cite.domainDecisions
}

export const certifiable = (
  catalogue: CatalogueLookup,
  occupationCode: string,
  workType: string | undefined,
  date: LocalDate
): VerdictDecision => {
  if (!isInForce(date)) return notInForce(CERTIFIABLE_RULE, date)
  const failures: Array<Failure> = []
  const provisional: Array<ProvisionalNote> = []
  const major = majorOf(occupationCode)
  if (isOccupationCode(occupationCode) && !isCertifiableMajor(occupationCode)) {
    failures.push(
      fail(
        "MajorCategoryNotCertifiable",
        "occupationCode",
        `职业 ${occupationCode} 属《国家职业分类大典》${majorCategoryLabel(major)}，职业技能等级认定仅限第三、四、五、六大类收录的职业`,
        major,
        CERTIFIABLE_MAJORS
      )
    )
  }
  const entry = catalogue.get(occupationCode)
  if (entry === undefined) {
    failures.push(
      fail(
        "OccupationNotInCatalogue",
        "occupationCode",
        `职业编码 ${occupationCode} 未收录于《国家职业分类大典》或人力资源社会保障部职业信息新增、变更通知，不得擅造职业（工种）名称`,
        occupationCode,
        "《大典》或人社部通知收录的职业编码"
      )
    )
    return verdict(CERTIFIABLE_RULE, CITATIONS, failures)
  }
  const name = nameOn(entry, date)
  if (entry.listedFrom > date) {
    failures.push(
      fail(
        "OccupationNotYetListed",
        "date",
        `职业 ${occupationCode}（${name}）由 ${entry.source} 自 ${entry.listedFrom} 起新增，${date} 尚未收录，不得擅造职业（工种）名称`,
        date,
        `>= ${entry.listedFrom}`
      )
    )
  }
  if (workType !== undefined) {
    const listed = workTypesOn(entry, date)
    const wanted = workType.trim()
    if (listed.length > 0) {
      if (!listed.includes(wanted)) {
        failures.push(
          fail(
            "WorkTypeNotListed",
            "workType",
            `工种「${workType}」未列于职业 ${occupationCode}（${name}）之下（已列工种：${listed.join("、")}），不得擅造职业（工种）名称`,
            workType,
            listed
          )
        )
      }
    } else if (entry.occupation.workTypeCount === 0) {
      failures.push(
        fail(
          "WorkTypeNotListed",
          "workType",
          `职业 ${occupationCode}（${name}）未设工种，工种「${workType}」不得擅造职业（工种）名称`,
          workType,
          []
        )
      )
    } else {
      provisional.push({
        rule: CERTIFIABLE_RULE,
        reason: `职业 ${occupationCode}（${name}）在《大典》中列有 ${entry.occupation.workTypeCount} 个工种，但工种名称尚未入库，工种「${workType}」未能核对`,
        citation: Cite.domainDecisions
      })
    }
  }
  // The base-edition reading matters only when it lets the occupation through.
  if (failures.length === 0 && entry.fromBaseEdition) provisional.unshift(BASE_EDITION_NOTE)
  return verdict(CERTIFIABLE_RULE, CITATIONS, failures, { provisional })
}
