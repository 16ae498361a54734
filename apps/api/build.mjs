// Bundles the API for production (`node dist/main.js`): one file with the workspace's TypeScript packages
// (resolved through their "@jineng/source" condition) and the npm dependencies compiled in, except native
// modules (better-sqlite3), which stay external and are loaded from the registry package's own dependencies.
// Starting from the bundle instead of the TypeScript loader (tsx) keeps the process's memory lower.
import { createRequire } from "node:module"
import { build } from "esbuild"

const fromDb = createRequire(new URL("../../packages/db/package.json", import.meta.url))

await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  conditions: ["@jineng/source"],
  sourcemap: "linked",
  logLevel: "warning",
  // CommonJS dependencies inside an ES module bundle need a require.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);'
  },
  external: ["pg-native"],
  plugins: [
    {
      name: "native-externals",
      setup(b) {
        b.onResolve({ filter: /^better-sqlite3$/ }, () => ({
          path: fromDb.resolve("better-sqlite3"),
          external: true
        }))
      }
    }
  ]
})
