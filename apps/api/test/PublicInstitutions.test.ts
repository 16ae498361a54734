/**
 * 公开：评价机构目录 (54号·五 "及时公布…地域范围、有效期限和认定等级"): the catalogue with region, validity and
 * levels, filtered by region (sub-regions included), kind, status, occupation, level, validity day and region
 * served, paginated in directory order; one institution by id; nothing personal published.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

interface View {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly region: { readonly code: string; readonly name: string }
  readonly numberingPrefix: string | null
  readonly status: { readonly state: string; readonly name: string; readonly since: string }
  readonly statusHistory: ReadonlyArray<Record<string, unknown>>
  readonly authorisations: ReadonlyArray<{
    readonly occupations: ReadonlyArray<{ readonly code: string; readonly workType: string | null }>
    readonly levels: ReadonlyArray<{ readonly code: number; readonly name: string }>
    readonly region: { readonly code: string }
    readonly validFrom: string
    readonly validUntil: string
  }>
}

interface PageBody {
  readonly items: ReadonlyArray<View>
  readonly total: number
  readonly limit: number
  readonly offset: number
}

/** An occupation (大典 4-01-03-01 农产品经纪人) outside the demo's seed, so its filters see only these seeds. */
const OCCUPATION = "4-01-03-01"

const seed = (
  id: string,
  over: {
    kind?: string
    region: string
    siteSerial: string
    levels: ReadonlyArray<number>
    authRegion: string
  }
) => {
  const employer = over.kind === "employer"
  return {
    id,
    name: `公开目录测试机构${id}`,
    kind: over.kind ?? "third_party",
    uscc: "91320100MA0000015Q",
    region: over.region,
    filedWith: "province",
    numberingPrefix: {
      type: employer ? "Y" : "S",
      institutionCode: "0000",
      province: "32",
      siteSerial: over.siteSerial
    },
    responsiblePerson: { name: "欧阳秘密" },
    seal: { id: `seal-${id}`, name: `${id}职业技能等级认定专用章` },
    authorisations: [
      {
        id: `auth-${id}`,
        occupations: [{ code: OCCUPATION, workType: "粮食经纪人" }],
        levels: over.levels,
        region: over.authRegion,
        validFrom: "2023-01-01",
        validUntil: "2025-12-31"
      }
    ],
    date: "2023-01-01",
    reason: "内部文号不公开-准入"
  }
}

const SEEDS = [
  seed("pub-xuanwu", { region: "320102", siteSerial: "000801", levels: [5, 4, 3], authRegion: "320100" }),
  seed("pub-jiangning", {
    kind: "employer",
    region: "320115",
    siteSerial: "000802",
    levels: [3, 2, 1],
    authRegion: "320115"
  }),
  seed("pub-suzhou", { region: "320505", siteSerial: "000803", levels: [5, 4], authRegion: "320500" })
]

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
  for (const body of SEEDS) {
    const res = await t.call("POST", "/api/institutions", { as: t.orgOf.province, body })
    if (res.status !== 201) throw new Error(await res.text())
  }
  const suspended = await t.call("POST", "/api/institutions/pub-suzhou/suspension", {
    as: t.orgOf.province,
    body: { reason: "内部文号不公开-暂停", date: "2024-05-01" }
  })
  if (suspended.status !== 200) throw new Error(await suspended.text())
})
afterAll(() => t.close())

const list = async (query: string) => {
  const res = await t.call("GET", `/api/public/institutions${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as PageBody
}

const ids = (page: PageBody) => page.items.map((i) => i.id)

describe("54号·五 GET /api/public/institutions", () => {
  it("lists the catalogue with region, validity and levels, 20 a page by default, without a key", async () => {
    const page = await list("")
    expect(page).toMatchObject({ limit: 20, offset: 0 })
    expect(page.total).toBe(t.demo.institutions + SEEDS.length)
    const xuanwu = page.items.find((i) => i.id === "pub-xuanwu")
    expect(xuanwu).toEqual({
      id: "pub-xuanwu",
      name: "公开目录测试机构pub-xuanwu",
      kind: "third_party",
      kindName: "第三方评价机构（社会培训评价组织）",
      uscc: "91320100MA0000015Q",
      region: { code: "320102", name: "江苏省南京市玄武区" },
      filedWith: "province",
      numberingPrefix: "S000032000801",
      status: { state: "admitted", name: "已纳入目录", since: "2023-01-01" },
      statusHistory: [{ status: "admitted", name: "已纳入目录", date: "2023-01-01" }],
      authorisations: [
        {
          id: "auth-pub-xuanwu",
          occupations: [{ code: OCCUPATION, workType: "粮食经纪人" }],
          levels: [
            { code: 5, name: expect.stringContaining("五级") },
            { code: 4, name: expect.stringContaining("四级") },
            { code: 3, name: expect.stringContaining("三级") }
          ],
          region: { code: "320100", name: "江苏省南京市" },
          validFrom: "2023-01-01",
          validUntil: "2025-12-31"
        }
      ]
    })
  })

  it("publishes nothing personal: no responsible person, seal, grounds or actors", async () => {
    const text = JSON.stringify(await list(`?occupationCode=${OCCUPATION}`))
    for (const hidden of [
      "欧阳秘密",
      "专用章",
      "内部文号不公开",
      "org-province",
      "responsiblePerson",
      "actor"
    ])
      expect(text).not.toContain(hidden)
  })

  it.each([
    ["a city, its districts included", "regionCode=320100", ["pub-jiangning", "pub-xuanwu"]],
    ["a district", "regionCode=320102", ["pub-xuanwu"]],
    ["another city", "regionCode=320500", ["pub-suzhou"]],
    ["the kind", "kind=employer", ["pub-jiangning"]],
    ["the status", "status=suspended", ["pub-suzhou"]],
    ["a level", "level=2", ["pub-jiangning"]],
    ["a level several hold", "level=4", ["pub-suzhou", "pub-xuanwu"]],
    ["the 工种", "workType=粮食经纪人", ["pub-jiangning", "pub-suzhou", "pub-xuanwu"]],
    ["another 工种", "workType=果蔬经纪人", []],
    ["a day inside validity", "validOn=2025-12-31", ["pub-jiangning", "pub-suzhou", "pub-xuanwu"]],
    ["a day after validity", "validOn=2026-01-01", []],
    ["a region served", "servesRegion=320104", ["pub-xuanwu"]],
    ["filters together", "regionCode=320100&level=5", ["pub-xuanwu"]]
  ])("filters by %s", async (_, filter, expected) => {
    const page = await list(`?occupationCode=${OCCUPATION}&${encodeURI(filter)}`)
    expect([...ids(page)].sort()).toEqual(expected)
    expect(page.total).toBe(expected.length)
  })

  it("filters the whole catalogue: every item matches, sub-regions included", async () => {
    const nanjing = await list("?regionCode=320100&limit=100")
    expect(nanjing.items.every((i) => i.region.code.startsWith("3201"))).toBe(true)
    expect(ids(nanjing)).toEqual(expect.arrayContaining(["pub-xuanwu", "pub-jiangning"]))
    const employers = await list("?kind=employer&limit=100")
    expect(employers.items.every((i) => i.kind === "employer")).toBe(true)
    const suspended = await list("?status=suspended&limit=100")
    expect(suspended.items.every((i) => i.status.state === "suspended")).toBe(true)
    const level2 = await list("?level=2&limit=100")
    expect(level2.items.every((i) => i.authorisations.some((a) => a.levels.some((l) => l.code === 2)))).toBe(
      true
    )
  })

  it("pages in directory order (region, name, id) with the total", async () => {
    const all = await list("?limit=100")
    const regions = all.items.map((i) => i.region.code)
    expect(regions).toEqual([...regions].sort())
    const first = await list("?limit=2&offset=0")
    const second = await list("?limit=2&offset=2")
    expect(first).toMatchObject({ limit: 2, offset: 0, total: all.total })
    expect(second).toMatchObject({ limit: 2, offset: 2, total: all.total })
    expect([...ids(first), ...ids(second)]).toEqual(ids(all).slice(0, 4))
    expect((await list(`?offset=${all.total}`)).items).toEqual([])
  })

  it.each([
    ["limit above 100", "limit=101", "limit"],
    ["limit 0", "limit=0", "limit"],
    ["a negative offset", "offset=-1", "offset"],
    ["a level out of range", "level=7", "level"],
    ["a level that is no number", "level=二级", "level"],
    ["a bad region code", "regionCode=abc", "regionCode"],
    ["an injection string", "regionCode=320100'%20OR%20'1'='1", "regionCode"],
    ["a bad occupation code", "occupationCode=6-18", "occupationCode"],
    ["an unknown kind", "kind=school", "kind"],
    ["an unknown status", "status=closed", "status"],
    ["an unreal date", "validOn=2025-02-30", "validOn"],
    ["an unknown parameter", "city=320100", "city"]
  ])("answers 400 naming the field for %s", async (_, query, field) => {
    const res = await t.call("GET", `/api/public/institutions?${query}`)
    expect(res.status).toBe(400)
    const problem = await problemOf(res)
    expect(problem).toMatchObject({ code: "InvalidRequest", field })
    expect(problem.detail).toMatch(/\p{Script=Han}/u)
  })
})

describe("54号·五 GET /api/public/institutions/:institutionId", () => {
  it("shows one institution with its status history, suspended since its date", async () => {
    const res = await t.call("GET", "/api/public/institutions/pub-suzhou")
    expect(res.status).toBe(200)
    const view = (await res.json()) as View
    expect(view.status).toEqual({ state: "suspended", name: "暂停评价", since: "2024-05-01" })
    expect(view.statusHistory).toEqual([
      { status: "admitted", name: "已纳入目录", date: "2023-01-01" },
      { status: "suspended", name: "暂停评价", date: "2024-05-01" }
    ])
    expect(JSON.stringify(view)).not.toContain("内部文号不公开")
  })

  it("answers 404 problem+json for an unknown institution", async () => {
    const res = await t.call("GET", "/api/public/institutions/no-such-institution")
    expect(res.status).toBe(404)
    expect(await problemOf(res)).toMatchObject({ code: "InstitutionNotFound", field: "institutionId" })
  })
})

describe("GET /api/public/institutions?name=", () => {
  it("finds institutions by a part of their name, with the total of matches", async () => {
    const all = (await (await t.call("GET", "/api/public/institutions?limit=100")).json()) as {
      items: Array<{ id: string; name: string }>
    }
    const sample = all.items[0]
    if (sample === undefined) throw new Error("the demo catalogue is empty")
    const part = sample.name.slice(2, 6)
    const res = await t.call("GET", `/api/public/institutions?name=${encodeURIComponent(part)}&limit=100`)
    const page = (await res.json()) as { items: Array<{ id: string; name: string }>; total: number }
    expect(page.items.map((i) => i.id).sort()).toEqual(
      all.items
        .filter((i) => i.name.includes(part))
        .map((i) => i.id)
        .sort()
    )
    expect(page.total).toBe(page.items.length)
    const none = (await (await t.call("GET", "/api/public/institutions?name=%25")).json()) as {
      total: number
    }
    expect(none.total).toBe(0)
  })
})
