/** What App gives every screen: the client, who acts (GET /organisations/me), today, and the way out. */
import type { AdminClient, Me } from "../api/AdminClient.js"

export type ScreenId =
  | "home"
  | "todo"
  | "filings"
  | "institutions"
  | "revocations"
  | "reports"
  | "assessments"
  | "batches"

/** Where to go, with what to open there (from 待办). */
export interface Route {
  readonly screen: ScreenId
  readonly reportId?: string
  readonly institutionId?: string
  readonly filingId?: string
}

export interface ScreenProps {
  readonly client: AdminClient
  readonly me: Me
  /** Today in Beijing (YYYY-MM-DD). */
  readonly today: string
  /** Only the current screen takes keys. */
  readonly isActive: boolean
  readonly route: Route
  readonly navigate: (route: Route) => void
  /** Back to the menu. */
  readonly onBack: () => void
}

/** true when the key's role may perform the action (Permissions.ts, as /organisations/me lists it). */
export const may = (me: Me, action: string): boolean => me.actions.some((a) => a.action === action)
