/** The per-request variables of the API's Hono context: the request id and, after authentication, the actor. */
import type { Organisation } from "@jineng/domain/access/Organisation"

export interface ApiEnv {
  Variables: {
    requestId: string
    /** The organisation of the presented API key (set by `authenticate`). */
    actor: Organisation
  }
}
