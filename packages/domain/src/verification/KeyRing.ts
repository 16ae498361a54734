/**
 * The registry's signing keys as a deployment keeps them (issue #7): a key file lists every key with its id, its
 * validity window and its PKCS #8 private key; the published verification keys are the same list without the
 * private parts. Rotation adds a key valid from a date and closes the previous one's window on that date — old
 * signatures keep verifying, new ones are made with the new key (Signature.activeSigningKey).
 * Reading and writing the file is the edge's job; this is its shape and the rules over it.
 */
import { Effect, Schema } from "effect"
import { Id, required } from "../shared/FieldSchema.js"
import type { LocalDate as LocalDateType } from "../time/LocalDate.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import {
  activeSigningKey,
  Base64Url,
  generateSigningKey,
  importSigningKey,
  type SigningKey,
  type VerificationKey
} from "./Signature.js"
import { SigningFailed } from "./VerificationErrors.js"

export const StoredKey = Schema.Struct({
  keyId: required(Id("密钥编号"), "密钥编号"),
  publicKey: required(Base64Url("公钥"), "公钥"),
  /** PKCS #8, base64url. */
  privateKey: required(Base64Url("私钥"), "私钥"),
  validFrom: required(LocalDate, "密钥启用日期"),
  validUntil: Schema.optional(LocalDate)
})
export type StoredKey = typeof StoredKey.Type

export const KeyFile = Schema.Struct({
  keys: required(Schema.NonEmptyArray(StoredKey), "密钥")
}).annotations({ identifier: "KeyFile", message: () => "密钥文件应为 { keys: [...] }" })
export type KeyFile = typeof KeyFile.Type

export interface KeyRing {
  readonly signing: ReadonlyArray<SigningKey>
  /** What the registry publishes: every key, retired ones included, without private parts. */
  readonly published: ReadonlyArray<VerificationKey>
}

const published = (k: StoredKey): VerificationKey =>
  k.validUntil === undefined
    ? { keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom }
    : { keyId: k.keyId, publicKey: k.publicKey, validFrom: k.validFrom, validUntil: k.validUntil }

/** The key ring of a decoded key file (private keys imported into Web Crypto). */
export const keyRingOf = Effect.fn("KeyRing.of")(function* (file: KeyFile) {
  const ids = new Set<string>()
  for (const k of file.keys) {
    if (ids.has(k.keyId))
      return yield* new SigningFailed({ field: "keys.keyId", keyId: k.keyId, reason: "密钥编号重复" })
    ids.add(k.keyId)
  }
  const signing = yield* Effect.forEach(file.keys, (k) =>
    importSigningKey(k.keyId, k.privateKey, k.validFrom, k.validUntil)
  )
  return { signing, published: file.keys.map(published) } satisfies KeyRing
})

/** The key that signs today, or SigningFailed when none covers today (the key file needs a rotation). */
export const signingKeyOn = (ring: KeyRing, day: LocalDateType) => {
  const key = activeSigningKey(ring.signing, day)
  return key === undefined
    ? Effect.fail(
        new SigningFailed({ field: "keys", keyId: "", reason: `没有在 ${day} 有效的签名密钥，请轮换密钥` })
      )
    : Effect.succeed(key)
}

/** A new key for `day`, as a stored key. */
export const newStoredKey = Effect.fn("KeyRing.newStoredKey")(function* (keyId: string, day: LocalDateType) {
  const generated = yield* generateSigningKey(keyId, day)
  return {
    keyId,
    publicKey: generated.verification.publicKey,
    privateKey: generated.pkcs8,
    validFrom: day
  } satisfies StoredKey
})

/**
 * Rotation on `day`: every open key's window closes on `day`, and a new key valid from `day` is added (it signs
 * from then on: the latest start wins). Fails when the id is taken.
 */
export const rotate = Effect.fn("KeyRing.rotate")(function* (
  file: KeyFile,
  keyId: string,
  day: LocalDateType
) {
  if (file.keys.some((k) => k.keyId === keyId))
    return yield* new SigningFailed({ field: "keyId", keyId, reason: "密钥编号已存在" })
  const fresh = yield* newStoredKey(keyId, day)
  const [first, ...rest] = file.keys.map(
    (k): StoredKey => (k.validUntil === undefined ? { ...k, validUntil: day } : k)
  )
  const added: StoredKey = fresh
  return { keys: [first as StoredKey, ...rest, added] } satisfies KeyFile
})
