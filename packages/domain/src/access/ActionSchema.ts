/** Schema for the API's write actions (Permissions.ts). */
import { Schema } from "effect"
import { ACTIONS } from "./Permissions.js"

export const Action = Schema.Literal(...ACTIONS).annotations({
  identifier: "Action",
  message: () => ({ message: `操作应为 ${ACTIONS.join("、")} 之一`, override: true }),
  description: "API 写操作，如 batch.publish、revocation.execute"
})
export type Action = typeof Action.Type
