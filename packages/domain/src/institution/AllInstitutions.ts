/**
 * Every institution matching a catalogue query, page after page (the repository answers at most
 * MAX_INSTITUTION_PAGE_SIZE a page): for the bureaus' overviews over their whole region (属地管理, 54号·五).
 */
import { Effect } from "effect"
import type { Institution } from "./Institution.js"
import { type InstitutionQuery, MAX_INSTITUTION_PAGE_SIZE } from "./InstitutionQuery.js"
import { InstitutionRepository } from "./InstitutionRepository.js"

export const allInstitutions = (query: Omit<InstitutionQuery, "offset" | "limit">) =>
  Effect.gen(function* () {
    const repository = yield* InstitutionRepository
    const all: Array<Institution> = []
    for (let offset = 0; ; offset += MAX_INSTITUTION_PAGE_SIZE) {
      const page = yield* repository.list({ ...query, offset, limit: MAX_INSTITUTION_PAGE_SIZE })
      all.push(...page.items)
      if (all.length >= page.total || page.items.length === 0) return all
    }
  })
