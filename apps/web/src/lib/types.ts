/**
 * The JSON bodies of the public routes, derived from the API's typed client (`hc<AppType>`, `@jineng/api/client`)
 * so the site's view of an answer cannot drift from what the API sends. Type-only imports: nothing of the API or
 * of Effect reaches the bundle.
 */
import type { createApiClient } from "@jineng/api/client"
import type { InferResponseType } from "hono/client"

type Public = ReturnType<typeof createApiClient>["api"]["public"]

/** The JSON body of a client call's answer with `status`. */
type Answer<F, S extends 200 | 201 = 200> = InferResponseType<F, S>

export interface Page<T> {
  readonly items: ReadonlyArray<T>
  readonly total: number
  readonly limit: number
  readonly offset: number
}

/** GET /api/public/institutions: the catalogue's public record of an institution (54号·五). */
export type PublicInstitution = Answer<Public["institutions"]["$get"]>["items"][number]

export type RegionView = PublicInstitution["region"]

/** GET /api/public/batches: a published evaluation batch (附件2). */
export type PublishedBatch = Answer<Public["batches"]["$get"]>["items"][number]

/** GET /api/public/competition-plans: a published competition plan (附件3). */
export type PublishedPlan = Answer<Public["competition-plans"]["$get"]>["items"][number]

/** GET /api/public/hotlines. */
export type HotlineDirectory = Answer<Public["hotlines"]["$get"]>

/** GET /api/public/reports/:trackingCode. */
export type ReportStatus = Answer<Public["reports"][":trackingCode"]["$get"]>

/** POST /api/public/reports (201): the tracking code. */
export type SubmittedReport = Answer<Public["reports"]["$post"], 201>

/** The registry's published Ed25519 verification keys (GET /api/public/verification/keys). */
export type VerificationKeys = Answer<Public["verification"]["keys"]["$get"]>

export type VerificationKeyJson = VerificationKeys["keys"][number]

/**
 * A certificate's signed public record and the address its printed QR code carries (issue #7): `compact` is
 * CompactRecord.encodeCompactRecord of `signed` (`r1.<base64url>`), `verificationUrl` is
 * `<base>/verify/<number>?name=<name>#r=<compact>`.
 */
export type SignedRecordAnswer = Answer<Public["certificates"]["signed-record"]["$get"]>

/** GET /api/public/certificates/proof: the signed tree head, the certificate's log entries, the issuer's authority. */
export type CertificateProof = Answer<Public["certificates"]["proof"]["$get"]>

/**
 * One of the certificate's transparency-log events with its inclusion proof against the answer's tree head (the
 * audit path, deepest sibling first, each hash base64url).
 */
export type ProofEntry = CertificateProof["entries"][number]
