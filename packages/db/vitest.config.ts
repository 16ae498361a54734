import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@jineng/source"] },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: ".artifacts/vitest-report.json" }]],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
