/**
 * One competition as GET /api/competitions/:competitionId answers it: what it is (类别, 组别, 主办单位, 地区, 时间,
 * 赛项), the out-of-region computation of its review (counts, share and the filing the share requires, the
 * cross-region route, the filing required, each with its citation; 54号·二), the review's outcome, and its filings
 * (附件1) as a table to choose from. Pure: props in, Text out.
 */
import { COMPETITION_GROUP_NAMES } from "@jineng/domain/competition/Competition"
import { competitionClassName } from "@jineng/domain/competition/CompetitionClass"
import { CROSS_REGION_ROUTE_NAMES } from "@jineng/domain/competition/CrossRegionRoute"
import { FILING_REQUIREMENT_NAMES } from "@jineng/domain/competition/FilingRequirement"
import { Text } from "ink"
import type { CompetitionDetail } from "../api/AdminClient.js"
import { Table } from "../components/Table.js"
import { clip } from "../components/TextWidth.js"
import { citationsText, failuresText, percent } from "./DecisionText.js"
import { ProvisionalLine } from "./FilingDetail.js"
import { FILING_STATUS_NAMES, LEVEL_SHORT, REVIEW_OUTCOME_NAMES } from "./FilingText.js"
import { regionFullName, regionShortName } from "./RegionName.js"

/** Filing rows shown at once. */
export const FILING_ROWS = 3

export const CompetitionPanel = ({
  detail,
  selected
}: {
  readonly detail: CompetitionDetail
  readonly selected: number
}) => {
  const { competition: c, review, filings } = detail
  const { share, route, requiredFiling } = review
  const events = c.events
    .map(
      (e) =>
        `${e.name}：${e.occupations.map((o) => `${o.name}${o.workType === undefined ? "" : `·${o.workType}`}（${o.code}）`).join("、")}`
    )
    .join("；")
  const outside = route.outside.map(regionShortName).join("、")
  const failures = failuresText(review)
  return (
    <>
      <Text bold>{clip(`竞赛 ${c.id}：${c.name}`, 78)}</Text>
      <Text>
        {clip(
          `类别：${competitionClassName(c.class)}（${COMPETITION_GROUP_NAMES[c.group]}）  地区：${regionFullName(c.regionCode)}  举办：${c.startsOn} 至 ${c.endsOn}`,
          78
        )}
      </Text>
      <Text>{clip(`主办单位：${c.host.name}（${regionFullName(c.host.regionCode)}）`, 78)}</Text>
      <Text>{clip(`赛项：${events}`, 78)}</Text>
      <Text>
        {clip(
          `外地选手 ${share.seen.outOfRegion}/${share.seen.total} 人（${percent(share.seen.outOfRegion, share.seen.total)}）→ ${FILING_REQUIREMENT_NAMES[share.outcome]}（${citationsText(share)}）`,
          78
        )}
      </Text>
      <Text>
        {clip(
          `跨区域办赛：${CROSS_REGION_ROUTE_NAMES[route.outcome]}${outside === "" ? "" : `（区外参赛地区：${outside}）`}（${citationsText(route)}）`,
          156
        )}
      </Text>
      <Text bold>
        {clip(
          `应备案层级：${FILING_REQUIREMENT_NAMES[requiredFiling.outcome]}（${citationsText(requiredFiling)}）`,
          78
        )}
      </Text>
      <Text>
        {clip(`判定：${REVIEW_OUTCOME_NAMES[review.outcome]}${failures === "" ? "" : `：${failures}`}`, 156)}
      </Text>
      <ProvisionalLine notes={review.provisional} />
      <Text bold>备案（附件1）：</Text>
      <Table
        columns={[
          // Filing ids are "fil_" and 32 hex digits (IdGenerator).
          { title: "备案编号", width: 36 },
          { title: "状态", width: 10 },
          { title: "待出具意见", width: 12 },
          { title: "提交日期", width: 10 }
        ]}
        rows={filings.map(({ filing, nextLevel }) => [
          filing.id,
          FILING_STATUS_NAMES[filing.status],
          nextLevel === null ? "—" : LEVEL_SHORT[nextLevel],
          filing.submittedOn
        ])}
        selected={filings.length === 0 ? undefined : selected}
        height={FILING_ROWS}
        empty="尚未提交备案"
      />
    </>
  )
}
