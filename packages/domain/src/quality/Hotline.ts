/**
 * Reporting hotlines for certificate issuance (54号·五 "各设区市、区（县）人力资源社会保障局要…主动向社会公布职业证书
 * 发放监督举报电话"). Only the province's number is known (025-83271773, stated in the notice); the cities' and
 * districts' numbers are data entered with their provenance, never invented here: a deployment provides its list
 * as HotlinesOnFile (default: the province's only), and the public directory shows, for each city without its own
 * number on file, the province's with a notice saying so.
 */
import { Context, Schema } from "effect"
import {
  ancestorAt,
  JIANGSU,
  jiangsuCities,
  levelOfCode,
  type RegionCode,
  regionOf
} from "../codes/Region.js"
import { RegionCode as RegionCodeSchema } from "../codes/RegionSchema.js"
import { Cite } from "../rule/Citation.js"
import { type Decision, type Verdict, verdict } from "../rule/Decision.js"
import { required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { PhoneNumber } from "./PhoneNumberSchema.js"

export const HotlineProvenance = Schema.Struct({
  /** The document or page the number was taken from. */
  source: required(Text("电话号码来源", 500), "电话号码来源"),
  note: required(Schema.String.annotations({ message: () => "说明应为文本" }), "说明"),
  /** true when read from an official publication. */
  confirmed: required(
    Schema.Boolean.annotations({ message: () => "已核实标记应为 true 或 false" }),
    "已核实标记"
  ),
  recordedOn: required(LocalDate, "登记日期")
}).annotations({ message: () => "电话号码来源信息应为对象" })
export type HotlineProvenance = typeof HotlineProvenance.Type

export const Hotline = Schema.Struct({
  regionCode: required(RegionCodeSchema, "所属地区"),
  phone: required(PhoneNumber, "举报电话"),
  provenance: required(HotlineProvenance, "电话号码来源")
}).annotations({ identifier: "Hotline", message: () => "举报电话应为对象" })
export type Hotline = typeof Hotline.Type

/** 省人力资源社会保障厅职业证书发放监督举报电话 (54号·五, CONFIRMED). */
export const PROVINCIAL_HOTLINE: Hotline = {
  regionCode: JIANGSU,
  phone: "025-83271773",
  provenance: {
    source: Cite.quality,
    note: "苏人社办函〔2022〕54号原文：省人力资源社会保障厅职业证书发放监督举报电话：025-83271773",
    confirmed: true,
    recordedOn: "2022-04-08"
  }
}

/** The hotlines on file by default: the province's only. */
export const KNOWN_HOTLINES: ReadonlyArray<Hotline> = [PROVINCIAL_HOTLINE]

/**
 * The hotlines a deployment has on file, each with its provenance (validate entries with `Hotline`): KNOWN_HOTLINES
 * unless an edge provides its own list, e.g. the cities' numbers read from their official publications.
 */
export class HotlinesOnFile extends Context.Reference<HotlinesOnFile>()("@jineng/domain/HotlinesOnFile", {
  defaultValue: (): ReadonlyArray<Hotline> => KNOWN_HOTLINES
}) {}

/**
 * The hotlines to show for `regionCode`: its own if on file; else, for a county (区/县), its city's (设区市) —
 * the notice asks both levels to publish one; else the province's.
 */
export const hotlinesFor = (
  regionCode: RegionCode,
  hotlines: ReadonlyArray<Hotline> = KNOWN_HOTLINES
): ReadonlyArray<Hotline> => {
  const own = hotlines.filter((h) => h.regionCode === regionCode)
  if (own.length > 0) return own
  if (levelOfCode(regionCode) === "county") {
    const city = ancestorAt(regionCode, "city")
    const ofCity = hotlines.filter((h) => h.regionCode === city)
    if (ofCity.length > 0) return ofCity
  }
  const province = hotlines.filter((h) => h.regionCode === JIANGSU)
  return province.length > 0 ? province : [PROVINCIAL_HOTLINE]
}

export const HOTLINE_RULE = "quality.hotline-published"

/** Whether a city or district bureau has its own hotline on file, as the notice requires of it. */
export const hotlinePublished = (
  regionCode: RegionCode,
  hotlines: ReadonlyArray<Hotline> = KNOWN_HOTLINES
): Decision<Verdict> => {
  if (hotlines.some((h) => h.regionCode === regionCode)) return verdict(HOTLINE_RULE, [Cite.quality], [])
  const name = regionOf(regionCode)?.name ?? regionCode
  return verdict(
    HOTLINE_RULE,
    [Cite.quality],
    [
      {
        code: "HotlineNotPublished",
        rule: HOTLINE_RULE,
        field: "hotlines",
        message: `${name}人力资源社会保障局的职业证书发放监督举报电话未登记；公众暂按省厅举报电话 ${PROVINCIAL_HOTLINE.phone} 举报`,
        seen: null,
        required: regionCode,
        citation: Cite.quality
      }
    ]
  )
}

/** One region's line of the public directory. */
export const HotlineDirectoryEntry = Schema.Struct({
  regionCode: RegionCodeSchema,
  regionName: Schema.String,
  /** true when the region's own bureau's number is on file; false: the numbers shown are its city's or the province's. */
  published: Schema.Boolean,
  /** The numbers to call for this region (hotlinesFor). */
  hotlines: Schema.Array(Hotline),
  /** Why the numbers are not the region's own (HotlineNotPublished), when they are not. */
  notice: Schema.optional(Schema.String)
}).annotations({ identifier: "HotlineDirectoryEntry" })
export type HotlineDirectoryEntry = typeof HotlineDirectoryEntry.Type

/** The public directory: the province's hotline, each city's, and those of districts that have one on file. */
export const HotlineDirectory = Schema.Struct({
  province: HotlineDirectoryEntry,
  cities: Schema.Array(HotlineDirectoryEntry),
  districts: Schema.Array(HotlineDirectoryEntry)
}).annotations({ identifier: "HotlineDirectory" })
export type HotlineDirectory = typeof HotlineDirectory.Type

const directoryEntry = (regionCode: RegionCode, hotlines: ReadonlyArray<Hotline>): HotlineDirectoryEntry => {
  const published = regionCode === JIANGSU || hotlinePublished(regionCode, hotlines)
  const failure = published === true ? undefined : published.failures[0]
  return {
    regionCode,
    regionName: regionOf(regionCode)?.name ?? regionCode,
    published: failure === undefined,
    hotlines: hotlinesFor(regionCode, hotlines),
    ...(failure === undefined ? {} : { notice: failure.message })
  }
}

/** The directory of `hotlines` (54号·五: the province and every 设区市 are to publish one). */
export const hotlineDirectory = (hotlines: ReadonlyArray<Hotline> = KNOWN_HOTLINES): HotlineDirectory => ({
  province: directoryEntry(JIANGSU, hotlines),
  cities: jiangsuCities.map((city) => directoryEntry(city.code, hotlines)),
  districts: [
    ...new Set(hotlines.filter((h) => levelOfCode(h.regionCode) === "county").map((h) => h.regionCode))
  ]
    .sort()
    .map((code) => directoryEntry(code, hotlines))
})
