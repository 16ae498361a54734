#!/usr/bin/env -S node --conditions=@jineng/source --import tsx
/**
 * `jineng-admin [--url URL] [--key KEY]`: the administrators' terminal. Reads the API base URL (--url, else
 * JINENG_API_URL, else http://127.0.0.1:3000) and the API key (--key, else JINENG_API_KEY, else asked for without
 * echo), makes the typed client and renders the App until the operator quits.
 */
import { render } from "ink"
import { App } from "./App.js"
import { makeHttpAdminClient } from "./api/HttpAdminClient.js"
import { parseArgs } from "./CliArgs.js"

/** Reads the key from the terminal without echoing it (one "*" per character). */
const promptKey = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const { stdin, stdout } = process
    if (!stdin.isTTY) {
      reject(new Error("未提供 API 密钥（--key 或 JINENG_API_KEY），且标准输入不是终端，无法询问"))
      return
    }
    stdout.write("请输入本单位的 API 密钥：")
    let key = ""
    stdin.setRawMode(true)
    stdin.resume()
    stdin.setEncoding("utf8")
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.off("data", onData)
          stdin.setRawMode(false)
          stdin.pause()
          stdout.write("\n")
          resolve(key.trim())
          return
        }
        if (ch === "\u0003") {
          stdout.write("\n")
          process.exit(130)
        }
        if (ch === "\u007f" || ch === "\b") {
          if (key.length > 0) {
            key = key.slice(0, -1)
            stdout.write("\b \b")
          }
        } else if (ch >= " ") {
          key += ch
          stdout.write("*")
        }
      }
    }
    stdin.on("data", onData)
  })

const main = async () => {
  const args = parseArgs(process.argv.slice(2), process.env)
  if ("error" in args) {
    console.error(args.error)
    process.exit(2)
  }
  const key = args.key ?? (await promptKey())
  if (key === "") {
    console.error("未提供 API 密钥")
    process.exit(2)
  }
  const instance = render(<App client={makeHttpAdminClient(args.url, key)} />)
  await instance.waitUntilExit()
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
