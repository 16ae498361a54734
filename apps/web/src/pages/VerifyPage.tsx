/**
 * 证书验证: the page a certificate's QR code opens (`/verify/<number>`, the API's verificationUrl). It asks the
 * registry for the live status (54号·四: only certificates in the registry are valid; a revoked one shows its date
 * and reason), with the holder's name as second factor.
 */
import { useParams, useSearchParams } from "@solidjs/router"
import { Show } from "solid-js"
import { CertificateFields, RevocationNote, StatusBadge } from "../components/CertificateFields"
import { createNumberLookup, NameCheckForm } from "../components/NameCheck"
import { PageHeading } from "../components/PageHeading"

const checkedAt = () =>
  new Date().toLocaleString("zh-CN", { hour12: false, dateStyle: "medium", timeStyle: "short" })

export default function VerifyPage() {
  const params = useParams<{ number: string }>()
  const [search] = useSearchParams<{ name?: string }>()
  const lookup = createNumberLookup(
    () => params.number,
    () => (typeof search.name === "string" ? search.name : undefined)
  )
  const statusLine = () => {
    if (lookup.lookup.state().kind === "loading") return "正在验证，请稍候……"
    const c = lookup.certificate()
    return c === undefined
      ? "尚未验证。"
      : `验证结果：${c.status.name}（${c.holder.name}，${c.occupation.name}）`
  }
  return (
    <>
      <PageHeading title="证书验证" />
      <p class="lead">
        证书编号：<strong>{lookup.number()}</strong>
      </p>
      <p>本页实时查询证书登记库，显示证书当前的状态。不在登记库中的证书和编号一律无效。</p>
      <NameCheckForm lookup={lookup} submitLabel="验证" />
      <section aria-labelledby="verdict-heading">
        <h2 id="verdict-heading">验证结果</h2>
        <p role="status">{statusLine()}</p>
        <Show when={lookup.certificate()}>
          {(certificate) => (
            <div class={`card card--${certificate().status.state}`}>
              <p class="verdict">
                证书状态：
                <StatusBadge status={certificate().status} />
              </p>
              <RevocationNote status={certificate().status} />
              <CertificateFields certificate={certificate()} />
              <p class="muted">核验时间：{checkedAt()}（证书登记库实时数据）</p>
            </div>
          )}
        </Show>
      </section>
    </>
  )
}
