/**
 * Schema for a tracking code (查询码, 54号·五 举报) as a reporter types it: spaces, hyphens and lower case are
 * accepted and removed (normaliseTrackingCode); what remains must be a well-formed code, else a zh-CN message.
 */
import { identity, Schema } from "effect"
import { isTrackingCode, normaliseTrackingCode } from "./TrackingCode.js"

export const TRACKING_CODE_MESSAGE =
  "查询码应为 JB 加10位字母或数字（如 JB-23456-789AB；不含 0、O、1、I），请核对后重新输入"

export const TrackingCodeInput = Schema.transform(
  Schema.String.annotations({ message: () => "查询码应为文本" }),
  Schema.String.pipe(Schema.filter((s) => isTrackingCode(s) || TRACKING_CODE_MESSAGE)),
  { strict: true, decode: normaliseTrackingCode, encode: identity }
).annotations({ identifier: "TrackingCode", description: "举报查询码，如 JB-23456-789AB（不区分大小写）" })
