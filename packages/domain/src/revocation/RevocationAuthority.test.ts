import { describe, expect, it } from "vitest"
import { Cite } from "../rule/Citation.js"
import {
  ACTORS_TABLE,
  AUTHORITY_SAMPLE,
  type RevocationActorLevel,
  revocationAuthority
} from "./RevocationAuthority.js"

const cert = (number: string, regionCode: string) => ({ number, issuer: { regionCode } })

const NANJING_CERTS = [cert("N1", "320102"), cert("N2", "320115"), cert("N3", "320100")]
const ELSEWHERE = [cert("S1", "320506"), cert("W1", "320281"), cert("P1", "320000"), cert("Z1", "330106")]

describe("54号·五 revocation authority (domain.md §4)", () => {
  it("lets the province revoke certificates issued anywhere", () => {
    const d = revocationAuthority({ level: "province", regionCode: "320000" }, [
      ...NANJING_CERTS,
      ...ELSEWHERE
    ])
    expect(d.outcome).toBe("allowed")
    expect(d.rule).toBe("revocation.authority")
    expect(d.citations).toEqual([Cite.quality, ACTORS_TABLE])
    expect(d.failures).toEqual([])
    expect(d.provisional).toEqual([])
  })

  it("refuses a 'province' whose region code is not Jiangsu's", () => {
    const d = revocationAuthority({ level: "province", regionCode: "330000" }, NANJING_CERTS)
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => [f.code, f.field, f.seen, f.required])).toEqual([
      ["ActorRegionInvalid", "actor.regionCode", "330000", "320000"]
    ])
  })

  it("lets a city revoke certificates issued in the city itself or its districts and counties", () => {
    const d = revocationAuthority({ level: "city", regionCode: "320100" }, NANJING_CERTS)
    expect(d.outcome).toBe("allowed")
    expect(d.provisional).toHaveLength(1)
    expect(d.provisional[0]?.citation).toBe(ACTORS_TABLE)
  })

  it("refuses a city's revocation of certificates issued elsewhere, counting them and giving a sample", () => {
    const d = revocationAuthority({ level: "city", regionCode: "320100" }, [...NANJING_CERTS, ...ELSEWHERE])
    expect(d.outcome).toBe("refused")
    expect(d.failures).toHaveLength(1)
    const f = d.failures[0]
    expect(f?.code).toBe("OutsideActorRegion")
    expect(f?.field).toBe("issuer.regionCode")
    expect(f?.seen).toEqual(["S1", "W1", "P1", "Z1"])
    expect(f?.required).toBe("320100")
    expect(f?.citation).toBe(ACTORS_TABLE)
    expect(f?.message).toContain("共 4 本证书的发证机构不在南京市")
    expect(d.provisional).toHaveLength(1)
  })

  it("limits the sample to AUTHORITY_SAMPLE numbers but counts all", () => {
    const many = Array.from({ length: 12 }, (_, i) => cert(`X${i}`, "320506"))
    const d = revocationAuthority({ level: "city", regionCode: "320100" }, many)
    expect(d.failures[0]?.seen).toHaveLength(AUTHORITY_SAMPLE)
    expect(d.failures[0]?.message).toContain("共 12 本证书")
  })

  it("refuses a city actor whose code is not a Jiangsu city", () => {
    for (const code of ["320102", "330100", "320000"]) {
      const d = revocationAuthority({ level: "city", regionCode: code }, NANJING_CERTS)
      expect(d.outcome).toBe("refused")
      expect(d.failures[0]?.code).toBe("ActorRegionInvalid")
    }
  })

  const refused: ReadonlyArray<RevocationActorLevel> = [
    "district",
    "provincial_appraisal_centre",
    "city_appraisal_centre",
    "institution",
    "employer",
    "host",
    "public"
  ]
  it.each(refused)("refuses revocation by %s, even within its own region", (level) => {
    const d = revocationAuthority({ level, regionCode: "320102" }, [cert("N1", "320102")])
    expect(d.outcome).toBe("refused")
    expect(d.failures.map((f) => [f.code, f.field, f.seen, f.required])).toEqual([
      ["NoRevocationAuthority", "actor.level", level, ["province", "city"]]
    ])
    expect(d.failures[0]?.message).toContain("无权注销证书")
  })

  it("names the district bureau in its refusal", () => {
    const d = revocationAuthority({ level: "district", regionCode: "320102" }, [])
    expect(d.failures[0]?.message).toMatch(/^区（县）人力资源社会保障局无权注销证书/)
  })
})
