/**
 * Organisations acting through the API (domain.md §4) for the tests: the provincial department and centre,
 * the 南京 and 苏州 bureaus, 玄武区, the 南京 centre, an employer. Each builder takes overrides for the fields a
 * test sets.
 */
import { Schema } from "effect"
import { Organisation } from "../src/access/Organisation.js"

/** Decodes an organisation. */
export const org = (o: unknown): Organisation => Schema.decodeUnknownSync(Organisation)(o)

/** An organisation named "<id> 单位", acting for a catalogue institution when one is given. */
export const unit = (id: string, role: string, regionCode: string, institutionId?: string): Organisation =>
  org({ id, name: `${id} 单位`, role, regionCode, ...(institutionId === undefined ? {} : { institutionId }) })

/** 江苏省人力资源和社会保障厅. */
export const provinceOrg = (over: Record<string, unknown> = {}) =>
  org({
    id: "org-province",
    name: "江苏省人力资源和社会保障厅",
    role: "province",
    regionCode: "320000",
    ...over
  })

/** 江苏省职业技能鉴定中心. */
export const provincialCentreOrg = (over: Record<string, unknown> = {}) =>
  org({
    id: "org-centre",
    name: "江苏省职业技能鉴定中心",
    role: "provincial_appraisal_centre",
    regionCode: "320000",
    ...over
  })

/** 南京市职业技能鉴定指导中心. */
export const nanjingCentreOrg = (over: Record<string, unknown> = {}) =>
  org({
    id: "org-nanjing-centre",
    name: "南京市职业技能鉴定指导中心",
    role: "city_appraisal_centre",
    regionCode: "320100",
    ...over
  })

/** 南京市人力资源和社会保障局. */
export const nanjingOrg = (over: Record<string, unknown> = {}) =>
  org({ id: "org-nanjing", name: "南京市人力资源和社会保障局", role: "city", regionCode: "320100", ...over })

/** 苏州市人力资源和社会保障局. */
export const suzhouOrg = (over: Record<string, unknown> = {}) =>
  org({ id: "org-suzhou", name: "苏州市人力资源和社会保障局", role: "city", regionCode: "320500", ...over })

/** 南京市玄武区人力资源和社会保障局. */
export const xuanwuOrg = (over: Record<string, unknown> = {}) =>
  org({
    id: "org-xuanwu",
    name: "南京市玄武区人力资源和社会保障局",
    role: "district",
    regionCode: "320102",
    ...over
  })

/** 南京某精工机械有限公司, an employer in 玄武区 acting for catalogue institution inst-emp. */
export const employerOrg = (over: Record<string, unknown> = {}) =>
  org({
    id: "org-emp",
    name: "南京某精工机械有限公司",
    role: "employer",
    regionCode: "320102",
    institutionId: "inst-emp",
    ...over
  })
