/** Schema for InstitutionKind. */
import { Schema } from "effect"

export const InstitutionKind = Schema.Literal(
  "employer",
  "third_party",
  "city_appraisal_centre",
  "provincial_appraisal_centre"
).annotations({
  identifier: "InstitutionKind",
  description: "机构类别：用人单位、第三方评价机构、市职业技能鉴定机构、省职业技能鉴定中心",
  message: () => ({
    message:
      "机构类别应为 employer（用人单位）、third_party（第三方评价机构）、city_appraisal_centre（市职业技能鉴定机构）或 provincial_appraisal_centre（省职业技能鉴定中心）",
    override: true
  })
})
export type InstitutionKind = typeof InstitutionKind.Type
