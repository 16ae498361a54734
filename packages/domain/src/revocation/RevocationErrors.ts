/** Expected failures of revocation orders (54号·五 注销). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"

export class RevocationOrderNotInForce extends Schema.TaggedError<RevocationOrderNotInForce>()(
  "RevocationOrderNotInForce",
  { field: Schema.String, orderedOn: Schema.String }
) {
  override get message() {
    return `注销决定日期 ${this.orderedOn} 早于苏人社办函〔2022〕54号施行日期 2022-05-01，不适用本规则`
  }
}

export class RevocationBasisMissing extends Schema.TaggedError<RevocationBasisMissing>()(
  "RevocationBasisMissing",
  { field: Schema.String }
) {
  override get message() {
    return this.field === "basis.title" ? "注销决定应载明所依据文件的标题" : "注销决定应载明所依据文件的文号"
  }
}

export class CreditCheckReferralMissing extends Schema.TaggedError<CreditCheckReferralMissing>()(
  "CreditCheckReferralMissing",
  { field: Schema.String, reason: Schema.String, reasonName: Schema.String }
) {
  override get message() {
    return `因“${this.reasonName}”注销证书的，应同时启动信用核查联动机制（苏人社办函〔2022〕54号第五条）`
  }
}

export class RevocationScopeInvalid extends Schema.TaggedError<RevocationScopeInvalid>()(
  "RevocationScopeInvalid",
  {
    field: Schema.String,
    problem: Schema.Literal("empty", "duplicate", "malformed", "batch_id_missing"),
    numbers: Schema.Array(Schema.String)
  }
) {
  override get message() {
    const numbers = this.numbers.join("、")
    return {
      empty: "注销范围至少应列明一本证书",
      duplicate: `注销范围中有证书编号重复列出：${numbers}`,
      malformed: `注销范围中有证书编号格式不符：${numbers}`,
      batch_id_missing: "整批注销应载明批次编号"
    }[this.problem]
  }
}

export class RevocationBatchNotFound extends Schema.TaggedError<RevocationBatchNotFound>()(
  "RevocationBatchNotFound",
  { field: Schema.String, batchId: Schema.String }
) {
  override get message() {
    return `未找到批次 ${this.batchId} 的证书`
  }
}

export class RevocationCertificatesNotFound extends Schema.TaggedError<RevocationCertificatesNotFound>()(
  "RevocationCertificatesNotFound",
  { field: Schema.String, count: Schema.Number, sample: Schema.Array(Schema.String) }
) {
  override get message() {
    return `注销范围中有 ${this.count} 本证书在证书库中不存在（如 ${this.sample.join("、")}），请核对后重新提交`
  }
}

export class RevocationNotAuthorised extends Schema.TaggedError<RevocationNotAuthorised>()(
  "RevocationNotAuthorised",
  {
    field: Schema.String,
    level: Schema.String,
    regionCode: Schema.String,
    /** How many certificates lie outside the actor's region (0 when the actor may not revoke at all). */
    outsideCount: Schema.Number,
    sample: Schema.Array(Schema.String),
    /** The zh-CN explanation from the authority rule. */
    detail: Schema.String
  }
) {
  override get message() {
    return `无权作出该注销决定：${this.detail}`
  }
}

/** An order dated after today: a certificate's revocation date is the order's date, and it cannot lie ahead. */
export class RevocationOrderDatedInFuture extends Schema.TaggedError<RevocationOrderDatedInFuture>()(
  "RevocationOrderDatedInFuture",
  { field: Schema.String, orderedOn: Schema.String, today: Schema.String }
) {
  override get message() {
    return `注销决定日期 ${this.orderedOn} 晚于今天（${this.today}），不能预先注销证书`
  }
}

export class RevocationOrderNotFound extends Schema.TaggedError<RevocationOrderNotFound>()(
  "RevocationOrderNotFound",
  { field: Schema.String, orderId: Schema.String }
) {
  override get message() {
    return `未找到注销决定 ${this.orderId}`
  }
}
