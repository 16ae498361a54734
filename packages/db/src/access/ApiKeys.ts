/**
 * API keys of the organisations that act through the API (domain.md §4). A key reads `jn_<lookup>_<secret>`:
 * an 8-character lookup prefix (stored in clear, to find the record) and 32 random bytes in base64url. Only a
 * hash is stored: HMAC-SHA-256 of the whole key under a server pepper (API_KEY_PEPPER; empty when unset). A fast
 * hash is the right tool here — the secret carries 256 bits of entropy, so offline guessing is hopeless whatever
 * the hash, while a slow KDF (scrypt) would spend tens of milliseconds of CPU on every API request; the pepper
 * keeps someone who can write the database but not read the server's config from minting keys. Verification
 * compares hashes in constant time (crypto.timingSafeEqual) and refuses revoked keys.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import {
  type ApiKeyNotFound,
  ApiKeyRejected,
  type OrganisationNotFound
} from "@jineng/domain/access/AccessErrors"
import { API_KEY_PREFIX_LENGTH, type ApiKeyRecord } from "@jineng/domain/access/ApiKeyRecord"
import type { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Clock, Config, Context, Effect, Layer, Option, Redacted } from "effect"

export const API_KEY_SCHEME = "hmac-sha256"

const LOOKUP_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
const KEY_PATTERN = new RegExp(`^jn_([a-z2-7]{${API_KEY_PREFIX_LENGTH}})_([A-Za-z0-9_-]{43})$`)

export interface GeneratedApiKey {
  /** The whole key, shown to its holder once. */
  readonly key: string
  /** Its lookup prefix (the record's `prefix`). */
  readonly prefix: string
}

/** A fresh key: 8 base32 characters of lookup (40 bits) and 32 random bytes of secret. */
export const generateApiKey = (): GeneratedApiKey => {
  const prefix = Array.from(randomBytes(API_KEY_PREFIX_LENGTH), (b) => LOOKUP_ALPHABET[b & 31]).join("")
  return { key: `jn_${prefix}_${randomBytes(32).toString("base64url")}`, prefix }
}

/** The lookup prefix of a well-formed key, or undefined. */
export const parseApiKey = (presented: string): { readonly prefix: string } | undefined => {
  const match = KEY_PATTERN.exec(presented)
  return match?.[1] === undefined ? undefined : { prefix: match[1] }
}

/** The stored form of a key's hash: "hmac-sha256:" + base64url(HMAC-SHA-256(pepper, key)). */
export const hashApiKey = (key: string, pepper: string): string =>
  `${API_KEY_SCHEME}:${createHmac("sha256", pepper).update(key, "utf8").digest("base64url")}`

/** Compares a stored hash with the hash of a presented key in constant time (for equal lengths). */
export const hashMatches = (stored: string, key: string, pepper: string): boolean => {
  const expected = Buffer.from(stored, "utf8")
  const actual = Buffer.from(hashApiKey(key, pepper), "utf8")
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}

/** Compared against when no record has the prefix, so an unknown prefix costs the same as a wrong secret. */
const DUMMY_HASH = hashApiKey("jn_aaaaaaaa_", "")

export interface CreatedApiKey {
  /** The key in clear: print it once, it is stored nowhere. */
  readonly key: string
  readonly record: ApiKeyRecord
}

export interface VerifiedApiKey {
  readonly organisation: Organisation
  readonly record: ApiKeyRecord
}

/** How often `create` draws a new lookup prefix when the drawn one is taken (2^40 prefixes: practically never). */
const PREFIX_ATTEMPTS = 5

export interface ApiKeysOptions {
  readonly pepper: Option.Option<Redacted.Redacted<string>>
}

/** API_KEY_PEPPER from the environment (optional; every process of a deployment must use the same). */
export const ApiKeysConfig: Config.Config<ApiKeysOptions> = Config.all({
  pepper: Config.option(Config.redacted("API_KEY_PEPPER"))
})

const make = (options: ApiKeysOptions) =>
  Effect.gen(function* () {
    const repository = yield* OrganisationRepository
    const ids = yield* IdGenerator
    const pepper = Option.match(options.pepper, { onNone: () => "", onSome: Redacted.value })
    const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

    const create = Effect.fn("ApiKeys.create")(function* (organisationId: string) {
      const id = yield* ids.next("key")
      const createdAt = yield* now
      for (let attempt = 1; ; attempt++) {
        const generated = generateApiKey()
        const record: ApiKeyRecord = {
          id,
          organisationId,
          prefix: generated.prefix,
          hash: hashApiKey(generated.key, pepper),
          createdAt
        }
        const inserted = yield* repository.insertKey(record).pipe(
          Effect.as(true),
          Effect.catchTag("ApiKeyPrefixTaken", (taken) =>
            attempt < PREFIX_ATTEMPTS ? Effect.succeed(false) : Effect.die(taken)
          )
        )
        if (inserted) return { key: generated.key, record } satisfies CreatedApiKey
      }
    })

    const verify = Effect.fn("ApiKeys.verify")(function* (presented: string) {
      const parsed = parseApiKey(presented.trim())
      if (parsed === undefined) return yield* new ApiKeyRejected({ field: "apiKey", reason: "malformed" })
      const found = yield* repository.findKeyByPrefix(parsed.prefix)
      const matches = hashMatches(
        Option.match(found, { onNone: () => DUMMY_HASH, onSome: (r) => r.hash }),
        presented.trim(),
        pepper
      )
      if (Option.isNone(found) || !matches)
        return yield* new ApiKeyRejected({ field: "apiKey", reason: "unknown" })
      const record = found.value
      if (record.revokedAt !== undefined)
        return yield* new ApiKeyRejected({ field: "apiKey", reason: "revoked" })
      const organisation = yield* repository.findById(record.organisationId)
      if (Option.isNone(organisation))
        return yield* new ApiKeyRejected({ field: "apiKey", reason: "unknown" })
      return { organisation: organisation.value, record } satisfies VerifiedApiKey
    })

    const revoke = Effect.fn("ApiKeys.revoke")(function* (keyId: string) {
      return yield* repository.revokeKey(keyId, yield* now)
    })

    return { create, verify, revoke } as const
  })

export class ApiKeys extends Context.Tag("@jineng/db/ApiKeys")<
  ApiKeys,
  {
    /** Makes a key for an existing organisation, stores its record, returns the key in clear (once). */
    readonly create: (organisationId: string) => Effect.Effect<CreatedApiKey, OrganisationNotFound>
    /** The organisation a presented key belongs to; malformed, unknown, wrong and revoked keys are refused. */
    readonly verify: (presented: string) => Effect.Effect<VerifiedApiKey, ApiKeyRejected>
    readonly revoke: (keyId: string) => Effect.Effect<ApiKeyRecord, ApiKeyNotFound>
  }
>() {
  /** Requires OrganisationRepository and IdGenerator. */
  static readonly layer = (options: ApiKeysOptions) => Layer.effect(this, make(options))

  /** The pepper from the environment (read here, at the edge). */
  static readonly layerFromConfig = Layer.unwrapEffect(
    Effect.map(ApiKeysConfig, (options) => ApiKeys.layer(options))
  )
}
