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
