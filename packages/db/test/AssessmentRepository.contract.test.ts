/**
 * Contract of AssessmentRepository (54号·五 "高质量实施一年两次技能人才评价质量专项评估"): round trips for both kinds of
 * assessor, idempotent recording, an institution's history newest first, a half-year's list, and the schedule
 * rule reading from the store. Run against the domain's in-memory layerTest and every database of TestDatabases.
 */
import { describe, expect, layer } from "@effect/vitest"
import { AssessmentRepository } from "@jineng/domain/quality/AssessmentRepository"
import { assessmentSchedule } from "@jineng/domain/quality/AssessmentSchedule"
import { RecordedAssessment } from "@jineng/domain/quality/QualityAssessment"
import { Effect, Layer, Schema } from "effect"
import { SqlAssessmentRepository } from "../src/quality/SqlAssessmentRepository.js"
import { codePointOrder, TIE_SUFFIXES } from "./fixtures.js"
import { targets } from "./TestDatabases.js"

const implementations = [
  { name: "in-memory layerTest", layer: () => AssessmentRepository.layerTest() },
  ...targets.map((t) => ({
    name: t.name,
    // fresh, and the standalone `layer` rather than `it.layer`: @effect/vitest's `it.layer` turns into the nested
    // variant after its first call in a file, so later suites would be built on top of earlier ones.
    layer: () => Layer.fresh(SqlAssessmentRepository.layer).pipe(Layer.provide(t.layer()))
  }))
]

const CENTRE = { _tag: "provincial_appraisal_centre", name: "江苏省职业技能鉴定中心" } as const
const NANJING_BUREAU = {
  _tag: "bureau",
  level: "city",
  regionCode: "320100",
  name: "南京市人力资源和社会保障局"
} as const

const assessment = (
  id: string,
  institutionId: string,
  period: string,
  assessedOn: string,
  over: Partial<Omit<RecordedAssessment, "id">> = {}
): RecordedAssessment =>
  Schema.decodeUnknownSync(RecordedAssessment)({
    id,
    institutionId,
    period,
    assessedOn,
    assessor: CENTRE,
    result: "qualified",
    findings: "",
    ...over
  })

const A1 = assessment("qa_1", "inst_a", "2023-H1", "2023-05-10")
const A2 = assessment("qa_2", "inst_a", "2023-H2", "2023-11-20", {
  assessor: NANJING_BUREAU,
  result: "rectification_required",
  findings: "考评人员资质档案不全，限期 30 日整改"
})
const A3 = assessment("qa_3", "inst_a", "2023-H2", "2023-12-28", { findings: "整改完成，复评合格" })
const B1 = assessment("qa_4", "inst_b", "2023-H2", "2023-09-01", {
  result: "unqualified",
  findings: "未按批次公布评价计划"
})
const C1 = assessment("qa_5", "inst_c", "2023-H2", "2023-09-01")

describe.each(implementations)("54号·五 AssessmentRepository contract — $name", ({ layer: makeLayer }) => {
  layer(makeLayer(), { timeout: 60_000 })((it) => {
    it.effect("records assessments by either kind of assessor and reads them back equal", () =>
      Effect.gen(function* () {
        const repo = yield* AssessmentRepository
        for (const a of [A1, A2, A3, B1, C1]) yield* repo.record(a)
        const history = yield* repo.listByInstitution("inst_a")
        expect(history).toEqual([A3, A2, A1])
        expect(history[1]?.assessor).toEqual(NANJING_BUREAU)
        expect(yield* repo.listByInstitution("inst_unknown")).toEqual([])
      })
    )

    it.effect("is idempotent on the id: recording it again changes nothing", () =>
      Effect.gen(function* () {
        const repo = yield* AssessmentRepository
        yield* repo.record(A1)
        yield* repo.record({ ...A1, result: "unqualified", findings: "重复提交" })
        expect(yield* repo.listByInstitution("inst_a")).toEqual([A3, A2, A1])
      })
    )

    it.effect("lists a half-year's assessments by institution, then date", () =>
      Effect.gen(function* () {
        const repo = yield* AssessmentRepository
        expect(yield* repo.listByPeriod("2023-H2")).toEqual([A2, A3, B1, C1])
        expect(yield* repo.listByPeriod("2023-H1")).toEqual([A1])
        expect(yield* repo.listByPeriod("2024-H1")).toEqual([])
      })
    )

    it.effect("feeds the schedule rule: an institution's history shows what is overdue", () =>
      Effect.gen(function* () {
        const repo = yield* AssessmentRepository
        const listed = {
          id: "inst_b",
          statusHistory: [
            { status: "admitted" as const, date: "2023-01-15", reason: "准入", actor: "hrss-320000" }
          ]
        }
        const schedule = assessmentSchedule(listed, yield* repo.listByInstitution("inst_b"), "2024-03-01")
        expect(schedule.overdue).toEqual(["2023-H1"])
        expect(schedule.due).toBe("2024-H1")
      })
    )

    it.effect("breaks ties by institution and by id in code-point order, under any server locale", () =>
      Effect.gen(function* () {
        const repo = yield* AssessmentRepository
        const institutions = TIE_SUFFIXES.map((suffix) => `inst_${suffix}`)
        for (const [i, institutionId] of institutions.entries()) {
          yield* repo.record(assessment(`qa_p${i}`, institutionId, "2031-H1", "2031-03-01"))
        }
        expect((yield* repo.listByPeriod("2031-H1")).map((a) => a.institutionId)).toEqual(
          codePointOrder(institutions)
        )
        const ids = TIE_SUFFIXES.map((suffix) => `qa_${suffix}`)
        for (const id of ids) yield* repo.record(assessment(id, "inst_tie", "2031-H2", "2031-09-01"))
        expect((yield* repo.listByInstitution("inst_tie")).map((a) => a.id)).toEqual(
          codePointOrder(ids).reverse()
        )
      })
    )
  })
})
