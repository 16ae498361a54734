/**
 * Errors as `application/problem+json` (RFC 9457): a stable machine code, a zh-CN title and detail, and the
 * offending field. Every error response of the API goes through here: domain failures (their tag is the code,
 * their zh-CN message the detail), decode failures of a request (the first issue's path is the field), and the
 * edge's own refusals (401, 403, 413, 429).
 */
import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { statusOfTag } from "./ErrorStatus.js"

export interface Problem {
  /** The machine code, e.g. "CertificateNotFound" (the domain error's tag). */
  readonly code: string
  readonly title: string
  readonly detail: string
  readonly field?: string | undefined
  /** Further machine-readable facts (e.g. the refused rows of a batch, a decision's failures). */
  readonly extensions?: Readonly<Record<string, unknown>>
}

export const problemBody = (status: number, p: Problem) => ({
  type: `https://jineng.example/problems/${p.code}`,
  status,
  code: p.code,
  title: p.title,
  detail: p.detail,
  ...(p.field === undefined ? {} : { field: p.field }),
  ...p.extensions
})

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8"

export const problem = <S extends ContentfulStatusCode>(c: Context, status: S, p: Problem) =>
  c.body(JSON.stringify(problemBody(status, p)), status, { "content-type": PROBLEM_CONTENT_TYPE })

export const TITLES = {
  badRequest: "请求参数有误",
  unauthorized: "未提供有效的 API 密钥",
  forbidden: "无权执行此操作",
  notFound: "未找到",
  conflict: "与当前状态冲突",
  unprocessable: "不符合规定，未予办理",
  tooLarge: "请求内容过大",
  tooMany: "请求过于频繁",
  unsupported: "不支持的内容类型",
  internal: "服务器内部错误",
  unavailable: "暂时无法提供此服务"
} as const

const TITLE_OF_STATUS: Readonly<Record<number, string>> = {
  400: TITLES.badRequest,
  401: TITLES.unauthorized,
  403: TITLES.forbidden,
  404: TITLES.notFound,
  409: TITLES.conflict,
  422: TITLES.unprocessable,
  503: TITLES.unavailable
}

/** The fields of a domain error other than its tag, field and message, as extensions of the problem. */
const extensionsOf = (error: Readonly<Record<string, unknown>>) => {
  const { _tag, field, message, stack, name, ...rest } = error
  void [_tag, field, message, stack, name]
  return rest
}

/** A domain failure (a Schema.TaggedError with `field` and a zh-CN message) as a problem response. */
export const domainProblem = (
  c: Context,
  error: { readonly _tag: string; readonly message: string; readonly field?: unknown }
) => {
  const status = statusOfTag(error._tag)
  return problem(c, status, {
    code: error._tag,
    title: TITLE_OF_STATUS[status] ?? TITLES.unprocessable,
    detail: error.message,
    field: typeof error.field === "string" ? error.field : undefined,
    extensions: extensionsOf({ ...error })
  })
}
