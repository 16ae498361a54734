/**
 * Which role may perform which write action of the API (domain.md §4 "Actors and what each may do"), each row
 * citing the clause that gives the power: 54号·一 rule tables and 破格 rules, 54号·二 competitions and filings
 * (附件1), 54号·三 standards, norms and 《江苏省技术资源发布目录》, 54号·四 certificates, 54号·五 the catalogue,
 * batches (附件2), assessments, revocations and reports; any organisation may ask for a signed receipt of a
 * certificate check (issue #7). A pure table: `authorise` adds the region scope.
 */
import { type Citation, Cite } from "../rule/Citation.js"
import { ORGANISATION_ROLES, type OrganisationRole } from "./OrganisationRole.js"

export const ACTIONS = [
  "batch.publish",
  "batch.issue",
  "competition.file",
  "competition-certificate.issue",
  "filing.opinion",
  "filing.cosign",
  "institution.admit",
  "institution.change",
  "institution.suspend",
  "institution.remove",
  "standard.manage",
  "enterprise-norm.file",
  "promotion-rule.file",
  "catalogue-entry.approve",
  "rule-table.publish",
  "revocation.preview",
  "revocation.execute",
  "assessment.record",
  "report.handle",
  "organisation.manage",
  "certificate.receipt"
] as const

export type Action = (typeof ACTIONS)[number]

/** domain.md §4, the actors table the permissions transcribe. */
export const ACTORS_TABLE: Citation = "domain.md §4"

export interface Permission {
  readonly roles: ReadonlyArray<OrganisationRole>
  /** What the action is (zh-CN), for messages. */
  readonly name: string
  /** The clause that gives the power. */
  readonly citation: Citation
}

export const PERMISSIONS: Readonly<Record<Action, Permission>> = {
  // 附件2 is published by the institution for its own batches and by the departments 属地管理 (54号·五).
  "batch.publish": {
    roles: ["province", "city", "district", "institution"],
    name: "公布评价批次",
    citation: Cite.annex2
  },
  // 谁评价、谁发证、谁负责.
  "batch.issue": {
    roles: ["institution", "employer"],
    name: "核发职业技能等级证书",
    citation: Cite.issuance
  },
  // Hosts file competitions and plans; district bureaus run district-level competitions (domain.md §4).
  "competition.file": { roles: ["host", "district"], name: "竞赛及办赛计划备案", citation: Cite.competition },
  // 市级一类、区（县）级: the city centre 代章; 市级二类: or a commissioned host with 认定 authority.
  "competition-certificate.issue": {
    roles: ["city_appraisal_centre", "host"],
    name: "核发竞赛证书",
    citation: Cite.issuance
  },
  // Each level records its own opinion on 附件1.
  "filing.opinion": {
    roles: ["district", "city", "province"],
    name: "填写跨区域办赛备案意见",
    citation: Cite.annex1
  },
  "filing.cosign": { roles: ["province"], name: "会签跨省竞赛工作文件", citation: Cite.competition },
  "institution.admit": {
    roles: ["province", "city"],
    name: "评价机构准入（含恢复、重新准入）",
    citation: Cite.quality
  },
  "institution.change": { roles: ["province", "city"], name: "变更评价机构评价范围", citation: Cite.quality },
  "institution.suspend": { roles: ["province", "city"], name: "暂停评价机构评价", citation: Cite.quality },
  "institution.remove": { roles: ["province", "city"], name: "将评价机构移出目录", citation: Cite.quality },
  // National standards and banks (registry data); norms are filed with an appraisal institution.
  "standard.manage": {
    roles: ["province", "provincial_appraisal_centre", "city_appraisal_centre"],
    name: "管理技术标准、评价题库及企业评价规范备案",
    citation: Cite.standards
  },
  "enterprise-norm.file": { roles: ["employer"], name: "提交企业评价规范备案", citation: Cite.standards },
  "promotion-rule.file": { roles: ["employer"], name: "登记破格晋升制度", citation: Cite.eligibility },
  "catalogue-entry.approve": {
    roles: ["provincial_appraisal_centre"],
    name: "审定纳入《江苏省技术资源发布目录》",
    citation: Cite.standards
  },
  // The 贯通 (132号) and competition promotion (65号) tables are provincial policy.
  "rule-table.publish": { roles: ["province"], name: "发布资格审核规则表", citation: Cite.eligibility },
  "revocation.preview": { roles: ["province", "city"], name: "预览证书注销", citation: Cite.quality },
  "revocation.execute": { roles: ["province", "city"], name: "注销证书", citation: Cite.quality },
  "assessment.record": {
    roles: ["province", "provincial_appraisal_centre"],
    name: "记录评价质量专项评估",
    citation: Cite.quality
  },
  "report.handle": {
    roles: ["province", "city", "district"],
    name: "受理、核查举报",
    citation: Cite.quality
  },
  "organisation.manage": { roles: ["province"], name: "管理机构账户及 API 密钥", citation: ACTORS_TABLE },
  // Any organisation checking a certificate may archive what the registry answered (查询服务, issue #7).
  "certificate.receipt": {
    roles: ORGANISATION_ROLES,
    name: "索取证书核验回执",
    citation: Cite.issuance
  }
}

export const isAction = (s: string): s is Action => Object.hasOwn(PERMISSIONS, s)

export const mayPerform = (role: OrganisationRole, action: Action): boolean =>
  PERMISSIONS[action].roles.includes(role)

/** The actions a role may perform, in table order. */
export const actionsOf = (role: OrganisationRole): ReadonlyArray<Action> =>
  ACTIONS.filter((action) => mayPerform(role, action))
