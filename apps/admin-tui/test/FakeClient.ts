/**
 * A fake AdminClient for screen tests: every call is recorded (method and arguments) and answered from fixtures
 * built with the domain's own constructors (a filing opened by `openFiling`, actions from Permissions), unless a
 * test overrides the method. `slow` answers only when released or aborted, to test the spinner and Esc.
 */
import type { OrganisationRole } from "@jineng/domain/access/OrganisationRole"
import { organisationRoleName } from "@jineng/domain/access/OrganisationRole"
import { actionsOf, PERMISSIONS } from "@jineng/domain/access/Permissions"
import type { Competition } from "@jineng/domain/competition/Competition"
import {
  completedFiling,
  type Filing,
  filingIncentives,
  nextLevel,
  openFiling,
  recordOpinion
} from "@jineng/domain/competition/Filing"
import { reviewCompetition } from "@jineng/domain/competition/ReviewCompetition"
import type { EvaluationBatch } from "@jineng/domain/issuance/EvaluationBatch"
import type { Report } from "@jineng/domain/quality/Report"
import { verdict } from "@jineng/domain/rule/Decision"
import { Either } from "effect"
import type {
  AdminClient,
  ApiResult,
  CompetitionSummary,
  FilingView,
  Me,
  Problem,
  PublicInstitution
} from "../src/api/AdminClient.js"

export const TODAY = "2025-03-10"
export const NOW = Date.parse(`${TODAY}T04:00:00Z`)

const ORGS: Record<
  string,
  { readonly id: string; readonly name: string; readonly regionCode: string; readonly institutionId?: string }
> = {
  province: { id: "org-province", name: "江苏省人力资源和社会保障厅", regionCode: "320000" },
  city: { id: "org-nanjing", name: "南京市人力资源和社会保障局", regionCode: "320100" },
  district: { id: "org-xuanwu", name: "南京市玄武区人力资源和社会保障局", regionCode: "320102" },
  provincial_appraisal_centre: { id: "org-centre", name: "江苏省职业技能鉴定中心", regionCode: "320000" },
  institution: {
    id: "org-inst-0001",
    name: "江苏匠心职业技能评价中心",
    regionCode: "320102",
    institutionId: "inst-0001"
  },
  host: { id: "org-host", name: "南京市总工会", regionCode: "320100" }
}

/** GET /organisations/me as the API answers it for a demo organisation of `role`. */
export const meOf = (role: OrganisationRole): Me => {
  const org = ORGS[role] ?? { id: `org-${role}`, name: `${role} 单位`, regionCode: "320100" }
  return {
    organisation: { ...org, role } as Me["organisation"],
    roleName: organisationRoleName(role),
    actions: actionsOf(role).map((action) => ({
      action,
      name: PERMISSIONS[action].name,
      citation: PERMISSIONS[action].citation
    }))
  }
}

/** A 市级一类 competition of 南京市 with 12 of 22 contestants from 苏州 → filed with the province (54号·二). */
export const COMPETITION: Competition = {
  id: "comp-nj-1",
  name: "南京市焊工职业技能竞赛",
  class: "city_class_1",
  group: "worker",
  host: { name: "南京市总工会", creditCode: "91350100M000100Y43" as never, regionCode: "320100" },
  regionCode: "320100",
  startsOn: "2025-06-01",
  endsOn: "2025-06-02",
  events: [
    { name: "焊工", occupations: [{ code: "6-18-02-04", name: "焊工", workType: "电焊工" }], scope: "whole" }
  ],
  fees: [],
  contestants: [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, regionCode: "320102" })),
    ...Array.from({ length: 12 }, (_, i) => ({ id: `b${i}`, regionCode: "320505" }))
  ]
}

/** A competition as GET /api/competitions lists it: with its review, no filing completed. */
export const competitionSummary = (competition: Competition): CompetitionSummary => ({
  competition,
  review: reviewCompetition(competition)
})

export const viewOf = (filing: Filing): FilingView => ({
  filing,
  nextLevel: nextLevel(filing) ?? null,
  incentives: filingIncentives(filing)
})

/** The filing as opened by the domain, optionally with the city's opinion already recorded. */
export const filingFixture = (withCityOpinion: boolean): Filing => {
  const opened = Either.getOrThrow(
    openFiling({ id: "fil-1", competition: COMPETITION, submittedOn: "2025-03-01" })
  )
  if (!withCityOpinion) return opened
  return Either.getOrThrow(
    recordOpinion(opened, {
      level: "city",
      verdict: "agree",
      text: "同意报省厅备案",
      actor: { level: "city", regionCode: "320100" },
      date: "2025-03-05"
    })
  )
}

export const institutionFixture = (over: Partial<PublicInstitution> = {}): PublicInstitution => ({
  id: "inst-0001",
  name: "江苏匠心职业技能评价中心",
  kind: "third_party",
  kindName: "第三方评价机构（社会培训评价组织）",
  uscc: "91350100M000100Y43",
  region: { code: "320102", name: "江苏省南京市玄武区" },
  filedWith: "province",
  numberingPrefix: "S000032000001",
  status: { state: "admitted", name: "已纳入目录", since: "2022-05-01" },
  statusHistory: [{ status: "admitted", name: "已纳入目录", date: "2022-05-01" }],
  authorisations: [
    {
      id: "auth-1",
      occupations: [{ code: "6-18-02-04", workType: null }],
      levels: [
        { code: 5, name: "五级/初级工" },
        { code: 4, name: "四级/中级工" }
      ],
      region: { code: "320100", name: "江苏省南京市" },
      validFrom: "2022-05-01",
      validUntil: "2025-03-31"
    }
  ],
  ...over
})

/**
 * GET /api/public/institutions over `catalogue`, as the API answers it: the institutions whose name contains the
 * trimmed `name` (Latin letters in any case), one page of them (offset, limit), and `total` counting every match.
 */
export const catalogueOf =
  (catalogue: ReadonlyArray<PublicInstitution>): AdminClient["institutions"] =>
  async ({ limit, offset, name }) => {
    const text = name?.trim().toLowerCase() ?? ""
    const matches = catalogue.filter((i) => i.name.toLowerCase().includes(text))
    return ok({ items: matches.slice(offset, offset + limit), total: matches.length, limit, offset })
  }

export const reportFixture = (over: Partial<Report> = {}): Report => ({
  id: "rep-1",
  trackingCode: "JB7Q2K9M",
  regionCode: "320102",
  channel: "hotline",
  subject: "证书核发",
  details: "某评价机构未组织考试即发放证书",
  receivedOn: "2025-03-01",
  state: { _tag: "received" },
  history: [{ action: "received", actor: { id: "public", name: "举报人" }, on: "2025-03-01", note: "" }],
  revision: 1,
  ...over
})

export const batchFixture: EvaluationBatch = {
  id: "JS2025-0001-001",
  institution: { id: "inst-0001", name: "江苏匠心职业技能评价中心" },
  occupation: { code: "6-18-02-04", name: "焊工" },
  level: 4,
  evaluationTime: { from: "2025-02-20", until: "2025-02-20" },
  contact: { name: "王老师", phone: "025-83271773" as never },
  regionCode: "320102",
  plannedOn: "2025-01-10",
  status: "published",
  publishedOn: "2025-01-20"
}

export const ok = <T>(value: T, status = 200): ApiResult<T> => ({ ok: true, status, value })
export const refused = <T>(
  status: number,
  code: string,
  detail: string,
  extra: Partial<Problem> = {}
): ApiResult<T> => ({
  ok: false,
  problem: { status, code, title: "未予办理", detail, ...extra }
})

const allowed = verdict("revocation.authority", ["54号·五"], [])

export interface Call {
  readonly method: keyof AdminClient
  readonly args: ReadonlyArray<unknown>
}

export interface FakeClient {
  readonly client: AdminClient
  readonly calls: Array<Call>
  /** The calls of one method, their arguments. */
  readonly argsOf: (method: keyof AdminClient) => ReadonlyArray<ReadonlyArray<unknown>>
}

/** Answers after `release()`, or "Cancelled" as soon as the call's signal aborts. */
export const slow = <T>(answer: ApiResult<T>) => {
  let release: () => void = () => undefined
  const call = (...args: ReadonlyArray<unknown>) => {
    const options = args[args.length - 1] as { signal?: AbortSignal } | undefined
    return new Promise<ApiResult<T>>((resolve) => {
      release = () => resolve(answer)
      options?.signal?.addEventListener("abort", () =>
        resolve({ ok: false, problem: { status: 0, code: "Cancelled", title: "已取消", detail: "已取消" } })
      )
    })
  }
  return { call, release: () => release() }
}

export const fakeClient = (role: OrganisationRole, overrides: Partial<AdminClient> = {}): FakeClient => {
  const calls: Array<Call> = []
  let filing = filingFixture(true)
  const defaults: AdminClient = {
    me: async () => ok(meOf(role)),
    filing: async () => ok(viewOf(filing)),
    recordOpinion: async (_id, body) => {
      filing = Either.getOrThrow(
        recordOpinion(filing, {
          ...body,
          actor: { level: body.level, regionCode: meOf(role).organisation.regionCode },
          date: TODAY
        })
      )
      return ok(viewOf(filing), 201)
    },
    coSign: async () => ok(viewOf(filing), 201),
    // As the API filters them (CompetitionFilings.awaiting): the filing whose next opinion is the role's level.
    awaitingFilings: async () => ok({ items: nextLevel(filing) === role ? [viewOf(filing)] : [] }),
    competitions: async () =>
      ok({ items: [competitionSummary(COMPETITION)], total: 1, limit: 10, offset: 0 }),
    competition: async () =>
      ok({
        competition: COMPETITION,
        review: reviewCompetition(COMPETITION, completedFiling(filing)),
        filings: [viewOf(filing)]
      }),
    institutions: catalogueOf([institutionFixture()]),
    institution: async () => ok(institutionFixture()),
    institutionHistory: async () =>
      ok({
        institutionId: "inst-0001",
        name: "江苏匠心职业技能评价中心",
        status: "admitted",
        statusHistory: [
          { status: "admitted", date: "2022-05-01", reason: "列入评价机构目录", actor: "org-nanjing" }
        ],
        scopeChanges: []
      }),
    // As the API answers for TODAY: the fixture's authorisation ends 2025-03-31, 21 days on.
    expiringAuthorisations: async () =>
      ok({
        date: TODAY,
        items: [
          {
            institutionId: "inst-0001",
            name: "江苏匠心职业技能评价中心",
            regionCode: "320102",
            authorisationId: "auth-1",
            validUntil: "2025-03-31",
            daysLeft: 21
          }
        ]
      }),
    admitInstitution: async (body) =>
      ok({ ...(body as object), id: "inst-new", statusHistory: [] } as never, 201),
    changeScope: async () => ok({} as never),
    changeStatus: async () => ok({} as never),
    previewRevocation: async () =>
      ok({
        toRevoke: 2,
        alreadyRevoked: 1,
        notFound: 0,
        outsideRegion: 0,
        sample: [
          {
            number: "S000032000001234000001",
            effect: "revoke",
            holderName: "万娟子",
            issuerRegionCode: "320102"
          },
          {
            number: "S000032000001234000002",
            effect: "revoke",
            holderName: "潘洋",
            issuerRegionCode: "320102"
          },
          {
            number: "S000032000001234000003",
            effect: "already_revoked",
            holderName: "刘婷",
            issuerRegionCode: "320102"
          }
        ],
        authority: allowed,
        order: allowed
      }),
    executeRevocation: async (body) =>
      ok(
        {
          order: { ...body, id: "rev-1", orderedBy: { level: "province", regionCode: "320000" } },
          revoked: 2,
          alreadyRevoked: 1,
          alreadyRevokedSample: [
            {
              number: "S000032000001234000003",
              revokedOn: "2025-01-02",
              reason: "irregular_issuance",
              orderId: "rev-0"
            }
          ],
          creditCheckReferred: body.creditCheck.referred,
          authority: allowed,
          check: allowed
        },
        201
      ),
    lookupCertificates: async () => refused(404, "CertificateNotFound", "未查询到与所填信息一致的证书"),
    reports: async () => ok({ items: [reportFixture()], total: 1, limit: 10, offset: 0 }),
    report: async () => ok(reportFixture()),
    assignReport: async (_id, body) =>
      ok(
        reportFixture({
          state: { _tag: "verifying", handler: body.handler },
          revision: body.expectedRevision + 1
        })
      ),
    verifyReport: async (_id, body) =>
      ok(
        reportFixture({
          state: { _tag: "verifying", handler: { id: "h1", name: "张三" } },
          revision: body.expectedRevision + 1
        })
      ),
    resolveReport: async (_id, body) =>
      ok(
        reportFixture({
          state: { _tag: "resolved", outcome: body.outcome, resolvedOn: TODAY },
          revision: body.expectedRevision + 1
        })
      ),
    assessments: async () => ok({ items: [], total: 0, limit: 8, offset: 0 }),
    assessmentSchedule: async (institutionId, date) =>
      ok({
        institutionId,
        date: date ?? TODAY,
        outcome: "overdue",
        due: "2025-H1",
        overdue: ["2024-H2"],
        decision: verdict("quality.assessment-schedule", ["54号·五"], []) as never
      }),
    assessmentsDue: async (query) =>
      ok({
        date: query.date ?? TODAY,
        items: [
          {
            institutionId: "inst-0001",
            name: "江苏匠心职业技能评价中心",
            regionCode: "320102",
            outcome: "overdue",
            due: "2025-H1",
            overdue: ["2024-H2"]
          }
        ]
      }),
    recordAssessment: async (body) =>
      ok(
        {
          ...body,
          id: "qa-1",
          assessor: { _tag: "provincial_appraisal_centre", name: "江苏省职业技能鉴定中心" }
        },
        201
      ),
    batch: async () => ok(batchFixture),
    issueBatch: async (request, options) => {
      options?.onProgress?.(request.candidates.length, request.candidates.length)
      return ok(
        {
          batchId: request.batchId,
          institutionId: request.institutionId,
          issuedOn: request.issuedOn,
          alreadyIssued: false,
          count: request.candidates.length,
          certificates: request.candidates.map((c, i) => ({
            number: `S00003200000125400000${i + 1}`,
            name: c.holder.name,
            idNumberMasked: `${c.holder.idNumber.slice(0, 6)}********${c.holder.idNumber.slice(-4)}`
          }))
        },
        201
      )
    }
  }
  const merged = { ...defaults, ...overrides }
  const client = Object.fromEntries(
    Object.entries(merged).map(([method, fn]) => [
      method,
      (...args: ReadonlyArray<unknown>) => {
        calls.push({ method: method as keyof AdminClient, args })
        return (fn as (...a: ReadonlyArray<unknown>) => unknown)(...args)
      }
    ])
  ) as unknown as AdminClient
  return { client, calls, argsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.args) }
}
