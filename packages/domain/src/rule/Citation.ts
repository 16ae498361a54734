/** Citations of the clauses and sources that rules rest on (domain.md: "cite a clause as 54号·一 … 54号·五"). */

export type Citation = string

export const Cite = {
  /** 54号·一 规范资格审核 */
  eligibility: "54号·一",
  /** 54号·二 规范办赛行为 */
  competition: "54号·二",
  /** 54号·三 规范技术标准 */
  standards: "54号·三",
  /** 54号·四 规范证书核发 */
  issuance: "54号·四",
  /** 54号·五 规范质量管理 (also: in force from 2022-05-01) */
  quality: "54号·五",
  annex1: "54号·附件1",
  annex2: "54号·附件2",
  annex3: "54号·附件3",
  /** Resident identity number, ISO 7064 MOD 11-2 */
  gb11643: "GB 11643-1999",
  /** Unified social credit code */
  gb32100: "GB 32100-2015",
  /** Organisation code embedded in the USCC */
  gb11714: "GB 11714-1997",
  /** Administrative division codes */
  gbt2260: "GB/T 2260",
  /** MOHRSS unified numbering rule for 职业技能等级证书 (secondary copies; domain.md §3) */
  certificateNumbering: "人社部职业技能等级证书统一编码规则",
  /** 贯通: 江苏省高技能人才与专业技术人才职业发展贯通改革实施方案 (text not found; domain.md §2) */
  titleBridge: "苏人社发〔2021〕132号",
  /** Promotion by competition ranking (text not found; domain.md §2) */
  competitionPromotion: "苏人社函〔2022〕65号",
  /** 民法典 Art. 1259 reading of 以上/以内/超过, used for boundaries (domain.md §2) */
  civilCode1259: "民法典第一千二百五十九条",
  /** Jineng's own decisions on what the sources leave open */
  domainDecisions: "domain.md §2"
} as const
