import solid from "vite-plugin-solid"
import { defineConfig } from "vitest/config"

const conditions = ["@jineng/source", "browser", "development", "module"]

// vite-plugin-solid is typed against the site's vite 8; vitest 3.2 runs its own vite 7 (same plugin API).
const solidPlugin: never = solid() as never

/**
 * Two projects in one `vitest run`: component tests in jsdom (src/**), and end-to-end tests in node (e2e/**) that
 * build the site, start the real API on a seeded SQLite file and drive headless Chromium.
 */
export default defineConfig({
  test: {
    // The JSON report is what CI counts (.ci/summary.mjs): a package without it did not run.
    reporters: ["default", ["json", { outputFile: ".artifacts/vitest-report.json" }]],
    projects: [
      {
        plugins: [solidPlugin],
        resolve: { conditions },
        test: {
          name: "components",
          environment: "jsdom",
          include: ["src/**/*.test.{ts,tsx}"],
          setupFiles: ["src/test/setup.ts"],
          // Solid and its libraries run through Vite, so they resolve to their browser builds, not the server's.
          server: { deps: { inline: [/solid-js/, /@solidjs\//] } }
        }
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 240_000
        }
      }
    ]
  }
})
