/**
 * `pnpm --filter @jineng/web size`: the JavaScript the lookup page (the home page, "/") loads before it can be
 * used — the entry script of dist/index.html and every chunk it imports statically, from Vite's manifest —
 * gzipped at level 9, against the 60 KB budget of issue 5. Run after `vite build`; exits 1 over budget.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"

const BUDGET = 60 * 1024
const dist = fileURLToPath(new URL("../dist", import.meta.url))

interface Chunk {
  readonly file: string
  readonly isEntry?: boolean
  readonly imports?: ReadonlyArray<string>
}

const initialScripts = (root: string): ReadonlyArray<string> => {
  const manifest = JSON.parse(readFileSync(join(root, ".vite/manifest.json"), "utf8")) as Record<
    string,
    Chunk
  >
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (chunk === undefined || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry === true) visit(key)
  return [...files].filter((f) => f.endsWith(".js"))
}

const main = () => {
  const rows = initialScripts(dist).map((file) => {
    const bytes = readFileSync(join(dist, file))
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  })
  const total = rows.reduce((sum, r) => sum + r.gzip, 0)
  for (const r of rows)
    console.log(`${r.file}  ${(r.raw / 1024).toFixed(1)} KB, gzip ${(r.gzip / 1024).toFixed(1)} KB`)
  console.log(
    `证书查询页首屏 JavaScript（gzip）：${(total / 1024).toFixed(1)} KB，预算 ${BUDGET / 1024} KB${total > BUDGET ? "，超出预算" : ""}`
  )
  if (total > BUDGET) process.exitCode = 1
}

main()
