/** The domain's Transactional port on the registry's database transaction (nested calls become savepoints). */
import { SqlClient } from "@effect/sql"
import { SqlError } from "@effect/sql/SqlError"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { Effect, Layer } from "effect"

export const layer = Layer.effect(
  Transactional,
  Effect.map(SqlClient.SqlClient, (sql) =>
    Transactional.of({
      run: <A, E, R>(effect: Effect.Effect<A, E, R>) =>
        sql
          .withTransaction(effect)
          .pipe(
            Effect.catchAll(
              (e): Effect.Effect<never, E> => (e instanceof SqlError ? Effect.die(e) : Effect.fail(e))
            )
          )
    })
  )
)
