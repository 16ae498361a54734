/**
 * Event setting (赛项设置, 54号·三/四): "以单个职业（工种）为单位设置赛项" — each event names exactly one occupation
 * (or one 工种 of it), whole: "严禁降低标准，以职业（工种）部分工作内容作为竞赛赛项". The occupation's code must lie in
 * 大典 major categories 3–6: that rule is codes/OccupationCode `isCertifiableMajor`, used here as is. Whether the
 * occupation (and 工种) is actually listed in the 大典 or a MOHRSS notice on the competition's dates is
 * occupation/Certifiable's check, which needs the catalogue: the API calls it for each event; this rule never
 * trusts a client's `inCatalogue` flag.
 */
import { CERTIFIABLE_MAJORS, isCertifiableMajor, isOccupationCode, majorOf } from "../codes/OccupationCode.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, type Failure, type Verdict, verdict } from "../rule/Decision.js"
import type { CompetitionEvent, EventOccupation } from "./Competition.js"

const RULE = "competition.event-setting"

const labelOf = (o: EventOccupation): string =>
  o.workType === undefined ? `${o.name}（${o.code}）` : `${o.name}·${o.workType}（${o.code}）`

const occupationFailures = (o: EventOccupation, field: string, event: string, failures: Array<Failure>) => {
  if (!isOccupationCode(o.code)) {
    failures.push({
      code: "OccupationCodeInvalid",
      rule: RULE,
      field: `${field}.code`,
      message: `赛项“${event}”的职业编码 ${o.code} 格式无效，应为 N-NN-NN-NN`,
      seen: o.code,
      required: "N-NN-NN-NN",
      citation: Cite.standards
    })
    return
  }
  if (!isCertifiableMajor(o.code)) {
    failures.push({
      code: "OccupationNotCertifiable",
      rule: RULE,
      field: `${field}.code`,
      message: `赛项“${event}”的职业${labelOf(o)}属《国家职业分类大典》第${majorOf(o.code)}大类，竞赛职业应属第三至第六大类`,
      seen: o.code,
      required: CERTIFIABLE_MAJORS,
      citation: Cite.standards
    })
  }
}

/** The failures of one event; `index` places them under `events[index]`. */
export const eventFailures = (event: CompetitionEvent, index: number, failures: Array<Failure> = []) => {
  const field = `events[${index}]`
  const n = event.occupations.length
  if (n === 0) {
    failures.push({
      code: "EventWithoutOccupation",
      rule: RULE,
      field: `${field}.occupations`,
      message: `赛项“${event.name}”未指明职业（工种），应以单个职业（工种）为单位设置赛项`,
      seen: 0,
      required: 1,
      citation: Cite.standards
    })
  } else if (n > 1) {
    failures.push({
      code: "EventSpansSeveralOccupations",
      rule: RULE,
      field: `${field}.occupations`,
      message: `赛项“${event.name}”涉及 ${n} 个职业（工种）（${event.occupations.map(labelOf).join("、")}），应以单个职业（工种）为单位设置赛项`,
      seen: event.occupations.map((o) => (o.workType === undefined ? o.code : `${o.code}·${o.workType}`)),
      required: 1,
      citation: Cite.standards
    })
  }
  if (event.scope !== "whole") {
    failures.push({
      code: "EventPartialOccupation",
      rule: RULE,
      field: `${field}.scope`,
      message: `赛项“${event.name}”仅以职业（工种）部分工作内容作为竞赛赛项，严禁此类办赛；赛项应覆盖完整职业（工种）`,
      seen: event.scope,
      required: "whole",
      citation: Cite.issuance
    })
  }
  for (let j = 0; j < n; j++) {
    occupationFailures(
      event.occupations[j] as EventOccupation,
      `${field}.occupations[${j}]`,
      event.name,
      failures
    )
  }
  return failures
}

export const eventSetting = (events: ReadonlyArray<CompetitionEvent>): Decision<Verdict> => {
  const failures: Array<Failure> = []
  if (events.length === 0) {
    failures.push({
      code: "CompetitionWithoutEvents",
      rule: RULE,
      field: "events",
      message: "竞赛未设置任何赛项，应至少设置一个以单个职业（工种）为单位的赛项",
      seen: 0,
      required: ">= 1",
      citation: Cite.standards
    })
  }
  for (let i = 0; i < events.length; i++) eventFailures(events[i] as CompetitionEvent, i, failures)
  return verdict(RULE, [Cite.standards, Cite.issuance], failures)
}
