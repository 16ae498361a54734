/**
 * Runs a command-line program whose success value is the exit code; a failure or defect is printed once
 * (zh-CN headline, detail on stderr) and exits 1. The database comes from the environment at this edge only.
 */
import { Cause, Effect, Exit } from "effect"

export const runCli = <E>(name: string, program: Effect.Effect<number, E>): void => {
  Effect.runPromiseExit(program).then((exit) => {
    if (Exit.isSuccess(exit)) {
      process.exitCode = exit.value
      return
    }
    console.error(`${name} 失败：`)
    console.error(Cause.pretty(exit.cause))
    process.exitCode = 1
  })
}
