/**
 * The authorisations of admitted institutions that end within a number of days (54号·五 目录管理: an institution
 * evaluates only within the validity of its authorisation): the bureaus' reminder to renew or let lapse. The
 * catalogue is public, so any key may ask; the region defaults to the asking organisation's.
 */
import { Effect } from "effect"
import type { Organisation } from "../access/Organisation.js"
import { addDays, daysBetween, type LocalDate } from "../time/LocalDate.js"
import { todayInBeijing } from "../time/Today.js"
import { allInstitutions } from "./AllInstitutions.js"

export interface ExpiringAuthorisation {
  readonly institutionId: string
  readonly name: string
  readonly regionCode: string
  readonly authorisationId: string
  readonly validUntil: LocalDate
  readonly daysLeft: number
}

export const expiringAuthorisations = (
  org: Organisation,
  options: { readonly withinDays: number; readonly regionCode?: string | undefined }
) =>
  Effect.gen(function* () {
    const today = yield* todayInBeijing
    const until = addDays(today, options.withinDays)
    const institutions = yield* allInstitutions({
      regionCode: options.regionCode ?? org.regionCode,
      status: "admitted",
      statusOn: today
    })
    const items: Array<ExpiringAuthorisation> = institutions
      .flatMap((institution) =>
        institution.authorisations
          .filter((a) => a.validUntil >= today && a.validUntil <= until)
          .map((a) => ({
            institutionId: institution.id,
            name: institution.name,
            regionCode: institution.region,
            authorisationId: a.id,
            validUntil: a.validUntil,
            daysLeft: daysBetween(today, a.validUntil)
          }))
      )
      .sort((a, b) => (a.validUntil < b.validUntil ? -1 : a.validUntil > b.validUntil ? 1 : 0))
    return { date: today, items }
  })
