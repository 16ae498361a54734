/**
 * The registry's signing keys at the edge (issue #7): the key file — every key with its id, validity window and
 * PKCS #8 private key (domain verification/KeyRing) — read once when the runtime starts, and the key ring the
 * routes sign with (`RegistryKeys`). The file is SIGNING_KEYS_FILE, by default `signing-keys.json` next to the
 * SQLite file, or `data/signing-keys.json` under the working directory with PostgreSQL (every API process of a
 * deployment must read the same file). When it does not exist, one key valid from today (Beijing) is generated
 * and written with mode 0600, and one JSON line says so — no key material is ever logged.
 *
 * Writes go through a private temporary file in the same directory, then a link (first creation: two processes
 * starting together keep one key) or a rename (rotation): a reader never sees a half-written file.
 */
import { randomBytes } from "node:crypto"
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import type { DatabaseTarget } from "@jineng/db/Database"
import type { LocalDate } from "@jineng/domain/time/LocalDate"
import { todayInBeijing } from "@jineng/domain/time/Today"
import { KeyFile, type KeyRing, keyRingOf, newStoredKey, rotate } from "@jineng/domain/verification/KeyRing"
import { activeSigningKey } from "@jineng/domain/verification/Signature"
import { Config, Context, Effect, Either, Layer, ParseResult, Schema } from "effect"

export const SIGNING_KEYS_FILENAME = "signing-keys.json"

/** The key file when SIGNING_KEYS_FILE is not set: next to the SQLite file, else data/ under `cwd`. */
export const defaultSigningKeysFile = (target: DatabaseTarget, cwd: string = process.cwd()): string =>
  target._tag === "sqlite" && target.filename !== ":memory:"
    ? join(dirname(resolve(cwd, target.filename)), SIGNING_KEYS_FILENAME)
    : resolve(cwd, "data", SIGNING_KEYS_FILENAME)

/** SIGNING_KEYS_FILE, or the default for the database target. */
export const signingKeysFileConfig = (target: DatabaseTarget): Config.Config<string> =>
  Config.string("SIGNING_KEYS_FILE").pipe(
    Config.map((path) => resolve(path)),
    Config.withDefault(defaultSigningKeysFile(target))
  )

/** The key file is unreadable, not JSON, or not a valid key file. */
export class SigningKeysFileInvalid extends Schema.TaggedError<SigningKeysFileInvalid>()(
  "SigningKeysFileInvalid",
  {
    field: Schema.String,
    path: Schema.String,
    reason: Schema.String
  }
) {
  override get message() {
    return `签名密钥文件 ${this.path} 无效：${this.reason}`
  }
}

/** A key id for a key first valid on `day`, not yet in `taken`: jineng-2026-11-26, then jineng-2026-11-26-2, … */
export const keyIdFor = (day: LocalDate, taken: ReadonlyArray<string> = []): string => {
  const base = `jineng-${day}`
  if (!taken.includes(base)) return base
  let n = 2
  while (taken.includes(`${base}-${n}`)) n++
  return `${base}-${n}`
}

const invalid = (path: string, reason: string, field = "keys") =>
  new SigningKeysFileInvalid({ field, path, reason })

/** Reads and decodes a key file. */
export const readKeyFile = (path: string) =>
  Effect.gen(function* () {
    const text = yield* Effect.try({
      try: () => readFileSync(path, "utf8"),
      catch: (e) => invalid(path, e instanceof Error ? e.message : "无法读取")
    })
    const json = yield* Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: () => invalid(path, "不是有效的 JSON")
    })
    const decoded = Schema.decodeUnknownEither(KeyFile, { errors: "first" })(json)
    if (Either.isLeft(decoded)) {
      const issue = ParseResult.ArrayFormatter.formatErrorSync(decoded.left)[0]
      return yield* invalid(path, issue?.message ?? "格式不正确", issue?.path.join(".") || "keys")
    }
    return decoded.right
  })

/** Writes `file` to a private temporary file beside `path` (mode 0600) and hands it to `place`. */
const writePrivately = (path: string, file: KeyFile, place: (tmp: string) => void) =>
  Effect.try({
    try: () => {
      mkdirSync(dirname(path), { recursive: true })
      const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`
      try {
        writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: "wx" })
        place(tmp)
      } finally {
        rmSync(tmp, { force: true })
      }
    },
    catch: (e) => invalid(path, e instanceof Error ? e.message : "无法写入", "path")
  })

/** Creates the key file; false when another process created it first (its keys are kept). */
export const createKeyFile = (path: string, file: KeyFile) =>
  writePrivately(path, file, (tmp) => linkSync(tmp, path)).pipe(
    Effect.as(true),
    Effect.catchIf(
      () => existsSync(path),
      () => Effect.succeed(false)
    )
  )

/** Replaces the key file (rotation). */
export const replaceKeyFile = (path: string, file: KeyFile) =>
  writePrivately(path, file, (tmp) => renameSync(tmp, path))

export type LogLine = Readonly<Record<string, unknown>>
const stdoutLine = (line: LogLine) => console.log(JSON.stringify(line))

/** The ring from the key file at `path`, generating the file with one key first when it does not exist. */
export const loadKeyFile = (path: string, log: (line: LogLine) => void = stdoutLine) =>
  Effect.gen(function* () {
    const today = yield* todayInBeijing
    if (!existsSync(path)) {
      const keyId = keyIdFor(today)
      const created = yield* createKeyFile(path, { keys: [yield* newStoredKey(keyId, today)] })
      if (created)
        log({
          level: "info",
          time: new Date().toISOString(),
          msg: "signing key generated",
          file: path,
          keyId,
          validFrom: today
        })
    }
    const ring = yield* keyRingOf(yield* readKeyFile(path))
    if (activeSigningKey(ring.signing, today) === undefined)
      log({
        level: "warn",
        time: new Date().toISOString(),
        msg: "no signing key valid today: rotate the signing keys (keys:rotate)",
        file: path,
        day: today
      })
    return ring
  })

/**
 * Rotation today (the operator's `keys:rotate`): a new key valid from today is added and every open key's window
 * closes today; the file is replaced. Running API processes keep the ring they started with until restarted.
 */
export const rotateKeyFile = (path: string) =>
  Effect.gen(function* () {
    if (!existsSync(path)) return yield* invalid(path, "文件不存在（API 首次启动时会生成第一把密钥）", "path")
    const file = yield* readKeyFile(path)
    const today = yield* todayInBeijing
    const keyId = keyIdFor(
      today,
      file.keys.map((k) => k.keyId)
    )
    const rotated = yield* rotate(file, keyId, today)
    yield* replaceKeyFile(path, rotated)
    const fresh = rotated.keys[rotated.keys.length - 1] as (typeof rotated.keys)[number]
    return {
      keyId,
      publicKey: fresh.publicKey,
      validFrom: today,
      /** The keys whose window this rotation closed (today is their last signing day). */
      retired: file.keys.filter((k) => k.validUntil === undefined).map((k) => k.keyId)
    }
  })

/** A ring with one new key valid from today, kept in memory only (tests, tools). */
export const ephemeralKeyRing = Effect.gen(function* () {
  const today = yield* todayInBeijing
  return yield* keyRingOf({ keys: [yield* newStoredKey(keyIdFor(today), today)] })
})

export type SigningKeysSource =
  | { readonly _tag: "file"; readonly path: string; readonly log?: (line: LogLine) => void }
  | { readonly _tag: "ring"; readonly ring: KeyRing }
  | { readonly _tag: "ephemeral" }

/** The registry's key ring: the keys it signs with and the verification keys it publishes. */
export class RegistryKeys extends Context.Tag("@jineng/api/RegistryKeys")<RegistryKeys, KeyRing>() {
  static readonly layer = (source: SigningKeysSource) =>
    Layer.effect(
      this,
      source._tag === "ring"
        ? Effect.succeed(source.ring)
        : source._tag === "ephemeral"
          ? ephemeralKeyRing
          : loadKeyFile(source.path, source.log)
    )

  /** The key file named by SIGNING_KEYS_FILE, or the default for the database target. */
  static readonly layerFromConfig = (target: DatabaseTarget) =>
    Layer.unwrapEffect(
      Effect.map(signingKeysFileConfig(target), (path) => RegistryKeys.layer({ _tag: "file", path }))
    )
}
