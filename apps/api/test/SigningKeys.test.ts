/**
 * The registry's signing keys at the edge (issue #7): the key file generated on first start (mode 0600, one JSON
 * line without key material, one key even when two processes start together), read back unchanged, refused with
 * a zh-CN reason when damaged; rotation by the operator command (new key from today, old window closed today,
 * only public parts printed); and a rotated ring in the app: yesterday's record signed by the old key still
 * verifies, today's is signed by the new one.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { addDays } from "@jineng/domain/time/LocalDate"
import { KeyFile, keyRingOf, newStoredKey, rotate } from "@jineng/domain/verification/KeyRing"
import { activeSigningKey, type VerificationKey } from "@jineng/domain/verification/Signature"
import { type SignedRecord, signRecord, verifySignedRecord } from "@jineng/domain/verification/SignedRecord"
import { Effect, Either, Redacted, Schema } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import {
  defaultSigningKeysFile,
  keyIdFor,
  type LogLine,
  loadKeyFile,
  rotateKeyFile
} from "../src/SigningKeys.js"
import { makeTestApp, todayInBeijing } from "./TestApp.js"

const dirs: Array<string> = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "jineng-keys-"))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const run = <A, E>(effect: Effect.Effect<A, E, never>) => Effect.runPromise(effect)
const readFile = (path: string) => Schema.decodeUnknownSync(KeyFile)(JSON.parse(readFileSync(path, "utf8")))

describe("issue #7 the signing key file", () => {
  it("is generated on first start with one key valid from today, mode 0600, logged once without key material", async () => {
    const path = join(tempDir(), "nested", "signing-keys.json")
    const lines: Array<LogLine> = []
    const ring = await run(loadKeyFile(path, (l) => void lines.push(l)))
    const today = todayInBeijing()
    expect(statSync(path).mode & 0o777).toBe(0o600)
    const file = readFile(path)
    expect(file.keys.map((k) => [k.keyId, k.validFrom, k.validUntil])).toEqual([
      [`jineng-${today}`, today, undefined]
    ])
    expect(ring.published).toEqual([
      { keyId: `jineng-${today}`, publicKey: file.keys[0]?.publicKey, validFrom: today }
    ])
    expect(activeSigningKey(ring.signing, today)?.keyId).toBe(`jineng-${today}`)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      level: "info",
      msg: "signing key generated",
      keyId: `jineng-${today}`,
      file: path
    })
    const logged = JSON.stringify(lines)
    expect(logged).not.toContain(file.keys[0]?.privateKey)
    expect(logged).not.toContain(file.keys[0]?.publicKey)

    const again: Array<LogLine> = []
    const reread = await run(loadKeyFile(path, (l) => void again.push(l)))
    expect(reread.published).toEqual(ring.published)
    expect(again).toEqual([])
  })

  it("keeps one key when two processes create it at the same time", async () => {
    const path = join(tempDir(), "signing-keys.json")
    const lines: Array<LogLine> = []
    const log = (l: LogLine) => void lines.push(l)
    const [a, b] = await run(Effect.all([loadKeyFile(path, log), loadKeyFile(path, log)], { concurrency: 2 }))
    expect(a?.published).toEqual(b?.published)
    expect(readFile(path).keys).toHaveLength(1)
    expect(lines.filter((l) => l.msg === "signing key generated")).toHaveLength(1)
  })

  it("refuses a damaged file with a zh-CN reason naming the file", async () => {
    const path = join(tempDir(), "signing-keys.json")
    writeFileSync(path, '{"keys": []}')
    const refused = await run(Effect.either(loadKeyFile(path, () => {})))
    expect(Either.isLeft(refused) && refused.left._tag).toBe("SigningKeysFileInvalid")
    if (Either.isLeft(refused)) {
      expect(refused.left.message).toContain(path)
      expect(refused.left.message).toMatch(/[\u4e00-\u9fff]/)
    }
    writeFileSync(path, "not json")
    const notJson = await run(Effect.either(loadKeyFile(path, () => {})))
    expect(Either.isLeft(notJson) && notJson.left.message).toContain("JSON")
  })

  it("lives next to the SQLite file by default, or under data/ with PostgreSQL", () => {
    expect(defaultSigningKeysFile({ _tag: "sqlite", filename: "/srv/jineng/registry.sqlite" })).toBe(
      "/srv/jineng/signing-keys.json"
    )
    expect(defaultSigningKeysFile({ _tag: "sqlite", filename: "data/jineng.sqlite" }, "/app")).toBe(
      "/app/data/signing-keys.json"
    )
    expect(defaultSigningKeysFile({ _tag: "pg", url: Redacted.make("postgres://x") }, "/app")).toBe(
      "/app/data/signing-keys.json"
    )
    expect(keyIdFor("2026-11-26", ["jineng-2026-11-26", "jineng-2026-11-26-2"])).toBe("jineng-2026-11-26-3")
  })
})

describe("issue #7 key rotation", () => {
  it("adds a key valid from today and closes the old window today, even on the old key's first day", async () => {
    const path = join(tempDir(), "signing-keys.json")
    await run(loadKeyFile(path, () => {}))
    const today = todayInBeijing()
    const rotated = await run(rotateKeyFile(path))
    expect(rotated).toMatchObject({
      keyId: `jineng-${today}-2`,
      validFrom: today,
      retired: [`jineng-${today}`]
    })
    const file = readFile(path)
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(file.keys.map((k) => [k.keyId, k.validFrom, k.validUntil])).toEqual([
      [`jineng-${today}`, today, today],
      [`jineng-${today}-2`, today, undefined]
    ])
    const ring = await run(keyRingOf(file))
    expect(activeSigningKey(ring.signing, today)?.keyId).toBe(`jineng-${today}-2`)
  })

  it("keys:rotate prints the new key id and public key, never a private key", () => {
    const path = join(tempDir(), "signing-keys.json")
    const today = todayInBeijing()
    return run(
      Effect.gen(function* () {
        const old = yield* newStoredKey("jineng-old", addDays(today, -30))
        writeFileSync(path, JSON.stringify({ keys: [old] }), { mode: 0o600 })
        const result = spawnSync(
          process.execPath,
          ["--conditions=@jineng/source", "--import", "tsx", "src/cli/rotateSigningKey.ts"],
          {
            cwd: join(import.meta.dirname, ".."),
            env: { ...process.env, SIGNING_KEYS_FILE: path },
            encoding: "utf8"
          }
        )
        expect(result.status, result.stderr).toBe(0)
        const file = readFile(path)
        const fresh = file.keys[1]
        expect(file.keys.map((k) => [k.keyId, k.validUntil])).toEqual([
          ["jineng-old", today],
          [`jineng-${today}`, undefined]
        ])
        expect(result.stdout).toContain(`jineng-${today}`)
        expect(result.stdout).toContain(fresh?.publicKey)
        for (const k of file.keys) {
          expect(result.stdout).not.toContain(k.privateKey)
          expect(result.stderr).not.toContain(k.privateKey)
        }
        const missing = spawnSync(
          process.execPath,
          ["--conditions=@jineng/source", "--import", "tsx", "src/cli/rotateSigningKey.ts"],
          {
            cwd: join(import.meta.dirname, ".."),
            env: { ...process.env, SIGNING_KEYS_FILE: join(tempDir(), "none.json") },
            encoding: "utf8"
          }
        )
        expect(missing.status).toBe(1)
        expect(missing.stderr).toContain("不存在")
      })
    )
  })

  it("in the app: yesterday's record by the old key still verifies; today's is signed by the new key", async () => {
    const today = todayInBeijing()
    const yesterday = addDays(today, -1)
    const file = await run(
      Effect.gen(function* () {
        const old = yield* newStoredKey("jineng-old", addDays(today, -30))
        return yield* rotate({ keys: [old] }, "jineng-new", today)
      })
    )
    const ring = await run(keyRingOf(file))
    const t = await makeTestApp({ signingKeys: { _tag: "ring", ring } })
    try {
      const { keys } = (await (await t.call("GET", "/api/public/verification/keys")).json()) as {
        keys: Array<VerificationKey>
      }
      expect(keys.map((k) => [k.keyId, k.validFrom, k.validUntil])).toEqual([
        ["jineng-old", addDays(today, -30), today],
        ["jineng-new", today, undefined]
      ])
      const sample = t.demo.samples[0]
      if (sample === undefined) throw new Error("no demo sample")
      const res = await t.call(
        "GET",
        `/api/public/certificates/signed-record?${new URLSearchParams({ number: sample.number, name: sample.name })}`
      )
      expect(res.status).toBe(200)
      const { signed } = (await res.json()) as { signed: SignedRecord }
      expect([signed.keyId, signed.signedOn]).toEqual(["jineng-new", today])
      expect((await run(verifySignedRecord(signed, keys))).outcome).toBe("verified")

      const oldKey = ring.signing.find((k) => k.keyId === "jineng-old")
      if (oldKey === undefined) throw new Error("no old key")
      // The demo's certificates are issued up to today; yesterday's signature needs one issued before.
      const record = { ...signed.record, issuedOn: addDays(today, -2) }
      const byOld = await run(signRecord(record, oldKey, yesterday))
      expect((await run(verifySignedRecord(byOld, keys))).outcome).toBe("verified")
      // The retired key cannot vouch for anything dated after its window.
      const late = await run(verifySignedRecord({ ...byOld, signedOn: addDays(today, 1) }, keys))
      expect(late.failures[0]?.code).toBe("key_not_valid_on_signing_date")
    } finally {
      await t.close()
    }
  })
})
