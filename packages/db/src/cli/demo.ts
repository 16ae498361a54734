/**
 * `pnpm --filter @jineng/db demo [tiny|small|medium|large] [seed]`: fills the database named by the environment
 * (SQLITE_FILE or DATABASE_URL) with the deterministic demo registry and prints what it made.
 */
import { todayInBeijing } from "@jineng/domain/time/Today"
import { Effect } from "effect"
import { DatabaseConfig } from "../Database.js"
import { DEMO_SIZES, type DemoSize, generateDemo } from "../demo/DemoData.js"
import { seedOccupations } from "../demo/DemoSeed.js"
import * as Registry from "../Registry.js"
import { runCli } from "./runCli.js"

const USAGE = `用法：demo [${Object.keys(DEMO_SIZES).join("|")}] [seed=N] [institutions=N] [batchesPerInstitution=N] [candidatesPerBatch=N] [competitions=N] [reports=N]`

const [sizeName = "small", ...overrides] = process.argv.slice(2)

const program = Effect.gen(function* () {
  const preset: DemoSize | undefined = DEMO_SIZES[sizeName as keyof typeof DEMO_SIZES]
  if (preset === undefined) {
    console.error(`未知的规模“${sizeName}”。${USAGE}`)
    return 2
  }
  let size: DemoSize = preset
  let seedArg = "20220501"
  for (const o of overrides) {
    const [key = "", value = ""] = o.split("=")
    const n = Number(value)
    if (!Number.isInteger(n) || n < 0 || !(key === "seed" || key in preset)) {
      console.error(`参数“${o}”无效。${USAGE}`)
      return 2
    }
    if (key === "seed") seedArg = value
    else size = { ...size, [key]: n }
  }
  const target = yield* DatabaseConfig
  const today = yield* todayInBeijing
  const started = Date.now()
  const generated = yield* generateDemo({
    size,
    seed: Number(seedArg),
    occupations: seedOccupations(),
    today
  }).pipe(Effect.either, Effect.provide(Registry.layer(target)))
  if (generated._tag === "Left") {
    console.error(generated.left.message)
    return 1
  }
  const summary = generated.right
  console.log(
    `演示数据已生成（规模 ${sizeName}，种子 ${seedArg}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`
  )
  console.log(
    `评价机构 ${summary.institutions} 家；评价批次 ${summary.batches} 个；证书 ${summary.certificates} 本（已注销 ${summary.revokedCertificates} 本）；` +
      `竞赛 ${summary.competitions} 项（备案 ${summary.filings} 件）；质量评估 ${summary.assessments} 次；举报 ${summary.reports} 件`
  )
  for (const s of summary.samples)
    console.log(`  证书 ${s.number}  ${s.name}  ${s.idNumber}  ${s.status === "valid" ? "有效" : "已注销"}`)
  return 0
})

runCli("demo", program)
