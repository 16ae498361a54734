/**
 * The authorisation matrix (domain.md §4; Permissions.ts): every route that needs a permission × every role, one table, each cell
 * asserted. A role the action's permission row does not list gets 403 ActionNotPermitted before anything else
 * happens; a listed role gets past the role check (its empty body or unknown record then answers 4xx, never
 * 401/403 ActionNotPermitted and never 5xx). Without a key every route that needs a permission answers 401.
 */
import { ORGANISATION_ROLES } from "@jineng/domain/access/OrganisationRole"
import { ACTIONS, mayPerform } from "@jineng/domain/access/Permissions"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { appDocs } from "../src/App.js"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

const writeRoutes = appDocs.filter((d) => d.action !== undefined)
const pathOf = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, "matrix-unknown")

describe("authorisation matrix: every role × every route that needs a permission", () => {
  it("covers every write action of the permission table", () => {
    expect(writeRoutes.length).toBeGreaterThan(0)
    const routed = new Set(writeRoutes.map((d) => d.action))
    expect(ACTIONS.filter((a) => !routed.has(a))).toEqual([])
  })

  it("lets every role ask for a signed certificate receipt (issue #7), and no role more than its row", () => {
    expect(ORGANISATION_ROLES.filter((role) => !mayPerform(role, "certificate.receipt"))).toEqual([])
    const receipts = cells.filter((cell) => cell.doc.action === "certificate.receipt")
    expect(receipts.map((cell) => [cell.role, cell.allowed])).toEqual(
      ORGANISATION_ROLES.map((r) => [r, true])
    )
  })

  const cells = writeRoutes.flatMap((doc) =>
    ORGANISATION_ROLES.map((role) => ({
      route: `${doc.method.toUpperCase()} ${doc.path}`,
      doc,
      role,
      allowed: mayPerform(role, doc.action ?? "organisation.manage")
    }))
  )

  it.each(cells)("$route as $role → allowed: $allowed", async ({ doc, role, allowed }) => {
    const res = await t.call(doc.method.toUpperCase(), pathOf(doc.path), {
      as: t.orgOf[role],
      ...(doc.method === "get" ? {} : { body: {} })
    })
    expect(res.status).toBeLessThan(500)
    if (allowed) {
      expect(res.status).not.toBe(401)
      if (res.status === 403) expect((await problemOf(res)).code).not.toBe("ActionNotPermitted")
    } else {
      expect(res.status).toBe(403)
      const body = await problemOf(res)
      expect(body.code).toBe("ActionNotPermitted")
      expect(body.detail).toMatch(/无权/)
    }
  })

  it.each(writeRoutes.map((doc) => ({ route: `${doc.method.toUpperCase()} ${doc.path}`, doc })))(
    "$route without a key or with a forged key → 401",
    async ({ doc }) => {
      const path = pathOf(doc.path)
      const body = doc.method === "get" ? {} : { body: {} }
      const none = await t.call(doc.method.toUpperCase(), path, body)
      expect(none.status).toBe(401)
      expect(none.headers.get("www-authenticate")).toContain("Bearer")
      const forged = await t.call(doc.method.toUpperCase(), path, {
        ...body,
        headers: { authorization: "Bearer jn_aaaaaaaa_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }
      })
      expect(forged.status).toBe(401)
      expect((await problemOf(forged)).code).toBe("ApiKeyRejected")
    }
  )
})
