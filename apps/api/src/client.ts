/** The typed API client for the site and the terminal: `hc<AppType>` (type-only import of the app). */
import { hc } from "hono/client"
import type { AppType } from "./App.js"

export const createApiClient = (baseUrl: string, init?: Parameters<typeof hc>[1]) =>
  hc<AppType>(baseUrl, init)
