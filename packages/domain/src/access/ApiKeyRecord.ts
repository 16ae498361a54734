/**
 * The stored record of an API key (domain.md §4: organisations act through the API with their keys): never the
 * key itself, only its lookup prefix and a hash of it (made and checked by @jineng/db's ApiKeys, which needs
 * crypto). A revoked key stays on file with its revocation time.
 */
import { Schema } from "effect"
import { Id, required } from "../shared/FieldSchema.js"

/** Length of the lookup prefix, the key's public part that finds its record. */
export const API_KEY_PREFIX_LENGTH = 8

export const ApiKeyRecord = Schema.Struct({
  id: required(Id("密钥编号"), "密钥编号"),
  organisationId: required(Id("机构账户编号"), "机构账户编号"),
  prefix: required(
    Schema.String.pipe(
      Schema.length(API_KEY_PREFIX_LENGTH, {
        message: () => ({ message: `密钥前缀应为${API_KEY_PREFIX_LENGTH}个字符`, override: true })
      })
    ),
    "密钥前缀"
  ),
  /** The hash of the whole key, tagged with its scheme (e.g. "hmac-sha256:…"). */
  hash: required(Id("密钥摘要"), "密钥摘要"),
  /** ISO 8601 instant. */
  createdAt: Schema.String,
  /** ISO 8601 instant; absent while the key is usable. */
  revokedAt: Schema.optional(Schema.String)
})
export type ApiKeyRecord = typeof ApiKeyRecord.Type
