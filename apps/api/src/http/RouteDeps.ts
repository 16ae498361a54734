/** What every routes file is built with: the process's runtime and the app's options. */
import type { AppRuntime } from "../AppRuntime.js"
import type { LookupLimits } from "./RateLimit.js"

export interface RouteDeps {
  readonly runtime: AppRuntime
  /** The public base URL, for verification links. */
  readonly publicBaseUrl: string
  readonly lookupLimits: LookupLimits
}
