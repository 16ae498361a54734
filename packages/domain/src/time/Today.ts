/** Today's calendar date in Beijing (UTC+8): the notice's dates are Beijing calendar days. From Effect's clock. */
import { DateTime, Effect } from "effect"
import type { LocalDate } from "./LocalDate.js"

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000

/** The Beijing calendar date of an instant (epoch milliseconds). */
export const beijingDateOf = (epochMillis: number): LocalDate =>
  new Date(epochMillis + BEIJING_OFFSET_MS).toISOString().slice(0, 10)

export const todayInBeijing: Effect.Effect<LocalDate> = Effect.map(DateTime.now, (now) =>
  beijingDateOf(DateTime.toEpochMillis(now))
)
