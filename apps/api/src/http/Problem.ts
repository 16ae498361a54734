/**
 * Errors as `application/problem+json` (RFC 9457): a stable machine code, a zh-CN title and detail, and the
 * offending field. Every error response of the API goes through here.
 */
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"

export interface Problem {
  /** The machine code, e.g. "CertificateNotFound" (the domain error's tag). */
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly field?: string | undefined
}

export const problem = <S extends ContentfulStatusCode>(c: Context, status: S, p: Problem) =>
  c.body(
    JSON.stringify({
      type: `https://jineng.example/problems/${p.code}`,
      status,
      code: p.code,
      title: p.title,
      detail: p.detail,
      ...(p.field === undefined ? {} : { field: p.field })
    }),
    status,
    { "content-type": "application/problem+json; charset=utf-8" }
  )

export const TITLES = {
  badRequest: "请求参数有误",
  unauthorized: "未提供有效的 API 密钥",
  forbidden: "无权执行此操作",
  notFound: "未找到",
  tooMany: "请求过于频繁",
  internal: "服务器内部错误"
} as const
