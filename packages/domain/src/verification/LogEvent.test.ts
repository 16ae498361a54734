import { describe, expect, it } from "vitest"
import { sampleRecord } from "../../test/SampleRecord.js"
import { fromUtf8, toBase64Url } from "./Encoding.js"
import { eventBytes, eventLeafHash, issuedEvent, revokedEvent } from "./LogEvent.js"
import { toHex } from "./Sha256.js"
import { recordDigest } from "./SignedRecord.js"

const record = (holderName = "张三") => sampleRecord({ holderName })

describe("transparency-log events (54号·四, 54号·五)", () => {
  it("an issuance leaf carries the number, date and record digest — no name, no identity number", () => {
    const event = issuedEvent(record())
    const text = fromUtf8(eventBytes(event)) as string
    expect(text).toBe(
      `{"context":"jineng/log-event/v1","kind":"issued","number":"S000032000001243000001","on":"2024-03-01","record":"${toBase64Url(recordDigest(record()))}"}`
    )
    expect(text).not.toContain("张三")
    expect(text).not.toContain("11010519491231002X")
    expect(text).not.toContain("110105")
  })

  it("binds the record's content: another holder name gives another leaf", () => {
    expect(toHex(eventLeafHash(issuedEvent(record("李四"))))).not.toBe(
      toHex(eventLeafHash(issuedEvent(record())))
    )
    expect(toHex(eventLeafHash(issuedEvent(record())))).toBe(toHex(eventLeafHash(issuedEvent(record()))))
  })

  it("a revocation leaf differs from the issuance leaf and by date", () => {
    const n = record().number
    const a = eventLeafHash(revokedEvent(n, "2025-01-02"))
    expect(toHex(a)).not.toBe(toHex(eventLeafHash(revokedEvent(n, "2025-01-03"))))
    expect(toHex(a)).not.toBe(toHex(eventLeafHash(issuedEvent(record()))))
    expect(fromUtf8(eventBytes(revokedEvent(n, "2025-01-02")))).toBe(
      '{"context":"jineng/log-event/v1","kind":"revoked","number":"S000032000001243000001","on":"2025-01-02"}'
    )
  })
})
