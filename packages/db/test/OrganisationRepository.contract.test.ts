/**
 * Contract of OrganisationRepository and ApiKeys (domain.md §4: organisations act through the API with their
 * keys, stored hashed), run against the domain's in-memory layerTest and every database of TestDatabases; then
 * the pure key functions and the create-api-key command's logic.
 */
import { SqlClient } from "@effect/sql"
import { describe, expect, it, layer as testLayer } from "@effect/vitest"
import { ApiKeyPrefixTaken } from "@jineng/domain/access/AccessErrors"
import type { ApiKeyRecord } from "@jineng/domain/access/ApiKeyRecord"
import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { type AuditEntry, AuditTrail } from "@jineng/domain/shared/AuditTrail"
import { IdGenerator } from "@jineng/domain/shared/IdGenerator"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Effect, Either, Layer, Option, Redacted, Schema } from "effect"
import { ApiKeys, generateApiKey, hashApiKey, hashMatches, parseApiKey } from "../src/access/ApiKeys.js"
import { createApiKey, parseCreateApiKeyArgs } from "../src/access/CreateApiKeyCommand.js"
import { SqlOrganisationRepository } from "../src/access/SqlOrganisationRepository.js"
import { targets } from "./TestDatabases.js"

const pepper = Option.some(Redacted.make("test-pepper"))

const withKeys = <E, R>(repository: Layer.Layer<OrganisationRepository, E, R>) =>
  ApiKeys.layer({ pepper }).pipe(
    Layer.provideMerge(Layer.merge(repository, Layer.fresh(IdGenerator.layerTest)))
  )

const implementations = [
  { name: "in-memory layerTest", layer: () => withKeys(OrganisationRepository.layerTest()) },
  ...targets.map((t) => ({
    name: t.name,
    // fresh: @effect/vitest would otherwise share the module-level layer's first build across the targets
    layer: () => withKeys(Layer.fresh(SqlOrganisationRepository.layer)).pipe(Layer.provideMerge(t.layer()))
  }))
]

const org = Schema.decodeUnknownSync(Organisation)

const province = org({
  id: "org-province",
  name: "江苏省人力资源和社会保障厅",
  role: "province",
  regionCode: "320000"
})
const nanjing = org({
  id: "org-nanjing",
  name: "南京市人力资源和社会保障局",
  role: "city",
  regionCode: "320100"
})
const xuanwu = org({
  id: "org-xuanwu",
  name: "玄武区人力资源和社会保障局",
  role: "district",
  regionCode: "320102"
})
const suzhouCentre = org({
  id: "org-suzhou-centre",
  name: "苏州市职业技能鉴定中心",
  role: "city_appraisal_centre",
  regionCode: "320500"
})
const instA = org({
  id: "org-inst-a",
  name: "江苏甲职业技能评价有限公司",
  role: "institution",
  regionCode: "320102",
  institutionId: "inst-a"
})
const host = org({ id: "org-host", name: "昆山市总工会", role: "host", regionCode: "320583" })

const everyone = [host, instA, province, suzhouCentre, xuanwu, nanjing]
/** Region code, then name in code-point order (江 U+6C5F before 玄 U+7384), then id. */
const order = ["org-province", "org-nanjing", "org-inst-a", "org-xuanwu", "org-suzhou-centre", "org-host"]

const record = (id: string, organisationId: string, prefix: string, createdAt: string): ApiKeyRecord => ({
  id,
  organisationId,
  prefix,
  hash: hashApiKey(`jn_${prefix}_secret`, "p"),
  createdAt
})

describe.each(implementations)(
  "domain.md §4 OrganisationRepository and ApiKeys contract — $name",
  ({ layer }) => {
    testLayer(layer(), { timeout: 60_000 })((it) => {
      it.effect("creates organisations, reads them back equal and refuses a duplicate id", () =>
        Effect.gen(function* () {
          const repo = yield* OrganisationRepository
          for (const o of everyone) yield* repo.create(o)
          for (const o of everyone) expect(Option.getOrThrow(yield* repo.findById(o.id))).toEqual(o)
          expect(yield* repo.findById("org-none")).toEqual(Option.none())
          const again = yield* Effect.flip(repo.create({ ...nanjing, name: "改名" }))
          expect(again).toMatchObject({ _tag: "OrganisationAlreadyExists", organisationId: "org-nanjing" })
          expect(Option.getOrThrow(yield* repo.findById("org-nanjing")).name).toBe(nanjing.name)
        })
      )

      it.effect(
        "lists by role, region containment and institution, in region, name, id order with totals",
        () =>
          Effect.gen(function* () {
            const repo = yield* OrganisationRepository
            const ids = (q: Parameters<typeof repo.list>[0]) =>
              Effect.map(repo.list(q), (page) => [page.total, page.items.map((o) => o.id)] as const)
            expect(yield* ids({})).toEqual([6, order])
            expect(yield* ids({ regionCode: "320100" })).toEqual([
              3,
              ["org-nanjing", "org-inst-a", "org-xuanwu"]
            ])
            expect(yield* ids({ regionCode: "320500" })).toEqual([2, ["org-suzhou-centre", "org-host"]])
            expect(yield* ids({ regionCode: "320102" })).toEqual([2, ["org-inst-a", "org-xuanwu"]])
            expect(yield* ids({ role: "city" })).toEqual([1, ["org-nanjing"]])
            expect(yield* ids({ institutionId: "inst-a" })).toEqual([1, ["org-inst-a"]])
            expect(yield* ids({ limit: 2, offset: 2 })).toEqual([6, ["org-inst-a", "org-xuanwu"]])
            expect(yield* ids({ limit: 2, offset: 6 })).toEqual([6, []])
          })
      )

      it.effect(
        "stores key records, finds them by prefix and lists an organisation's keys oldest first",
        () =>
          Effect.gen(function* () {
            const repo = yield* OrganisationRepository
            const second = record("key-b", "org-nanjing", "bbbbbbbb", "2025-01-02T00:00:00.000Z")
            const first = record("key-a", "org-nanjing", "aaaaaaaa", "2025-01-01T00:00:00.000Z")
            yield* repo.insertKey(second)
            yield* repo.insertKey(first)
            expect(Option.getOrThrow(yield* repo.findKeyByPrefix("aaaaaaaa"))).toEqual(first)
            expect(yield* repo.findKeyByPrefix("zzzzzzzz")).toEqual(Option.none())
            expect(yield* repo.listKeys("org-nanjing")).toEqual([first, second])
            expect(yield* repo.listKeys("org-host")).toEqual([])
            const taken = yield* Effect.flip(
              repo.insertKey(record("key-c", "org-host", "aaaaaaaa", "2025-01-03T00:00:00Z"))
            )
            expect(taken).toMatchObject({ _tag: "ApiKeyPrefixTaken", prefix: "aaaaaaaa" })
            const orphan = yield* Effect.flip(
              repo.insertKey(record("key-d", "org-none", "dddddddd", "2025-01-03T00:00:00Z"))
            )
            expect(orphan).toMatchObject({ _tag: "OrganisationNotFound", organisationId: "org-none" })
            expect(yield* repo.listKeys("org-host")).toEqual([])
            expect(yield* repo.findKeyByPrefix("dddddddd")).toEqual(Option.none())
          })
      )

      it.effect("revokes a key once: a second revocation keeps the first time", () =>
        Effect.gen(function* () {
          const repo = yield* OrganisationRepository
          const revoked = yield* repo.revokeKey("key-a", "2025-02-01T00:00:00.000Z")
          expect(revoked.revokedAt).toBe("2025-02-01T00:00:00.000Z")
          const again = yield* repo.revokeKey("key-a", "2025-03-01T00:00:00.000Z")
          expect(again).toEqual(revoked)
          expect(Option.getOrThrow(yield* repo.findKeyByPrefix("aaaaaaaa"))).toEqual(revoked)
          expect(Option.getOrThrow(yield* repo.findKeyByPrefix("bbbbbbbb")).revokedAt).toBeUndefined()
          const missing = yield* Effect.flip(repo.revokeKey("key-none", "2025-02-01T00:00:00.000Z"))
          expect(missing).toMatchObject({ _tag: "ApiKeyNotFound", keyId: "key-none" })
        })
      )

      it.effect(
        "a created key verifies as its organisation; a wrong, unknown or malformed key does not",
        () =>
          Effect.gen(function* () {
            const keys = yield* ApiKeys
            const created = yield* keys.create("org-xuanwu")
            expect(created.key).toMatch(/^jn_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/)
            expect(created.record).toMatchObject({
              organisationId: "org-xuanwu",
              prefix: created.key.slice(3, 11)
            })
            const verified = yield* keys.verify(created.key)
            expect(verified.organisation).toEqual(xuanwu)
            expect(verified.record).toEqual(created.record)
            expect((yield* keys.verify(` ${created.key}\n`)).organisation.id).toBe("org-xuanwu")

            const secret = created.key.slice(12)
            const flipped = `${created.key.slice(0, 12)}${secret[0] === "A" ? "B" : "A"}${secret.slice(1)}`
            const reasons = yield* Effect.forEach(
              [
                flipped,
                `jn_${created.record.prefix === "aaaaaaaa" ? "bbbbbbbb" : "aaaaaaaa"}_${secret}`,
                `jn_zzzzzzzz_${secret}`,
                created.key.slice(0, -1),
                "",
                "Bearer whatever"
              ],
              (presented) => Effect.map(Effect.flip(keys.verify(presented)), (e) => e.reason)
            )
            expect(reasons).toEqual(["unknown", "unknown", "unknown", "malformed", "malformed", "malformed"])
            const unknown = yield* Effect.flip(keys.verify(flipped))
            expect([unknown._tag, unknown.message]).toEqual(["ApiKeyRejected", "API 密钥无效"])
            const orphan = yield* Effect.flip(keys.create("org-none"))
            expect(orphan._tag).toBe("OrganisationNotFound")
          })
      )

      it.effect("a revoked key no longer verifies; the organisation's other keys still do", () =>
        Effect.gen(function* () {
          const keys = yield* ApiKeys
          const repo = yield* OrganisationRepository
          const first = yield* keys.create("org-host")
          const second = yield* keys.create("org-host")
          const revoked = yield* keys.revoke(first.record.id)
          expect(revoked.revokedAt).toBeDefined()
          const refused = yield* Effect.flip(keys.verify(first.key))
          expect([refused.reason, refused.message]).toEqual(["revoked", "API 密钥已吊销"])
          expect((yield* keys.verify(second.key)).organisation.id).toBe("org-host")
          expect((yield* repo.listKeys("org-host")).map((k) => [k.id, k.revokedAt !== undefined])).toEqual([
            [first.record.id, true],
            [second.record.id, false]
          ])
        })
      )

      it.effect("stores no key: neither the record nor any stored row contains it or its secret", () =>
        Effect.gen(function* () {
          const keys = yield* ApiKeys
          const repo = yield* OrganisationRepository
          const created = yield* keys.create("org-province")
          const secret = created.key.slice(12)
          const stored = Option.getOrThrow(yield* repo.findKeyByPrefix(created.record.prefix))
          expect(stored.hash).toBe(hashApiKey(created.key, "test-pepper"))
          const texts = [JSON.stringify(stored)]
          const sql = yield* Effect.serviceOption(SqlClient.SqlClient)
          if (Option.isSome(sql))
            texts.push(JSON.stringify(yield* Effect.orDie(sql.value`SELECT * FROM access_api_keys`)))
          for (const text of texts) {
            expect(text).not.toContain(created.key)
            expect(text).not.toContain(secret)
            expect(text).toContain(created.record.prefix)
          }
          // Under another pepper the same key is unknown: the hash is keyed by the server's pepper.
          const otherServer = yield* Effect.provide(
            ApiKeys,
            ApiKeys.layer({ pepper: Option.some(Redacted.make("other")) }).pipe(
              Layer.provide(Layer.merge(Layer.succeed(OrganisationRepository, repo), IdGenerator.layerTest))
            )
          )
          expect((yield* Effect.flip(otherServer.verify(created.key))).reason).toBe("unknown")
        })
      )
    })
  }
)

describe("domain.md §4 API key format and hash", () => {
  it("generates distinct well-formed keys whose prefix is their lookup id", () => {
    const generated = Array.from({ length: 200 }, generateApiKey)
    for (const g of generated) {
      expect(g.key).toMatch(/^jn_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/)
      expect(parseApiKey(g.key)).toEqual({ prefix: g.prefix })
    }
    expect(new Set(generated.map((g) => g.key)).size).toBe(200)
    expect(new Set(generated.map((g) => g.prefix)).size).toBe(200)
  })

  it("hashes with HMAC-SHA-256 under the pepper and compares in constant time", () => {
    const { key } = generateApiKey()
    const stored = hashApiKey(key, "p1")
    expect(stored).toMatch(/^hmac-sha256:[A-Za-z0-9_-]{43}$/)
    expect(hashApiKey(key, "p1")).toBe(stored)
    expect(hashApiKey(key, "p2")).not.toBe(stored)
    expect(hashMatches(stored, key, "p1")).toBe(true)
    expect(hashMatches(stored, key, "p2")).toBe(false)
    expect(hashMatches(stored, `${key.slice(0, -1)}x`, "p1")).toBe(false)
    expect(hashMatches("hmac-sha256:short", key, "p1")).toBe(false)
  })

  it.effect("draws a new prefix when the drawn one is taken", () =>
    Effect.gen(function* () {
      const inserted: Array<ApiKeyRecord> = []
      let calls = 0
      const base = yield* Effect.provide(OrganisationRepository, OrganisationRepository.layerTest([province]))
      const flaky = OrganisationRepository.of({
        ...base,
        insertKey: (r) =>
          ++calls === 1
            ? Effect.fail(new ApiKeyPrefixTaken({ field: "prefix", prefix: r.prefix }))
            : Effect.sync(() => void inserted.push(r))
      })
      const keys = yield* Effect.provide(
        ApiKeys,
        ApiKeys.layer({ pepper: Option.none() }).pipe(
          Layer.provide(Layer.merge(Layer.succeed(OrganisationRepository, flaky), IdGenerator.layerTest))
        )
      )
      const created = yield* keys.create("org-province")
      expect(calls).toBe(2)
      expect(inserted).toEqual([created.record])
    })
  )
})

describe("domain.md §4 create-api-key command", () => {
  it.each([
    [["--organisation", "org-1"], { _tag: "existing", organisationId: "org-1" }],
    [["--organisation=org-1"], { _tag: "existing", organisationId: "org-1" }],
    [
      ["--role", "city", "--name", "南京市人力资源和社会保障局", "--region", "320100"],
      {
        _tag: "new",
        role: "city",
        name: "南京市人力资源和社会保障局",
        regionCode: "320100",
        institutionId: undefined
      }
    ],
    [
      ["--role", "institution", "--institution", "inst-a"],
      { _tag: "new", role: "institution", name: undefined, regionCode: undefined, institutionId: "inst-a" }
    ]
  ])("reads %j", (argv, expected) => {
    expect(parseCreateApiKeyArgs(argv)).toEqual(Either.right(expected))
  })

  it.each([
    [[], "须指定 --organisation"],
    [["--organisation"], "参数 --organisation 缺少取值"],
    [["--organisation", "a", "--role", "city"], "--organisation 不能与 --role 同时使用"],
    [["--role", "mayor", "--name", "x", "--region", "320100"], "角色 mayor 无效"],
    [["--role", "city", "--region", "320100"], "须指定 --name"],
    [["--role", "city", "--name", "x"], "须指定 --region"],
    [["--role", "--name", "x"], "参数 --role 缺少取值"],
    [["--key", "x"], "未知参数 --key"]
  ])("refuses %j", (argv, problem) => {
    const parsed = parseCreateApiKeyArgs(argv)
    expect(Either.isLeft(parsed) && parsed.left.join("\n")).toContain(problem)
  })

  const institution = Schema.decodeUnknownSync(Institution)({
    id: "inst-a",
    name: "江苏甲职业技能评价有限公司",
    kind: "third_party",
    uscc: "91320100MA0000015Q",
    region: "320102",
    filedWith: "province",
    numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" },
    responsiblePerson: { name: "张三" },
    seal: { id: "seal-a", name: "江苏甲职业技能评价有限公司职业技能等级认定专用章" },
    authorisations: [],
    statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "org-province" }]
  })

  const run = (argv: ReadonlyArray<string>, audit: Array<AuditEntry>) =>
    Effect.gen(function* () {
      const args = parseCreateApiKeyArgs(argv)
      if (Either.isLeft(args)) return yield* Effect.dieMessage(args.left.join("; "))
      return yield* createApiKey(args.right)
    }).pipe(
      Effect.provide(
        ApiKeys.layer({ pepper }).pipe(
          Layer.provideMerge(
            Layer.mergeAll(
              OrganisationRepository.layerTest([province]),
              InstitutionRepository.layerTest([institution]),
              AuditTrail.layerTest(audit),
              Transactional.layerTest,
              IdGenerator.layerTest
            )
          )
        )
      )
    )

  it.effect("creates an institution's organisation from the catalogue and a key that verifies, audited", () =>
    Effect.gen(function* () {
      const audit: Array<AuditEntry> = []
      const result = yield* run(["--role", "institution", "--institution", "inst-a"], audit)
      expect(result.organisationCreated).toBe(true)
      expect(result.organisation).toEqual({
        id: "org_1",
        name: "江苏甲职业技能评价有限公司",
        role: "institution",
        regionCode: "320102",
        institutionId: "inst-a"
      })
      expect(audit.map((e) => [e.action, e.subject])).toEqual([
        ["organisation.create", "org_1"],
        ["api-key.create", "key_1"]
      ])
      expect(JSON.stringify(audit)).not.toContain(result.created.key)
    })
  )

  it.effect(
    "makes a key for an existing organisation, and refuses an unknown one or a mismatched institution",
    () =>
      Effect.gen(function* () {
        const audit: Array<AuditEntry> = []
        const result = yield* run(["--organisation", "org-province"], audit)
        expect([result.organisationCreated, result.organisation]).toEqual([false, province])
        expect(audit.map((e) => e.action)).toEqual(["api-key.create"])
        const unknown = yield* Effect.flip(run(["--organisation", "org-none"], []))
        expect(unknown._tag).toBe("OrganisationNotFound")
        const noInstitution = yield* Effect.flip(run(["--role", "employer", "--institution", "inst-z"], []))
        expect(noInstitution._tag).toBe("InstitutionNotFound")
        const mismatch = yield* Effect.flip(run(["--role", "employer", "--institution", "inst-a"], []))
        expect([mismatch._tag, mismatch.message]).toEqual([
          "InvalidOrganisation",
          "机构账户信息无效：角色 employer 不能关联第三方评价机构（社会培训评价组织） inst-a"
        ])
        const badRegion = yield* Effect.flip(
          run(["--role", "district", "--name", "x", "--region", "320100"], [])
        )
        expect(badRegion.message).toContain("县级行政区代码")
      })
  )
})
