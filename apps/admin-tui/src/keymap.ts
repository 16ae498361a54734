/**
 * Every key of the terminal in one table (architecture §9, the Gemini CLI idea): a command name → the keys that
 * trigger it, the label the help footer shows and what it does (zh-CN). Screens ask `matches(KEYMAP.x, input,
 * key)` in their one useInput and list the commands they offer in their footer, so help and behaviour cannot
 * drift. Letter commands apply only outside text entry; in a form, typing goes to the field.
 */
import type { Key } from "ink"

type Named =
  | "upArrow"
  | "downArrow"
  | "leftArrow"
  | "rightArrow"
  | "pageUp"
  | "pageDown"
  | "return"
  | "escape"
  | "tab"

export interface KeySpec {
  /** A printable key, e.g. "q" (case-sensitive). */
  readonly input?: string
  /** A named key. */
  readonly name?: Named
  readonly shift?: boolean
  /** With Ctrl (for commands that must work while typing in a form). */
  readonly ctrl?: boolean
}

export interface Binding {
  readonly keys: ReadonlyArray<KeySpec>
  /** How the footer names the key(s). */
  readonly label: string
  /** What the command does (zh-CN). */
  readonly help: string
}

const bind = (label: string, help: string, ...keys: ReadonlyArray<KeySpec>): Binding => ({
  keys,
  label,
  help
})

export const KEYMAP = {
  // Everywhere
  quit: bind("q", "退出", { input: "q" }),
  back: bind("Esc", "返回", { name: "escape" }),
  cancel: bind("Esc", "取消", { name: "escape" }),
  up: bind("↑", "上移", { name: "upArrow" }),
  down: bind("↓", "下移", { name: "downArrow" }),
  move: bind("↑↓", "移动", { name: "upArrow" }, { name: "downArrow" }),
  pageUp: bind("PgUp", "上一页", { name: "pageUp" }),
  pageDown: bind("PgDn", "下一页", { name: "pageDown" }),
  page: bind("PgUp/PgDn", "翻页", { name: "pageUp" }, { name: "pageDown" }),
  open: bind("Enter", "打开", { name: "return" }),
  refresh: bind("r", "刷新", { input: "r" }),
  filter: bind("/", "筛选", { input: "/" }),
  // Forms
  nextField: bind("Tab", "下一项", { name: "tab", shift: false }, { name: "downArrow" }),
  previousField: bind("S-Tab", "上一项", { name: "tab", shift: true }, { name: "upArrow" }),
  choose: bind("←→", "选择", { name: "leftArrow" }, { name: "rightArrow" }),
  confirmField: bind("Enter", "确定/提交", { name: "return" }),
  // 竞赛备案
  openFiling: bind("f", "按备案编号打开", { input: "f" }),
  opinion: bind("o", "填写意见", { input: "o" }),
  coSign: bind("c", "会签", { input: "c" }),
  // 机构目录
  admit: bind("a", "准入", { input: "a" }),
  editScope: bind("e", "变更范围", { input: "e" }),
  suspend: bind("s", "暂停", { input: "s" }),
  remove: bind("x", "移出", { input: "x" }),
  readmit: bind("u", "恢复/重新准入", { input: "u" }),
  history: bind("h", "历史", { input: "h" }),
  // 证书注销
  preview: bind("Enter", "预演（不改动）", { name: "return" }),
  confirmExecute: bind("Enter", "按输入的数量确认执行", { name: "return" }),
  // 举报处理
  assign: bind("a", "指派", { input: "a" }),
  verify: bind("v", "记录核实", { input: "v" }),
  resolve: bind("d", "办结", { input: "d" }),
  cycleStatus: bind("Tab", "切换状态", { name: "tab" }),
  // 质量评估
  record: bind("n", "登记评估", { input: "n" }),
  // 批次导入
  template: bind("Ctrl+T", "导出模板", { input: "t", ctrl: true }),
  recheck: bind("r", "重新读取", { input: "r" }),
  excludeFailing: bind("x", "排除/保留有误行", { input: "x" }),
  submit: bind("y", "提交核发", { input: "y" })
} as const satisfies Record<string, Binding>

export type Command = keyof typeof KEYMAP

const NAMED: Record<Named, (key: Key) => boolean> = {
  upArrow: (k) => k.upArrow,
  downArrow: (k) => k.downArrow,
  leftArrow: (k) => k.leftArrow,
  rightArrow: (k) => k.rightArrow,
  pageUp: (k) => k.pageUp,
  pageDown: (k) => k.pageDown,
  return: (k) => k.return,
  escape: (k) => k.escape,
  tab: (k) => k.tab
}

const matchesSpec = (spec: KeySpec, input: string, key: Key): boolean => {
  if (spec.shift !== undefined && spec.shift !== key.shift) return false
  if (spec.name !== undefined) return NAMED[spec.name](key)
  if (spec.ctrl === true) return key.ctrl && spec.input === input
  return !key.ctrl && !key.meta && spec.input === input
}

/** true when the key pressed is one of the command's keys. */
export const matches = (binding: Binding, input: string, key: Key): boolean =>
  binding.keys.some((spec) => matchesSpec(spec, input, key))

/** The footer line for the given commands: "↑↓ 移动  Enter 打开  Esc 返回". */
export const helpLine = (commands: ReadonlyArray<Command>): string =>
  commands.map((c) => `${KEYMAP[c].label} ${KEYMAP[c].help}`).join("  ")
