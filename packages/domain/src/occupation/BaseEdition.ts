/**
 * The base edition of the occupation catalogue: the 2022 《国家职业分类大典》 as published online at
 * osta.org.cn (1,676 occupations; domain.md §2 "Occupation names"; rules-research §7.1, §7.4). Later MOHRSS
 * notices are dated additions and changes on top of it (54号·三 "人力资源社会保障部发布的职业信息新增、变更通知").
 */
import { NOTICE_EFFECTIVE_FROM } from "../time/InForce.js"
import type { LocalDate } from "../time/LocalDate.js"

export interface CatalogueEdition {
  readonly id: string
  readonly title: string
  /** When the edition was published. */
  readonly publishedOn: LocalDate
  /** From when its occupations count as "in the catalogue" for this system. */
  readonly appliesFrom: LocalDate
  readonly source: string
}

/**
 * Published 2022-09-28: the MOHRSS launch of the 2022 大典 (press copies, rules-research §7.1). The notice
 * (2022-04-08, in force 2022-05-01) refers to the 大典 then in force, i.e. the 2015 edition and its
 * supplements; the 2015 list is not on file. We therefore read every occupation of the online file as
 * listed from 2022-05-01 unless a dated MOHRSS addition on file says otherwise — a provisional reading that
 * decisions flag (the online file also holds occupations MOHRSS added after 2022-09-28, undated in the source).
 */
export const BASE_EDITION: CatalogueEdition = {
  id: "dadian-2022-online",
  title: "《中华人民共和国职业分类大典（2022年版）》在线版",
  publishedOn: "2022-09-28",
  appliesFrom: NOTICE_EFFECTIVE_FROM,
  source: "osta.org.cn/career versionId 2 (REI-330/fuwuwaibao knowledge/import/build/dadian.jsonl @0a98e3b)"
}
