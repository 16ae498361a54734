/**
 * The in-memory oracle for the transparency-log suites: the domain's MerkleLog over the events the registry
 * should have appended, rebuilt with the domain's own functions (issuedEvent, revokedEvent, eventLeafHash).
 */
import { SqlClient } from "@effect/sql"
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import {
  type CertificateEvent,
  eventLeafHash,
  issuedEvent,
  revokedEvent
} from "@jineng/domain/verification/LogEvent"
import { MerkleLog } from "@jineng/domain/verification/MerkleTree"
import { toHex } from "@jineng/domain/verification/Sha256"
import { publicRecordOfCertificate } from "@jineng/domain/verification/SignedRecord"
import { Effect } from "effect"
import { eventOfRow } from "../src/transparency/SqlTransparencyLogRepository.js"

/** The issuance event of a certificate, as the domain defines it. */
export const issued = (c: Certificate): CertificateEvent => issuedEvent(publicRecordOfCertificate(c))

/** The revocation event of a certificate number on a date. */
export const revoked = (number: string, on: string): CertificateEvent =>
  revokedEvent(number as Certificate["number"], on)

/** The expected log: the events in order and the MerkleLog over their leaves. */
export class Oracle {
  readonly events: Array<CertificateEvent> = []
  readonly log = new MerkleLog()

  add(...events: ReadonlyArray<CertificateEvent>): this {
    for (const e of events) {
      this.events.push(e)
      this.log.append(eventLeafHash(e))
    }
    return this
  }
}

/** Hashes compared as hex (drivers return Buffers, the domain Uint8Arrays). */
export const hex = (h: Uint8Array | undefined): string => (h === undefined ? "-" : toHex(h))
export const hexes = (hs: ReadonlyArray<Uint8Array>): ReadonlyArray<string> => hs.map(hex)

/** Every stored entry, in leaf order, as domain events (with the leaf indices). */
export const storedEvents = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const rows = yield* sql<{
    readonly leaf_index: number | string
    readonly certificate_number: string
    readonly kind: string
    readonly event_on: string
    readonly record_digest: Uint8Array | null
  }>`SELECT leaf_index, certificate_number, kind, event_on, record_digest FROM log_entries ORDER BY leaf_index`
  return rows.map((r) => ({
    index: Number(r.leaf_index),
    event: eventOfRow(r)
  }))
}).pipe(Effect.orDie)

/** The oracle over what is stored (to check the stored tree against its own entries). */
export const oracleOfStored = Effect.map(storedEvents, (rows) =>
  new Oracle().add(...rows.map((r) => r.event))
)
