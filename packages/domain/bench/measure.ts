/** A tiny benchmark harness: runs `fn` over the inputs for at least `seconds`, best of `rounds`, ops/s. */

export interface Measurement {
  readonly name: string
  readonly opsPerSecond: number
  readonly nsPerOp: number
}

export const measure = <A>(
  name: string,
  inputs: ReadonlyArray<A>,
  fn: (a: A) => unknown,
  seconds = 1,
  rounds = 5
): Measurement => {
  let sink = 0
  // warm-up: let the JIT settle on the real inputs
  for (let i = 0; i < Math.min(inputs.length, 200_000); i++) if (fn(inputs[i] as A)) sink++
  let best = 0
  for (let r = 0; r < rounds; r++) {
    let ops = 0
    const start = process.hrtime.bigint()
    const deadline = start + BigInt(Math.round(seconds * 1e9))
    let now = start
    while (now < deadline) {
      for (let i = 0; i < inputs.length; i++) if (fn(inputs[i] as A)) sink++
      ops += inputs.length
      now = process.hrtime.bigint()
    }
    const rate = ops / (Number(now - start) / 1e9)
    if (rate > best) best = rate
  }
  if (sink === -1) console.log("unreachable")
  return { name, opsPerSecond: best, nsPerOp: 1e9 / best }
}

export const fmt = (n: number): string => Math.round(n).toLocaleString("en-US")
