/**
 * Server A of the lookup benchmark, the baseline: the same public lookup written directly on node:http and
 * better-sqlite3 — a read-only connection, one prepared statement by number, the name compared, and a JSON
 * answer of the same fields as Jineng's (problem+json 404 of the same size). No framework, no Effect (only
 * the row's type is shared).
 * Run: node --import tsx bench/rawServer.ts <file.sqlite> <port>
 */
import { createServer, type ServerResponse } from "node:http"
import type { CertificateRow } from "@jineng/db/certificate/CertificateRow"
import { Sqlite } from "./sqlite.js"

const [file, port] = process.argv.slice(2)
if (file === undefined || port === undefined) throw new Error("usage: rawServer.ts <file.sqlite> <port>")

type Row = Pick<
  CertificateRow,
  | "number"
  | "kind"
  | "holder_name"
  | "holder_id_type"
  | "holder_id_number"
  | "occupation_code"
  | "occupation_name"
  | "work_type"
  | "level"
  | "issuer_name"
  | "issued_on"
  | "status"
  | "revoked_on"
  | "revocation_reason"
>

const db = new Sqlite(file, { readonly: true, fileMustExist: true })
const byNumber = db.prepare<[string], Row>(
  `SELECT number, kind, holder_name, holder_id_type, holder_id_number, occupation_code, occupation_name,
          work_type, level, issuer_name, issued_on, status, revoked_on, revocation_reason
   FROM certificates WHERE number = ?`
)

const LEVELS = ["", "一级/高级技师", "二级/技师", "三级/高级工", "四级/中级工", "五级/初级工"]
const NUMBER = /^[SY]\d{21}$/
const NOT_FOUND = JSON.stringify({
  type: "https://jineng.example/problems/CertificateNotFound",
  status: 404,
  code: "CertificateNotFound",
  title: "未查询到证书",
  detail: "未查询到与所填信息一致的证书，请核对证书编号（或身份证号）与姓名"
})

const send = (res: ServerResponse, status: number, type: string, body: string) => {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) })
  res.end(body)
}

const view = (r: Row) => ({
  number: r.number,
  kind: r.kind,
  holder: {
    name: r.holder_name,
    idType: r.holder_id_type,
    idTypeName: "居民身份证",
    idNumberMasked: `${r.holder_id_number.slice(0, 6)}********${r.holder_id_number.slice(-4)}`
  },
  occupation: { code: r.occupation_code, name: r.occupation_name, workType: r.work_type },
  level: { code: r.level, name: LEVELS[r.level] },
  issuer: { name: r.issuer_name },
  issuedOn: r.issued_on,
  status:
    r.status === "valid"
      ? { state: "valid", name: "有效" }
      : {
          state: "revoked",
          name: "已注销",
          revokedOn: r.revoked_on,
          reason: r.revocation_reason,
          reasonName: "违规发放证书"
        },
  verificationUrl: `http://localhost:${port}/verify/${r.number}`
})

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost")
  if (url.pathname === "/healthz") return send(res, 200, "application/json", '{"status":"ok"}')
  if (url.pathname !== "/api/public/certificates/lookup") return send(res, 404, "text/plain", "not found")
  const number = url.searchParams.get("number")?.trim()
  const name = url.searchParams.get("name")?.trim()
  if (number === undefined || !NUMBER.test(number) || name === undefined || name.length === 0)
    return send(res, 400, "text/plain", "bad request")
  const row = byNumber.get(number)
  if (row === undefined || row.holder_name !== name)
    return send(res, 404, "application/problem+json; charset=utf-8", NOT_FOUND)
  send(res, 200, "application/json; charset=utf-8", JSON.stringify({ certificates: [view(row)] }))
}).listen(Number(port), "127.0.0.1")
