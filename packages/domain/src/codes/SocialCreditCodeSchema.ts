/** Schema for unified social credit codes (GB 32100 with the embedded GB 11714 check). */
import { Schema } from "effect"
import { socialCreditCodeMessage, socialCreditCodeProblem } from "./SocialCreditCode.js"

export const SocialCreditCode = Schema.String.annotations({ message: () => "统一社会信用代码应为文本" }).pipe(
  Schema.filter(
    (s) => {
      const problem = socialCreditCodeProblem(s)
      return problem === undefined || socialCreditCodeMessage(problem)
    },
    { identifier: "SocialCreditCode", description: "18位统一社会信用代码（GB 32100）" }
  ),
  Schema.brand("SocialCreditCode")
)
export type SocialCreditCode = typeof SocialCreditCode.Type
