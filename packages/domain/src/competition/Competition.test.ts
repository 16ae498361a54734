import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { COMPETITION_GROUP_NAMES, Competition } from "./Competition.js"

const valid = {
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
  contestants: [
    { id: "p1", regionCode: "320102" },
    { id: "p2", regionCode: "330102" }
  ]
}

const decode = Schema.decodeUnknownEither(Competition)

describe("Competition model (54号·二, domain.md §3)", () => {
  it("decodes a competition with contestants from any province", () => {
    const c = decode(valid)
    expect(Either.isRight(c)).toBe(true)
  })

  const broken: ReadonlyArray<readonly [string, unknown]> = [
    [
      "an invalid unified social credit code",
      { ...valid, host: { ...valid.host, creditCode: "91350100M000100Y44" } }
    ],
    ["an unknown Jiangsu region code", { ...valid, regionCode: "320199" }],
    ["a malformed contestant region", { ...valid, contestants: [{ id: "p", regionCode: "99" }] }],
    ["a negative fee", { ...valid, fees: [{ kind: "registration", amount: -1 }] }],
    ["an unknown fee kind", { ...valid, fees: [{ kind: "tip", amount: 0 }] }],
    [
      "a malformed occupation code",
      { ...valid, events: [{ ...valid.events[0], occupations: [{ code: "6-18", name: "x" }] }] }
    ],
    ["an unknown event scope", { ...valid, events: [{ ...valid.events[0], scope: "most" }] }],
    ["an impossible date", { ...valid, startsOn: "2023-02-30" }],
    ["an unknown class", { ...valid, class: "national" }],
    ["an unknown group", { ...valid, group: "youth" }]
  ]
  it.each(broken)("refuses %s", (_name, input) => {
    expect(Either.isLeft(decode(input))).toBe(true)
  })

  it("names the groups 职工组 and 学生组", () => {
    expect(COMPETITION_GROUP_NAMES).toEqual({ worker: "职工组", student: "学生组" })
  })
})
