/**
 * The domain package's promises to other tools (issue #2 "Done when"): it imports nothing but `effect`, every
 * module bundles for the browser, and the built package runs on plain Node.
 */
import { execFileSync } from "node:child_process"
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { fileURLToPath } from "node:url"
import { build } from "esbuild"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("..", import.meta.url))
const src = join(root, "src")

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : []
  })

const modules = sourceFiles(src)

const importSpecifiers = (code: string): Array<string> =>
  [...code.matchAll(/(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s+["']([^"']+)["']/g)]
    .map((m) => m[1] as string)
    .concat([...code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] as string))

describe("@jineng/domain package boundary", () => {
  it("has modules to check", () => {
    expect(modules.length).toBeGreaterThan(20)
  })

  it("imports nothing but effect and its own modules", () => {
    const offenders = modules.flatMap((file) =>
      importSpecifiers(readFileSync(file, "utf8"))
        .filter(
          (s) => !s.startsWith("./") && !s.startsWith("../") && s !== "effect" && !s.startsWith("effect/")
        )
        .map((s) => `${relative(root, file)} imports ${s}`)
    )
    expect(offenders).toEqual([])
  })

  it("bundles every module for the browser (no Node built-ins, no I/O)", async () => {
    const result = await build({
      entryPoints: modules,
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      // Shared code (effect, the domain's own modules) bundled once into chunks, not once per entry point.
      splitting: true,
      outdir: "out",
      logLevel: "silent",
      conditions: ["@jineng/source"]
    })
    expect(result.errors).toEqual([])
    expect(result.outputFiles.length).toBeGreaterThanOrEqual(modules.length)
  }, 180_000)

  it("runs on plain Node from the built package (no TypeScript loader)", () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" })
    const script = `
      const id = await import("@jineng/domain/codes/ResidentIdNumber")
      const n = await import("@jineng/domain/codes/CertificateNumber")
      const f = await import("@jineng/domain/competition/FilingRequirement")
      console.log(JSON.stringify({
        valid: id.isResidentIdNumber("11010519491231002X"),
        invalid: id.isResidentIdNumber("110105194912310021"),
        number: n.deriveCertificateNumber({ type: "S", institutionCode: "0000", province: "32", siteSerial: "000001" }, 2024, 3, 1),
        filing: f.filingRequirement(11, 100).outcome
      }))`
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8"
    })
    expect(JSON.parse(out)).toEqual({
      valid: true,
      invalid: false,
      number: "S000032000001243000001",
      filing: "city"
    })
  }, 120_000)
})
