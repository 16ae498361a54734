/**
 * Port: the certificate registry (54号·四 "全面纳入…统一管理"). Implemented by @jineng/db on SQLite and
 * PostgreSQL; `layerTest` is an in-memory implementation with the same contract for use-case tests.
 */
import { Context, Effect, Layer, Option } from "effect"
import { deriveCertificateNumber, MAX_SERIAL } from "../codes/CertificateNumber.js"
import type { Certificate, CertificateStatus } from "./Certificate.js"
import type { CertificateDraft } from "./CertificateDraft.js"
import { serialKeyOf } from "./CertificateDraft.js"
import { BatchIdTakenByAnotherIssuer, SerialsExhausted } from "./CertificateErrors.js"

export interface IssuedBatch {
  readonly certificates: ReadonlyArray<Certificate>
  /** true when the batch had been issued before: nothing new was created (idempotent retry). */
  readonly alreadyIssued: boolean
}

export class CertificateRepository extends Context.Tag("@jineng/domain/CertificateRepository")<
  CertificateRepository,
  {
    readonly findByNumber: (number: string) => Effect.Effect<Option.Option<Certificate>>
    readonly findByHolderId: (idNumber: string) => Effect.Effect<ReadonlyArray<Certificate>>
    readonly listByBatch: (batchId: string) => Effect.Effect<ReadonlyArray<Certificate>>
    /**
     * Issues every draft of the batch or none, allocating numbers inside one transaction. The drafts are one
     * institution's (their issuer; drafts of several institutions are a defect). A batch id that the same
     * institution issued before returns its certificates with alreadyIssued = true; one that another institution
     * issued fails with BatchIdTakenByAnotherIssuer, also when both submit at the same time. An empty batch
     * issues and records nothing.
     */
    readonly issueBatch: (
      batchId: string,
      drafts: ReadonlyArray<CertificateDraft>
    ) => Effect.Effect<IssuedBatch, SerialsExhausted | BatchIdTakenByAnotherIssuer>
    /** Sets the revoked status on the valid certificates among `numbers`; returns how many changed. */
    readonly revoke: (
      numbers: ReadonlyArray<string>,
      status: Extract<CertificateStatus, { _tag: "revoked" }>
    ) => Effect.Effect<number>
    /**
     * Sets the revoked status on every valid certificate of the batch (54号·五 "注销…批次的证书") in one
     * statement; certificates revoked before keep their first revocation. Returns how many changed.
     */
    readonly revokeBatch: (
      batchId: string,
      status: Extract<CertificateStatus, { _tag: "revoked" }>
    ) => Effect.Effect<number>
  }
>() {
  static readonly layerTest = (seed: ReadonlyArray<Certificate> = []) =>
    Layer.sync(this, () => {
      const byNumber = new Map<string, Certificate>(seed.map((c) => [c.number, c]))
      const serials = new Map<string, number>()
      for (const c of seed) {
        const key = c.number.slice(0, 16)
        serials.set(key, Math.max(serials.get(key) ?? 0, Number(c.number.slice(16))))
      }
      const batchOf = (batchId: string) => [...byNumber.values()].filter((c) => c.batchId === batchId)
      /** batch id → the institution that issued it */
      const batches = new Map<string, string>(seed.map((c) => [c.batchId, c.issuer.institutionId]))
      return {
        findByNumber: (number) => Effect.sync(() => Option.fromNullable(byNumber.get(number))),
        findByHolderId: (idNumber) =>
          Effect.sync(() => [...byNumber.values()].filter((c) => c.holder.idNumber === idNumber)),
        listByBatch: (batchId) => Effect.sync(() => batchOf(batchId)),
        issueBatch: (batchId, drafts) =>
          Effect.suspend((): Effect.Effect<IssuedBatch, SerialsExhausted | BatchIdTakenByAnotherIssuer> => {
            const institutionId = drafts[0]?.certificate.issuer.institutionId
            if (institutionId === undefined) return Effect.succeed({ certificates: [], alreadyIssued: false })
            if (drafts.some((d) => d.certificate.issuer.institutionId !== institutionId)) {
              return Effect.dieMessage(`batch ${batchId} has drafts of several institutions`)
            }
            const issuedBy = batches.get(batchId)
            if (issuedBy !== undefined && issuedBy !== institutionId) {
              return Effect.fail(new BatchIdTakenByAnotherIssuer({ field: "batchId", batchId }))
            }
            if (issuedBy !== undefined)
              return Effect.succeed({ certificates: batchOf(batchId), alreadyIssued: true })
            const next = new Map(serials)
            const issued: Array<Certificate> = []
            for (const draft of drafts) {
              const key = serialKeyOf(draft)
              const serial = (next.get(key) ?? 0) + 1
              if (serial > MAX_SERIAL) {
                return Effect.fail(
                  new SerialsExhausted({
                    field: "certificates",
                    prefix: key,
                    year: Number(draft.certificate.issuedOn.slice(0, 4)),
                    level: draft.certificate.level
                  })
                )
              }
              next.set(key, serial)
              const number = deriveCertificateNumber(
                draft.prefix,
                Number(draft.certificate.issuedOn.slice(0, 4)),
                draft.certificate.level,
                serial
              )
              issued.push({ ...draft.certificate, batchId, number, status: { _tag: "valid" } } as Certificate)
            }
            for (const [k, v] of next) serials.set(k, v)
            batches.set(batchId, institutionId)
            for (const c of issued) byNumber.set(c.number, c)
            return Effect.succeed({ certificates: issued, alreadyIssued: false })
          }),
        revoke: (numbers, status) =>
          Effect.sync(() => {
            let changed = 0
            for (const n of numbers) {
              const c = byNumber.get(n)
              if (c !== undefined && c.status._tag === "valid") {
                byNumber.set(n, { ...c, status })
                changed++
              }
            }
            return changed
          }),
        revokeBatch: (batchId, status) =>
          Effect.sync(() => {
            let changed = 0
            for (const c of batchOf(batchId)) {
              if (c.status._tag === "valid") {
                byNumber.set(c.number, { ...c, status })
                changed++
              }
            }
            return changed
          })
      }
    })
}
