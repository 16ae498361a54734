/**
 * What an administrator submits to change the institution catalogue (54号·五 能进能出): an admission (the
 * institution without its id and history, the decision's date and grounds), a status change (date and grounds) and
 * a scope change (region, authorisations, date and grounds). The date is optional: absent, it is today in Beijing.
 * Authorised occupations must be open to 职业技能等级认定 (54号·三). Every decode message is zh-CN and names the field.
 */
import { Schema, Struct } from "effect"
import { isCertifiableMajor } from "../codes/OccupationCode.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { Institution, numberingPrefixProblem } from "./Institution.js"
import { InstitutionScope } from "./InstitutionScope.js"

/**
 * Only occupations of 大典 major categories 3–6 may be authorised for 职业技能等级认定 (54号·三): one issue per
 * occupation outside them, at its path.
 */
const uncertifiableOccupations = (scope: {
  readonly authorisations: ReadonlyArray<{ readonly occupations: ReadonlyArray<{ readonly code: string }> }>
}): ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }> =>
  scope.authorisations.flatMap((a, i) =>
    a.occupations.flatMap((o, j) =>
      isCertifiableMajor(o.code)
        ? []
        : [
            {
              path: ["authorisations", i, "occupations", j, "code"],
              message: `职业编码 ${o.code} 不属于《国家职业分类大典》第三至六大类，不得开展职业技能等级认定`
            }
          ]
    )
  )

/** The day the decision takes effect; absent: today in Beijing. */
const EffectiveDate = Schema.optionalWith(LocalDate, { exact: true }).annotations({
  description: "生效日期（YYYY-MM-DD，缺省为北京时间当日）"
})

/** The decision's grounds (e.g. its document number), kept in the history and the audit trail. */
const Reason = (label: string) => required(Text(label, 500), label)

export const AdmitInstitution = Schema.Struct({
  /** Absent: the registry assigns one ("inst_…"). Given: a retried admission is refused as a duplicate. */
  id: Schema.optionalWith(Id("机构编号"), { exact: true }),
  ...Struct.omit(Institution.from.fields, "id", "statusHistory"),
  date: EffectiveDate,
  reason: Reason("准入理由")
})
  .annotations({ identifier: "AdmitInstitution", title: "评价机构准入", message: () => "准入信息应为对象" })
  .pipe(
    Schema.filter((i) => {
      const problem = numberingPrefixProblem(i)
      return [
        ...(problem === undefined ? [] : [{ path: ["numberingPrefix"], message: problem }]),
        ...uncertifiableOccupations(i)
      ]
    })
  )
export type AdmitInstitution = typeof AdmitInstitution.Type

export const StatusChange = Schema.Struct({
  date: EffectiveDate,
  reason: Reason("变更理由")
}).annotations({ identifier: "CatalogueStatusChange", title: "目录状态变更（暂停、移出、恢复或重新准入）" })
export type StatusChange = typeof StatusChange.Type

export const ScopeChangeRequest = Schema.Struct({
  ...InstitutionScope.fields,
  date: EffectiveDate,
  reason: Reason("变更理由")
})
  .annotations({ identifier: "InstitutionScopeChange", title: "评价范围变更（所在地与评价授权）" })
  .pipe(Schema.filter(uncertifiableOccupations))
export type ScopeChangeRequest = typeof ScopeChangeRequest.Type
