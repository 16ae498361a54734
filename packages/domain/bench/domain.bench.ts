/**
 * Domain benchmark (issue #2): eligibility decisions per second (mixed routes, full reasons) and resident-ID
 * validations per second, each with a ratio against a baseline measured in the same process. Targets on one
 * core of the reference machines: ≥ 200,000 decisions/s and ≥ 2,000,000 ID validations/s.
 * Run: `pnpm --filter @jineng/domain bench` (pinned to one core with taskset when available).
 */

import { jiangsuCounties } from "../src/codes/Region.js"
import { checkCharacter, isResidentIdNumber } from "../src/codes/ResidentIdNumber.js"
import { makeDate } from "../src/time/LocalDate.js"
import { run as runEligibility } from "./eligibility.bench.js"
import { fmt, type Measurement, measure } from "./measure.js"

/** A deterministic pseudo-random source (mulberry32). */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const sampleIds = (n: number): Array<string> => {
  const next = random(2022_05_01)
  const ids: Array<string> = []
  for (let i = 0; i < n; i++) {
    const county = jiangsuCounties[Math.floor(next() * jiangsuCounties.length)]?.code ?? "320102"
    const birth = makeDate(
      1950 + Math.floor(next() * 55),
      1 + Math.floor(next() * 12),
      1 + Math.floor(next() * 28)
    )
    const seq = String(Math.floor(next() * 1000)).padStart(3, "0")
    const first17 = `${county}${birth.replaceAll("-", "")}${seq}`
    const id = first17 + checkCharacter(first17)
    // one in ten is corrupted in one position, as real input would be
    ids.push(i % 10 === 9 ? `${id.slice(0, 16)}${(Number(id[16]) + 1) % 10}${id[17]}` : id)
  }
  return ids
}

/** Baseline: the usual way ID checks are written (regex, Date, split/reduce). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const naiveIsResidentId = (id: string): boolean => {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  const y = Number(id.substring(6, 10))
  const m = Number(id.substring(10, 12))
  const d = Number(id.substring(12, 14))
  const date = new Date(y, m - 1, d)
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return false
  const sum = id
    .slice(0, 17)
    .split("")
    .reduce((s, c, i) => s + Number(c) * (WEIGHTS[i] ?? 0), 0)
  return "10X98765432"[sum % 11] === id.charAt(17).toUpperCase()
}

const report = (m: Measurement, target: number, baseline: Measurement) =>
  console.log(
    `${m.name.padEnd(34)} ${fmt(m.opsPerSecond).padStart(12)} /s  ${m.nsPerOp.toFixed(0).padStart(6)} ns/op  ` +
      `target ${fmt(target)} /s (×${(m.opsPerSecond / target).toFixed(2)})  ` +
      `vs baseline "${baseline.name}" ×${(m.opsPerSecond / baseline.opsPerSecond).toFixed(2)}`
  )

const main = () => {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`)

  const ids = sampleIds(100_000)
  const naive = measure("naive ID check (regex+Date+reduce)", ids, naiveIsResidentId)
  const ours = measure("ID validations (GB 11643)", ids, isResidentIdNumber)
  console.log(`${naive.name.padEnd(34)} ${fmt(naive.opsPerSecond).padStart(12)} /s  (baseline)`)
  report(ours, 2_000_000, naive)

  runEligibility(report)
}

main()
