// Sums the vitest JSON reports of every workspace package and prints one closing line "N passed, N failed".
// Exits non-zero when a package with a test script left no report or ran no test: a suite that cannot run
// must fail loudly (DEVELOPERS.md).
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

let passed = 0
let failed = 0
let skipped = 0
const problems = []
for (const group of ["packages", "apps"]) {
  if (!existsSync(group)) continue
  for (const name of readdirSync(group)) {
    const dir = join(group, name)
    const manifest = join(dir, "package.json")
    if (!existsSync(manifest)) continue
    const pkg = JSON.parse(readFileSync(manifest, "utf8"))
    if (!pkg.scripts?.test) continue
    const report = join(dir, ".artifacts", "vitest-report.json")
    if (!existsSync(report)) {
      problems.push(`${pkg.name}: no test report (${report}) — the suite did not run`)
      continue
    }
    const r = JSON.parse(readFileSync(report, "utf8"))
    if (r.numTotalTests === 0) problems.push(`${pkg.name}: ran no test`)
    passed += r.numPassedTests
    failed += r.numFailedTests
    skipped += r.numPendingTests + (r.numTodoTests ?? 0)
    console.log(
      `${pkg.name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`
    )
  }
}
for (const p of problems) console.error(`ERROR ${p}`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(problems.length > 0 || failed > 0 ? 1 : 0)
