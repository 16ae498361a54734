/** One result of the lookup: number and status badge, every field, and the ways to print and verify it. */
import { A } from "@solidjs/router"
import type { CertificateView } from "../api"
import { CertificateFields, RevocationNote, StatusBadge } from "./CertificateFields"

export const CertificateCard = (props: { readonly certificate: CertificateView }) => {
  const headingId = () => `certificate-${props.certificate.number}`
  return (
    <article class={`card card--${props.certificate.status.state}`} aria-labelledby={headingId()}>
      <div class="card__head">
        <h3 id={headingId()}>
          {props.certificate.occupation.name} · {props.certificate.level.name}
        </h3>
        <p style={{ margin: 0 }}>
          证书状态：
          <StatusBadge status={props.certificate.status} />
        </p>
      </div>
      <RevocationNote status={props.certificate.status} />
      <CertificateFields certificate={props.certificate} />
      <p class="actions">
        <A class="button button--secondary" href={`/print/${props.certificate.number}`}>
          打印证书
        </A>
        <A href={`/verify/${props.certificate.number}`}>证书验证页面</A>
      </p>
    </article>
  )
}
