/**
 * `pnpm --filter @jineng/db import-catalogue <file.jsonl>`: loads the 大典 occupation catalogue (54号·三) into the
 * database named by the environment (DATABASE_URL or SQLITE_FILE). A file with any malformed line is refused
 * whole, before the database is opened: every bad line is printed with its number, exit 1.
 */
import { readFileSync } from "node:fs"
import { Effect, Either, Layer } from "effect"
import { formatProblem, formatReport, importCatalogue, parseCatalogue } from "../catalogue/CatalogueImport.js"
import { SqlStandardRepository } from "../catalogue/SqlStandardRepository.js"
import { layerFromConfig } from "../Database.js"
import * as SqlTransactional from "../SqlTransactional.js"
import { runCli } from "./runCli.js"

const program = Effect.gen(function* () {
  const file = process.argv[2]
  if (file === undefined) {
    console.error("用法：import-catalogue <职业目录文件.jsonl>")
    return 1
  }
  const text = yield* Effect.try({
    try: () => readFileSync(file, "utf8"),
    catch: (cause) => new Error(`无法读取文件 ${file}`, { cause })
  })
  const parsed = parseCatalogue(text)
  if (Either.isLeft(parsed)) {
    console.error(`${file}：${parsed.left.length} 行格式有误，整个文件未导入：`)
    for (const problem of parsed.left) console.error(formatProblem(problem))
    return 1
  }
  const report = yield* importCatalogue(parsed.right).pipe(
    Effect.provide(
      Layer.mergeAll(SqlStandardRepository.layer, SqlTransactional.layer).pipe(Layer.provide(layerFromConfig))
    )
  )
  console.log(`${file}：`)
  for (const line of formatReport(report)) console.log(line)
  return 0
})

runCli("import-catalogue", program)
