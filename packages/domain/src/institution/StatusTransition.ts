/**
 * Appends a status change to an institution's catalogue history (54号·五 能进能出), refusing a move the
 * catalogue does not allow or an entry dated before the last one.
 */
import { Either } from "effect"
import type { StatusEntry } from "./CatalogueStatus.js"
import { isAllowedTransition } from "./CatalogueStatus.js"
import { InvalidStatusTransition } from "./InstitutionErrors.js"

export const appendStatus = (
  history: ReadonlyArray<StatusEntry>,
  entry: StatusEntry
): Either.Either<ReadonlyArray<StatusEntry>, InvalidStatusTransition> => {
  const last = history[history.length - 1]
  if ((last !== undefined && entry.date < last.date) || !isAllowedTransition(last?.status, entry.status)) {
    return Either.left(
      new InvalidStatusTransition({
        field: "status",
        from: last?.status ?? null,
        to: entry.status,
        date: entry.date,
        lastDate: last?.date ?? null
      })
    )
  }
  return Either.right([...history, entry])
}

/** A whole history replayed through `appendStatus` from nothing: the history, or the first refused entry. */
export const replayHistory = (
  entries: ReadonlyArray<StatusEntry>
): Either.Either<ReadonlyArray<StatusEntry>, InvalidStatusTransition> => {
  let history: ReadonlyArray<StatusEntry> = []
  for (const entry of entries) {
    const next = appendStatus(history, entry)
    if (Either.isLeft(next)) return next
    history = next.right
  }
  return Either.right(history)
}
