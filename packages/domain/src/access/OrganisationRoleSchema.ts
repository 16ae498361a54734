/** Schema for OrganisationRole. */
import { Schema } from "effect"
import { ORGANISATION_ROLES } from "./OrganisationRole.js"

export const OrganisationRole = Schema.Literal(
  "province",
  "city",
  "district",
  "provincial_appraisal_centre",
  "city_appraisal_centre",
  "institution",
  "employer",
  "host"
).annotations({
  identifier: "OrganisationRole",
  message: () => ({ message: `机构角色应为 ${ORGANISATION_ROLES.join("、")} 之一`, override: true }),
  description:
    "机构角色：省人社厅、设区市人社局、区（县）人社局、省职业技能鉴定中心、市职业技能鉴定机构、第三方评价机构、用人单位、竞赛主办单位"
})
export type OrganisationRole = typeof OrganisationRole.Type
