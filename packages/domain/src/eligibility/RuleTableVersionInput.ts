/**
 * A new dated version of an eligibility rule table as the province publishes it (domain.md §2 "let an
 * administrator replace the table with a new dated version"): version id, effective date, whether it is still
 * provisional, its provenance (the document it transcribes and a note) and at least one row. Who published it is
 * the acting organisation, not a field. The 贯通 table names each title level once (TitleRoute reads one row per
 * level). Messages zh-CN, naming the field.
 */
import { Schema } from "effect"
import { Id, required, Text } from "../shared/FieldSchema.js"
import { LocalDate } from "../time/LocalDateSchema.js"
import { CompetitionPromotionRow } from "./CompetitionPromotionSchema.js"
import { TITLE_LEVEL_NAMES } from "./TitleBridge.js"
import { TitleBridgeRow } from "./TitleBridgeSchema.js"

const Provenance = Schema.Struct({
  source: required(Text("规则依据（文件名称或文号）"), "规则依据"),
  note: required(Text("制定说明", 4000), "制定说明")
}).annotations({ message: () => "规则来源应为对象（规则依据、制定说明）" })

const versionInput = <A, I>(row: Schema.Schema<A, I>, rowsLabel: string) =>
  Schema.Struct({
    version: required(Id("版本号"), "版本号"),
    effectiveFrom: required(LocalDate, "生效日期"),
    provisional: Schema.optionalWith(
      Schema.Boolean.annotations({ message: () => "是否暂定应为 true 或 false" }),
      { default: () => false }
    ),
    provenance: required(Provenance, "规则来源"),
    rows: required(
      Schema.Tuple(
        [Schema.element(row).annotations({ missingMessage: () => `${rowsLabel}至少应有一行` })],
        row
      ).annotations({ message: () => `${rowsLabel}应为列表` }),
      rowsLabel
    )
  })

export const TitleBridgeVersionInput = versionInput(TitleBridgeRow, "贯通规则行")
  .pipe(
    Schema.filter((v) => {
      const seen = new Set<string>()
      for (const r of v.rows) {
        if (seen.has(r.titleLevel))
          return { path: ["rows"], message: `贯通规则表中${TITLE_LEVEL_NAMES[r.titleLevel]}职称只能有一行` }
        seen.add(r.titleLevel)
      }
      return true
    })
  )
  .annotations({ identifier: "TitleBridgeVersionInput", title: "专业技术资格贯通规则表新版本" })
export type TitleBridgeVersionInput = typeof TitleBridgeVersionInput.Type

export const CompetitionPromotionVersionInput = versionInput(
  CompetitionPromotionRow,
  "竞赛晋升规则行"
).annotations({
  identifier: "CompetitionPromotionVersionInput",
  title: "竞赛名次晋升规则表新版本"
})
export type CompetitionPromotionVersionInput = typeof CompetitionPromotionVersionInput.Type
