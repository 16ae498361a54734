/**
 * Organisation accounts and API keys through the API (domain.md §4): who am I, the province creates an
 * organisation and issues it a key that works at once, lists keys without secrets, revokes a key (which then
 * answers 401); every change audited with the province's id; invalid organisations refused with the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeTestApp, problemOf, type TestApp } from "./TestApp.js"

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

describe("organisation accounts and API keys", () => {
  it("tells a key's organisation who it is and what it may do", async () => {
    const res = await t.call("GET", "/api/organisations/me", { as: t.orgOf.institution })
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      organisation: { id: string; role: string }
      actions: Array<{ action: string }>
    }
    expect(body.organisation).toMatchObject({ id: t.orgOf.institution, role: "institution" })
    expect(body.actions.map((a) => a.action)).toEqual(["batch.publish", "batch.issue", "certificate.receipt"])
    expect((await t.call("GET", "/api/organisations/me")).status).toBe(401)
  })

  it("lets the province create an organisation, issue a working key, list and revoke it — all audited", async () => {
    const created = await t.call("POST", "/api/organisations", {
      as: t.orgOf.province,
      body: { name: "无锡市人力资源和社会保障局", role: "city", regionCode: "320200" }
    })
    expect(created.status).toBe(201)
    const organisation = (await created.json()) as { id: string; role: string }
    expect(organisation.role).toBe("city")

    const issued = await t.call("POST", `/api/organisations/${organisation.id}/keys`, {
      as: t.orgOf.province
    })
    expect(issued.status).toBe(201)
    const { key, record } = (await issued.json()) as { key: string; record: { id: string; prefix: string } }
    expect(key).toMatch(/^jn_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/)
    expect(JSON.stringify(record)).not.toContain("hmac")

    const me = await t.app.request("/api/organisations/me", { headers: { authorization: `Bearer ${key}` } })
    expect(((await me.json()) as { organisation: { id: string } }).organisation.id).toBe(organisation.id)

    const listed = await t.call("GET", `/api/organisations/${organisation.id}/keys`, { as: t.orgOf.province })
    const items = ((await listed.json()) as { items: Array<Record<string, unknown>> }).items
    expect(items).toHaveLength(1)
    expect(items[0]).not.toHaveProperty("hash")
    expect(JSON.stringify(items)).not.toContain(key)

    const revoked = await t.call(
      "POST",
      `/api/organisations/${organisation.id}/keys/${record.id}/revocation`,
      {
        as: t.orgOf.province
      }
    )
    expect(revoked.status).toBe(200)
    expect(((await revoked.json()) as { revokedAt?: string }).revokedAt).toBeDefined()
    const after = await t.app.request("/api/organisations/me", {
      headers: { authorization: `Bearer ${key}` }
    })
    expect(after.status).toBe(401)

    const audit = (await t.audit()).filter((e) => [organisation.id, record.id].includes(e.subject))
    expect(audit.map((e) => [e.action, e.actor])).toEqual([
      ["organisation.create", t.orgOf.province],
      ["api-key.create", t.orgOf.province],
      ["api-key.revoke", t.orgOf.province]
    ])
    expect(JSON.stringify(audit)).not.toContain(key)
    expect(t.logs.map((l) => JSON.stringify(l)).join("\n")).not.toContain(key)
  })

  it("lists organisations by role and region, paginated", async () => {
    const res = await t.call("GET", "/api/organisations?role=city&regionCode=320100&limit=5", {
      as: t.orgOf.province
    })
    expect(res.status).toBe(200)
    const page = (await res.json()) as {
      items: Array<{ id: string }>
      total: number
      limit: number
      offset: number
    }
    expect(page.items.map((o) => o.id)).toEqual([t.orgOf.city])
    expect(page).toMatchObject({ total: 1, limit: 5, offset: 0 })
    const bad = await problemOf(
      await t.call("GET", "/api/organisations?limit=1000", { as: t.orgOf.province })
    )
    expect(bad).toMatchObject({ status: 400, field: "limit" })
  })

  it.each([
    [{ name: "某局", role: "city", regionCode: "320102" }, "OrganisationInvalid", 422],
    [{ name: "某局", role: "mayor", regionCode: "320100" }, "InvalidRequest", 400],
    [{ name: "", role: "city", regionCode: "320100" }, "InvalidRequest", 400],
    [
      { name: "某局", role: "city", regionCode: "320100", extra: "'; DROP TABLE organisations; --" },
      "InvalidRequest",
      400
    ],
    [
      { name: "某机构", role: "institution", regionCode: "320100", institutionId: "no-such-institution" },
      "InstitutionNotFound",
      404
    ]
  ])("refuses the organisation %j with %s", async (body, code, status) => {
    const before = await t.fingerprint()
    const res = await t.call("POST", "/api/organisations", { as: t.orgOf.province, body })
    expect(res.status).toBe(status)
    const problem = await problemOf(res)
    expect(problem.code).toBe(code)
    expect(problem.detail).toMatch(/[\u4e00-\u9fff]/)
    expect(await t.fingerprint()).toBe(before)
  })

  it("answers 404 for keys of an unknown organisation and for revoking another organisation's key", async () => {
    expect((await t.call("POST", "/api/organisations/nobody/keys", { as: t.orgOf.province })).status).toBe(
      404
    )
    const issued = await t.call("POST", `/api/organisations/${t.orgOf.city}/keys`, { as: t.orgOf.province })
    const { record } = (await issued.json()) as { record: { id: string } }
    const res = await t.call("POST", `/api/organisations/${t.orgOf.host}/keys/${record.id}/revocation`, {
      as: t.orgOf.province
    })
    expect((await problemOf(res)).code).toBe("ApiKeyNotFound")
  })
})
