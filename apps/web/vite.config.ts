import { defineConfig } from "vite"
import solid from "vite-plugin-solid"

/**
 * The public site, served by the API process on the same origin (apps/api/src/http/StaticSite.ts): assets under
 * /assets, every other path answered with index.html. Workspace packages resolve to their TypeScript source (the
 * "@jineng/source" condition); the rest are Vite's default browser conditions.
 */
export default defineConfig({
  plugins: [solid()],
  base: "/",
  resolve: { conditions: ["@jineng/source", "module", "browser", "development|production"] },
  build: { outDir: "dist", assetsDir: "assets", manifest: true, target: "es2022", sourcemap: false },
  server: { proxy: { "/api": process.env.API_URL ?? "http://127.0.0.1:3000" } }
})
