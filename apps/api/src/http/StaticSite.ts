/**
 * The public site (apps/web's build) served by the API process on the same origin: hashed assets under
 * /assets with a year's immutable caching, every other non-API GET answered with the site's index.html (the
 * client-side router renders /verify/…, /print/…, /institutions …). A Content-Security-Policy allows only
 * the site's own scripts, styles and images (data: for the QR code).
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { serveStatic } from "@hono/node-server/serve-static"
import { Hono } from "hono"
import { secureHeaders } from "hono/secure-headers"
import type { ApiEnv } from "./ApiEnv.js"

export const SITE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"]
}

/** The site's routes, or undefined when `root` holds no build (the API then runs alone). */
export const staticSite = (root: string) => {
  const indexFile = join(root, "index.html")
  if (!existsSync(indexFile)) return undefined
  const index = readFileSync(indexFile, "utf8")
  const csp = secureHeaders({ contentSecurityPolicy: SITE_CSP })
  return new Hono<ApiEnv>()
    .use("/assets/*", csp, async (c, next) => {
      await next()
      if (c.res.status === 200) c.header("cache-control", "public, max-age=31536000, immutable")
    })
    .use("/assets/*", serveStatic({ root }))
    .get("/favicon.svg", csp, serveStatic({ root }))
    .get("/*", csp, (c) => {
      c.header("cache-control", "no-cache")
      return c.html(index)
    })
}
