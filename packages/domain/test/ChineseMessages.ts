/**
 * Test support: the decode errors a person would see must be Chinese sentences, never a schema's English
 * ("Expected …", "… is missing"). Used by the schema tests of each context.
 */
import { Either, ParseResult, Schema } from "effect"
import { expect } from "vitest"

/** An English schema sentence: none may reach a person. */
export const ENGLISH = /Expected|is missing|is unexpected|is forbidden|actual/

/** The leaf messages of a failed decode (all errors), after checking the tree holds no English sentence. */
export const leafMessages =
  <A, I>(schema: Schema.Schema<A, I, never>) =>
  (input: unknown): ReadonlyArray<string> => {
    const result = Schema.decodeUnknownEither(schema, { errors: "all" })(input)
    if (Either.isRight(result)) throw new Error("expected a decode failure")
    expect(ParseResult.TreeFormatter.formatErrorSync(result.left)).not.toMatch(ENGLISH)
    return ParseResult.ArrayFormatter.formatErrorSync(result.left).map((issue) => issue.message)
  }

export const expectChinese = (messages: ReadonlyArray<string>) => {
  expect(messages.length).toBeGreaterThan(0)
  for (const m of messages) {
    expect(m).toMatch(/\p{Script=Han}/u)
    expect(m).not.toMatch(ENGLISH)
  }
}
