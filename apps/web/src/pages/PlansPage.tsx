/**
 * 竞赛计划公布 (54号·五 "职业技能竞赛的主办单位、赛项名称、举办时间、参赛条件、报名电话等信息（见附件3）"): the
 * published competition plans, newest first, filterable by region, occupation and dates.
 */
import { fullNameOf } from "@jineng/domain/codes/Region"
import { getPlans } from "../api"
import { DateFilter, OccupationCodeFilter, RegionFilter } from "../components/Filters"
import { FilterForm, ListingResults } from "../components/Listing"
import { PageHeading } from "../components/PageHeading"
import { dateRangeError, occupationCodeError, spanText } from "../lib/filters"
import { useListing } from "../lib/listing"
import type { PublishedPlan } from "../lib/types"

const KEYS = ["regionCode", "occupationCode", "from", "until"] as const

export default function PlansPage() {
  const listing = useListing(getPlans, KEYS, (f) => ({
    occupationCode: occupationCodeError(f.occupationCode),
    until: dateRangeError(f.from, f.until)
  }))
  const field = listing.field
  return (
    <>
      <PageHeading title="竞赛计划公布" />
      <p class="lead">
        已公布的职业技能竞赛办赛计划（附件3）：主办单位、赛项名称、举办时间、参赛条件和报名电话。职业技能竞赛不得收取任何报名费、参赛费和证书费（54号·二）。
      </p>
      <FilterForm label="筛选竞赛计划" onApply={listing.apply} onClear={listing.clear}>
        <RegionFilter label="地区" field={field("regionCode")} />
        <OccupationCodeFilter field={field("occupationCode")} />
        <DateFilter label="举办时间自" field={field("from")} />
        <DateFilter label="举办时间至" field={field("until")} />
      </FilterForm>
      <ListingResults
        result={listing.result()}
        unit="项办赛计划"
        caption="竞赛办赛计划公布目录"
        hrefAt={listing.hrefAt}
        head={
          <tr>
            <th scope="col">赛项名称</th>
            <th scope="col">主办单位</th>
            <th scope="col">职业（工种）</th>
            <th scope="col">举办时间</th>
            <th scope="col">参赛条件</th>
            <th scope="col">报名电话</th>
            <th scope="col">地区</th>
            <th scope="col">公布日期</th>
          </tr>
        }
        row={(p: PublishedPlan) => (
          <tr>
            <th scope="row">{p.listing.eventName}</th>
            <td>{p.listing.host}</td>
            <td>
              {p.occupation === undefined
                ? "—"
                : `${p.occupation.name}${p.occupation.workType === undefined ? "" : `（${p.occupation.workType}）`}`}
              <br />
              <span class="muted">{p.occupation?.code ?? ""}</span>
            </td>
            <td>{spanText(p.listing.time)}</td>
            <td>{p.listing.participationConditions}</td>
            <td>
              <a class="nowrap" href={`tel:${p.listing.registrationPhone}`}>
                {p.listing.registrationPhone}
              </a>
            </td>
            <td>{p.listing.regionCode === undefined ? "—" : fullNameOf(p.listing.regionCode)}</td>
            <td class="nowrap">{p.publishedOn}</td>
          </tr>
        )}
      />
    </>
  )
}
