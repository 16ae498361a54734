import { describe, expect, it } from "vitest"
import { csvField, decodeCsvBytes, parseCsv, writeCsv } from "./Csv.js"

describe("Csv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks (RFC 4180)", () => {
    expect(parseCsv('姓名,备注\r\n"王, 五","他说""好""\r\n第二行"\r\n李四,\r\n')).toEqual([
      ["姓名", "备注"],
      ["王, 五", '他说"好"\r\n第二行'],
      ["李四", ""]
    ])
  })

  it("accepts LF line ends and a last line without one", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"]
    ])
  })

  it("drops a UTF-8 BOM and reads GB18030 bytes (a zh-CN Excel CSV) when they are not UTF-8", () => {
    const utf8 = new TextEncoder().encode("\ufeff姓名,证件号码\n")
    expect(parseCsv(decodeCsvBytes(utf8))[0]).toEqual(["姓名", "证件号码"])
    // "姓名" in GB18030 / GBK.
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0x41, 0x0a])
    expect(parseCsv(decodeCsvBytes(gbk))[0]).toEqual(["姓名", "A"])
  })

  it("writes with a BOM and CRLF, quoting only what needs it, and reads back the same rows", () => {
    const rows = [
      ["姓名", "备注"],
      ["王五", 'a,"b"'],
      ["李四", "两\n行"]
    ]
    const text = writeCsv(rows)
    expect(text.startsWith("\ufeff姓名,备注\r\n")).toBe(true)
    expect(csvField("plain")).toBe("plain")
    expect(parseCsv(decodeCsvBytes(new TextEncoder().encode(text)))).toEqual(rows)
  })
})
