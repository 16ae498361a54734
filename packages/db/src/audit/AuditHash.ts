/** The hash chain of the audit trail: SHA-256 over the previous hash and the entry's canonical JSON. */
import { createHash } from "node:crypto"

export const GENESIS_HASH = "0".repeat(64)

export interface ChainedFields {
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly subject: string
  readonly reason: string
  /** JSON text as stored. */
  readonly details: string
}

export const entryHash = (prevHash: string, e: ChainedFields): string =>
  createHash("sha256")
    .update(prevHash)
    .update("\n")
    .update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.subject, e.reason, e.details]))
    .digest("hex")
