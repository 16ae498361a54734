/**
 * 证书打印 (54号·四 "可根据需求自行打印纸质证书"): the certificate's fields in the national style and a QR code
 * that opens its verification page, laid out for one A4 page (print CSS hides everything else). A revoked
 * certificate prints with a 已注销 mark.
 */
import { A, useParams } from "@solidjs/router"
import { Show } from "solid-js"
import { CertificateFields, RevocationNote } from "../components/CertificateFields"
import { createNumberLookup, NameCheckForm } from "../components/NameCheck"
import { Notice } from "../components/Notice"
import { PageHeading } from "../components/PageHeading"
import { QrCode } from "../components/QrCode"

export default function PrintPage() {
  const params = useParams<{ number: string }>()
  const lookup = createNumberLookup(() => params.number)
  return (
    <>
      <div class="no-print">
        <PageHeading title="证书打印" />
        <Show
          when={lookup.certificate()}
          fallback={
            <>
              <p class="lead">
                证书编号：<strong>{lookup.number()}</strong>
              </p>
              <NameCheckForm lookup={lookup} submitLabel="查询并显示打印版" />
              <p role="status">{lookup.lookup.state().kind === "loading" ? "正在查询证书，请稍候……" : ""}</p>
            </>
          }
        >
          {(certificate) => (
            <>
              <p role="status">打印版已生成：{certificate().holder.name}的职业技能等级证书。</p>
              <Show when={certificate().status.state === "revoked"}>
                <Notice tone="error" title="此证书已注销">
                  <p>打印件将带有“已注销”标记，不能作为有效证书使用。</p>
                </Notice>
              </Show>
              <p class="hint">请使用 A4 纸、纵向打印；打印件右下角的二维码可打开本证书的验证页面。</p>
              <div class="actions">
                <button class="button" type="button" onClick={() => window.print()}>
                  打印
                </button>
                <A href="/">返回证书查询</A>
              </div>
            </>
          )}
        </Show>
      </div>
      <Show when={lookup.certificate()}>
        {(certificate) => (
          <article class="certificate" aria-labelledby="certificate-title">
            <h2 id="certificate-title" class="certificate__title">
              职业技能等级证书
            </h2>
            <p class="certificate__subtitle">（证书登记库打印件）</p>
            <Show when={certificate().status.state === "revoked"}>
              <p class="certificate__stamp">已注销</p>
            </Show>
            <RevocationNote status={certificate().status} />
            <CertificateFields certificate={certificate()} />
            <div class="certificate__foot">
              <p class="certificate__note">
                本打印件由证书登记库生成，证书信息和状态以扫码验证的结果为准。
                <br />
                打印日期：{new Date().toLocaleDateString("zh-CN")}
              </p>
              <figure class="certificate__qr">
                <QrCode text={certificate().verificationUrl} label="证书验证二维码" />
                <figcaption>
                  扫码验证证书状态
                  <br />
                  <span class="certificate__url">{certificate().verificationUrl}</span>
                </figcaption>
              </figure>
            </div>
          </article>
        )}
      </Show>
    </>
  )
}
