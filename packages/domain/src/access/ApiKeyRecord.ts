/**
 * The stored record of an API key (domain.md §4: organisations act through the API with their keys): never the
 * key itself, only its lookup prefix and a hash of it (made and checked by @jineng/db's ApiKeys, which needs
 * crypto). A revoked key stays on file with its revocation time.
 */
import { Schema } from "effect"

/** Length of the lookup prefix, the key's public part that finds its record. */
export const API_KEY_PREFIX_LENGTH = 8

export const ApiKeyRecord = Schema.Struct({
  id: Schema.String.pipe(Schema.minLength(1)),
  organisationId: Schema.String.pipe(Schema.minLength(1)),
  prefix: Schema.String.pipe(Schema.length(API_KEY_PREFIX_LENGTH)),
  /** The hash of the whole key, tagged with its scheme (e.g. "hmac-sha256:…"). */
  hash: Schema.String.pipe(Schema.minLength(1)),
  /** ISO 8601 instant. */
  createdAt: Schema.String,
  /** ISO 8601 instant; absent while the key is usable. */
  revokedAt: Schema.optional(Schema.String)
})
export type ApiKeyRecord = typeof ApiKeyRecord.Type
