/**
 * 公开：评价机构目录 (54号·五 "及时公布职业技能等级认定机构信息，明确职业技能等级认定机构开展评价的地域范围、有效期限和
 * 认定等级"). Each institution with its kind, region, numbering prefix, catalogue status (and the dates of its
 * changes) and its authorisations: occupations, levels, region served and validity. Nothing personal is published:
 * the responsible person, the seal, and the grounds and actors of status changes stay in the administrators' view.
 * Filterable by region (sub-regions included), kind, status, occupation (工种), level, validity day and region
 * served; paginated `{ items, total, limit, offset }` in directory order (region, name, id).
 */

import { OccupationCode } from "@jineng/domain/codes/OccupationCodeSchema"
import { fullNameOf } from "@jineng/domain/codes/Region"
import { RegionCode } from "@jineng/domain/codes/RegionSchema"
import { levelName } from "@jineng/domain/codes/SkillLevel"
import { SkillLevel } from "@jineng/domain/codes/SkillLevelSchema"
import { catalogueStatusName, type StatusEntry } from "@jineng/domain/institution/CatalogueStatus"
import { CatalogueStatus } from "@jineng/domain/institution/CatalogueStatusSchema"
import { type Institution, numberingPrefixKey } from "@jineng/domain/institution/Institution"
import { InstitutionCatalogue } from "@jineng/domain/institution/InstitutionCatalogue"
import { institutionKindName } from "@jineng/domain/institution/InstitutionKind"
import { InstitutionKind } from "@jineng/domain/institution/InstitutionKindSchema"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { Id, Text } from "@jineng/domain/shared/FieldSchema"
import { LocalDate } from "@jineng/domain/time/LocalDateSchema"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiEnv } from "../http/ApiEnv.js"
import { Page, PageQuery } from "../http/Page.js"
import { answers } from "../http/Respond.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { paramsOf, queryOf } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"

const regionView = (code: string) => ({ code, name: fullNameOf(code) })

/** The catalogue's public record of an institution. */
export const publicInstitutionView = (i: Institution) => {
  // Every stored institution has its admission entry (InstitutionRepository).
  const latest = i.statusHistory[i.statusHistory.length - 1] as StatusEntry
  return {
    id: i.id,
    name: i.name,
    kind: i.kind,
    kindName: institutionKindName(i.kind),
    uscc: i.uscc as string,
    region: regionView(i.region),
    filedWith: i.filedWith,
    numberingPrefix: i.numberingPrefix === undefined ? null : numberingPrefixKey(i.numberingPrefix),
    status: { state: latest.status, name: catalogueStatusName(latest.status), since: latest.date },
    statusHistory: i.statusHistory.map((e) => ({
      status: e.status,
      name: catalogueStatusName(e.status),
      date: e.date
    })),
    authorisations: i.authorisations.map((a) => ({
      id: a.id,
      occupations: a.occupations.map((o) => ({ code: o.code, workType: o.workType ?? null })),
      levels: a.levels.map((level) => ({ code: level, name: levelName(level) })),
      region: regionView(a.region),
      validFrom: a.validFrom,
      validUntil: a.validUntil
    }))
  }
}

const Region = Schema.Struct({ code: Schema.String, name: Schema.String })

/** The view's shape, for the OpenAPI document (the function above is checked against it). */
export const PublicInstitution = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  kind: InstitutionKind,
  kindName: Schema.String,
  uscc: Schema.String.annotations({ description: "统一社会信用代码" }),
  region: Region.annotations({ description: "机构所在地" }),
  filedWith: Schema.Literal("province", "mohrss"),
  numberingPrefix: Schema.NullOr(Schema.String).annotations({
    description: "证书编号前13位（机构类别、评价机构代码、省级代码、机构序号）；鉴定机构为 null"
  }),
  status: Schema.Struct({
    state: CatalogueStatus,
    name: Schema.String,
    since: Schema.String.annotations({ description: "最近一次状态变更的生效日期" })
  }),
  statusHistory: Schema.Array(
    Schema.Struct({ status: CatalogueStatus, name: Schema.String, date: Schema.String })
  ),
  authorisations: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      occupations: Schema.Array(
        Schema.Struct({ code: Schema.String, workType: Schema.NullOr(Schema.String) })
      ),
      levels: Schema.Array(Schema.Struct({ code: SkillLevel, name: Schema.String })),
      region: Region.annotations({ description: "评价地域范围" }),
      validFrom: Schema.String,
      validUntil: Schema.String.annotations({ description: "有效期截止日期（含当日）" })
    })
  )
}).annotations({ identifier: "PublicInstitution", title: "评价机构（公开目录）" })

const _checked: (i: Institution) => typeof PublicInstitution.Encoded = publicInstitutionView
void _checked

const LevelParam = Schema.compose(Schema.NumberFromString, SkillLevel, { strict: false }).annotations({
  message: () => ({ message: "认定等级 level 应为1至5（5=五级/初级工 … 1=一级/高级技师）", override: true }),
  description: "认定等级 1–5"
})

export const PublicInstitutionQuery = Schema.Struct({
  ...PageQuery.fields,
  regionCode: Schema.optionalWith(
    RegionCode.annotations({ description: "机构所在地行政区划代码（含下级，如 320100 含南京市各区）" }),
    { exact: true }
  ),
  kind: Schema.optionalWith(InstitutionKind, { exact: true }),
  status: Schema.optionalWith(CatalogueStatus, { exact: true }),
  occupationCode: Schema.optionalWith(OccupationCode.annotations({ description: "授权评价的职业编码" }), {
    exact: true
  }),
  workType: Schema.optionalWith(Text("工种", 50), { exact: true }),
  level: Schema.optionalWith(LevelParam, { exact: true }),
  validOn: Schema.optionalWith(LocalDate.annotations({ description: "授权在该日有效（含截止日）" }), {
    exact: true
  }),
  name: Schema.optionalWith(Text("机构名称关键词", 100).annotations({ description: "机构名称包含的文字" }), {
    exact: true
  }),
  servesRegion: Schema.optionalWith(RegionCode.annotations({ description: "可在该行政区划开展评价" }), {
    exact: true
  })
})

const InstitutionParams = Schema.Struct({ institutionId: Id("机构编号") })

const TAG = "公开：评价机构目录"

export const publicInstitutionsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "get",
    path: "/api/public/institutions",
    summary: "评价机构目录（地域范围、有效期限、认定等级）",
    description:
      "按所在地（含下级行政区划）、机构类别、目录状态、职业（工种）、等级、授权有效日期、可评价地域筛选，分页。职业、等级、有效日期与可评价地域须由同一项授权同时满足。",
    tag: TAG,
    query: PublicInstitutionQuery,
    success: { status: 200, description: "一页评价机构，按所在地、名称排序", schema: Page(PublicInstitution) }
  },
  {
    method: "get",
    path: "/api/public/institutions/:institutionId",
    summary: "评价机构详情（公开目录）",
    tag: TAG,
    params: InstitutionParams,
    success: { status: 200, description: "评价机构", schema: PublicInstitution },
    errors: [404]
  }
]

export const publicInstitutions = ({ runtime }: RouteDeps) => {
  const { ok } = answers(runtime)
  return new Hono<ApiEnv>()
    .get("/", queryOf(PublicInstitutionQuery), (c) => {
      const { name, ...query } = c.req.valid("query")
      return ok(c, InstitutionRepository, (repository) =>
        Effect.map(
          repository.list(name === undefined ? query : { ...query, nameContains: name }),
          (page) => ({ ...page, items: page.items.map(publicInstitutionView) })
        )
      )
    })
    .get("/:institutionId", paramsOf(InstitutionParams), (c) =>
      ok(c, InstitutionCatalogue, (catalogue) =>
        Effect.map(catalogue.get(c.req.valid("param").institutionId), publicInstitutionView)
      )
    )
}
