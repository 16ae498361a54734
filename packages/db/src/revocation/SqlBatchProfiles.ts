/**
 * BatchProfiles on @effect/sql, for SQLite and PostgreSQL: a whole-batch revocation (54号·五 "注销…批次的证书")
 * learns what it needs of the batch from aggregate queries over the certificates' batch index — counts per
 * issuer region and status, the certificates revoked before, and a few numbers for a refusal's sample — instead
 * of loading every certificate of the batch.
 */
import { SqlClient } from "@effect/sql"
import {
  type AlreadyRevoked,
  type BatchProfile,
  BatchProfiles
} from "@jineng/domain/revocation/BatchProfiles"
import { Effect, Layer } from "effect"

export const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const profile = (batchId: string): Effect.Effect<BatchProfile> =>
    Effect.gen(function* () {
      const counts = yield* sql<{
        readonly issuer_region: string
        readonly status: string
        readonly n: number | string
      }>`
        SELECT issuer_region, status, COUNT(*) AS n FROM certificates WHERE batch_id = ${batchId}
        GROUP BY issuer_region, status ORDER BY issuer_region`
      const byRegion = new Map<string, { valid: number; revoked: number }>()
      for (const row of counts) {
        const entry = byRegion.get(row.issuer_region) ?? { valid: 0, revoked: 0 }
        byRegion.set(row.issuer_region, entry)
        if (row.status === "revoked") entry.revoked += Number(row.n)
        else entry.valid += Number(row.n)
      }
      const revoked = yield* sql<{
        readonly number: string
        readonly revoked_on: string
        readonly revocation_reason: string
        readonly revocation_order_id: string
      }>`
        SELECT number, revoked_on, revocation_reason, revocation_order_id FROM certificates
        WHERE batch_id = ${batchId} AND status = 'revoked' ORDER BY number`
      return {
        batchId,
        regions: [...byRegion].map(([issuerRegionCode, n]) => ({ issuerRegionCode, ...n })),
        revoked: revoked.map(
          (r): AlreadyRevoked => ({
            number: r.number,
            revokedOn: r.revoked_on,
            reason: r.revocation_reason,
            orderId: r.revocation_order_id
          })
        )
      }
    }).pipe(Effect.orDie)

  const numbersIssuedIn = (batchId: string, regionCodes: ReadonlyArray<string>, limit: number) =>
    regionCodes.length === 0 || limit <= 0
      ? Effect.succeed([])
      : sql<{ readonly number: string }>`
          SELECT number FROM certificates
          WHERE batch_id = ${batchId} AND ${sql.in("issuer_region", regionCodes)}
          ORDER BY number LIMIT ${Math.floor(limit)}`.pipe(
          Effect.map((rows) => rows.map((r) => r.number)),
          Effect.orDie
        )

  return BatchProfiles.of({ profile, numbersIssuedIn })
})

export const SqlBatchProfiles = {
  layer: Layer.effect(BatchProfiles, make)
}
