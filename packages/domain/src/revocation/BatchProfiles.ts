/**
 * Port: what a whole-batch revocation (54号·五 "注销…批次的证书") needs to know of a batch without loading its
 * certificates — how many were issued in each region and are valid or revoked, which were revoked before (their
 * first revocation stands), and a sample of numbers issued in given regions (for a refusal's message). The
 * registry answers with aggregate queries, so revoking a 100,000-certificate batch reads a few rows, not 100,000.
 * `layerTest` derives the same answers from any CertificateRepository.
 */
import { Context, Effect, Layer } from "effect"
import { CertificateRepository } from "../certificate/CertificateRepository.js"

/** A certificate in scope that had been revoked before: its first revocation stands (RevocationFinality). */
export interface AlreadyRevoked {
  readonly number: string
  readonly revokedOn: string
  readonly reason: string
  readonly orderId: string
}

/** The batch's certificates issued in one region, by status. */
export interface BatchRegionCount {
  readonly issuerRegionCode: string
  readonly valid: number
  readonly revoked: number
}

export interface BatchProfile {
  readonly batchId: string
  /** One entry per issuer region, in region-code order; empty when the batch has no certificate. */
  readonly regions: ReadonlyArray<BatchRegionCount>
  /** The batch's certificates revoked before, in number order. */
  readonly revoked: ReadonlyArray<AlreadyRevoked>
}

/** How many certificates the profile counts. */
export const profileSize = (profile: BatchProfile): number =>
  profile.regions.reduce((n, r) => n + r.valid + r.revoked, 0)

export class BatchProfiles extends Context.Tag("@jineng/domain/BatchProfiles")<
  BatchProfiles,
  {
    readonly profile: (batchId: string) => Effect.Effect<BatchProfile>
    /** Up to `limit` numbers of the batch, in number order, whose issuer lies in one of `regionCodes`. */
    readonly numbersIssuedIn: (
      batchId: string,
      regionCodes: ReadonlyArray<string>,
      limit: number
    ) => Effect.Effect<ReadonlyArray<string>>
  }
>() {
  /** Over the CertificateRepository in context (reads the whole batch: for tests and small registries). */
  static readonly layerTest = Layer.effect(
    this,
    Effect.map(CertificateRepository, (certificates) => ({
      profile: (batchId: string) =>
        Effect.map(certificates.listByBatch(batchId), (found): BatchProfile => {
          const byRegion = new Map<string, { valid: number; revoked: number }>()
          const revoked: Array<AlreadyRevoked> = []
          for (const c of found) {
            const entry = byRegion.get(c.issuer.regionCode) ?? { valid: 0, revoked: 0 }
            byRegion.set(c.issuer.regionCode, entry)
            if (c.status._tag === "revoked") {
              entry.revoked++
              revoked.push({
                number: c.number,
                revokedOn: c.status.revokedOn,
                reason: c.status.reason,
                orderId: c.status.orderId
              })
            } else entry.valid++
          }
          return {
            batchId,
            regions: [...byRegion]
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([issuerRegionCode, n]) => ({ issuerRegionCode, ...n })),
            revoked: revoked.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0))
          }
        }),
      numbersIssuedIn: (batchId: string, regionCodes: ReadonlyArray<string>, limit: number) =>
        Effect.map(certificates.listByBatch(batchId), (found) =>
          found
            .filter((c) => regionCodes.includes(c.issuer.regionCode))
            .map((c) => c.number as string)
            .sort()
            .slice(0, Math.max(0, limit))
        )
    }))
  )
}
