/** Skills competitions (54号·二, 附件1) for the tests: contestants by region, a compliant 区(县)级 competition. */
import { Schema } from "effect"
import { Competition } from "../src/competition/Competition.js"

/** `n` contestants from `regionCode`, with ids "<regionCode>-<i>". */
export const people = (regionCode: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${regionCode}-${i}`, regionCode }))

/** The one event 焊工, whole occupation, its occupation named with the 工种 电焊工. */
export const welderEvents = [
  { name: "焊工", occupations: [{ code: "6-18-02-04", name: "焊工", workType: "电焊工" }], scope: "whole" }
]

/**
 * The encoded fields of 2023年玄武区焊工职业技能竞赛: 区(县)级 职工组, hosted by 玄武区人社局, on 2023-06-01/02, one
 * event 焊工, no fees, 10 contestants from 玄武区 and 3 from 秦淮区 (3 of 13, 23%: filed with the 设区市 bureau).
 */
export const competitionFields = {
  id: "cmp_1",
  name: "2023年玄武区焊工职业技能竞赛",
  class: "county",
  group: "worker",
  host: { name: "玄武区人力资源和社会保障局", creditCode: "91350100M000100Y43", regionCode: "320102" },
  regionCode: "320102",
  startsOn: "2023-06-01",
  endsOn: "2023-06-02",
  events: [{ name: "焊工", occupations: [{ code: "6-18-02-04", name: "焊工" }], scope: "whole" }],
  fees: [],
  contestants: [...people("320102", 10), ...people("320104", 3)]
}

/** `competitionFields` with `over` applied, decoded. */
export const competition = (over: Record<string, unknown> = {}): Competition =>
  Schema.decodeUnknownSync(Competition)({ ...competitionFields, ...over })
