/**
 * Fuzzing every route that takes input: at least 10,000 malformed requests, generated from the routes' own
 * Schemas (Arbitrary of the encoded side) and then mutated so that each is certainly invalid — an unknown
 * field, a required field dropped or given a value of the wrong type, a body of the wrong shape, truncated
 * JSON, injection strings with an unknown field, bad pagination, over-long or hostile path parameters. Each
 * request is sent with a key whose role may use the route. Every answer must be a 4xx problem+json (never 2xx,
 * never 5xx) and the database must be exactly as before (row counts of every table and the audit head).
 */

import { PERMISSIONS } from "@jineng/domain/access/Permissions"
import { Arbitrary, FastCheck as fc, JSONSchema, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { appDocs } from "../src/App.js"
import type { RouteDoc } from "../src/openapi/RouteDoc.js"
import { makeTestApp, type TestApp } from "./TestApp.js"

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 10_000)
const SEED = Number(process.env.FUZZ_SEED ?? 20220501)

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ lookupLimits: { perClientPerMinute: 1e9, perIdentityPerMinute: 1e9 } })
})
afterAll(() => t.close())

const INJECTIONS = [
  "'; DROP TABLE certificates; --",
  '" OR 1=1 --',
  "<script>alert(1)</script>",
  "../../../../etc/passwd",
  `$${"{"}jndi:ldap://x}`,
  "\u0000\u202e\ud800",
  "𠀀".repeat(300),
  "{{7*7}}"
]

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }

/** encodeURIComponent without throwing on lone surrogates (they are replaced, as a browser would). */
const encode = (s: string) =>
  encodeURIComponent(
    s.replace(/[\ud800-\udfff]/g, (c, i: number, all: string) => {
      const code = c.charCodeAt(0)
      const next = all.charCodeAt(i + 1)
      const prev = all.charCodeAt(i - 1)
      const paired = code < 0xdc00 ? next >= 0xdc00 && next <= 0xdfff : prev >= 0xd800 && prev < 0xdc00
      return paired ? c : "\ufffd"
    })
  )

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v)

const wrongTypeOf = (v: unknown): Json =>
  typeof v === "string"
    ? 12345
    : typeof v === "number"
      ? "不是数字"
      : typeof v === "boolean"
        ? "true"
        : Array.isArray(v)
          ? { not: "array" }
          : isObject(v)
            ? ["not", "object"]
            : "?"

const injectStrings = (v: Json, pick: () => string): Json =>
  typeof v === "string"
    ? pick()
    : Array.isArray(v)
      ? v.map((x) => injectStrings(x, pick))
      : isObject(v)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, injectStrings(x, pick)]))
        : v

/** Base values shaped like the schema (its encoded side, without refinements), or {} when none can be made. */
const basesOf = (schema: Schema.Schema.Any | undefined, count: number, seed: number): ReadonlyArray<Json> => {
  if (schema === undefined) return [{}]
  try {
    const arbitrary = Arbitrary.make(Schema.encodedSchema(schema as Schema.Schema<unknown, unknown>))
    return fc.sample(arbitrary, { numRuns: count, seed }) as ReadonlyArray<Json>
  } catch {
    return [{}]
  }
}

const requiredKeysOf = (schema: Schema.Schema.Any | undefined): ReadonlyArray<string> => {
  if (schema === undefined) return []
  try {
    const json = JSONSchema.fromAST(schema.ast, { definitions: {}, topLevelReferenceStrategy: "skip" }) as {
      required?: ReadonlyArray<string>
    }
    return json.required ?? []
  } catch {
    return []
  }
}

interface Mutant {
  readonly kind: string
  readonly body?: string
  readonly query?: string
  readonly pathValue?: string
}

/** Body mutations, each certainly invalid for a struct body validated with unknown fields refused. */
const bodyMutants = (base: Json, required: ReadonlyArray<string>, r: () => number): ReadonlyArray<Mutant> => {
  const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(r() * xs.length)] as A
  const object = isObject(base) ? base : {}
  const out: Array<Mutant> = [
    { kind: "unknown-field", body: JSON.stringify({ ...object, $where: "1 == 1" }) },
    {
      kind: "injection+unknown-field",
      body: JSON.stringify({
        ...(injectStrings(object, () => pick(INJECTIONS)) as object),
        __proto__x: pick(INJECTIONS)
      })
    },
    {
      kind: "truncated-json",
      body:
        JSON.stringify(object).slice(0, Math.max(1, Math.floor(r() * JSON.stringify(object).length))) +
        pick(["", "{", '"', ",]"])
    },
    { kind: "wrong-shape", body: JSON.stringify(pick<Json>([[object], "字符串", 42, null, true])) }
  ]
  if (required.length > 0) {
    const key = pick(required)
    const { [key]: dropped, ...rest } = object
    out.push({ kind: `drop:${key}`, body: JSON.stringify(rest) })
    out.push({
      kind: `wrong-type:${key}`,
      body: JSON.stringify({ ...object, [key]: wrongTypeOf(dropped ?? "x") })
    })
  }
  return out
}

const queryMutants = (r: () => number): ReadonlyArray<Mutant> => {
  const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(r() * xs.length)] as A
  return [
    { kind: "bad-limit", query: `limit=${encode(pick(["-1", "abc", "1e9", "0", "1.5", pick(INJECTIONS)]))}` },
    { kind: "bad-offset", query: `offset=${encode(pick(["-5", "x", "NaN", pick(INJECTIONS)]))}` },
    {
      kind: "unknown-param",
      query: `${encode(pick(["$where", "__proto__", "q"]))}=${encode(pick(INJECTIONS))}`
    }
  ]
}

const pathMutants = (r: () => number): ReadonlyArray<Mutant> => {
  const pick = <A>(xs: ReadonlyArray<A>) => xs[Math.floor(r() * xs.length)] as A
  return [
    {
      kind: "hostile-path",
      pathValue: pick([...INJECTIONS, "x".repeat(101 + Math.floor(r() * 500)), "%00", " "])
    }
  ]
}

/** A role whose key may use the route (the first role of its permission row), or none for public routes. */
const actorOf = (doc: RouteDoc, orgOf: TestApp["orgOf"]) =>
  doc.action !== undefined
    ? orgOf[PERMISSIONS[doc.action].roles[0] as keyof TestApp["orgOf"]]
    : doc.authenticated === true
      ? orgOf.province
      : undefined

const fillPath = (path: string, value: string) => path.replace(/:([A-Za-z0-9_]+)/g, () => encode(value))

describe("fuzz: malformed requests to every route that takes input", () => {
  it(`answers ${TOTAL} generated malformed requests with 4xx problem+json and leaves the database unchanged`, async () => {
    const routes = appDocs.filter(
      (d) => d.body !== undefined || d.query !== undefined || d.params !== undefined
    )
    expect(routes.length).toBeGreaterThan(5)
    const perRoute = Math.ceil(TOTAL / routes.length)
    const before = await t.fingerprint()
    let sent = 0
    const failures: Array<string> = []
    const kinds = new Map<string, number>()
    let state = SEED
    const r = () => {
      state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0
      return state / 2 ** 32
    }
    for (const [i, doc] of routes.entries()) {
      const bases = basesOf(doc.body, 16, SEED + i)
      const required = requiredKeysOf(doc.body)
      const as = actorOf(doc, t.orgOf)
      for (let n = 0; n < perRoute; n++) {
        const candidates = [
          ...(doc.body !== undefined ? bodyMutants(bases[n % bases.length] ?? {}, required, r) : []),
          ...(doc.query !== undefined ? queryMutants(r) : []),
          ...(doc.params !== undefined ? pathMutants(r) : [])
        ]
        const mutant = candidates[Math.floor(r() * candidates.length)] as Mutant
        kinds.set(
          mutant.kind.split(":")[0] as string,
          (kinds.get(mutant.kind.split(":")[0] as string) ?? 0) + 1
        )
        // A valid-looking path unless the path itself is the mutation (an unknown record id otherwise).
        const path = `${fillPath(doc.path, mutant.pathValue ?? `fuzz-${n}`)}${mutant.query === undefined ? "" : `?${mutant.query}`}`
        const method = doc.method.toUpperCase()
        const res = await t.call(method, path, {
          ...(as === undefined ? {} : { as }),
          ...(doc.method === "get" ? {} : { body: mutant.body ?? "{}" })
        })
        sent++
        const type = res.headers.get("content-type") ?? ""
        if (res.status < 400 || res.status >= 500 || !type.includes("application/problem+json"))
          failures.push(
            `${method} ${path} [${mutant.kind}] → ${res.status} ${type} ${(await res.text()).slice(0, 200)}`
          )
        else await res.arrayBuffer()
      }
    }
    console.log(
      `fuzz: ${sent} requests over ${routes.length} routes; mutations ${JSON.stringify(Object.fromEntries(kinds))}`
    )
    expect(failures.slice(0, 10)).toEqual([])
    expect(sent).toBeGreaterThanOrEqual(TOTAL)
    expect(await t.fingerprint()).toBe(before)
  }, 600_000)
})
