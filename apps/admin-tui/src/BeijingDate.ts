/** Calendar days as the registry counts them: Beijing time (UTC+8), ISO YYYY-MM-DD — the domain's own functions. */
import { addDays as addLocalDays } from "@jineng/domain/time/LocalDate"
import { beijingDateOf } from "@jineng/domain/time/Today"

export const todayInBeijing = (now: number = Date.now()): string => beijingDateOf(now)

/** `date` plus `days` calendar days. */
export const addDays = (date: string, days: number): string => addLocalDays(date, days)
