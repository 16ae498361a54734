/**
 * A deterministic demo registry of any size (issue #3): institutions of every kind with their authorisations
 * and status histories, the organisations that act for them, evaluation batches (附件2) whose passed candidates
 * hold certificates — valid and revoked — competitions with plans (附件3) and filings at every level (附件1),
 * quality assessments and reports. Everything goes through the domain's ports and rules, so the data is valid
 * by construction; the same size and seed always give the same registry (dates relative to `today`).
 */

import { Organisation } from "@jineng/domain/access/Organisation"
import { OrganisationRepository } from "@jineng/domain/access/OrganisationRepository"
import type { CertificateDraft } from "@jineng/domain/certificate/CertificateDraft"
import { CertificateRepository } from "@jineng/domain/certificate/CertificateRepository"
import { isCertifiableMajor } from "@jineng/domain/codes/OccupationCode"
import { jiangsuCities, jiangsuCounties } from "@jineng/domain/codes/Region"
import type { SkillLevel } from "@jineng/domain/codes/SkillLevel"
import type { Competition } from "@jineng/domain/competition/Competition"
import type { CompetitionClass } from "@jineng/domain/competition/CompetitionClass"
import { CompetitionRepository } from "@jineng/domain/competition/CompetitionRepository"
import { Filings } from "@jineng/domain/competition/Filings"
import { Institution } from "@jineng/domain/institution/Institution"
import { InstitutionRepository } from "@jineng/domain/institution/InstitutionRepository"
import { faceOf } from "@jineng/domain/issuance/CertificateIssuance"
import { EvaluationBatchRepository } from "@jineng/domain/issuance/EvaluationBatchRepository"
import { issuanceAuthority } from "@jineng/domain/issuance/IssuanceAuthority"
import type { Occupation } from "@jineng/domain/occupation/Occupation"
import { lookupOf, nameOn } from "@jineng/domain/occupation/OccupationCatalogue"
import { StandardRepository } from "@jineng/domain/occupation/StandardRepository"
import { periodOf, previousPeriod } from "@jineng/domain/quality/AssessmentPeriod"
import { AssessmentRepository } from "@jineng/domain/quality/AssessmentRepository"
import { Reports } from "@jineng/domain/quality/Reports"
import { Revocations } from "@jineng/domain/revocation/Revocations"
import { Transactional } from "@jineng/domain/shared/Transactional"
import { addMonths, type LocalDate } from "@jineng/domain/time/LocalDate"
import { Data, Effect, Option, Schema } from "effect"
import {
  makeRandom,
  personName,
  phoneNumber,
  type Random,
  residentId,
  socialCreditCode
} from "./DemoRandom.js"

export interface DemoSize {
  readonly institutions: number
  readonly batchesPerInstitution: number
  readonly candidatesPerBatch: number
  readonly competitions: number
  readonly reports: number
}

export const DEMO_SIZES = {
  tiny: { institutions: 4, batchesPerInstitution: 2, candidatesPerBatch: 10, competitions: 4, reports: 3 },
  small: {
    institutions: 12,
    batchesPerInstitution: 4,
    candidatesPerBatch: 40,
    competitions: 12,
    reports: 10
  },
  medium: {
    institutions: 40,
    batchesPerInstitution: 10,
    candidatesPerBatch: 250,
    competitions: 40,
    reports: 40
  },
  large: {
    institutions: 120,
    batchesPerInstitution: 20,
    candidatesPerBatch: 1000,
    competitions: 120,
    reports: 200
  }
} as const satisfies Record<string, DemoSize>

export interface DemoSummary {
  readonly institutions: number
  readonly organisations: ReadonlyArray<{ readonly id: string; readonly role: string; readonly name: string }>
  readonly batches: number
  readonly certificates: number
  readonly revokedCertificates: number
  readonly competitions: number
  readonly filings: number
  readonly reports: number
  readonly assessments: number
  /** A few certificates to try in the public lookup: number, holder name, ID number, status. */
  readonly samples: ReadonlyArray<{
    readonly number: string
    readonly name: string
    readonly idNumber: string
    readonly status: "valid" | "revoked"
  }>
}

const decodeInstitution = Schema.decodeUnknownSync(Institution)
const decodeOrganisation = Schema.decodeUnknownSync(Organisation)

const ADMITTED_ON = "2022-05-01"

/** Certifiable occupations (categories 3–6) among those given. */
const certifiable = (occupations: ReadonlyArray<Occupation>) =>
  occupations.filter((o) => isCertifiableMajor(o.code))

const catalogue = (occupations: ReadonlyArray<Occupation>) =>
  Effect.gen(function* () {
    const standards = yield* StandardRepository
    yield* standards.upsertOccupations(occupations)
    for (const [i, o] of certifiable(occupations).entries()) {
      yield* standards.saveStandard({
        id: `std-${o.code}`,
        occupationCode: o.code,
        title: `《${o.name}国家职业技能标准》`,
        edition: i % 2 === 0 ? "2018年版" : "2019年版",
        publishedOn: "2018-12-01",
        effectiveFrom: "2019-01-01",
        levels: [5, 4, 3, 2, 1]
      })
      yield* standards.saveQuestionBank({
        id: `bank-${o.code}`,
        occupationCode: o.code,
        levels: i % 3 === 0 ? [5, 4, 3] : [5, 4, 3, 2, 1],
        approvedOn: ADMITTED_ON
      })
    }
  })

const makeInstitution = (r: Random, i: number, occupations: ReadonlyArray<Occupation>, today: LocalDate) => {
  const county = r.pick(jiangsuCounties)
  const city = `${county.code.slice(0, 4)}00`
  const employer = i % 3 === 2
  const chosen = new Set<string>()
  const pool = certifiable(occupations)
  while (chosen.size < Math.min(pool.length, r.int(2, 5))) chosen.add(r.pick(pool).code)
  const expired = i % 7 === 6
  const name = employer
    ? `${county.name}${r.pick(["精工机械", "恒通电气", "华瑞汽车", "金陵建设", "苏南纺织"])}有限公司`
    : `江苏${r.pick(["卓越", "匠心", "蓝天", "远航", "弘毅"])}职业技能评价中心（${county.name}）`
  const history: Array<Record<string, string>> = [
    { status: "admitted", date: ADMITTED_ON, reason: "列入评价机构目录", actor: `hrss-${city}` }
  ]
  if (i % 9 === 4)
    history.push({
      status: "suspended",
      date: addMonths(today, -3),
      reason: "质量专项评估不合格，暂停评价",
      actor: `hrss-${city}`
    })
  return decodeInstitution({
    id: `inst-${String(i + 1).padStart(4, "0")}`,
    name,
    kind: employer ? "employer" : "third_party",
    uscc: socialCreditCode(r, county.code),
    region: county.code,
    filedWith: "province",
    numberingPrefix: {
      type: employer ? "Y" : "S",
      institutionCode: "0000",
      province: "32",
      siteSerial: String(i + 1).padStart(6, "0")
    },
    responsiblePerson: { name: personName(r) },
    seal: { id: `seal-${i + 1}`, name: `${name}职业技能等级认定专用章` },
    authorisations: [
      {
        id: `auth-${i + 1}`,
        occupations: [...chosen].map((code) => ({ code })),
        levels: employer ? [5, 4, 3, 2, 1] : [5, 4, 3],
        region: city,
        validFrom: ADMITTED_ON,
        validUntil: expired ? addMonths(today, -1) : addMonths(today, 30)
      }
    ],
    statusHistory: history
  })
}

/** The organisations of every role (domain.md §4) the demo API keys are issued to. */
const organisations = (institutions: ReadonlyArray<Institution>) => {
  const thirdParty = institutions.find((x) => x.kind === "third_party")
  const employer = institutions.find((x) => x.kind === "employer")
  const rows = [
    { id: "org-province", name: "江苏省人力资源和社会保障厅", role: "province", regionCode: "320000" },
    { id: "org-nanjing", name: "南京市人力资源和社会保障局", role: "city", regionCode: "320100" },
    { id: "org-xuanwu", name: "南京市玄武区人力资源和社会保障局", role: "district", regionCode: "320102" },
    {
      id: "org-centre",
      name: "江苏省职业技能鉴定中心",
      role: "provincial_appraisal_centre",
      regionCode: "320000"
    },
    {
      id: "org-nanjing-centre",
      name: "南京市职业技能鉴定指导中心",
      role: "city_appraisal_centre",
      regionCode: "320100"
    },
    { id: "org-host", name: "南京市总工会", role: "host", regionCode: "320100" },
    ...(thirdParty === undefined
      ? []
      : [
          {
            id: `org-${thirdParty.id}`,
            name: thirdParty.name,
            role: "institution",
            regionCode: thirdParty.region,
            institutionId: thirdParty.id
          }
        ]),
    ...(employer === undefined
      ? []
      : [
          {
            id: `org-${employer.id}`,
            name: employer.name,
            role: "employer",
            regionCode: employer.region,
            institutionId: employer.id
          }
        ])
  ]
  return rows.map((o) => decodeOrganisation(o))
}

const CLASSES: ReadonlyArray<CompetitionClass> = ["county", "city_class_1", "city_class_2", "provincial"]

const makeCompetition = (
  r: Random,
  i: number,
  occupations: ReadonlyArray<Occupation>,
  today: LocalDate
): Competition => {
  const cls = CLASSES[i % CLASSES.length] as CompetitionClass
  const county = r.pick(jiangsuCounties)
  const city = `${county.code.slice(0, 4)}00`
  const regionCode = cls === "county" ? county.code : cls === "provincial" ? "320000" : city
  const occupation = r.pick(certifiable(occupations))
  const total = r.int(20, 60)
  // out-of-region shares around the 10% and 50% boundaries, so every filing level appears
  const share = [0, 0.1, 0.3, 0.5, 0.7][i % 5] as number
  const outside = Math.round(total * share)
  const others = jiangsuCities.filter((c) => c.code !== city)
  const contestants = Array.from({ length: total }, (_, k) => ({
    id: `c${i}-${k}`,
    regionCode:
      k < outside
        ? cls === "county"
          ? r.pick(jiangsuCounties.filter((c) => c.code !== county.code)).code
          : cls === "provincial"
            ? r.pick(["310000", "330000", "340000"])
            : r.pick(others).code
        : regionCode
  }))
  const startsOn = addMonths(today, r.int(-18, 3))
  return {
    id: `comp-${String(i + 1).padStart(4, "0")}`,
    name: `${cls === "provincial" ? "江苏省" : county.name}第${r.int(1, 9)}届“江苏工匠”岗位练兵职业技能竞赛${occupation.name}赛项`,
    class: cls,
    group: i % 6 === 5 ? "student" : "worker",
    host: {
      name: `${cls === "provincial" ? "江苏省" : county.name}总工会`,
      creditCode: socialCreditCode(r, regionCode === "320000" ? "320100" : regionCode) as never,
      regionCode: regionCode === "320000" ? "320102" : regionCode
    },
    regionCode,
    startsOn,
    endsOn: addMonths(startsOn, 0),
    events: [
      {
        name: `${occupation.name}赛项`,
        occupations: [{ code: occupation.code, name: occupation.name, inCatalogue: true }],
        scope: "whole"
      }
    ],
    fees: [],
    contestants
  } as Competition
}

/** The demo fills empty registries only: one that already holds institutions is left alone. */
export class RegistryNotEmpty extends Data.TaggedError("RegistryNotEmpty")<{
  readonly institutions: number
}> {
  override get message() {
    return `登记库已有 ${this.institutions} 家评价机构：演示数据只写入空库`
  }
}

export const generateDemo = (options: {
  readonly size: DemoSize
  readonly seed: number
  readonly occupations: ReadonlyArray<Occupation>
  readonly today: LocalDate
}) =>
  Effect.gen(function* () {
    const existing = yield* (yield* InstitutionRepository).list({ limit: 1 })
    if (existing.total > 0) return yield* new RegistryNotEmpty({ institutions: existing.total })
    return yield* fill(options)
  })

const fill = (options: {
  readonly size: DemoSize
  readonly seed: number
  readonly occupations: ReadonlyArray<Occupation>
  readonly today: LocalDate
}) =>
  Effect.gen(function* () {
    const { size, today, occupations } = options
    const r = makeRandom(options.seed)
    const institutionsRepo = yield* InstitutionRepository
    const organisationsRepo = yield* OrganisationRepository
    const standards = yield* StandardRepository
    const batches = yield* EvaluationBatchRepository
    const certificates = yield* CertificateRepository
    const revocations = yield* Revocations
    const competitions = yield* CompetitionRepository
    const filings = yield* Filings
    const reports = yield* Reports
    const assessments = yield* AssessmentRepository
    const transactional = yield* Transactional

    yield* catalogue(occupations)

    const institutions = Array.from({ length: size.institutions }, (_, i) =>
      makeInstitution(r, i, occupations, today)
    )
    for (const institution of institutions) yield* institutionsRepo.insert(institution)
    const orgs = organisations(institutions)
    for (const org of orgs) {
      const exists = yield* organisationsRepo.findById(org.id)
      if (Option.isNone(exists)) yield* organisationsRepo.create(org)
    }

    let batchCount = 0
    let certificateCount = 0
    const samples: Array<DemoSummary["samples"][number]> = []
    const issuedBatches: Array<string> = []
    for (const institution of institutions) {
      const authorisation = institution.authorisations[0]
      if (authorisation === undefined) continue
      for (let k = 0; k < size.batchesPerInstitution; k++) {
        const code = r.pick(authorisation.occupations).code
        const file = yield* standards.forOccupation(code)
        const entry = file.entry
        if (entry === undefined) continue
        const level = r.pick(authorisation.levels) as SkillLevel
        // evaluated in the authorisation's validity: issued between admission and a month ago
        const until = authorisation.validUntil < today ? authorisation.validUntil : addMonths(today, -1)
        const monthsBack = Math.max(
          0,
          (Number(until.slice(0, 4)) - 2022) * 12 + Number(until.slice(5, 7)) - 6
        )
        const issuedOn = addMonths(until, -r.int(0, monthsBack))
        const evaluatedOn = addMonths(issuedOn, -1)
        const batchId = `JS${issuedOn.slice(0, 4)}-${institution.id.slice(5)}-${String(k + 1).padStart(3, "0")}`
        const occupationName = nameOn(entry, issuedOn)
        yield* batches.plan({
          id: batchId,
          institution: { id: institution.id, name: institution.name },
          occupation: { code, name: occupationName },
          level,
          evaluationTime: { from: evaluatedOn, until: evaluatedOn },
          contact: { name: personName(r), phone: phoneNumber(r, institution.region) as never },
          regionCode: institution.region,
          plannedOn: addMonths(evaluatedOn, -2)
        })
        yield* batches.publish(batchId, addMonths(evaluatedOn, -1))
        const candidates = Array.from({ length: size.candidatesPerBatch }, (_, n) => {
          const county = r.chance(0.8) ? institution.region : r.pick(jiangsuCounties).code
          return {
            holder: {
              name: personName(r),
              idType: "resident_id" as const,
              idNumber: residentId(r, county, batchCount * 1000 + n)
            },
            ...(institution.kind === "employer" ? { employerUscc: institution.uscc } : {}),
            result: r.chance(0.88)
              ? ("passed" as const)
              : r.chance(0.7)
                ? ("failed" as const)
                : ("absent" as const)
          }
        })
        yield* batches.recordResults(batchId, candidates as never, evaluatedOn)
        batchCount++
        const passed = candidates.filter((c) => c.result === "passed")
        const decision = issuanceAuthority({
          issuedOn,
          evaluationRegion: institution.region,
          institution,
          catalogue: lookupOf([entry]),
          basis: file.basis,
          candidate: {
            occupationCode: code,
            level,
            ...(institution.kind === "employer" ? { employerUscc: institution.uscc } : {})
          },
          face: faceOf(institution)
        })
        const prefix = institution.numberingPrefix
        if (decision.outcome !== "allowed" || prefix === undefined || passed.length === 0) continue
        const issuer = {
          institutionId: institution.id,
          name: institution.name,
          regionCode: institution.region,
          signatory: institution.responsiblePerson.name,
          sealId: institution.seal.id
        }
        const drafts: Array<CertificateDraft> = passed.map((c) => ({
          prefix,
          certificate: {
            kind: "level",
            holder: c.holder,
            occupation: { code, name: occupationName },
            level,
            issuer,
            issuedOn,
            batchId
          }
        }))
        const issued = yield* transactional.run(
          Effect.zipLeft(certificates.issueBatch(batchId, drafts), batches.markIssued(batchId, issuedOn))
        )
        issuedBatches.push(batchId)
        certificateCount += issued.certificates.length
        const first = issued.certificates[0]
        if (first !== undefined && samples.length < 6)
          samples.push({
            number: first.number,
            name: first.holder.name,
            idNumber: first.holder.idNumber,
            status: "valid"
          })
      }
    }

    // 54号·五 special inspections: one batch in twelve is revoked whole, and a few certificates by name.
    let revoked = 0
    for (const [n, batchId] of issuedBatches.entries()) {
      if (n % 12 !== 5) continue
      const result = yield* revocations.execute({
        scope: { _tag: "batch", batchId },
        reason: n % 24 === 5 ? "irregular_issuance" : "qualification_mismatch",
        basis: {
          documentNumber: `苏人社督〔${today.slice(0, 4)}〕${n + 1}号`,
          title: "技能人才评价专项督查处理决定"
        },
        creditCheck: { referred: true, note: "已移送信用管理部门" },
        orderedBy: { level: "province", regionCode: "320000" },
        orderedOn: today
      } as never)
      revoked += result.revoked
    }
    for (const sample of samples.slice(4, 6)) {
      const result = yield* revocations.execute({
        scope: { _tag: "certificates", numbers: [sample.number] },
        reason: "qualification_mismatch",
        basis: {
          documentNumber: `宁人社督〔${today.slice(0, 4)}〕7号`,
          title: "关于注销部分职业技能等级证书的决定"
        },
        creditCheck: { referred: true },
        orderedBy: { level: "province", regionCode: "320000" },
        orderedOn: today
      } as never)
      revoked += result.revoked
    }
    const finalSamples = samples.map((s, i) => (i >= 4 ? { ...s, status: "revoked" as const } : s))

    // Competitions with 附件3 plans and filings at every level (none / city / province; opinions pending,
    // agreed and refused).
    let filingCount = 0
    for (let i = 0; i < size.competitions; i++) {
      const competition = makeCompetition(r, i, occupations, today)
      yield* competitions.save(competition)
      // the plan's occupation is its event's (54号·三: one occupation per event), from the demo's catalogue, so
      // the public list's occupation filter finds the demo's plans
      const eventOccupation = competition.events[0]?.occupations[0]
      yield* competitions.publishPlan({
        id: `plan-${competition.id}`,
        competitionId: competition.id,
        listing: {
          host: competition.host.name,
          eventName: competition.events[0]?.name ?? competition.name,
          time: { from: competition.startsOn, until: competition.endsOn },
          participationConditions:
            "参加我省基本养老保险一年以上，或具有我省户籍；学生组选手应具有我省技工院校、职业院校或高等院校学籍",
          registrationPhone: phoneNumber(r, competition.host.regionCode) as never,
          regionCode: competition.regionCode
        },
        ...(eventOccupation === undefined
          ? {}
          : { occupation: { code: eventOccupation.code, name: eventOccupation.name } }),
        publishedOn: addMonths(competition.startsOn, -2)
      })
      const submitted = yield* Effect.either(filings.submit(competition))
      if (submitted._tag === "Left") continue
      filingCount++
      const filing = submitted.right
      // every class gets every state: 0 nothing recorded yet, 1 the first level only, 2 all levels (one in
      // eight of those refused at the last level)
      const stop = (i + Math.floor(i / CLASSES.length)) % 3
      for (const [n, level] of filing.levels.entries()) {
        if (stop < 2 && n >= stop) break
        const regionCode =
          level === "province"
            ? "320000"
            : level === "city"
              ? `${filing.hostRegionCode.slice(0, 4)}00`
              : filing.hostRegionCode
        const disagree = stop === 2 && i % 8 === 7 && n === filing.levels.length - 1
        yield* Effect.either(
          filings.recordOpinion(filing.id, {
            actor: { level, regionCode },
            level,
            verdict: disagree ? "disagree" : "agree",
            text: disagree ? "外地选手占比过高，请调整报名办法后重新备案" : "同意备案"
          })
        )
      }
    }

    // Semiannual quality assessments (54号·五) for the last two half-years.
    let assessmentCount = 0
    const current = periodOf(today)
    for (const institution of institutions) {
      for (const period of [previousPeriod(current), previousPeriod(previousPeriod(current))]) {
        if (r.chance(0.2)) continue // some are overdue
        yield* assessments.record({
          id: `qa-${institution.id}-${period}`,
          institutionId: institution.id,
          period,
          assessedOn: addMonths(today, -2),
          assessor: { _tag: "provincial_appraisal_centre", name: "江苏省职业技能鉴定中心" },
          result: r.chance(0.8) ? "qualified" : "rectification_required",
          findings: r.chance(0.8) ? "" : "考务档案不完整，须限期整改"
        } as never)
        assessmentCount++
      }
    }

    for (let i = 0; i < size.reports; i++) {
      const county = r.pick(jiangsuCounties)
      yield* reports.submit({
        regionCode: county.code,
        channel: r.pick(["hotline", "online", "letter", "visit"] as const),
        subject: r.pick(["证书核发", "评价考务", "竞赛收费", "资格审核"]),
        details: r.pick([
          "某评价机构未组织考试即发放证书",
          "竞赛报名收取报名费",
          "考生不满足申报条件仍获得证书",
          "评价现场存在替考现象"
        ])
      } as never)
    }

    return {
      institutions: institutions.length,
      organisations: orgs.map((o) => ({ id: o.id, role: o.role, name: o.name })),
      batches: batchCount,
      certificates: certificateCount,
      revokedCertificates: revoked,
      competitions: size.competitions,
      filings: filingCount,
      reports: size.reports,
      assessments: assessmentCount,
      samples: finalSamples
    } satisfies DemoSummary
  }).pipe(Effect.orDie)
