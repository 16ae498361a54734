/**
 * A request body checked with the domain's own Schema before it is sent (architecture §8: the same rule as the
 * server, imported, never re-implemented): the decoded value, or every issue with its dotted path and the
 * domain's zh-CN message, for the form to show beside the field.
 */
import { Either, ParseResult, Schema } from "effect"

export interface Issue {
  readonly path: string
  readonly message: string
}

export type Checked<A> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly issues: ReadonlyArray<Issue> }

const HAS_CJK = /[\u4e00-\u9fff]/

export const checkRequest = <A, I>(schema: Schema.Schema<A, I>, value: unknown): Checked<A> => {
  const decoded = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(value)
  if (Either.isRight(decoded)) return { ok: true, value: decoded.right }
  return {
    ok: false,
    issues: ParseResult.ArrayFormatter.formatErrorSync(decoded.left).map((issue) => {
      const path = issue.path.map(String).join(".")
      return {
        path,
        message: HAS_CJK.test(issue.message) ? issue.message : `${path || "请求"} 的值不符合要求`
      }
    })
  }
}

/**
 * The issues as form errors: each path goes to the first field whose prefix it starts with (`fieldOf`), the first
 * issue of a field wins; issues no field claims go under "".
 */
export const issuesByField = (
  issues: ReadonlyArray<Issue>,
  fieldOf: ReadonlyArray<readonly [prefix: string, field: string]>
): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const issue of issues) {
    const hit = fieldOf.find(([prefix]) => issue.path === prefix || issue.path.startsWith(`${prefix}.`))
    const field = hit?.[1] ?? ""
    out[field] ??= issue.message
  }
  return out
}
