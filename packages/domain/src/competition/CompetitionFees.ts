/**
 * No fees (54号·二): "各地举办的职业技能大赛，不得收取任何报名费、参赛费以及证书核发等费用". Any declared fee above
 * 0 元 refuses the competition; a fee of another kind is refused too (the "任何…等费用"), flagged provisional.
 */
import { Cite } from "../rule/Citation.js"
import { type Decision, type Failure, type ProvisionalNote, type Verdict, verdict } from "../rule/Decision.js"
import type { Fee, FeeKind } from "./Competition.js"

const RULE = "competition.fees"

export const FEE_KIND_NAMES: Record<FeeKind, string> = {
  registration: "报名费",
  participation: "参赛费",
  certificate: "证书核发费",
  other: "其他费用"
}

const CODES: Record<FeeKind, string> = {
  registration: "RegistrationFeeCharged",
  participation: "ParticipationFeeCharged",
  certificate: "CertificateFeeCharged",
  other: "OtherFeeCharged"
}

const OTHER_FEE: ProvisionalNote = {
  rule: RULE,
  reason:
    "通知列举报名费、参赛费、证书核发费并以“任何…等费用”概括，其他名目的费用同样不得收取（待业务主管部门确认）",
  citation: Cite.competition
}

export const competitionFees = (fees: ReadonlyArray<Fee>): Decision<Verdict> => {
  const failures: Array<Failure> = []
  let other = false
  for (let i = 0; i < fees.length; i++) {
    const fee = fees[i] as Fee
    // `!(x <= 0)` also refuses a malformed amount (NaN) that a plain caller might pass.
    if (!(fee.amount <= 0)) {
      if (fee.kind === "other") other = true
      const name =
        fee.description === undefined
          ? FEE_KIND_NAMES[fee.kind]
          : `${FEE_KIND_NAMES[fee.kind]}（${fee.description}）`
      failures.push({
        code: CODES[fee.kind],
        rule: RULE,
        field: `fees[${i}].amount`,
        message: `职业技能竞赛不得收取任何费用：申报收取${name} ${fee.amount} 元，应为 0 元`,
        seen: fee.amount,
        required: 0,
        citation: Cite.competition
      })
    }
  }
  return verdict(RULE, [Cite.competition], failures, other ? { provisional: [OTHER_FEE] } : undefined)
}
