/**
 * `pnpm --filter @jineng/db backfill-log [chunk]`: enters the certificates issued before the transparency log
 * existed (issue #7; migration 0017) into it — an issued leaf each, and a revoked leaf for a revoked one — in
 * certificate-number order, `chunk` certificates (default 10,000) per transaction, printing progress to stderr.
 * Safe to interrupt and rerun: certificates already in the log are skipped; on a complete log it adds nothing.
 */
import { Effect } from "effect"
import { layerFromConfig } from "../Database.js"
import { DEFAULT_CHUNK, make as makeBackfill } from "../transparency/LogBackfill.js"
import { runCli } from "./runCli.js"

const USAGE = `用法：backfill-log [每个事务处理的证书数，默认 ${DEFAULT_CHUNK}]`

const program = Effect.gen(function* () {
  const [chunkArg] = process.argv.slice(2)
  const chunkSize = chunkArg === undefined ? DEFAULT_CHUNK : Number(chunkArg)
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    console.error(`参数“${chunkArg}”无效。${USAGE}`)
    return 2
  }
  const started = Date.now()
  const backfill = yield* makeBackfill
  const total = yield* backfill.run({
    chunkSize,
    onChunk: (p) =>
      Effect.sync(() =>
        console.error(
          `已检查 ${p.examined} 本证书，补记 ${p.certificates} 本（新增日志 ${p.leaves} 条），日志共 ${p.size} 条；用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`
        )
      )
  })
  console.error(
    total.certificates === 0
      ? `透明日志已完整：${total.examined} 本证书均已记入日志（日志共 ${total.size} 条），无需补记`
      : `补记完成：${total.certificates} 本证书记入透明日志（新增 ${total.leaves} 条），日志共 ${total.size} 条`
  )
  return 0
}).pipe(Effect.provide(layerFromConfig))

runCli("backfill-log", program)
