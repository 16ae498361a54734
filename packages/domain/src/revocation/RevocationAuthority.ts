/**
 * Who may revoke which certificates (54号·五 注销; domain.md §4): the province (省人社厅) anywhere; a 设区市 bureau
 * only certificates whose issuer lies within its city; districts and every other actor not at all. The notice
 * names only the province's special inspections, so a city's own revocation rests on domain.md §4 (provisional).
 */
import { Schema } from "effect"
import { isWithinRegion, JIANGSU, type RegionCode, regionOf } from "../codes/Region.js"
import { RegionCode as RegionCodeSchema } from "../codes/RegionSchema.js"
import { type Citation, Cite } from "../rule/Citation.js"
import { type Decision, type Failure, type Verdict, verdict } from "../rule/Decision.js"
import { required } from "../shared/FieldSchema.js"

export const AUTHORITY_RULE = "revocation.authority"

/** domain.md §4 "Actors and what each may do". */
export const ACTORS_TABLE: Citation = "domain.md §4"

/** The actors of domain.md §4. */
export const RevocationActorLevel = Schema.Literal(
  "province",
  "city",
  "district",
  "provincial_appraisal_centre",
  "city_appraisal_centre",
  "institution",
  "employer",
  "host",
  "public"
).annotations({
  message: () => ({
    message:
      "操作者层级应为 province、city、district、provincial_appraisal_centre、city_appraisal_centre、institution、employer、host 或 public 之一",
    override: true
  })
})
export type RevocationActorLevel = typeof RevocationActorLevel.Type

export const ACTOR_NAMES: Record<RevocationActorLevel, string> = {
  province: "省人力资源社会保障厅",
  city: "设区市人力资源社会保障局",
  district: "区（县）人力资源社会保障局",
  provincial_appraisal_centre: "省职业技能鉴定中心",
  city_appraisal_centre: "市职业技能鉴定机构",
  institution: "第三方评价机构",
  employer: "用人单位",
  host: "竞赛主办单位",
  public: "社会公众"
}

export const RevocationActor = Schema.Struct({
  level: required(RevocationActorLevel, "操作者层级"),
  regionCode: required(RegionCodeSchema, "操作者所在地区")
}).annotations({ message: () => "操作者应为对象（层级、所在地区）" })
export type RevocationActor = typeof RevocationActor.Type

/** What the rule needs of a certificate: its number and its issuer's region (Certificate fits). */
export interface IssuedCertificate {
  readonly number: string
  readonly issuer: { readonly regionCode: RegionCode }
}

/** How many numbers a failure shows. */
export const AUTHORITY_SAMPLE = 5

const CITATIONS: ReadonlyArray<Citation> = [Cite.quality, ACTORS_TABLE]

const failure = (
  code: string,
  field: string,
  message: string,
  seen: Failure["seen"],
  required: Failure["required"],
  citation: Citation = ACTORS_TABLE
): Failure => ({ code, rule: AUTHORITY_RULE, field, message, seen, required, citation })

/** How many of `certificates` were issued outside `regionCode`, and the first AUTHORITY_SAMPLE of their numbers. */
export const outsideRegion = (
  regionCode: RegionCode,
  certificates: ReadonlyArray<IssuedCertificate>
): { readonly count: number; readonly sample: ReadonlyArray<string> } => {
  let count = 0
  const sample: Array<string> = []
  for (const c of certificates) {
    if (!isWithinRegion(c.issuer.regionCode, regionCode)) {
      count++
      if (sample.length < AUTHORITY_SAMPLE) sample.push(c.number)
    }
  }
  return { count, sample }
}

/** How many certificates in scope lie outside the actor's region, with the first AUTHORITY_SAMPLE numbers. */
export interface OutsideRegion {
  readonly count: number
  readonly sample: ReadonlyArray<string>
}

export const revocationAuthority = (
  actor: { readonly level: RevocationActorLevel; readonly regionCode: RegionCode },
  certificates: ReadonlyArray<IssuedCertificate>
): Decision<Verdict> => revocationAuthorityOf(actor, () => outsideRegion(actor.regionCode, certificates))

/**
 * The same rule over counts: `outside` is asked only for a city actor with a valid city code, so a caller that
 * counts in the registry (a whole batch) need not load the certificates.
 */
export const revocationAuthorityOf = (
  actor: { readonly level: RevocationActorLevel; readonly regionCode: RegionCode },
  outside: () => OutsideRegion
): Decision<Verdict> => {
  if (actor.level === "province") {
    return verdict(
      AUTHORITY_RULE,
      CITATIONS,
      actor.regionCode === JIANGSU
        ? []
        : [
            failure(
              "ActorRegionInvalid",
              "actor.regionCode",
              `省级决定机关的行政区划代码应为 ${JIANGSU}（江苏省），实际为 ${actor.regionCode}`,
              actor.regionCode,
              JIANGSU
            )
          ]
    )
  }
  if (actor.level !== "city") {
    return verdict(AUTHORITY_RULE, CITATIONS, [
      failure(
        "NoRevocationAuthority",
        "actor.level",
        `${ACTOR_NAMES[actor.level]}无权注销证书：注销由省人力资源社会保障厅（全省范围）或设区市人力资源社会保障局（本市范围）决定`,
        actor.level,
        ["province", "city"]
      )
    ])
  }
  const provisional = [
    {
      rule: AUTHORITY_RULE,
      reason:
        "通知仅规定省人力资源社会保障厅专项督查后注销证书；设区市人力资源社会保障局在本市范围内注销依 domain.md §4 确定",
      citation: ACTORS_TABLE
    }
  ]
  const city = regionOf(actor.regionCode)
  if (city === undefined || city.level !== "city") {
    return verdict(
      AUTHORITY_RULE,
      CITATIONS,
      [
        failure(
          "ActorRegionInvalid",
          "actor.regionCode",
          `设区市决定机关的行政区划代码应为江苏省13个设区市之一，实际为 ${actor.regionCode}`,
          actor.regionCode,
          "江苏省设区市代码（320100…321300）"
        )
      ],
      { provisional }
    )
  }
  const { count, sample } = outside()
  return verdict(
    AUTHORITY_RULE,
    CITATIONS,
    count === 0
      ? []
      : [
          failure(
            "OutsideActorRegion",
            "issuer.regionCode",
            `${city.name}人力资源社会保障局只能注销本市范围内发证机构核发的证书：共 ${count} 本证书的发证机构不在${city.name}（如 ${sample.join("、")}）`,
            sample,
            actor.regionCode
          )
        ],
    { provisional }
  )
}
