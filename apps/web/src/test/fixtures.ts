/** Answers of the API as the site receives them, for the component tests. */
import type { ApiResult, CertificateView } from "../api"
import type { PublicInstitution, PublishedBatch, PublishedPlan } from "../lib/types"

/** The API's types brand certificate numbers; over JSON they are plain strings. */
const certificateNumber = (s: string) => s as CertificateView["number"]

export const VALID: CertificateView = {
  number: certificateNumber("S000032000001235000001"),
  kind: "level",
  holder: {
    name: "向一永",
    idType: "resident_id",
    idTypeName: "居民身份证",
    idNumberMasked: "321012********000X"
  },
  occupation: { code: "4-04-05-03", name: "速录师", workType: null },
  level: { code: 5, name: "五级/初级工" },
  issuer: { name: "江苏匠心职业技能评价中心（江都区）" },
  issuedOn: "2023-07-26",
  status: { state: "valid", name: "有效" },
  verificationUrl: "https://cx.example.gov.cn/verify/S000032000001235000001?name=%E5%90%91%E4%B8%80%E6%B0%B8"
}

export const REVOKED: CertificateView = {
  ...VALID,
  number: certificateNumber("Y000032000003253000001"),
  holder: { ...VALID.holder, name: "陆兰" },
  occupation: { code: "6-18-01-01", name: "车工", workType: "数控车工" },
  level: { code: 3, name: "三级/高级工" },
  status: {
    state: "revoked",
    name: "已注销",
    revokedOn: "2026-11-26",
    reason: "qualification_mismatch",
    reasonName: "资格条件不符"
  },
  verificationUrl: "https://cx.example.gov.cn/verify/Y000032000003253000001"
}

export const found = (...certificates: ReadonlyArray<CertificateView>) =>
  ({ ok: true, value: { certificates } }) as const

export const NOT_FOUND: ApiResult<never> = {
  ok: false,
  status: 404,
  problem: {
    code: "CertificateNotFound",
    title: "未查询到证书",
    detail: "未查询到与所填信息一致的证书，请核对证书编号（或身份证号）与姓名"
  }
}

export const TOO_MANY: ApiResult<never> = {
  ok: false,
  status: 429,
  retryAfter: 42,
  problem: { code: "LookupRateLimited", title: "请求过于频繁", detail: "查询过于频繁，请 42 秒后再试" }
}

export const page = <T>(items: ReadonlyArray<T>, total = items.length, offset = 0, limit = 20) =>
  ({ ok: true, value: { items, total, offset, limit } }) as const

export const INSTITUTION: PublicInstitution = {
  id: "inst-0003",
  name: "海门区华瑞汽车有限公司",
  kind: "employer",
  kindName: "用人单位",
  uscc: "91320614994441864A",
  region: { code: "320614", name: "江苏省南通市海门区" },
  filedWith: "province",
  numberingPrefix: "Y000032000003",
  status: { state: "admitted", name: "已纳入目录", since: "2022-05-01" },
  statusHistory: [{ status: "admitted", name: "已纳入目录", date: "2022-05-01" }],
  authorisations: [
    {
      id: "auth-3",
      occupations: [{ code: "6-18-01-01", workType: "数控车工" }],
      levels: [
        { code: 5, name: "五级/初级工" },
        { code: 4, name: "四级/中级工" }
      ],
      region: { code: "320600", name: "江苏省南通市" },
      validFrom: "2022-05-01",
      validUntil: "2029-05-26"
    }
  ]
}

export const BATCH: PublishedBatch = {
  batchId: "JS2025-0004-002",
  publishedOn: "2025-07-26",
  listing: {
    institution: { id: "inst-0004", name: "江苏弘毅职业技能评价中心（泗洪县）" },
    occupation: { code: "4-01-02-04", name: "收银员" },
    level: 4,
    evaluationTime: { from: "2025-08-26", until: "2025-08-27" },
    contact: { name: "严建国", phone: "0527-70543933" },
    regionCode: "321324"
  }
}

export const PLAN: PublishedPlan = {
  id: "plan-comp-0004",
  competitionId: "comp-0004",
  listing: {
    host: "江苏省总工会",
    eventName: "美发师赛项",
    time: { from: "2026-11-26", until: "2026-11-26" },
    participationConditions: "参加我省基本养老保险一年以上，或具有我省户籍",
    registrationPhone: "025-62453000",
    regionCode: "320000"
  },
  occupation: { code: "4-10-03-01", name: "美发师" },
  publishedOn: "2026-09-26"
}
