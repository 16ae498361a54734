/** The `certificates` table row and its mapping to the domain's Certificate. */
import type { Certificate } from "@jineng/domain/certificate/Certificate"

export interface CertificateRow {
  readonly number: string
  readonly kind: string
  readonly holder_name: string
  readonly holder_id_type: string
  readonly holder_id_number: string
  readonly occupation_code: string
  readonly occupation_name: string
  readonly work_type: string | null
  readonly level: number
  readonly issuer_institution_id: string
  readonly issuer_name: string
  readonly issuer_region: string
  readonly issuer_signatory: string
  readonly issuer_seal_id: string
  readonly issued_on: string
  readonly batch_id: string
  readonly status: string
  readonly revoked_on: string | null
  readonly revocation_reason: string | null
  readonly revocation_order_id: string | null
}

export const CERTIFICATE_COLUMNS = [
  "number",
  "kind",
  "holder_name",
  "holder_id_type",
  "holder_id_number",
  "occupation_code",
  "occupation_name",
  "work_type",
  "level",
  "issuer_institution_id",
  "issuer_name",
  "issuer_region",
  "issuer_signatory",
  "issuer_seal_id",
  "issued_on",
  "batch_id",
  "status",
  "revoked_on",
  "revocation_reason",
  "revocation_order_id"
] as const

export const toRow = (c: Certificate): CertificateRow => ({
  number: c.number,
  kind: c.kind,
  holder_name: c.holder.name,
  holder_id_type: c.holder.idType,
  holder_id_number: c.holder.idNumber,
  occupation_code: c.occupation.code,
  occupation_name: c.occupation.name,
  work_type: c.occupation.workType ?? null,
  level: c.level,
  issuer_institution_id: c.issuer.institutionId,
  issuer_name: c.issuer.name,
  issuer_region: c.issuer.regionCode,
  issuer_signatory: c.issuer.signatory,
  issuer_seal_id: c.issuer.sealId,
  issued_on: c.issuedOn,
  batch_id: c.batchId,
  status: c.status._tag,
  revoked_on: c.status._tag === "revoked" ? c.status.revokedOn : null,
  revocation_reason: c.status._tag === "revoked" ? c.status.reason : null,
  revocation_order_id: c.status._tag === "revoked" ? c.status.orderId : null
})

/** A certificate's row as values in CERTIFICATE_COLUMNS order (for positional INSERT parameters). */
export const toValues = (c: Certificate): Array<unknown> => {
  const r = toRow(c)
  return [
    r.number,
    r.kind,
    r.holder_name,
    r.holder_id_type,
    r.holder_id_number,
    r.occupation_code,
    r.occupation_name,
    r.work_type,
    r.level,
    r.issuer_institution_id,
    r.issuer_name,
    r.issuer_region,
    r.issuer_signatory,
    r.issuer_seal_id,
    r.issued_on,
    r.batch_id,
    r.status,
    r.revoked_on,
    r.revocation_reason,
    r.revocation_order_id
  ]
}

/** Rows come only from our own writes, which the domain validated: no re-validation on the read path. */
export const fromRow = (r: CertificateRow): Certificate =>
  ({
    number: r.number,
    kind: r.kind,
    holder: { name: r.holder_name, idType: r.holder_id_type, idNumber: r.holder_id_number },
    occupation:
      r.work_type === null
        ? { code: r.occupation_code, name: r.occupation_name }
        : { code: r.occupation_code, name: r.occupation_name, workType: r.work_type },
    level: Number(r.level),
    issuer: {
      institutionId: r.issuer_institution_id,
      name: r.issuer_name,
      regionCode: r.issuer_region,
      signatory: r.issuer_signatory,
      sealId: r.issuer_seal_id
    },
    issuedOn: r.issued_on,
    batchId: r.batch_id,
    status:
      r.status === "revoked"
        ? {
            _tag: "revoked",
            revokedOn: r.revoked_on ?? "",
            reason: r.revocation_reason ?? "other",
            orderId: r.revocation_order_id ?? ""
          }
        : { _tag: "valid" }
  }) as Certificate

/** A row read in raw mode: the values in CERTIFICATE_COLUMNS order. */
export const fromValues = (v: ReadonlyArray<unknown>): Certificate =>
  fromRow({
    number: v[0],
    kind: v[1],
    holder_name: v[2],
    holder_id_type: v[3],
    holder_id_number: v[4],
    occupation_code: v[5],
    occupation_name: v[6],
    work_type: v[7],
    level: v[8],
    issuer_institution_id: v[9],
    issuer_name: v[10],
    issuer_region: v[11],
    issuer_signatory: v[12],
    issuer_seal_id: v[13],
    issued_on: v[14],
    batch_id: v[15],
    status: v[16],
    revoked_on: v[17],
    revocation_reason: v[18],
    revocation_order_id: v[19]
  } as CertificateRow)
