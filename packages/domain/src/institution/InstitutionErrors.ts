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
