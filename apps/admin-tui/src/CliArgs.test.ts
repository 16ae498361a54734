import { describe, expect, it } from "vitest"
import { parseArgs } from "./CliArgs.js"

describe("CliArgs", () => {
  it("defaults the URL and reads the key from the environment", () => {
    expect(parseArgs([], { JINENG_API_KEY: "jn_a_b" })).toEqual({
      url: "http://127.0.0.1:3000",
      key: "jn_a_b"
    })
  })

  it("prefers the flags, in both spellings, and trims a trailing slash", () => {
    expect(
      parseArgs(["--url", "http://api:3000/", "--key=jn_x_y"], {
        JINENG_API_URL: "http://other",
        JINENG_API_KEY: "z"
      })
    ).toEqual({ url: "http://api:3000", key: "jn_x_y" })
  })

  it("leaves the key unset (to be asked for) when none is given", () => {
    expect(parseArgs([], { JINENG_API_KEY: "" })).toEqual({ url: "http://127.0.0.1:3000", key: undefined })
  })

  it("refuses unknown arguments and a flag without its value, in zh-CN", () => {
    expect(parseArgs(["--verbose"], {})).toEqual({ error: expect.stringContaining("未知参数：--verbose") })
    expect(parseArgs(["--key"], {})).toEqual({ error: expect.stringContaining("--key 缺少取值") })
  })
})
