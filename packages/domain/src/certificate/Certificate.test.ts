import { Either, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Holder } from "./Certificate.js"

const decode = Schema.decodeUnknownEither(Holder)
const message = (input: unknown) =>
  Either.match(decode(input), { onLeft: (e) => e.message, onRight: () => "ok" })

describe("54号·四 certificate holder (姓名, 证件类型, 证件号码)", () => {
  it("accepts a valid resident ID number", () => {
    expect(message({ name: "张三", idType: "resident_id", idNumber: "11010519491231002X" })).toBe("ok")
  })
  it("refuses a resident ID number with a wrong check digit, with the zh-CN reason on idNumber", () => {
    const m = message({ name: "张三", idType: "resident_id", idNumber: "110105194912310021" })
    expect(m).toContain("校验位错误")
    expect(m).toContain("idNumber")
  })
  it("refuses a lower-case x in the stored form", () => {
    expect(message({ name: "张三", idType: "resident_id", idNumber: "11010519491231002x" })).toContain(
      "大写X"
    )
  })
  it("refuses an empty name", () => {
    expect(message({ name: " ", idType: "resident_id", idNumber: "11010519491231002X" })).toContain(
      "姓名不能为空"
    )
  })
  it("does not apply GB 11643 to other document types", () => {
    expect(message({ name: "John Smith", idType: "passport", idNumber: "E12345678" })).toBe("ok")
  })
})
