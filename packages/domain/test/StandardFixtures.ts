/** Technical resources (54号·三) for the tests: the 车工 standard and question bank, a provincial entry. */
import { Schema } from "effect"
import { NationalStandard } from "../src/occupation/NationalStandard.js"
import { ProvincialCatalogueEntry } from "../src/occupation/ProvincialCatalogueEntry.js"
import { QuestionBank } from "../src/occupation/QuestionBank.js"
import { NEW, TURNER } from "./OccupationFixtures.js"

/** 《车工国家职业技能标准》2018年版, in force from 2019-01-01 with levels 5 to 1; `over` changes any field. */
export const turnerStandard = (over: Record<string, unknown> = {}): NationalStandard =>
  Schema.decodeUnknownSync(NationalStandard)({
    id: "std-turner",
    occupationCode: TURNER,
    title: "《车工国家职业技能标准》",
    edition: "2018年版",
    publishedOn: "2018-12-01",
    effectiveFrom: "2019-01-01",
    levels: [5, 4, 3, 2, 1],
    ...over
  })

/** A 车工 question bank for levels 5 to 3, approved on 2022-05-01; `over` changes any field. */
export const turnerBank = (over: Record<string, unknown> = {}): QuestionBank =>
  Schema.decodeUnknownSync(QuestionBank)({
    id: "bank-turner",
    occupationCode: TURNER,
    levels: [5, 4, 3],
    approvedOn: "2022-05-01",
    ...over
  })

/** 某新职业 in 《江苏省技术资源发布目录》 for levels 4 and 3, listed on 2023-01-01; `over` changes any field. */
export const newOccupationEntry = (over: Record<string, unknown> = {}): ProvincialCatalogueEntry =>
  Schema.decodeUnknownSync(ProvincialCatalogueEntry)({
    id: "jsml-1",
    occupationCode: NEW,
    levels: [4, 3],
    normTitle: "某新职业评价规范",
    questionBankId: "bank-js-1",
    approvedBy: "centre-320000",
    listedOn: "2023-01-01",
    ...over
  })
