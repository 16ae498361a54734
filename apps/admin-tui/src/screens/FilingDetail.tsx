/**
 * One filing as 附件1 prints it (主办单位, 竞赛名称, 申报类型, 赛项设置, 涉及参赛地区), its out-of-region computation
 * (counts, share, the filing it requires, the cross-region route; 54号·二), the opinions level by level and the
 * co-signatures. Pure: props in, Text out.
 */
import { CROSS_REGION_ROUTE_NAMES } from "@jineng/domain/competition/CrossRegionRoute"
import { OPINION_VERDICT_NAMES } from "@jineng/domain/competition/Filing"
import type { FilingLevel } from "@jineng/domain/competition/FilingLevel"
import { FILING_REQUIREMENT_NAMES } from "@jineng/domain/competition/FilingRequirement"
import type { ProvisionalNote } from "@jineng/domain/rule/Decision"
import { Text } from "ink"
import type { FilingView } from "../api/AdminClient.js"
import { clip } from "../components/TextWidth.js"
import { failuresText, percent } from "./DecisionText.js"
import { FILING_STATUS_NAMES, LEVEL_SHORT } from "./FilingText.js"
import { regionFullName } from "./RegionName.js"

/** The first provisional reading a decision rests on, and how many there are (nothing when there is none). */
export const ProvisionalLine = ({ notes }: { readonly notes: ReadonlyArray<ProvisionalNote> }) =>
  notes.length === 0 ? null : (
    <Text dimColor>{clip(`待确认的解释：${notes[0]?.reason ?? ""}（共 ${notes.length} 条）`, 78)}</Text>
  )

export const FilingDetail = ({
  view,
  myLevel
}: {
  readonly view: FilingView
  readonly myLevel: FilingLevel | undefined
}) => {
  const { filing, nextLevel, incentives } = view
  const pending = filing.levels.slice(filing.opinions.length)
  const lost = incentives.outcome === "lost"
  return (
    <>
      <Text bold>{clip(`备案 ${filing.id}（竞赛 ${filing.competitionId}）`, 78)}</Text>
      <Text bold>
        {`状态：${FILING_STATUS_NAMES[filing.status]}  待出具意见：${nextLevel === null ? "—" : LEVEL_SHORT[nextLevel]}${nextLevel !== null && nextLevel === myLevel ? "（本级）" : ""}`}
      </Text>
      <Text>{clip(`主办单位：${filing.form.host}`, 78)}</Text>
      <Text>{clip(`竞赛名称：${filing.form.competitionName}`, 78)}</Text>
      <Text>{`申报类型：${filing.form.declarationType}  竞赛开始：${filing.competitionStartsOn}  提交：${filing.submittedOn}`}</Text>
      <Text>{clip(`赛项设置：${filing.form.events.join("；")}`, 78)}</Text>
      <Text>{clip(`涉及参赛地区：${filing.form.regions.map((r) => r.name).join("、")}`, 78)}</Text>
      <Text>
        {clip(
          `外地选手 ${filing.share.outOfRegion}/${filing.share.total} 人（${percent(filing.share.outOfRegion, filing.share.total)}）→ ${FILING_REQUIREMENT_NAMES[filing.shareRequirement]}（54号·二）`,
          78
        )}
      </Text>
      <Text>{clip(`跨区域办赛：${CROSS_REGION_ROUTE_NAMES[filing.route]}`, 78)}</Text>
      <Text>
        {clip(
          `应备案层级：${filing.required === "province" ? "省人社厅" : "设区市人社局"}；意见层级：${filing.levels.map((l) => LEVEL_SHORT[l]).join(" → ")}`,
          78
        )}
      </Text>
      <Text>{clip(`支持激励政策：${lost ? `失去（${failuresText(incentives)}）` : "保留"}`, 78)}</Text>
      <Text bold>意见（附件1）：</Text>
      {filing.opinions.map((o) => (
        <Text key={o.level}>
          {clip(`  ${LEVEL_SHORT[o.level]}  ${OPINION_VERDICT_NAMES[o.verdict]}  ${o.date}  ${o.text}`, 78)}
        </Text>
      ))}
      {filing.status === "in_review"
        ? pending.map((l) => <Text key={l}>{`  ${LEVEL_SHORT[l]}  （待填写）`}</Text>)
        : null}
      {filing.coSignatures.length === 0 ? null : (
        <Text>
          {clip(
            `会签：${filing.coSignatures.map((c) => `${regionFullName(c.province)}${c.signed === undefined ? "未会签" : `已会签 ${c.signed.date}`}`).join("；")}`,
            78
          )}
        </Text>
      )}
      <ProvisionalLine notes={filing.provisional} />
    </>
  )
}
