/** A real-looking third-party institution with its authorisation and technical basis, for the benchmarks. */
import { Institution } from "@jineng/domain/institution/Institution"
import type { IssueBatchRequest } from "@jineng/domain/issuance/IssueBatchRequest"
import { NationalStandard } from "@jineng/domain/occupation/NationalStandard"
import type { Occupation } from "@jineng/domain/occupation/Occupation"
import { QuestionBank } from "@jineng/domain/occupation/QuestionBank"
import { Schema } from "effect"
import { residentId } from "../test/fixtures.js"

export const TURNER: Occupation = {
  code: "6-18-01-01",
  name: "车工",
  major: { code: "6", name: "生产制造及有关人员" },
  middle: { code: "6-18", name: "机械制造基础加工人员" },
  minor: { code: "6-18-01", name: "机械冷加工人员" },
  workTypes: [],
  workTypeCount: 0,
  green: false,
  digital: false
}

export const institution = Schema.decodeUnknownSync(Institution)({
  id: "inst-bench",
  name: "江苏省某职业技能评价中心",
  kind: "third_party",
  uscc: "91320100MA0000015Q",
  region: "320102",
  filedWith: "province",
  numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000123" },
  responsiblePerson: { name: "张三" },
  seal: { id: "seal-bench", name: "江苏省某职业技能评价中心职业技能等级认定专用章" },
  authorisations: [
    {
      id: "auth-bench",
      occupations: [{ code: TURNER.code }],
      levels: [5, 4, 3, 2, 1],
      region: "320100",
      validFrom: "2022-05-01",
      validUntil: "2030-12-31"
    }
  ],
  statusHistory: [{ status: "admitted", date: "2022-05-01", reason: "准入", actor: "hrss-320000" }]
})

export const standard = Schema.decodeUnknownSync(NationalStandard)({
  id: "std-turner",
  occupationCode: TURNER.code,
  title: "《车工国家职业技能标准》",
  edition: "2018年版",
  publishedOn: "2018-12-01",
  effectiveFrom: "2019-01-01",
  levels: [5, 4, 3, 2, 1]
})

export const bank = Schema.decodeUnknownSync(QuestionBank)({
  id: "bank-turner",
  occupationCode: TURNER.code,
  levels: [5, 4, 3, 2, 1],
  approvedOn: "2022-05-01"
})

/** Today in Beijing: certificates are issued on the day of issuance. */
export const todayInBeijing = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** A batch request of `n` candidates (level 3 and 4 alternating), issued today in 南京. */
export const batchRequest = (batchId: string, n: number, offset = 0): IssueBatchRequest => ({
  batchId,
  institutionId: institution.id,
  issuedOn: todayInBeijing(),
  evaluationRegion: "320102",
  candidates: Array.from({ length: n }, (_, i) => ({
    holder: { name: `考生${offset + i}`, idType: "resident_id" as const, idNumber: residentId(offset + i) },
    occupationCode: TURNER.code,
    level: i % 2 === 0 ? (3 as const) : (4 as const)
  }))
})
