/** A decoded public certificate record for the verification tests: one holder, overridable facts. */
import { Schema } from "effect"
import { PublicRecord, publicRecordOf } from "../src/verification/SignedRecord.js"

export const sampleRecord = (overrides: Record<string, unknown> = {}): PublicRecord =>
  Schema.decodeUnknownSync(PublicRecord)(
    publicRecordOf({
      number: "S000032000001243000001",
      holderName: "张三",
      idNumber: "11010519491231002X",
      occupationCode: "6-18-01-01",
      occupationName: "电工",
      workType: null,
      level: 3,
      issuerName: "南京市某职业技能等级认定机构",
      institutionId: "inst-001",
      issuedOn: "2024-03-01",
      ...overrides
    } as never)
  )
