/** `pnpm --filter @jineng/db migrate`: applies pending migrations to the database named by the environment. */
import { Effect } from "effect"
import { clientLayer, DatabaseConfig } from "../Database.js"
import { Migrations } from "../Migrations.js"
import { runCli } from "./runCli.js"

const program = Effect.gen(function* () {
  const target = yield* DatabaseConfig
  const applied = yield* Migrations.run.pipe(Effect.provide(clientLayer(target)))
  const where = target._tag === "sqlite" ? `SQLite ${target.filename}` : "PostgreSQL (DATABASE_URL)"
  if (applied.length === 0) console.log(`${where}：已是最新结构，无待执行的迁移`)
  for (const [id, name] of applied) console.log(`${where}：已执行迁移 ${String(id).padStart(4, "0")} ${name}`)
  return 0
})

runCli("migrate", program)
