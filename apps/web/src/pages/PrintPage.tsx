/**
 * 证书打印 (54号·四 "可根据需求自行打印纸质证书"): the certificate's fields in the national style and a QR code
 * that opens its verification page, laid out for one A4 page (print CSS hides everything else). A revoked
 * certificate prints with a 已注销 mark. The QR code carries the registry's signed record of the certificate
 * (issue #7: the signed-record route's verificationUrl, the record in its fragment), so the verification page
 * can check the signature in the browser; when the registry cannot sign it, the plain verification address.
 */
import { A, useParams } from "@solidjs/router"
import { createEffect, createSignal, on, Show } from "solid-js"
import { type ApiResult, getSignedRecord } from "../api"
import { CertificateFields, RevocationNote } from "../components/CertificateFields"
import { createNumberLookup, NameCheckForm } from "../components/NameCheck"
import { Notice } from "../components/Notice"
import { PageHeading } from "../components/PageHeading"
import { QrCode } from "../components/QrCode"
import type { SignedRecordAnswer } from "../lib/types"

/** The address as printed under the QR code: without the fragment (the record is for the scanner, not for typing). */
const printedAddress = (url: string) => url.split("#")[0] ?? url

export default function PrintPage() {
  const params = useParams<{ number: string }>()
  const lookup = createNumberLookup(() => params.number)
  const [signed, setSigned] = createSignal<ApiResult<SignedRecordAnswer> | undefined>()
  let ticket = 0
  createEffect(
    on(
      () => {
        const c = lookup.certificate()
        return c === undefined ? undefined : `${c.number}\n${c.holder.name}`
      },
      (key) => {
        const mine = ++ticket
        setSigned(undefined)
        if (key === undefined) return
        const [number = "", name = ""] = key.split("\n")
        void getSignedRecord({ number, name }).then((answer) => {
          if (mine === ticket) setSigned(answer)
        })
      }
    )
  )
  /** The QR code's text once known: the signed address, or the plain one when signing failed. */
  const qr = () => {
    const c = lookup.certificate()
    const answer = signed()
    if (c === undefined || answer === undefined) return undefined
    return answer.ok
      ? { url: answer.value.verificationUrl, signed: true }
      : { url: c.verificationUrl, signed: false, problem: answer.problem.detail }
  }
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
              <Show when={qr()?.signed === false ? qr() : undefined}>
                {(plain) => (
                  <Notice tone="wait" title="二维码未含电子签名">
                    <p>
                      未能取得证书登记库对本证书记录的电子签名（{plain().problem}
                      ），二维码仅含验证地址：扫码仍可实时查询证书状态，但不能在浏览器中核验签名。可稍后刷新本页重试。
                    </p>
                  </Notice>
                )}
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
              <Show
                when={qr()}
                fallback={
                  <p class="certificate__qr" role="status">
                    正在生成证书验证二维码……
                  </p>
                }
              >
                {(code) => (
                  <figure class="certificate__qr">
                    <QrCode text={code().url} label="证书验证二维码" sizeMm={36} />
                    <figcaption>
                      扫码验证证书状态
                      <Show when={code().signed}>
                        <br />
                        <span class="certificate__signed">
                          二维码含证书登记库的电子签名，可核验证书记录未被改动
                        </span>
                      </Show>
                      <br />
                      <span class="certificate__url">{printedAddress(code().url)}</span>
                    </figcaption>
                  </figure>
                )}
              </Show>
            </div>
          </article>
        )}
      </Show>
    </>
  )
}
