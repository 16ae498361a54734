/**
 * An organisation that acts through the API with its API keys (domain.md §4): its role, its region (the
 * department's or centre's territory, an institution's seat) and, for institutions and employers, the catalogue
 * institution it is (54号·五). Messages are zh-CN and name the field (shared/FieldSchema).
 */
import { Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import {
  kindsForRole,
  organisationRoleName,
  roleRegionProblem,
  rolesWithInstitution
} from "./OrganisationRole.js"
import { OrganisationRole } from "./OrganisationRoleSchema.js"

export const Organisation = Schema.Struct({
  id: required(Id("机构账户编号"), "机构账户编号"),
  name: required(Text("机构名称"), "机构名称"),
  role: required(OrganisationRole, "机构角色"),
  regionCode: required(RegionCode, "行政区划代码"),
  /** The catalogue institution this organisation is (required for third-party institutions and employers). */
  institutionId: Schema.optionalWith(Id("评价机构编号"), { exact: true })
}).pipe(
  Schema.filter(
    (o) =>
      roleRegionProblem(o.role, o.regionCode) ??
      (rolesWithInstitution.includes(o.role) && o.institutionId === undefined
        ? `${organisationRoleName(o.role)}应关联评价机构目录中的机构（institutionId）`
        : o.institutionId !== undefined && kindsForRole(o.role).length === 0
          ? `${organisationRoleName(o.role)}是人力资源社会保障部门，不关联评价机构`
          : true)
  )
)
export type Organisation = typeof Organisation.Type
