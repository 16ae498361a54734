import { assert, describe, expect, it } from "@effect/vitest"
import { Effect, Either, Layer, Option, ParseResult, Schema, TestClock } from "effect"
import { authorisation } from "../../test/InstitutionFixtures.js"
import { nanjingOrg, provinceOrg, suzhouOrg, xuanwuOrg } from "../../test/OrganisationFixtures.js"
import { type AuditEntry, AuditTrail } from "../shared/AuditTrail.js"
import { IdGenerator } from "../shared/IdGenerator.js"
import { Transactional } from "../shared/Transactional.js"
import { AdmitInstitution, ScopeChangeRequest, type StatusChange } from "./CatalogueCommands.js"
import { CATALOGUE_AUDIT_ACTIONS, InstitutionCatalogue } from "./InstitutionCatalogue.js"
import { InstitutionRepository } from "./InstitutionRepository.js"

const PROVINCE = provinceOrg()
const NANJING = nanjingOrg()
const SUZHOU = suzhouOrg()
const XUANWU = xuanwuOrg()

const AUTH_NANJING = authorisation({ validFrom: "2023-01-01" })

const admission = (over: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(AdmitInstitution)({
    name: "江苏匠心职业技能评价中心",
    kind: "third_party",
    uscc: "91320100MA0000015Q",
    region: "320102",
    filedWith: "province",
    numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000101" },
    responsiblePerson: { name: "张三" },
    seal: { id: "seal-1", name: "江苏匠心职业技能评价中心职业技能等级认定专用章" },
    authorisations: [AUTH_NANJING],
    reason: "苏人社函〔2023〕1号 准入",
    ...over
  })

const change = (reason: string, date?: string): StatusChange => ({
  reason,
  ...(date === undefined ? {} : { date })
})

/** 2023-03-01 08:00 Beijing. */
const MARCH_1 = Date.parse("2023-03-01T00:00:00Z")

const layers = (sink: Array<AuditEntry>) =>
  InstitutionCatalogue.layer.pipe(
    Layer.provideMerge(
      Layer.mergeAll(
        InstitutionRepository.layerTest(),
        AuditTrail.layerTest(sink),
        Transactional.layerTest,
        IdGenerator.layerTest
      )
    )
  )

/** Runs `body` on fresh layers at MARCH_1, with the audit entries it recorded. */
const withCatalogue = <A, E>(
  body: (
    audit: ReadonlyArray<AuditEntry>
  ) => Effect.Effect<A, E, InstitutionCatalogue | InstitutionRepository>
) => {
  const sink: Array<AuditEntry> = []
  return Effect.zipRight(TestClock.setTime(MARCH_1), body(sink)).pipe(Effect.provide(layers(sink)))
}

describe("54号·五 institution catalogue: admission under 属地管理", () => {
  it.effect(
    "the province admits with a generated id, the admission entry by its organisation, dated today",
    () =>
      withCatalogue((audit) =>
        Effect.gen(function* () {
          const catalogue = yield* InstitutionCatalogue
          const admitted = yield* catalogue.admit(admission(), PROVINCE)
          assert.strictEqual(admitted.id, "inst_1")
          assert.deepStrictEqual(admitted.statusHistory, [
            {
              status: "admitted",
              date: "2023-03-01",
              reason: "苏人社函〔2023〕1号 准入",
              actor: "org-province"
            }
          ])
          const stored = yield* Effect.flatMap(InstitutionRepository, (r) => r.findById("inst_1"))
          assert.deepStrictEqual(Option.getOrThrow(stored), admitted)
          expect(audit).toEqual([
            expect.objectContaining({
              actor: "org-province",
              action: CATALOGUE_AUDIT_ACTIONS.admit,
              subject: "inst_1",
              reason: "苏人社函〔2023〕1号 准入",
              details: expect.objectContaining({ transition: "准入", numberingPrefix: "S000032000101" })
            })
          ])
        })
      )
  )

  it.effect("a city admits an institution of its city with the given id and date", () =>
    withCatalogue(() =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        const admitted = yield* catalogue.admit(admission({ id: "inst-nj", date: "2023-02-01" }), NANJING)
        assert.strictEqual(admitted.id, "inst-nj")
        assert.strictEqual(admitted.statusHistory[0]?.date, "2023-02-01")
        assert.strictEqual(admitted.statusHistory[0]?.actor, "org-nanjing")
      })
    )
  )

  it.effect.each([
    ["another city's institution", SUZHOU, {}, "OutsideActorRegion"],
    [
      "its own institution with a province-wide authorisation",
      NANJING,
      { authorisations: [{ ...AUTH_NANJING, region: "320000" }] },
      "OutsideActorRegion"
    ],
    ["as a district bureau (role not permitted)", XUANWU, {}, "ActionNotPermitted"]
  ] as const)("refuses a city admitting %s, writing nothing", ([, actor, over, code]) =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        const error = yield* Effect.flip(catalogue.admit(admission({ id: "inst-x", ...over }), actor))
        assert.strictEqual(error._tag, "ActionRefused")
        expect(error._tag === "ActionRefused" && error.codes).toEqual([code])
        const stored = yield* Effect.flatMap(InstitutionRepository, (r) => r.findById("inst-x"))
        assert.isTrue(Option.isNone(stored))
        assert.lengthOf(audit, 0)
      })
    )
  )

  it.effect("refuses a second institution with the same numbering prefix (54号·四) or id", () =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-a" }), PROVINCE)
        const taken = yield* Effect.flip(
          catalogue.admit(admission({ id: "inst-b", name: "另一机构" }), PROVINCE)
        )
        expect(taken).toMatchObject({
          _tag: "NumberingPrefixTaken",
          prefix: "S000032000101",
          heldBy: "inst-a"
        })
        const again = yield* Effect.flip(catalogue.admit(admission({ id: "inst-a" }), PROVINCE))
        assert.strictEqual(again._tag, "InstitutionAlreadyExists")
        assert.lengthOf(audit, 1)
      })
    )
  )
})

describe("54号·五 能进能出: suspend, remove, readmit with history and audit", () => {
  it.effect("suspends, restores (恢复), removes and readmits (重新准入), each entry by its actor", () =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-nj", date: "2023-01-01" }), PROVINCE)
        yield* catalogue.suspend("inst-nj", change("质量评估不合格", "2023-02-01"), NANJING)
        yield* catalogue.readmit("inst-nj", change("整改完成"), NANJING)
        yield* catalogue.remove("inst-nj", change("违规发证", "2023-03-02"), PROVINCE)
        const last = yield* catalogue.readmit("inst-nj", change("重新申请", "2023-06-01"), PROVINCE)
        expect(last.statusHistory.map((e) => [e.status, e.date, e.actor])).toEqual([
          ["admitted", "2023-01-01", "org-province"],
          ["suspended", "2023-02-01", "org-nanjing"],
          ["admitted", "2023-03-01", "org-nanjing"],
          ["removed", "2023-03-02", "org-province"],
          ["admitted", "2023-06-01", "org-province"]
        ])
        expect(audit.map((e) => [e.action, e.actor, e.details.transition])).toEqual([
          ["institution.admit", "org-province", "准入"],
          ["institution.suspend", "org-nanjing", "暂停"],
          ["institution.readmit", "org-nanjing", "恢复"],
          ["institution.remove", "org-province", "移出"],
          ["institution.readmit", "org-province", "重新准入"]
        ])
        const history = yield* catalogue.history("inst-nj")
        assert.strictEqual(history.status, "admitted")
        assert.deepStrictEqual(history.statusHistory, last.statusHistory)
      })
    )
  )

  it.effect.each([
    ["readmitting an admitted institution", "readmit", [], "admitted"],
    ["suspending a removed institution", "suspend", ["remove"], "removed"],
    ["removing twice", "remove", ["remove"], "removed"],
    ["suspending twice", "suspend", ["suspend"], "suspended"]
  ] as const)("refuses %s (InvalidStatusTransition), audit unchanged", ([, move, before, from]) =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-nj" }), PROVINCE)
        for (const step of before) yield* catalogue[step]("inst-nj", change("前置"), PROVINCE)
        const error = yield* Effect.flip(catalogue[move]("inst-nj", change("再次"), PROVINCE))
        expect(error).toMatchObject({ _tag: "InvalidStatusTransition", from })
        assert.lengthOf(audit, 1 + before.length)
      })
    )
  )

  it.effect("refuses a change dated before the last entry", () =>
    withCatalogue(() =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-nj" }), PROVINCE)
        const error = yield* Effect.flip(catalogue.suspend("inst-nj", change("倒签", "2023-02-28"), PROVINCE))
        assert.strictEqual(error._tag, "InvalidStatusTransition")
        assert.include(error.message, "早于最近一次变更日期 2023-03-01")
      })
    )
  )

  it.effect("refuses another city acting on a Nanjing institution, and an unknown institution", () =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-nj" }), NANJING)
        const refused = yield* Effect.flip(catalogue.suspend("inst-nj", change("越权"), SUZHOU))
        expect(refused).toMatchObject({ _tag: "ActionRefused", organisationId: "org-suzhou" })
        assert.include(refused.message, "属地管理")
        const unknown = yield* Effect.flip(catalogue.remove("inst-none", change("无"), PROVINCE))
        expect(unknown).toMatchObject({ _tag: "InstitutionNotFound", field: "institutionId" })
        assert.lengthOf((yield* catalogue.history("inst-nj")).statusHistory, 1)
        assert.lengthOf(audit, 1)
      })
    )
  )
})

describe("54号·五 scope changes (地域范围、有效期限、认定等级)", () => {
  const scope = (over: Record<string, unknown> = {}) =>
    Schema.decodeUnknownSync(ScopeChangeRequest)({
      region: "320104",
      authorisations: [{ ...AUTH_NANJING, levels: [5, 4, 3, 2], validUntil: "2026-12-31" }],
      reason: "增加二级",
      ...over
    })

  it.effect("replaces region and authorisations, recording before and after with the actor", () =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        const admitted = yield* catalogue.admit(admission({ id: "inst-nj" }), PROVINCE)
        const next = yield* catalogue.changeScope("inst-nj", scope(), NANJING)
        assert.strictEqual(next.region, "320104")
        expect(next.authorisations[0]?.levels).toEqual([5, 4, 3, 2])
        const { scopeChanges } = yield* catalogue.history("inst-nj")
        expect(scopeChanges).toEqual([
          {
            date: "2023-03-01",
            reason: "增加二级",
            actor: "org-nanjing",
            before: { region: "320102", authorisations: admitted.authorisations },
            after: { region: "320104", authorisations: next.authorisations }
          }
        ])
        expect(audit[1]).toMatchObject({
          actor: "org-nanjing",
          action: "institution.change",
          subject: "inst-nj",
          details: { before: { region: "320102" }, after: { region: "320104" } }
        })
      })
    )
  )

  it.effect.each([
    ["Suzhou on a Nanjing institution", SUZHOU, {}],
    ["Nanjing moving it to Suzhou", NANJING, { region: "320505" }],
    [
      "Nanjing granting evaluation province-wide",
      NANJING,
      { authorisations: [{ ...AUTH_NANJING, region: "320000" }] }
    ]
  ] as const)("refuses %s (属地管理)", ([, actor, over]) =>
    withCatalogue((audit) =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-nj" }), PROVINCE)
        const error = yield* Effect.flip(catalogue.changeScope("inst-nj", scope(over), actor))
        assert.strictEqual(error._tag, "ActionRefused")
        assert.lengthOf((yield* catalogue.history("inst-nj")).scopeChanges, 0)
        assert.lengthOf(audit, 1)
      })
    )
  )

  it.effect("refuses a removed institution and a region of another province", () =>
    withCatalogue(() =>
      Effect.gen(function* () {
        const catalogue = yield* InstitutionCatalogue
        yield* catalogue.admit(admission({ id: "inst-nj" }), PROVINCE)
        const otherProvince = yield* Effect.flip(
          catalogue.changeScope("inst-nj", scope({ region: "310101" }), PROVINCE)
        )
        expect(otherProvince).toMatchObject({ _tag: "InvalidInstitutionScope" })
        assert.include(otherProvince.message, "证书编号省级代码应与机构所在地一致")
        yield* catalogue.remove("inst-nj", change("移出", "2023-03-05"), PROVINCE)
        const removed = yield* Effect.flip(catalogue.changeScope("inst-nj", scope(), PROVINCE))
        expect(removed).toMatchObject({ _tag: "InstitutionRemoved", removedOn: "2023-03-05" })
        assert.include(removed.message, "须重新准入")
      })
    )
  )
})

describe("54号·五 catalogue commands decode with zh-CN messages naming the field", () => {
  const issues = (schema: Schema.Schema.AnyNoContext, input: unknown) => {
    const result = Schema.decodeUnknownEither(schema, { errors: "all" })(input)
    if (Either.isRight(result)) throw new Error("expected a decode failure")
    return ParseResult.ArrayFormatter.formatErrorSync(result.left).map((i) => [i.path.join("."), i.message])
  }
  const valid = Schema.encodeSync(AdmitInstitution)(admission())

  it.each([
    ["a prefix letter that does not fit the kind", { kind: "employer" }, "numberingPrefix", "应为 Y"],
    ["a bad credit code checksum", { uscc: "91320100MA0000015R" }, "uscc", "校验位错误"],
    ["a missing reason", { reason: undefined }, "reason", "缺少准入理由"],
    ["an unreal date", { date: "2023-02-30" }, "date", "真实日期"],
    [
      "an occupation outside 大典 categories 3–6 (54号·三)",
      {
        authorisations: [{ ...AUTH_NANJING, occupations: [{ code: "6-18-01-01" }, { code: "2-02-07-01" }] }]
      },
      "authorisations.0.occupations.1.code",
      "不属于《国家职业分类大典》第三至六大类"
    ]
  ])("refuses %s", (_, over, field, message) => {
    const input: Record<string, unknown> = { ...valid, ...over }
    for (const [k, v] of Object.entries(over)) if (v === undefined) delete input[k]
    const found = issues(AdmitInstitution, input)
    expect(found).toEqual([[field, expect.stringContaining(message)]])
  })

  it("names the authorisation field of a scope change", () => {
    expect(issues(ScopeChangeRequest, { region: "320102", authorisations: "全部", reason: "x" })).toEqual([
      ["authorisations", "评价授权应为列表"]
    ])
    expect(
      issues(ScopeChangeRequest, {
        region: "320102",
        authorisations: [{ ...AUTH_NANJING, occupations: [{ code: "1-01-00-01" }] }],
        reason: "x"
      })
    ).toEqual([["authorisations.0.occupations.0.code", expect.stringContaining("第三至六大类")]])
  })
})
