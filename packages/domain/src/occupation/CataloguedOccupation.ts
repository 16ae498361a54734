/**
 * The occupation a technical record is for must be a catalogue occupation open to level certificates (54号·三
 * "根据《国家职业分类大典》三、四、五、六大类收录的规范名称…确定评价职业（工种）…不得擅造职业（工种）名称"): in the
 * catalogue (base edition or a MOHRSS notice) and of 大类 3–6. With a date and 工种, the full dated check of
 * Certifiable.ts applies (listed on that date, 工种 listed under it).
 */
import { Either } from "effect"
import { isCertifiableMajor, majorOf } from "../codes/OccupationCode.js"
import type { LocalDate } from "../time/LocalDate.js"
import { certifiable } from "./Certifiable.js"
import { majorCategoryLabel } from "./MajorCategory.js"
import type { CatalogueEntry } from "./OccupationCatalogue.js"
import { lookupOf } from "./OccupationCatalogue.js"
import { OccupationNotCertifiable, OccupationNotFound } from "./OccupationErrors.js"
import type { OccupationFile } from "./StandardRepository.js"

export const cataloguedOccupation = (
  file: OccupationFile,
  on?: { readonly date: LocalDate; readonly workType: string | undefined }
): Either.Either<CatalogueEntry, OccupationNotFound | OccupationNotCertifiable> => {
  const entry = file.entry
  if (entry === undefined)
    return Either.left(new OccupationNotFound({ field: "occupationCode", occupationCode: file.code }))
  if (!isCertifiableMajor(file.code))
    return Either.left(
      new OccupationNotCertifiable({
        field: "occupationCode",
        occupationCode: file.code,
        reasons: [
          `职业 ${file.code} 属《国家职业分类大典》${majorCategoryLabel(majorOf(file.code))}，职业技能等级认定仅限第三、四、五、六大类收录的职业`
        ]
      })
    )
  if (on === undefined) return Either.right(entry)
  const decision = certifiable(lookupOf([entry]), file.code, on.workType, on.date)
  return decision.outcome === "allowed"
    ? Either.right(entry)
    : Either.left(
        new OccupationNotCertifiable({
          field: decision.failures[0]?.field ?? "occupationCode",
          occupationCode: file.code,
          reasons: decision.failures.map((f) => f.message)
        })
      )
}
