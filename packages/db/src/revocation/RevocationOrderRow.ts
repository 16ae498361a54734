/** The `revocation_orders` row (an executed 注销 order, 54号·五) and its mapping to ExecutedRevocationOrder. */
import type { ExecutedRevocationOrder, RevocationOrder } from "@jineng/domain/revocation/RevocationOrder"

export type RevocationOrderRow = {
  readonly id: string
  readonly scope_kind: string
  readonly batch_id: string | null
  /** JSON array of certificate numbers, for a scope of named certificates. */
  readonly certificate_numbers: string | null
  readonly reason: string
  readonly basis_document_number: string
  readonly basis_title: string
  readonly credit_check_referred: number
  readonly credit_check_note: string | null
  readonly ordered_by_level: string
  readonly ordered_by_region: string
  readonly ordered_on: string
  readonly revoked_count: number
  readonly already_revoked_count: number
  readonly executed_by: string
  readonly executed_at: string
}

export const toRow = (e: ExecutedRevocationOrder): RevocationOrderRow => {
  const o = e.order
  return {
    id: o.id,
    scope_kind: o.scope._tag,
    batch_id: o.scope._tag === "batch" ? o.scope.batchId : null,
    certificate_numbers: o.scope._tag === "certificates" ? JSON.stringify(o.scope.numbers) : null,
    reason: o.reason,
    basis_document_number: o.basis.documentNumber,
    basis_title: o.basis.title,
    credit_check_referred: o.creditCheck.referred ? 1 : 0,
    credit_check_note: o.creditCheck.note ?? null,
    ordered_by_level: o.orderedBy.level,
    ordered_by_region: o.orderedBy.regionCode,
    ordered_on: o.orderedOn,
    revoked_count: e.revoked,
    already_revoked_count: e.alreadyRevoked,
    executed_by: e.executedBy,
    executed_at: e.executedAt
  }
}

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRow = (r: RevocationOrderRow): ExecutedRevocationOrder => {
  const order = {
    id: r.id,
    scope:
      r.scope_kind === "batch"
        ? { _tag: "batch", batchId: r.batch_id ?? "" }
        : { _tag: "certificates", numbers: JSON.parse(r.certificate_numbers ?? "[]") },
    reason: r.reason,
    basis: { documentNumber: r.basis_document_number, title: r.basis_title },
    creditCheck:
      r.credit_check_note === null
        ? { referred: Number(r.credit_check_referred) === 1 }
        : { referred: Number(r.credit_check_referred) === 1, note: r.credit_check_note },
    orderedBy: { level: r.ordered_by_level, regionCode: r.ordered_by_region },
    orderedOn: r.ordered_on
  } as RevocationOrder
  return {
    order,
    revoked: Number(r.revoked_count),
    alreadyRevoked: Number(r.already_revoked_count),
    executedBy: r.executed_by,
    executedAt: r.executed_at
  }
}
