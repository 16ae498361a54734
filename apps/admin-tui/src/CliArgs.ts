/**
 * The command line of `jineng-admin`: --url (else JINENG_API_URL, else http://127.0.0.1:3000) and --key (else
 * JINENG_API_KEY; absent = ask). Unknown arguments are refused with the usage line (zh-CN).
 */

export const USAGE =
  "用法：jineng-admin [--url <API 地址>] [--key <API 密钥>]（或环境变量 JINENG_API_URL、JINENG_API_KEY）"

export const parseArgs = (
  argv: ReadonlyArray<string>,
  env: Readonly<Record<string, string | undefined>>
): { readonly url: string; readonly key: string | undefined } | { readonly error: string } => {
  let url = env.JINENG_API_URL ?? "http://127.0.0.1:3000"
  let key = env.JINENG_API_KEY
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s) : [arg, undefined]
    const value = inline ?? argv[i + 1]
    if (name === "--url" || name === "--key") {
      if (value === undefined || value === "") return { error: `${name} 缺少取值\n${USAGE}` }
      if (name === "--url") url = value
      else key = value
      if (inline === undefined) i++
    } else if (name === "--help" || name === "-h") return { error: USAGE }
    else return { error: `未知参数：${arg}\n${USAGE}` }
  }
  return { url: url.replace(/\/+$/, ""), key: key === "" ? undefined : key }
}
