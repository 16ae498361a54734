/** Expected failures of the institution catalogue (54号·五). The tag is the machine code; `message` is zh-CN. */
import { Schema } from "effect"
import { catalogueStatusName } from "./CatalogueStatus.js"
import { CatalogueStatus } from "./CatalogueStatusSchema.js"

export class InstitutionNotFound extends Schema.TaggedError<InstitutionNotFound>()("InstitutionNotFound", {
  field: Schema.String,
  institutionId: Schema.String
}) {
  override get message() {
    return `未找到评价机构 ${this.institutionId}`
  }
}

export class InvalidStatusTransition extends Schema.TaggedError<InvalidStatusTransition>()(
  "InvalidStatusTransition",
  {
    field: Schema.String,
    /** The status before the move; null before admission. */
    from: Schema.NullOr(CatalogueStatus),
    to: CatalogueStatus,
    date: Schema.String,
    /** The last recorded date when the new entry is dated before it. */
    lastDate: Schema.NullOr(Schema.String)
  }
) {
  override get message() {
    if (this.lastDate !== null && this.date < this.lastDate) {
      return `目录状态变更日期 ${this.date} 早于最近一次变更日期 ${this.lastDate}`
    }
    const from = this.from === null ? "未纳入目录" : catalogueStatusName(this.from)
    return `目录状态不能由“${from}”变更为“${catalogueStatusName(this.to)}”（能进能出：准入→暂停→恢复，准入或暂停→移出，移出→重新准入）`
  }
}

export class InstitutionAlreadyExists extends Schema.TaggedError<InstitutionAlreadyExists>()(
  "InstitutionAlreadyExists",
  { field: Schema.String, institutionId: Schema.String }
) {
  override get message() {
    return `评价机构 ${this.institutionId} 已在目录中`
  }
}

/** Two institutions may not share a certificate numbering prefix: their numbers would be indistinguishable (54号·四). */
export class NumberingPrefixTaken extends Schema.TaggedError<NumberingPrefixTaken>()("NumberingPrefixTaken", {
  field: Schema.String,
  /** Parts 1–4 of the certificate number, e.g. "S000032000123". */
  prefix: Schema.String,
  /** The institution that holds the prefix. */
  heldBy: Schema.String
}) {
  override get message() {
    return `证书编号前缀 ${this.prefix} 已由评价机构 ${this.heldBy} 使用`
  }
}

/** A change of region or authorisations that would leave the institution invalid (e.g. a prefix of another province). */
export class InvalidInstitutionScope extends Schema.TaggedError<InvalidInstitutionScope>()(
  "InvalidInstitutionScope",
  { field: Schema.String, institutionId: Schema.String, problem: Schema.String }
) {
  override get message() {
    return `评价机构 ${this.institutionId} 的评价范围变更无效：${this.problem}`
  }
}

/** A removed institution is out of the catalogue: its scope changes only after readmission (54号·五 能进能出). */
export class InstitutionRemoved extends Schema.TaggedError<InstitutionRemoved>()("InstitutionRemoved", {
  field: Schema.String,
  institutionId: Schema.String,
  /** The day the removal took effect. */
  removedOn: Schema.String
}) {
  override get message() {
    return `评价机构 ${this.institutionId} 已于 ${this.removedOn} 移出目录，须重新准入后方可变更评价范围`
  }
}
