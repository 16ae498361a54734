/** Expected failures of organisations, API keys and authorisation (domain.md §4). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

export class OrganisationNotFound extends Schema.TaggedError<OrganisationNotFound>()("OrganisationNotFound", {
  field: Schema.String,
  organisationId: Schema.String
}) {
  override get message() {
    return `未找到机构账户 ${this.organisationId}`
  }
}

export class OrganisationAlreadyExists extends Schema.TaggedError<OrganisationAlreadyExists>()(
  "OrganisationAlreadyExists",
  { field: Schema.String, organisationId: Schema.String }
) {
  override get message() {
    return `机构账户 ${this.organisationId} 已存在`
  }
}

/** Another key already uses this lookup prefix (the generator draws another). */
export class ApiKeyPrefixTaken extends Schema.TaggedError<ApiKeyPrefixTaken>()("ApiKeyPrefixTaken", {
  field: Schema.String,
  prefix: Schema.String
}) {
  override get message() {
    return `API 密钥查找前缀 ${this.prefix} 已被使用`
  }
}

export class ApiKeyNotFound extends Schema.TaggedError<ApiKeyNotFound>()("ApiKeyNotFound", {
  field: Schema.String,
  keyId: Schema.String
}) {
  override get message() {
    return `未找到 API 密钥 ${this.keyId}`
  }
}

/**
 * A presented API key that does not authenticate: malformed, unknown (no key with its prefix, or the secret does
 * not match) or revoked. The edge answers 401 without saying which.
 */
export class ApiKeyRejected extends Schema.TaggedError<ApiKeyRejected>()("ApiKeyRejected", {
  field: Schema.String,
  reason: Schema.Literal("malformed", "unknown", "revoked")
}) {
  override get message() {
    return this.reason === "revoked" ? "API 密钥已吊销" : "API 密钥无效"
  }
}

/** `authorise` refused the action; the reasons are the decision's failure messages. */
export class ActionRefused extends Schema.TaggedError<ActionRefused>()("ActionRefused", {
  field: Schema.String,
  action: Schema.String,
  organisationId: Schema.String,
  codes: Schema.Array(Schema.String),
  reasons: Schema.Array(Schema.String)
}) {
  override get message() {
    return this.reasons.join("；")
  }
}
