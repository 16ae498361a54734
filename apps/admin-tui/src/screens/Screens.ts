/**
 * The screens of the menu, each shown only to roles that can use it (the actions of Permissions.ts as
 * GET /organisations/me lists them; domain.md §4): a key that cannot act on a screen never sees it.
 */
import type { Me } from "../api/AdminClient.js"
import { may, type ScreenId } from "./ScreenProps.js"

export interface ScreenEntry {
  readonly id: Exclude<ScreenId, "home">
  readonly title: string
  readonly summary: string
  readonly visible: (me: Me) => boolean
}

const any =
  (...actions: ReadonlyArray<string>) =>
  (me: Me) =>
    actions.some((a) => may(me, a))

export const SCREENS: ReadonlyArray<ScreenEntry> = [
  {
    id: "todo",
    title: "待办",
    summary: "待出具意见的备案、待办举报、到期评估、即将到期的授权",
    visible: any("filing.opinion", "report.handle", "assessment.record", "institution.change")
  },
  {
    id: "filings",
    title: "竞赛备案",
    summary: "竞赛与外地选手比例、应备案层级，逐级备案意见与会签（54号·二、附件1）",
    visible: any("filing.opinion", "filing.cosign")
  },
  {
    id: "institutions",
    title: "机构目录",
    summary: "查询、准入、变更范围、暂停、移出、历史（54号·五）",
    visible: () => true
  },
  {
    id: "revocations",
    title: "证书注销",
    summary: "按证书或批次预演、确认注销并启动信用核查联动（54号·五）",
    visible: any("revocation.preview")
  },
  {
    id: "reports",
    title: "举报处理",
    summary: "举报队列、指派、记录核实、办结（54号·五）",
    visible: any("report.handle")
  },
  {
    id: "assessments",
    title: "质量评估",
    summary: "一年两次专项评估的登记与历史（54号·五）",
    visible: any("assessment.record")
  },
  {
    id: "batches",
    title: "批次导入",
    summary: "从 .csv / .xlsx 导入评价结果、逐行校验并核发证书（54号·四）",
    visible: any("batch.issue")
  }
]

export const visibleScreens = (me: Me): ReadonlyArray<ScreenEntry> => SCREENS.filter((s) => s.visible(me))
