/**
 * Every clause row of domain.md §1 has code that cites it and tests named after it (issue #2 "Done when").
 * Reads the clause list from domain.md itself, so a new row there fails this test until it is implemented.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { Cite } from "../src/rule/Citation.js"

const src = fileURLToPath(new URL("../src", import.meta.url))
const domainMd = fileURLToPath(new URL("../../../../shared/spec/domain.md", import.meta.url))

const files = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []
  )

const all = files(src)
const code = all.filter((f) => !f.endsWith(".test.ts")).map((f) => readFileSync(f, "utf8"))
const tests = all.filter((f) => f.endsWith(".test.ts")).map((f) => readFileSync(f, "utf8"))

const clauseRows = [...readFileSync(domainMd, "utf8").matchAll(/^\| (54号·\S+) /gm)].map(
  (m) => m[1] as string
)
const keyOf = (clause: string) => Object.entries(Cite).find(([, v]) => v === clause)?.[0]

/** A test title (describe/it/test) that contains the clause. */
const titled = (text: string, clause: string) =>
  [...text.matchAll(/\b(?:describe|it|test)(?:\.\w+)*\(\s*["'`]([^"'`]*)["'`]/g)].some((m) =>
    (m[1] as string).includes(clause)
  )

describe("clause coverage of domain.md §1", () => {
  it("reads the clause rows", () => {
    expect(clauseRows).toEqual(["54号·一", "54号·二", "54号·三", "54号·四", "54号·五", "54号·附件1"])
  })

  it.each(clauseRows)("%s is cited by code and names tests", (clause) => {
    const key = keyOf(clause)
    expect(key, `Cite has no entry for ${clause}`).toBeDefined()
    const citing = code.filter((text) => text.includes(`Cite.${key}`) || text.includes(`"${clause}"`))
    expect(citing.length, `no module cites ${clause}`).toBeGreaterThan(1)
    expect(
      tests.filter((text) => titled(text, clause)).length,
      `no test is named after ${clause}`
    ).toBeGreaterThan(0)
  })
})
