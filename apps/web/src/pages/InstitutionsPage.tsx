/**
 * 评价机构目录 (54号·五 "及时公布职业技能等级认定机构信息，明确…开展评价的地域范围、有效期限和认定等级，实行能进能出的
 * 目录清单式动态管理"): each institution with its kind, region, catalogue status and authorisations (occupations,
 * levels, region served, validity), filterable and paginated.
 */
import { INSTITUTION_KINDS, institutionKindName } from "@jineng/domain/institution/InstitutionKind"
import { For } from "solid-js"
import { getInstitutions } from "../api"
import { SelectField, TextField } from "../components/Field"
import { DateFilter, LevelFilter, OccupationCodeFilter, RegionFilter } from "../components/Filters"
import { FilterForm, ListingResults } from "../components/Listing"
import { PageHeading } from "../components/PageHeading"
import { occupationCodeError } from "../lib/filters"
import { useListing } from "../lib/listing"
import type { PublicInstitution } from "../lib/types"

const KEYS = [
  "regionCode",
  "kind",
  "status",
  "occupationCode",
  "workType",
  "level",
  "validOn",
  "servesRegion"
] as const

const STATUSES = [
  { value: "admitted", label: "已纳入目录" },
  { value: "suspended", label: "暂停评价" },
  { value: "removed", label: "已移出目录" }
] as const

const Authorisations = (props: { readonly institution: PublicInstitution }) => (
  <ul class="cell-list">
    <For each={props.institution.authorisations}>
      {(a) => (
        <li>
          职业（工种）：
          {a.occupations.map((o) => (o.workType === null ? o.code : `${o.code}（${o.workType}）`)).join("、")}
          ；等级：{a.levels.map((l) => l.name).join("、")}；地域范围：{a.region.name}；有效期限：{a.validFrom}{" "}
          至 {a.validUntil}
        </li>
      )}
    </For>
  </ul>
)

export default function InstitutionsPage() {
  const listing = useListing(getInstitutions, KEYS, (f) => ({
    occupationCode: occupationCodeError(f.occupationCode)
  }))
  const field = listing.field
  return (
    <>
      <PageHeading title="评价机构目录" />
      <p class="lead">
        职业技能等级认定机构的目录：机构所在地、目录状态，以及每项授权可评价的职业（工种）、等级、地域范围和有效期限。
      </p>
      <FilterForm label="筛选评价机构" onApply={listing.apply} onClear={listing.clear}>
        <RegionFilter label="机构所在地" field={field("regionCode")} />
        <SelectField label="机构类别" required={false} {...field("kind")}>
          <option value="">不限</option>
          <For each={INSTITUTION_KINDS}>{(k) => <option value={k}>{institutionKindName(k)}</option>}</For>
        </SelectField>
        <SelectField label="目录状态" required={false} {...field("status")}>
          <option value="">不限</option>
          <For each={STATUSES}>{(s) => <option value={s.value}>{s.label}</option>}</For>
        </SelectField>
        <OccupationCodeFilter field={field("occupationCode")} />
        <TextField label="工种" required={false} autocomplete="off" maxLength={50} {...field("workType")} />
        <LevelFilter label="认定等级" field={field("level")} />
        <DateFilter label="授权有效日期" hint="在该日有效" field={field("validOn")} />
        <RegionFilter label="可评价地域" anyLabel="不限" field={field("servesRegion")} />
      </FilterForm>
      <ListingResults
        result={listing.result()}
        unit="家评价机构"
        caption="评价机构目录"
        hrefAt={listing.hrefAt}
        head={
          <tr>
            <th scope="col">机构名称</th>
            <th scope="col">机构类别</th>
            <th scope="col">所在地</th>
            <th scope="col">目录状态</th>
            <th scope="col">授权评价范围（职业、等级、地域、有效期限）</th>
          </tr>
        }
        row={(i: PublicInstitution) => (
          <tr>
            <th scope="row">
              {i.name}
              <br />
              <span class="muted">统一社会信用代码 {i.uscc}</span>
            </th>
            <td>{i.kindName}</td>
            <td>{i.region.name}</td>
            <td>
              {i.status.name}
              <br />
              <span class="muted nowrap">自 {i.status.since}</span>
            </td>
            <td>
              <Authorisations institution={i} />
            </td>
          </tr>
        )}
      />
    </>
  )
}
