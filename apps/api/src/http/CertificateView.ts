/**
 * The public view of a certificate (54号·四 查询服务; domain.md §2 public lookup privacy): every printed field,
 * the ID number masked (first 6 and last 4 visible), the status with its revocation date and reason.
 */
import type { Certificate } from "@jineng/domain/certificate/Certificate"
import { maskResidentId } from "@jineng/domain/codes/ResidentIdNumber"
import { gradeName, titleName } from "@jineng/domain/codes/SkillLevel"
import { revocationReasonName } from "@jineng/domain/revocation/RevocationReason"
import { Schema } from "effect"

const ID_TYPE_NAMES = {
  resident_id: "居民身份证",
  hk_macao_permit: "港澳居民来往内地通行证",
  taiwan_permit: "台湾居民来往大陆通行证",
  passport: "护照"
} as const

export const certificateView = (c: Certificate, verificationBase: string) => ({
  number: c.number,
  kind: c.kind,
  holder: {
    name: c.holder.name,
    idType: c.holder.idType,
    idTypeName: ID_TYPE_NAMES[c.holder.idType],
    idNumberMasked: maskResidentId(c.holder.idNumber)
  },
  occupation: { code: c.occupation.code, name: c.occupation.name, workType: c.occupation.workType ?? null },
  level: { code: c.level, name: `${gradeName(c.level)}/${titleName(c.level)}` },
  issuer: { name: c.issuer.name },
  issuedOn: c.issuedOn,
  status:
    c.status._tag === "valid"
      ? { state: "valid" as const, name: "有效" }
      : {
          state: "revoked" as const,
          name: "已注销",
          revokedOn: c.status.revokedOn,
          reason: c.status.reason,
          reasonName: revocationReasonName(c.status.reason)
        },
  // The QR code printed on the certificate opens this: the name printed beside it is the second factor.
  verificationUrl: `${verificationBase}/verify/${c.number}?name=${encodeURIComponent(c.holder.name)}`
})

export type CertificateView = ReturnType<typeof certificateView>

const Nullable = Schema.NullOr

/** The view's shape, for the OpenAPI document (the function above is checked against it). */
export const CertificateViewSchema = Schema.Struct({
  number: Schema.String.annotations({ description: "证书编号" }),
  kind: Schema.String,
  holder: Schema.Struct({
    name: Schema.String,
    idType: Schema.String,
    idTypeName: Schema.String,
    idNumberMasked: Schema.String.annotations({ description: "证件号码（仅显示前6位和后4位）" })
  }),
  occupation: Schema.Struct({ code: Schema.String, name: Schema.String, workType: Nullable(Schema.String) }),
  level: Schema.Struct({ code: Schema.Number, name: Schema.String }),
  issuer: Schema.Struct({ name: Schema.String }),
  issuedOn: Schema.String,
  status: Schema.Union(
    Schema.Struct({ state: Schema.Literal("valid"), name: Schema.String }),
    Schema.Struct({
      state: Schema.Literal("revoked"),
      name: Schema.String,
      revokedOn: Schema.String,
      reason: Schema.String,
      reasonName: Schema.String
    })
  ),
  verificationUrl: Schema.String
}).annotations({ identifier: "CertificateView", title: "证书（公开查询视图）" })

const _checked: (c: Certificate, base: string) => typeof CertificateViewSchema.Encoded = certificateView
void _checked
