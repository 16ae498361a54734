/**
 * `pnpm --filter @jineng/db demo [tiny|small|medium|large] [seed]`: fills the database named by the environment
 * (SQLITE_FILE or DATABASE_URL) with the deterministic demo registry and prints what it made.
 */
import { Effect } from "effect"
import { DatabaseConfig } from "../Database.js"
import { DEMO_SIZES, generateDemo } from "../demo/DemoData.js"
import { seedOccupations } from "../demo/DemoSeed.js"
import * as Registry from "../Registry.js"
import { runCli } from "./runCli.js"

const [sizeName = "small", seedArg = "20220501"] = process.argv.slice(2)

const program = Effect.gen(function* () {
  const size = DEMO_SIZES[sizeName as keyof typeof DEMO_SIZES]
  if (size === undefined) {
    console.error(`未知的规模“${sizeName}”；可选：${Object.keys(DEMO_SIZES).join("、")}`)
    return 2
  }
  const target = yield* DatabaseConfig
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const started = Date.now()
  const summary = yield* generateDemo({
    size,
    seed: Number(seedArg),
    occupations: seedOccupations(),
    today
  }).pipe(Effect.provide(Registry.layer(target)))
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
