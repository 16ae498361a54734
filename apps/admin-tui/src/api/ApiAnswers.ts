/**
 * Compile time only: each answer type AdminClient declares is checked against the route's own 2xx answer as `hc`
 * infers it from the API app (`@jineng/api/client`). The API's views are derived from the client already; this
 * pins each method to its route and checks the domain types some methods answer with (Report, Institution, …).
 * hc's JSON types widen optional fields to `?: T | undefined`, hence `Loose`.
 */
import type { createApiClient } from "@jineng/api/client"
import type { ClientResponse } from "hono/client"
import type { AdminClient, InstitutionQuery } from "./AdminClient.js"

type Api = ReturnType<typeof createApiClient>["api"]

/** The JSON body of a client call's 200/201 answers. */
type Body<F> = F extends (...args: never) => Promise<infer R>
  ? R extends ClientResponse<infer T, infer S, "json">
    ? S extends 200 | 201
      ? T
      : never
    : never
  : never

/** The value an AdminClient method answers with when it succeeds. */
type Declared<M extends keyof AdminClient> = Extract<
  Awaited<ReturnType<AdminClient[M]>>,
  { readonly ok: true }
>["value"]

type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T]

/** T with every optional field also accepting undefined, deeply (as hc's JSON types have them). */
type Loose<T> =
  T extends ReadonlyArray<unknown>
    ? { readonly [K in keyof T]: Loose<T[K]> }
    : T extends object
      ? { readonly [K in keyof T]: Loose<T[K]> | (K extends OptionalKeys<T> ? undefined : never) }
      : T

/** true when the route answers something (not never) that fits the declared type. */
type Fits<Route, M extends keyof AdminClient> = [Body<Route>] extends [never]
  ? false
  : [Body<Route>] extends [Loose<Declared<M>>]
    ? true
    : false

export const ANSWERS_FIT: {
  readonly me: Fits<Api["organisations"]["me"]["$get"], "me">
  readonly filing: Fits<Api["filings"][":filingId"]["$get"], "filing">
  readonly recordOpinion: Fits<Api["filings"][":filingId"]["opinions"]["$post"], "recordOpinion">
  readonly coSign: Fits<Api["filings"][":filingId"]["cosignature"]["$post"], "coSign">
  readonly awaitingFilings: Fits<Api["filings"]["awaiting"]["$get"], "awaitingFilings">
  readonly competitions: Fits<Api["competitions"]["$get"], "competitions">
  readonly competition: Fits<Api["competitions"][":competitionId"]["$get"], "competition">
  readonly institutions: Fits<Api["public"]["institutions"]["$get"], "institutions">
  readonly institution: Fits<Api["public"]["institutions"][":institutionId"]["$get"], "institution">
  readonly institutionHistory: Fits<
    Api["institutions"][":institutionId"]["history"]["$get"],
    "institutionHistory"
  >
  readonly expiringAuthorisations: Fits<Api["institutions"]["expiring"]["$get"], "expiringAuthorisations">
  readonly admitInstitution: Fits<Api["institutions"]["$post"], "admitInstitution">
  readonly changeScope: Fits<Api["institutions"][":institutionId"]["scope"]["$put"], "changeScope">
  readonly changeStatus: Fits<Api["institutions"][":institutionId"]["suspension"]["$post"], "changeStatus">
  readonly previewRevocation: Fits<Api["revocations"]["preview"]["$post"], "previewRevocation">
  readonly executeRevocation: Fits<Api["revocations"]["$post"], "executeRevocation">
  readonly lookupCertificates: Fits<Api["public"]["certificates"]["lookup"]["$get"], "lookupCertificates">
  readonly reports: Fits<Api["reports"]["$get"], "reports">
  readonly report: Fits<Api["reports"][":reportId"]["$get"], "report">
  readonly assignReport: Fits<Api["reports"][":reportId"]["assignment"]["$post"], "assignReport">
  readonly verifyReport: Fits<Api["reports"][":reportId"]["verification"]["$post"], "verifyReport">
  readonly resolveReport: Fits<Api["reports"][":reportId"]["resolution"]["$post"], "resolveReport">
  readonly assessments: Fits<Api["assessments"]["$get"], "assessments">
  readonly assessmentSchedule: Fits<Api["assessments"]["schedule"]["$get"], "assessmentSchedule">
  readonly assessmentsDue: Fits<Api["assessments"]["due"]["$get"], "assessmentsDue">
  readonly recordAssessment: Fits<Api["assessments"]["$post"], "recordAssessment">
  readonly batch: Fits<Api["batches"][":batchId"]["$get"], "batch">
  readonly issueBatch: Fits<Api["batches"][":batchId"]["certificates"]["$post"], "issueBatch">
} = {
  me: true,
  filing: true,
  recordOpinion: true,
  coSign: true,
  awaitingFilings: true,
  competitions: true,
  competition: true,
  institutions: true,
  institution: true,
  institutionHistory: true,
  expiringAuthorisations: true,
  admitInstitution: true,
  changeScope: true,
  changeStatus: true,
  previewRevocation: true,
  executeRevocation: true,
  lookupCertificates: true,
  reports: true,
  report: true,
  assignReport: true,
  verifyReport: true,
  resolveReport: true,
  assessments: true,
  assessmentSchedule: true,
  assessmentsDue: true,
  recordAssessment: true,
  batch: true,
  issueBatch: true
}

/** The query parameters a client call's route reads (its validated query, as hc types it). */
type QueryOf<F> = F extends (...args: never) => unknown
  ? NonNullable<Parameters<F>[0]> extends { readonly query: infer Q }
    ? Q
    : never
  : never

/** true when the route reads every parameter the terminal sends (the adapter casts the values to strings). */
type Reads<Route, Q> = [QueryOf<Route>] extends [never]
  ? false
  : [Exclude<keyof Q, keyof QueryOf<Route>>] extends [never]
    ? true
    : false

export const QUERIES_READ: {
  readonly institutions: Reads<Api["public"]["institutions"]["$get"], InstitutionQuery>
} = { institutions: true }
