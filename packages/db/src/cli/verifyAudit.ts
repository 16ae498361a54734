/** `pnpm --filter @jineng/db verify-audit`: walks the audit trail's hash chain; exit 1 at the first broken entry. */
import { Effect, Layer } from "effect"
import { SqlAuditTrail } from "../audit/SqlAuditTrail.js"
import { layerFromConfig } from "../Database.js"
import { runCli } from "./runCli.js"

const PROBLEMS = {
  missing: "该序号的记录缺失（被删除）",
  hash_mismatch: "记录内容与其哈希不符（被修改）",
  chain_mismatch: "记录未链接到前一条记录（被替换或插入）",
  head_mismatch: "链尾与登记的最新记录不符（末尾记录被删除）"
} as const

const program = Effect.gen(function* () {
  const result = yield* (yield* SqlAuditTrail).verify
  if (result.ok) {
    console.log(`审计链完整：共 ${result.entries} 条记录，逐条哈希校验通过`)
    return 0
  }
  console.error(
    `审计链断裂：第 ${result.firstBrokenSeq} 条 — ${PROBLEMS[result.problem]}；此前 ${result.entries} 条校验通过`
  )
  return 1
}).pipe(Effect.provide(SqlAuditTrail.Default.pipe(Layer.provide(layerFromConfig))))

runCli("verify-audit", program)
