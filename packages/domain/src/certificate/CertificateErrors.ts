/** Expected failures of the certificate registry. The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

export class CertificateNotFound extends Schema.TaggedError<CertificateNotFound>()("CertificateNotFound", {
  field: Schema.String,
  number: Schema.String
}) {
  override get message() {
    return `未找到证书 ${this.number}`
  }
}

export class SerialsExhausted extends Schema.TaggedError<SerialsExhausted>()("SerialsExhausted", {
  field: Schema.String,
  prefix: Schema.String,
  year: Schema.Number,
  level: Schema.Number
}) {
  override get message() {
    return `证书序列码已用尽（${this.prefix}，${this.year}年，${this.level}级，最多999999本）`
  }
}

/**
 * The batch id is already taken by a batch of another institution (54号·四 "谁评价、谁发证、谁负责": a batch id
 * names one institution's batch). Nothing is issued and nothing of the other batch is shown.
 */
export class BatchIdTakenByAnotherIssuer extends Schema.TaggedError<BatchIdTakenByAnotherIssuer>()(
  "BatchIdTakenByAnotherIssuer",
  {
    field: Schema.String,
    batchId: Schema.String
  }
) {
  override get message() {
    return `批次号 ${this.batchId} 已被其他机构使用，未核发任何证书，请更换批次号后重新提交`
  }
}
