/**
 * The API application: every route group mounted on one Hono app over one runtime, behind the request log
 * (request ids, JSON lines), secure headers and body limits. Unknown routes, malformed bodies and defects answer
 * problem+json; a defect is logged once, without request data. `appDocs` lists every route for OpenAPI.
 */
import { Hono } from "hono"
import { HTTPException } from "hono/http-exception"
import type { AppRuntime } from "./AppRuntime.js"
import type { ApiEnv } from "./http/ApiEnv.js"
import { bodyLimits } from "./http/BodyLimit.js"
import { type LogSink, stdoutLog } from "./http/Log.js"
import { problem, TITLES } from "./http/Problem.js"
import { DEFAULT_LOOKUP_LIMITS, type LookupLimits } from "./http/RateLimit.js"
import { requestLog } from "./http/RequestLog.js"
import type { RouteDeps } from "./http/RouteDeps.js"
import { secureHeaders } from "./http/SecureHeaders.js"
import { staticSite } from "./http/StaticSite.js"
import type { RouteDoc } from "./openapi/RouteDoc.js"
import { assessments, assessmentsDocs } from "./routes/assessments.js"
import { batches, batchesDocs } from "./routes/batches.js"
import { certificateProofs, certificateProofsDocs } from "./routes/certificateProofs.js"
import { competitions, competitionsDocs } from "./routes/competitions.js"
import { health, healthDocs } from "./routes/health.js"
import { institutions, institutionsDocs } from "./routes/institutions.js"
import { openapi, openapiDocs } from "./routes/openapi.js"
import { organisations, organisationsDocs } from "./routes/organisations.js"
import { publicBatches, publicBatchesDocs } from "./routes/publicBatches.js"
import { publicCertificates, publicCertificatesDocs } from "./routes/publicCertificates.js"
import { publicInstitutions, publicInstitutionsDocs } from "./routes/publicInstitutions.js"
import { publicPlans, publicPlansDocs } from "./routes/publicPlans.js"
import { publicReports, publicReportsDocs } from "./routes/publicReports.js"
import { receipts, receiptsDocs } from "./routes/receipts.js"
import { reports, reportsDocs } from "./routes/reports.js"
import { revocations, revocationsDocs } from "./routes/revocations.js"
import { rules, rulesDocs } from "./routes/rules.js"
import { ruleTables, ruleTablesDocs } from "./routes/ruleTables.js"
import { standards, standardsDocs } from "./routes/standards.js"
import { verification, verificationDocs } from "./routes/verification.js"

export interface AppOptions {
  /** The public base URL, for verification links printed on certificates. */
  readonly publicBaseUrl: string
  /** Public lookup rate limits (requests per minute); defaults in http/RateLimit.ts. */
  readonly lookupLimits?: LookupLimits
  /** Where JSON log lines go (default: stdout, one line each). */
  readonly log?: LogSink
  /** The public site's build (apps/web/dist): served on the same origin for every non-API path. */
  readonly siteRoot?: string
}

/** Every route of the app, as the OpenAPI document describes them (test/OpenApi.test.ts checks both ways). */
export const appDocs: ReadonlyArray<RouteDoc> = [
  ...healthDocs,
  ...openapiDocs,
  ...publicCertificatesDocs,
  ...certificateProofsDocs,
  ...verificationDocs,
  ...publicInstitutionsDocs,
  ...publicBatchesDocs,
  ...publicPlansDocs,
  ...publicReportsDocs,
  ...rulesDocs,
  ...batchesDocs,
  ...competitionsDocs,
  ...institutionsDocs,
  ...standardsDocs,
  ...ruleTablesDocs,
  ...revocationsDocs,
  ...receiptsDocs,
  ...assessmentsDocs,
  ...reportsDocs,
  ...organisationsDocs
]

export const makeApp = (runtime: AppRuntime, options: AppOptions) => {
  const log = options.log ?? stdoutLog
  const deps: RouteDeps = {
    runtime,
    publicBaseUrl: options.publicBaseUrl,
    lookupLimits: options.lookupLimits ?? DEFAULT_LOOKUP_LIMITS
  }
  const site = options.siteRoot === undefined ? undefined : staticSite(options.siteRoot)
  const api = new Hono<ApiEnv>()
    .use(requestLog(log))
    .use(secureHeaders)
    .use("/api/*", bodyLimits)
    .route("/", health(deps))
    .route("/api", openapi(appDocs))
    .route("/api/public/certificates", publicCertificates(deps))
    .route("/api/public/certificates", certificateProofs(deps))
    .route("/api/public", verification(deps))
    .route("/api/public/institutions", publicInstitutions(deps))
    .route("/api/public/batches", publicBatches(deps))
    .route("/api/public/competition-plans", publicPlans(deps))
    .route("/api/public", publicReports(deps))
    .route("/api/public/rules", rules(deps))
    .route("/api/batches", batches(deps))
    .route("/api", competitions(deps))
    .route("/api/institutions", institutions(deps))
    .route("/api", standards(deps))
    .route("/api/rule-tables", ruleTables(deps))
    .route("/api/revocations", revocations(deps))
    .route("/api/certificates", receipts(deps))
    .route("/api/assessments", assessments(deps))
    .route("/api/reports", reports(deps))
    .route("/api/organisations", organisations(deps))
  if (site !== undefined) api.route("/", site)
  return api
    .notFound((c) =>
      problem(c, 404, {
        code: "RouteNotFound",
        title: TITLES.notFound,
        detail: `没有这个接口：${c.req.method} ${c.req.path}`
      })
    )
    .onError((error, c) => {
      if (error instanceof HTTPException && error.status < 500) {
        const malformed = /json/i.test(error.message)
        return problem(c, error.status === 415 ? 415 : 400, {
          code: malformed ? "MalformedBody" : "BadRequest",
          title: TITLES.badRequest,
          detail: malformed
            ? "请求体不是有效的 JSON（请以 Content-Type: application/json 提交）"
            : `请求无法处理：${error.message}`,
          field: "body"
        })
      }
      log({ level: "error", msg: "unhandled", requestId: c.get("requestId"), error: String(error) })
      return problem(c, 500, {
        code: "InternalError",
        title: TITLES.internal,
        detail: "服务器内部错误，请稍后重试"
      })
    })
}

export type AppType = ReturnType<typeof makeApp>
