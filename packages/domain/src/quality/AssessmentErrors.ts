/** Expected failures of quality special assessments (54号·五 专项评估). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

/** An assessment dated after today: the record states an assessment that has taken place. */
export class AssessmentDatedInFuture extends Schema.TaggedError<AssessmentDatedInFuture>()(
  "AssessmentDatedInFuture",
  { field: Schema.String, assessedOn: Schema.String, today: Schema.String }
) {
  override get message() {
    return `评估日期 ${this.assessedOn} 晚于今天（${this.today}），只能记录已开展的专项评估`
  }
}
