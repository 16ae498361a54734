/**
 * A separate process that issues certificates into a shared registry, for the multi-process tests.
 * argv: <target JSON> <mode> <worker> <batches> <batchSize> [start marker file]
 *   mode "issue": connects (and migrates), prints "READY", waits until the start marker file exists (so that
 *                 every worker starts issuing at the same moment), issues the batches — levels 3, 4, 5 in an
 *                 order depending on the worker, so the serial counters are shared in different orders — and
 *                 prints {"numbers": […], "startedAt": ms, "finishedAt": ms}.
 *   mode "hold":  issues one batch inside an outer Transactional.run, prints "INSERTED" and waits forever (to
 *                 be killed).
 *   mode "plain": issues one batch with a plain issueBatch (its own transaction only); a test-only hook stops
 *                 the process in the middle of the certificate INSERTs — after the first half (SQLite: a TEMP
 *                 trigger calling a JS function) or after the first chunks (PostgreSQL: a tracer seeing the
 *                 statements go out) — prints "IN_TRANSACTION" and blocks the whole process (to be killed).
 */
import { existsSync, writeSync } from "node:fs"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import type { SkillLevel } from "@jineng/domain/codes/SkillLevel"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Effect, Layer, Option, Redacted, Tracer } from "effect"
import { SqlCertificateRepository } from "../../src/certificate/SqlCertificateRepository.js"
import * as Database from "../../src/Database.js"
import * as SqlTransactional from "../../src/SqlTransactional.js"
import { SqliteDatabase } from "../../src/sqlite/SqliteDatabase.js"
import { draft } from "../fixtures.js"

const [targetJson = "", mode = "issue", workerArg = "0", batchesArg = "1", sizeArg = "1", marker = ""] =
  process.argv.slice(2)
const spec = JSON.parse(targetJson) as
  | { readonly _tag: "sqlite"; readonly filename: string }
  | { readonly _tag: "pg"; readonly url: string }
const target: Database.DatabaseTarget =
  spec._tag === "sqlite" ? spec : { _tag: "pg", url: Redacted.make(spec.url) }
const worker = Number(workerArg)
const batches = Number(batchesArg)
const size = Number(sizeArg)

const LEVEL_ORDERS: ReadonlyArray<ReadonlyArray<SkillLevel>> = [
  [3, 4, 5],
  [5, 4, 3],
  [4, 5, 3]
]
const levels = LEVEL_ORDERS[worker % LEVEL_ORDERS.length] ?? [3, 4, 5]

const drafts = (batch: number, level?: SkillLevel) =>
  Array.from({ length: size }, (_, i) =>
    draft(worker * 1_000_000 + batch * size + i, { level: level ?? levels[i % levels.length] ?? 3 })
  )

/** Writes a line to stdout at once (the process may block right after). */
const say = (line: string) => writeSync(1, `${line}\n`)

/** Blocks the whole process — the event loop, the database connection, everything — until it is killed. */
const blockUntilKilled = () => {
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
}

/**
 * The test-only hook of mode "plain": installed on the worker's own connection/fibers only. SQLite inserts the
 * certificates through a raw prepared statement, so a TEMP trigger (this connection only) calls back at the
 * middle draft; PostgreSQL's INSERTs go through @effect/sql, whose span gets the statement text right before
 * it is sent, so a tracer stops before the third chunk (1,000 rows inserted, uncommitted).
 */
const withKillHook = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const sqlite = yield* Effect.serviceOption(SqliteDatabase)
    if (Option.isSome(sqlite)) {
      const middle = drafts(0)[Math.floor(size / 2)]?.certificate.holder.name ?? ""
      yield* sqlite.value.use((raw) => {
        raw.function("jineng_test_hook", () => {
          say("IN_TRANSACTION")
          blockUntilKilled()
          return null
        })
        raw.exec(`
          CREATE TEMP TRIGGER jineng_test_kill AFTER INSERT ON main.certificates
          WHEN NEW.holder_name = '${middle}'
          BEGIN SELECT jineng_test_hook(); END`)
      })
      return yield* effect
    }
    const base = yield* Effect.tracer
    let certificateInserts = 0
    const hooked = Tracer.make({
      context: base.context,
      span: (...args) => {
        const span = base.span(...args)
        const attribute = span.attribute.bind(span)
        return Object.assign(span, {
          attribute: (key: string, value: unknown) => {
            if (key === "db.query.text" && /^\s*INSERT INTO certificates\b/.test(String(value))) {
              certificateInserts++
              if (certificateInserts === 3) {
                say("IN_TRANSACTION")
                blockUntilKilled()
              }
            }
            attribute(key, value)
          }
        })
      }
    })
    return yield* Effect.withTracer(effect, hooked)
  })

const program = Effect.gen(function* () {
  const repo = yield* CertificateRepository
  if (mode === "hold") {
    const tx = yield* Transactional
    yield* tx.run(
      repo.issueBatch(`held-${worker}`, drafts(0, 2)).pipe(
        Effect.tap(() => Effect.sync(() => say("INSERTED"))),
        Effect.zipRight(Effect.never)
      )
    )
    return
  }
  if (mode === "plain") {
    yield* withKillHook(repo.issueBatch(`plain-${worker}`, drafts(0, 2)))
    say("COMMITTED") // the hook did not fire: the test fails on this line
    return
  }
  say("READY")
  while (marker !== "" && !existsSync(marker)) yield* Effect.sleep("2 millis")
  const startedAt = Date.now()
  const numbers: Array<string> = []
  for (let b = 0; b < batches; b++) {
    const issued = yield* repo.issueBatch(`w${worker}-b${b}`, drafts(b))
    for (const c of issued.certificates) numbers.push(c.number)
  }
  say(JSON.stringify({ numbers, startedAt, finishedAt: Date.now() }))
})

const layer = Layer.mergeAll(SqlCertificateRepository.layer, SqlTransactional.layer).pipe(
  Layer.provideMerge(Database.layer(target))
)

Effect.runPromise(program.pipe(Effect.provide(layer))).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
