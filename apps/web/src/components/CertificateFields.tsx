/**
 * A certificate's status badge and its fields as printed on the national style (54号·四): 姓名, 证件类型, 证件号码
 * (masked by the API: first 6 and last 4 visible), 职业名称, 工种, 职业技能等级, 证书编号, 评价机构, 发证日期.
 */
import { Show } from "solid-js"
import type { CertificateView } from "../api"

export const StatusBadge = (props: { readonly status: CertificateView["status"] }) => (
  <span class={`badge badge--${props.status.state}`}>{props.status.name}</span>
)

/** 已注销: the date and reason of the revocation (54号·五 专项督查 注销). */
export const RevocationNote = (props: { readonly status: CertificateView["status"] }) => (
  <Show when={props.status.state === "revoked" ? props.status : undefined}>
    {(revoked) => (
      <p class="revocation">
        此证书已于 <strong>{revoked().revokedOn}</strong> 注销，注销原因：
        <strong>{revoked().reasonName}</strong>
        。已注销的证书不再有效。
      </p>
    )}
  </Show>
)

export const CertificateFields = (props: { readonly certificate: CertificateView }) => (
  <dl class="fields">
    <dt>姓名</dt>
    <dd>{props.certificate.holder.name}</dd>
    <dt>证件类型</dt>
    <dd>{props.certificate.holder.idTypeName}</dd>
    <dt>证件号码</dt>
    <dd>{props.certificate.holder.idNumberMasked}</dd>
    <dt>职业名称</dt>
    <dd>{props.certificate.occupation.name}</dd>
    <dt>工种</dt>
    <dd>{props.certificate.occupation.workType ?? "—"}</dd>
    <dt>职业技能等级</dt>
    <dd>{props.certificate.level.name}</dd>
    <dt>证书编号</dt>
    <dd>{props.certificate.number}</dd>
    <dt>评价机构</dt>
    <dd>{props.certificate.issuer.name}</dd>
    <dt>发证日期</dt>
    <dd>{props.certificate.issuedOn}</dd>
  </dl>
)
