/**
 * Request validation with the domain's Schemas: a body, query or path that does not decode answers 400
 * problem+json naming the first offending field, with every issue listed in `errors`. Unknown fields are refused
 * (a misspelt optional field must not pass silently). Schema messages are zh-CN in the domain; an issue without
 * one (an unexpected or missing key of a plain struct) gets a zh-CN message here.
 */
import { Either, ParseResult, Schema } from "effect"
import type { Context } from "hono"
import { validator } from "hono/validator"
import { type Problem, problem, TITLES } from "./Problem.js"

export interface FieldIssue {
  readonly field: string
  readonly message: string
}

const HAS_CJK = /[\u4e00-\u9fff]/

const fieldOf = (path: ReadonlyArray<PropertyKey>, prefix: string) =>
  [prefix, ...path.map(String)].filter((s) => s.length > 0).join(".")

/** The issues of a decode failure, each with its field path and a zh-CN message. */
export const issuesOf = (error: ParseResult.ParseError, prefix = ""): ReadonlyArray<FieldIssue> =>
  ParseResult.ArrayFormatter.formatErrorSync(error).map((issue) => {
    const field = fieldOf(issue.path, prefix) || "body"
    if (issue._tag === "Unexpected") return { field, message: `不允许的字段：${field}` }
    if (issue._tag === "Missing" && !HAS_CJK.test(issue.message))
      return { field, message: `缺少字段：${field}` }
    return { field, message: HAS_CJK.test(issue.message) ? issue.message : `字段 ${field} 的值不符合要求` }
  })

/** The 400 problem of a request that does not decode: the first issue's message and field, every issue listed. */
export const invalidRequestProblem = (issues: ReadonlyArray<FieldIssue>): Problem => ({
  code: "InvalidRequest",
  title: TITLES.badRequest,
  detail: issues[0]?.message ?? "请求参数有误",
  field: issues[0]?.field,
  extensions: { errors: issues }
})

export const invalidRequest = (c: Context, issues: ReadonlyArray<FieldIssue>) =>
  problem(c, 400, invalidRequestProblem(issues))

const OPTIONS = { errors: "all", onExcessProperty: "error" } as const

/** A decoder of `schema` with the API's options (every issue, unknown fields refused), made once. */
export const decoderOf = <A, I>(schema: Schema.Schema<A, I>, prefix = "") => {
  const decode = Schema.decodeUnknownEither(schema, OPTIONS)
  return (value: unknown): Either.Either<A, ReadonlyArray<FieldIssue>> =>
    Either.mapLeft(decode(value), (error) => issuesOf(error, prefix))
}

/** Decodes `value` with `schema`, or the 400 problem response. */
export const decodeOr400 = <A, I>(c: Context, schema: Schema.Schema<A, I>, value: unknown, prefix = "") => {
  const result = Schema.decodeUnknownEither(schema, OPTIONS)(value)
  return Either.isRight(result) ? result.right : invalidRequest(c, issuesOf(result.left, prefix))
}

/** Validates the JSON body with a Schema: `c.req.valid("json")` is the decoded value. */
export const jsonBody = <A, I>(schema: Schema.Schema<A, I>) =>
  validator("json", (value, c) => decodeOr400(c, schema, value))

/** Validates the query string with a Schema (each parameter a string; repeated parameters are not accepted). */
export const queryOf = <A, I>(schema: Schema.Schema<A, I>) =>
  validator("query", (value, c) => decodeOr400(c, schema, value))

/** Validates the path parameters with a Schema. */
export const paramsOf = <A, I>(schema: Schema.Schema<A, I>) =>
  validator("param", (value, c) => decodeOr400(c, schema, value))
