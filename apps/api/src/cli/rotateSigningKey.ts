/**
 * `pnpm --filter @jineng/api keys:rotate`: rotates the registry's signing keys (issue #7) in the key file named
 * by the environment (SIGNING_KEYS_FILE; default signing-keys.json next to SQLITE_FILE, or data/signing-keys.json
 * with DATABASE_URL): a new key valid from today (Beijing), every open key's window closed today — signatures
 * made by the old keys stay verifiable, for the published keys keep them. Prints the new key id and public key;
 * never a private key. Restart every API process afterwards: each reads the key file when it starts.
 */

import { runCli } from "@jineng/db/cli/runCli"
import { DatabaseConfig } from "@jineng/db/Database"
import { Effect } from "effect"
import { rotateKeyFile, signingKeysFileConfig } from "../SigningKeys.js"

const program = Effect.gen(function* () {
  const path = yield* signingKeysFileConfig(yield* DatabaseConfig)
  const rotated = yield* rotateKeyFile(path)
  console.log(`已轮换签名密钥：${path}`)
  console.log(`  新密钥编号：${rotated.keyId}（自 ${rotated.validFrom} 起签名）`)
  console.log(`  新公钥（Ed25519，base64url）：${rotated.publicKey}`)
  if (rotated.retired.length > 0)
    console.log(`  已停用：${rotated.retired.join("、")}（有效期截至 ${rotated.validFrom}，其签名仍可验证）`)
  console.log("请重启全部 API 进程以启用新密钥。")
  return 0
}).pipe(
  Effect.catchTag("SigningKeysFileInvalid", (e) =>
    Effect.sync(() => {
      console.error(e.message)
      return 1
    })
  )
)

runCli("keys:rotate", program)
