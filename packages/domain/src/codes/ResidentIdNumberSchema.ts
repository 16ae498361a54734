/** Schemas for resident ID numbers: the canonical 18-character form, and a lenient input form that normalises. */
import { Schema } from "effect"
import { normaliseResidentId, residentIdMessage, residentIdProblem } from "./ResidentIdNumber.js"

/** A valid 18-character number with an upper-case X. */
export const ResidentIdNumber = Schema.String.annotations({ message: () => "身份证号码应为文本" }).pipe(
  Schema.filter(
    (s) => {
      if (s.endsWith("x")) return "身份证号码校验位应为大写X"
      const problem = residentIdProblem(s)
      return problem === undefined || residentIdMessage(problem)
    },
    { identifier: "ResidentIdNumber", description: "18位公民身份号码（GB 11643）" }
  ),
  Schema.brand("ResidentIdNumber")
)
export type ResidentIdNumber = typeof ResidentIdNumber.Type

/** Input as people type it: spaces, lower-case x and 15-digit numbers are normalised, then validated. */
export const ResidentIdNumberInput = Schema.transform(Schema.String, Schema.String, {
  strict: true,
  decode: normaliseResidentId,
  encode: (s) => s
}).pipe(Schema.compose(ResidentIdNumber))
