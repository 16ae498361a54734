/**
 * A separate process that issues certificates into a shared registry, for the multi-process tests.
 * argv: <target JSON> <mode> <worker> <batches> <batchSize>
 *   mode "issue": issues the batches and prints {"numbers": […]}.
 *   mode "hold":  issues one batch inside a transaction, prints "INSERTED" and waits forever (to be killed).
 */
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Effect, Layer, Redacted } from "effect"
import { SqlCertificateRepository } from "../../src/certificate/SqlCertificateRepository.js"
import * as Database from "../../src/Database.js"
import * as SqlTransactional from "../../src/SqlTransactional.js"
import { draft } from "../fixtures.js"

const [targetJson = "", mode = "issue", workerArg = "0", batchesArg = "1", sizeArg = "1"] =
  process.argv.slice(2)
const spec = JSON.parse(targetJson) as
  | { readonly _tag: "sqlite"; readonly filename: string }
  | { readonly _tag: "pg"; readonly url: string }
const target: Database.DatabaseTarget =
  spec._tag === "sqlite" ? spec : { _tag: "pg", url: Redacted.make(spec.url) }
const worker = Number(workerArg)
const batches = Number(batchesArg)
const size = Number(sizeArg)

const drafts = (batch: number) =>
  Array.from({ length: size }, (_, i) => draft(worker * 1_000_000 + batch * size + i, { level: 2 }))

const program = Effect.gen(function* () {
  const repo = yield* CertificateRepository
  if (mode === "hold") {
    const tx = yield* Transactional
    yield* tx.run(
      repo.issueBatch(`held-${worker}`, drafts(0)).pipe(
        Effect.tap(() => Effect.sync(() => process.stdout.write("INSERTED\n"))),
        Effect.zipRight(Effect.never)
      )
    )
    return
  }
  const numbers: Array<string> = []
  for (let b = 0; b < batches; b++) {
    const issued = yield* repo.issueBatch(`w${worker}-b${b}`, drafts(b))
    for (const c of issued.certificates) numbers.push(c.number)
  }
  process.stdout.write(`${JSON.stringify({ numbers })}\n`)
})

const layer = Layer.mergeAll(SqlCertificateRepository.layer, SqlTransactional.layer).pipe(
  Layer.provide(Database.layer(target))
)

Effect.runPromise(program.pipe(Effect.provide(layer))).then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  }
)
