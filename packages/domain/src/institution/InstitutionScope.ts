/**
 * What an institution may evaluate and where (54号·五 "明确职业技能等级认定机构开展评价的地域范围、有效期限和认定等级"):
 * its region and its authorisations (occupations × levels × region × validity). A scope change replaces both and is
 * recorded with its date, reason and actor, the scope before and after kept side by side.
 */
import { Either, ParseResult, Schema } from "effect"
import { RegionCode } from "../codes/RegionSchema.js"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { Authorisation } from "./Authorisation.js"
import { Institution } from "./Institution.js"
import { InvalidInstitutionScope } from "./InstitutionErrors.js"

export const InstitutionScope = Schema.Struct({
  /** The institution's own region (所在地). */
  region: required(RegionCode, "机构所在地"),
  authorisations: required(
    Schema.Array(Authorisation).annotations({ message: () => "评价授权应为列表" }),
    "评价授权"
  )
})
export type InstitutionScope = typeof InstitutionScope.Type

/** Why, when and by whom a scope was changed. */
export const ScopeChange = Schema.Struct({
  /** The day the new scope takes effect. */
  date: required(LocalDate, "变更生效日期"),
  /** Why (zh-CN), e.g. the decision's document number. */
  reason: required(Text("变更理由", 500), "变更理由"),
  /** Who recorded it (an organisation id). */
  actor: required(Id("记录人"), "记录人")
})
export type ScopeChange = typeof ScopeChange.Type

/** One recorded scope change, oldest first in an institution's change history. */
export const ScopeChangeRecord = Schema.Struct({
  ...ScopeChange.fields,
  before: InstitutionScope,
  after: InstitutionScope
})
export type ScopeChangeRecord = typeof ScopeChangeRecord.Type

export const scopeOf = (institution: Institution): InstitutionScope => ({
  region: institution.region,
  authorisations: institution.authorisations
})

const validateInstitution = Schema.validateEither(Institution)

/** The institution with the new scope, refused when the result is not a valid institution (e.g. prefix province). */
export const applyScope = (
  institution: Institution,
  scope: InstitutionScope
): Either.Either<Institution, InvalidInstitutionScope> =>
  Either.mapLeft(
    validateInstitution({ ...institution, region: scope.region, authorisations: scope.authorisations }),
    (error) =>
      new InvalidInstitutionScope({
        field: "scope",
        institutionId: institution.id,
        problem: ParseResult.ArrayFormatter.formatErrorSync(error)
          .map((issue) =>
            issue.path.length === 0 ? issue.message : `${issue.path.join(".")}：${issue.message}`
          )
          .join("；")
      })
  )
