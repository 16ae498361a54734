/**
 * Catalogue institutions (54号·四、五) for the tests: an admitted third-party institution in 玄武区, the
 * fields that make it an employer, and an authorisation. Builders take overrides; a test that depends on a
 * value passes it.
 */
import { Schema } from "effect"
import { Institution } from "../src/institution/Institution.js"
import { TURNER } from "./OccupationFixtures.js"

/** The employer's unified social credit code, and another employer's. */
export const EMPLOYER_USCC = "91320100MA0000023K"
export const OTHER_USCC = "91320500MA00000313"

/** Admission to the catalogue on 2022-05-01 by 南京市人社局. */
export const ADMITTED = { status: "admitted", date: "2022-05-01", reason: "准入", actor: "hrss-320100" }

/**
 * The encoded fields of 江苏某职业技能评价有限公司: a third-party institution in 玄武区 filed with the province
 * (prefix S 0000 32 000123), signed by 张三 under its one seal, admitted, without authorisations.
 */
export const thirdPartyFields = {
  id: "inst-s",
  name: "江苏某职业技能评价有限公司",
  kind: "third_party",
  uscc: "91320100MA0000015Q",
  region: "320102",
  filedWith: "province",
  numberingPrefix: { type: "S", institutionCode: "0000", province: "32", siteSerial: "000123" },
  responsiblePerson: { name: "张三" },
  seal: { id: "seal-s", name: "江苏某职业技能评价有限公司职业技能等级认定专用章" },
  authorisations: [],
  statusHistory: [ADMITTED]
}

/**
 * The fields that turn `thirdPartyFields` into 南京某机械有限公司, an employer (prefix Y 0000 32 000456) signed
 * by 赵六.
 */
export const employerFields = {
  id: "inst-y",
  name: "南京某机械有限公司",
  kind: "employer",
  uscc: EMPLOYER_USCC,
  numberingPrefix: { type: "Y", institutionCode: "0000", province: "32", siteSerial: "000456" },
  responsiblePerson: { name: "赵六" },
  seal: { id: "seal-y", name: "南京某机械有限公司" }
}

/** `thirdPartyFields` with `over` applied, decoded. */
export const institution = (over: Record<string, unknown> = {}): Institution =>
  Schema.decodeUnknownSync(Institution)({ ...thirdPartyFields, ...over })

/** An authorisation (encoded): 车工 at levels 5–3 in 南京市, 2022-05-01 to 2025-12-31; `over` changes a field. */
export const authorisation = (over: Record<string, unknown> = {}) => ({
  id: "auth-1",
  occupations: [{ code: TURNER }],
  levels: [5, 4, 3],
  region: "320100",
  validFrom: "2022-05-01",
  validUntil: "2025-12-31",
  ...over
})
