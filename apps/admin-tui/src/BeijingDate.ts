/** Calendar days as the registry counts them: Beijing time (UTC+8), ISO YYYY-MM-DD (domain time/LocalDate). */

const DAY = 86_400_000

export const todayInBeijing = (now: number = Date.now()): string =>
  new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)

/** `date` plus `days` calendar days. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
