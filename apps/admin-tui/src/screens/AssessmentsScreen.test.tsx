import type { AssessmentSubmission } from "@jineng/domain/quality/QualityAssessment"
import { afterEach, describe, expect, it } from "vitest"
import { ok } from "../../test/FakeClient.js"
import { KEY, press, type, waitFor } from "../../test/Keys.js"
import { renderScreen } from "../../test/RenderScreen.js"
import { AssessmentsScreen } from "./AssessmentsScreen.js"

let current: ReturnType<typeof renderScreen> | undefined
afterEach(() => current?.app.unmount())

describe("AssessmentsScreen", () => {
  it("shows an institution's half-year schedule and its assessments", async () => {
    current = renderScreen(AssessmentsScreen, "provincial_appraisal_centre", {
      client: {
        assessments: async () =>
          ok({
            items: [
              {
                id: "qa-0",
                institutionId: "inst-0001",
                period: "2024-H1",
                assessedOn: "2024-05-10",
                assessor: { _tag: "provincial_appraisal_centre", name: "江苏省职业技能鉴定中心" },
                result: "rectification_required",
                findings: "考务档案不完整，须限期整改"
              }
            ],
            total: 1,
            limit: 8,
            offset: 0
          })
      }
    })
    const { app, fake } = current
    await waitFor(app, "本辖区评价机构", "江苏匠心职业技能评价中心")
    expect(fake.argsOf("institutions")[0]?.[0]).toMatchObject({ regionCode: undefined })
    await press(app, KEY.enter)
    await waitFor(
      app,
      "有逾期未评估的半年；待评估：2025年上半年；逾期：2024年下半年",
      "2024年上半年",
      "限期整改",
      "考务档案不完整"
    )
    expect(fake.argsOf("assessmentSchedule")[0]?.slice(0, 2)).toEqual(["inst-0001", "2025-03-10"])
  })

  it("records an assessment for the due half-year, refusing first a 不合格 without findings", async () => {
    current = renderScreen(AssessmentsScreen, "province")
    const { app, fake } = current
    await waitFor(app, "江苏匠心职业技能评价中心")
    await press(app, KEY.enter)
    await waitFor(app, "n 登记评估")
    await press(app, "n")
    await waitFor(app, "登记专项评估", "评估期间         2025-H1", "评估日期         2025-03-10")
    await press(app, KEY.tab, KEY.tab, KEY.left)
    await waitFor(app, "[不合格]")
    await press(app, KEY.tab, KEY.tab, KEY.enter)
    await waitFor(app, "评估结论为“不合格”时应写明评估发现的问题")
    expect(fake.argsOf("recordAssessment")).toHaveLength(0)
    await waitFor(app, "› 评估发现")
    await type(app, "未按规定组织考评人员回避")
    await press(app, KEY.enter, KEY.enter)
    await waitFor(app, "已登记 2025年上半年 专项评估：不合格")
    expect(fake.argsOf("recordAssessment")[0]?.[0] as AssessmentSubmission).toEqual({
      institutionId: "inst-0001",
      period: "2025-H1",
      assessedOn: "2025-03-10",
      result: "unqualified",
      findings: "未按规定组织考评人员回避"
    })
  })
})
