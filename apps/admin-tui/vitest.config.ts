import { defineConfig } from "vitest/config"

// Workspace packages resolve to their TypeScript source (the "@jineng/source" export condition), in the server
// environment vitest runs in too; the rest are Vite's default server conditions.
const conditions = ["@jineng/source", "module", "node", "development|production"]

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    reporters: ["default", ["json", { outputFile: ".artifacts/vitest-report.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
