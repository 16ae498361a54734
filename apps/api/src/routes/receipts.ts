/**
 * Signed verification receipts (issue #7; 54号·四 查询服务, 54号·五 revocations): an organisation that checks a
 * certificate through the API may ask the registry to sign what it answered — the certificate's status, the
 * digest of its public record, the transparency log's signed tree head it was checked against and the time —
 * and archive the receipt as proof. Number and name must match (an unknown number and a wrong name answer the
 * same 404); the requester is the API key's organisation.
 */
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { certificateNumberMessage, certificateNumberProblem } from "@jineng/domain/codes/CertificateNumber"
import { required, Text } from "@jineng/domain/shared/FieldSchema"
import { LookupReceipt, signReceipt } from "@jineng/domain/verification/LookupReceipt"
import { publicRecordOfCertificate, recordDigest } from "@jineng/domain/verification/SignedRecord"
import { treeHeadOf } from "@jineng/domain/verification/SignedTreeHead"
import { Clock, Effect, Option, Schema } from "effect"
import { Hono } from "hono"
import { requireAction } from "../http/Actor.js"
import type { ApiEnv } from "../http/ApiEnv.js"
import { CERTIFICATE_NOT_FOUND, sameName } from "../http/LookupCore.js"
import { problem } from "../http/Problem.js"
import type { RouteDeps } from "../http/RouteDeps.js"
import { jsonBody } from "../http/Validate.js"
import type { RouteDoc } from "../openapi/RouteDoc.js"
import { currentSignedHead, signingKeyAt } from "./verificationCore.js"

/** A certificate number as CertificateNumber checks it, unbranded: the client sends a plain string. */
const CertificateNumberText = Schema.String.annotations({ message: () => "证书编号应为文本" }).pipe(
  Schema.filter((s) => {
    const problem = certificateNumberProblem(s)
    return problem === undefined || certificateNumberMessage(problem)
  }),
  Schema.annotations({ description: "22位职业技能等级证书编号，如 S000032000001243000001" })
)

export const ReceiptRequest = Schema.Struct({
  number: required(CertificateNumberText, "证书编号"),
  name: required(Text("持证人姓名", 50), "持证人姓名")
}).annotations({
  identifier: "ReceiptRequest",
  title: "证书核验回执申请",
  message: () => "回执申请应为对象（证书编号、姓名）"
})

export const receiptsDocs: ReadonlyArray<RouteDoc> = [
  {
    method: "post",
    path: "/api/certificates/receipts",
    summary: "索取证书核验回执：登记系统签名的证书状态、所依据的日志树头和核验时间，供存档",
    description:
      "证书编号与姓名须同时相符；不相符与不存在的回答相同（404）。回执载明索取单位（API 密钥所属机构），树头可经 /api/public/log/heads/{size} 取得。",
    tag: "证书核验回执",
    action: "certificate.receipt",
    body: ReceiptRequest,
    success: { status: 200, description: "签名的核验回执", schema: LookupReceipt },
    errors: [404, 503]
  }
]

export const receipts = ({ runtime }: RouteDeps) =>
  new Hono<ApiEnv>().post(
    "/receipts",
    requireAction(runtime, "certificate.receipt"),
    jsonBody(ReceiptRequest),
    async (c) => {
      const { number, name } = c.req.valid("json")
      const requestedBy = c.get("actor").id
      const receipt = await runtime.runPromise(
        Effect.gen(function* () {
          const found = yield* Effect.flatMap(CertificateRepository, (r) => r.findByNumber(number))
          const certificate = Option.filter(found, (x) => sameName(x.holder.name, name))
          if (Option.isNone(certificate)) return Option.none()
          const held = certificate.value
          const head = yield* currentSignedHead
          const now = yield* Clock.currentTimeMillis
          const signed = yield* signReceipt(
            {
              number: held.number,
              status: held.status._tag,
              revokedOn: held.status._tag === "revoked" ? held.status.revokedOn : null,
              record: recordDigest(publicRecordOfCertificate(held)),
              head: treeHeadOf(head),
              requestedBy
            },
            yield* signingKeyAt(now),
            now
          ).pipe(Effect.orDie)
          return Option.some(signed)
        })
      )
      return Option.isNone(receipt) ? problem(c, 404, CERTIFICATE_NOT_FOUND) : c.json(receipt.value, 200)
    }
  )
