/** Expected failures of signing certificate records (issue #7). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

/** Web Crypto refused to generate, import or use a signing key (no Ed25519 support, a damaged key). */
export class SigningFailed extends Schema.TaggedError<SigningFailed>()("SigningFailed", {
  field: Schema.String,
  keyId: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `证书记录签名失败（密钥 ${this.keyId}）：${this.reason}`
  }
}

/** A status list's encoded bits are not multibase base64url GZIP of a list of the minimum size. */
export class StatusListMalformed extends Schema.TaggedError<StatusListMalformed>()("StatusListMalformed", {
  field: Schema.String,
  reason: Schema.String
}) {
  override get message() {
    return `状态列表无法读取：${this.reason}`
  }
}
