/**
 * 评价批次公布 (54号·五 "面向社会定期公布所属职业技能等级认定机构开展评价的评价职业、评价等级、评价时间、联系方式等信息
 * （见附件2）"): the published evaluation batches, newest evaluation first, filterable by region (a city includes
 * its districts), occupation, level and dates.
 */
import { fullNameOf } from "@jineng/domain/codes/Region"
import { levelName, type SkillLevel } from "@jineng/domain/codes/SkillLevel"
import { getBatches } from "../api"
import { DateFilter, LevelFilter, OccupationCodeFilter, RegionFilter } from "../components/Filters"
import { FilterForm, ListingResults } from "../components/Listing"
import { PageHeading } from "../components/PageHeading"
import { dateRangeError, occupationCodeError, spanText } from "../lib/filters"
import { useListing } from "../lib/listing"
import type { PublishedBatch } from "../lib/types"

const KEYS = ["regionCode", "occupationCode", "level", "from", "to"] as const

export default function BatchesPage() {
  const listing = useListing(getBatches, KEYS, (f) => ({
    occupationCode: occupationCodeError(f.occupationCode),
    to: dateRangeError(f.from, f.to)
  }))
  const field = listing.field
  return (
    <>
      <PageHeading title="评价批次公布" />
      <p class="lead">
        各职业技能等级认定机构已公布的评价批次（附件2）：评价机构、评价职业（工种）、评价等级、评价时间、联系方式和所在地区，方便劳动者报名报考。
      </p>
      <FilterForm label="筛选评价批次" onApply={listing.apply} onClear={listing.clear}>
        <RegionFilter label="所在地区" field={field("regionCode")} />
        <OccupationCodeFilter field={field("occupationCode")} />
        <LevelFilter label="评价等级" field={field("level")} />
        <DateFilter label="评价时间自" field={field("from")} />
        <DateFilter label="评价时间至" field={field("to")} />
      </FilterForm>
      <ListingResults
        result={listing.result()}
        unit="个评价批次"
        caption="评价批次公布目录"
        hrefAt={listing.hrefAt}
        head={
          <tr>
            <th scope="col">评价机构</th>
            <th scope="col">评价职业（工种）</th>
            <th scope="col">评价等级</th>
            <th scope="col">评价时间</th>
            <th scope="col">联系方式</th>
            <th scope="col">所在地区</th>
            <th scope="col">公布日期</th>
          </tr>
        }
        row={(b: PublishedBatch) => (
          <tr>
            <th scope="row">{b.listing.institution.name}</th>
            <td>
              {b.listing.occupation.name}
              {b.listing.occupation.workType === undefined ? "" : `（${b.listing.occupation.workType}）`}
              <br />
              <span class="muted">{b.listing.occupation.code}</span>
            </td>
            <td class="nowrap">{levelName(b.listing.level as SkillLevel)}</td>
            <td>{spanText(b.listing.evaluationTime)}</td>
            <td>
              {b.listing.contact.name}
              <br />
              <a class="nowrap" href={`tel:${b.listing.contact.phone}`}>
                {b.listing.contact.phone}
              </a>
            </td>
            <td>{fullNameOf(b.listing.regionCode)}</td>
            <td class="nowrap">{b.publishedOn}</td>
          </tr>
        )}
      />
    </>
  )
}
