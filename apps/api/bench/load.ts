/**
 * The load generator, the same for every server: keep-alive HTTP/1.1 connections on plain sockets with
 * pre-encoded GET requests and a minimal response parser (status line, Content-Length or chunked body), far
 * cheaper per request than node:http's client, so that on a 2-core machine the generator's core is not the
 * limit. Two modes: a closed loop (each connection sends its next request when the answer arrives: the
 * maximum throughput) and an open loop (requests leave on a fixed schedule whether or not earlier ones were
 * answered; latency is measured from the scheduled time, so a stalled server is not hidden by the generator
 * waiting for it).
 */
import { connect, type Socket } from "node:net"
import { performance } from "node:perf_hooks"
import { setTimeout as sleep } from "node:timers/promises"

const HEADER_END = Buffer.from("\r\n\r\n")
const CRLF = Buffer.from("\r\n")

/** The request line and headers of a GET, ready to write. */
export const getRequest = (path: string): Buffer =>
  Buffer.from(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: jineng-bench\r\n\r\n`, "latin1")

/** Where the complete response in `b` ends, or -1 while more bytes are needed. */
const responseEnd = (b: Buffer): number => {
  const head = b.indexOf(HEADER_END)
  if (head < 0) return -1
  const headers = b.toString("latin1", 0, head).toLowerCase()
  const bodyStart = head + 4
  const length = /\r\ncontent-length: *(\d+)/.exec(headers)
  if (length !== null) {
    const end = bodyStart + Number(length[1])
    return b.length >= end ? end : -1
  }
  if (!/\r\ntransfer-encoding: *chunked/.test(headers)) throw new Error("response without a length")
  let at = bodyStart
  for (;;) {
    const lineEnd = b.indexOf(CRLF, at)
    if (lineEnd < 0) return -1
    const size = Number.parseInt(b.toString("latin1", at, lineEnd), 16)
    if (size === 0) return b.length >= lineEnd + 4 ? lineEnd + 4 : -1 // no trailers
    at = lineEnd + 2 + size + 2
    if (at > b.length) return -1
  }
}

/**
 * One keep-alive connection with at most one request in flight. A connection the server closed while idle
 * (its keep-alive timeout) is opened again by the next send; one closed with a request in flight is an error.
 */
class Connection {
  private socket: Socket
  private pending: Buffer | undefined
  private done: ((status: number) => void) | undefined
  private closing = false
  private closedByServer = false

  private constructor(
    private readonly port: number,
    connected: () => void,
    failed: (error: Error) => void
  ) {
    this.socket = this.attach(connected, failed)
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const connection: Connection = new Connection(port, () => resolve(connection), reject)
    })
  }

  private attach(connected: () => void, failed: (error: Error) => void): Socket {
    const socket = connect({ host: "127.0.0.1", port: this.port }, connected)
    socket.setNoDelay(true)
    socket.on("error", failed)
    socket.on("data", (chunk: Buffer) => this.receive(chunk))
    socket.on("close", () => {
      if (this.closing) return
      if (this.done !== undefined) throw new Error("the server closed a connection with a request in flight")
      this.closedByServer = true
    })
    return socket
  }

  send(request: Buffer, done: (status: number) => void): void {
    if (this.closedByServer) {
      this.closedByServer = false
      this.pending = undefined
      this.socket = this.attach(
        () => {},
        (error) => {
          throw new Error(`connection to port ${this.port} failed: ${error.message}`)
        }
      )
    }
    this.done = done
    this.socket.write(request)
  }

  close(): void {
    this.closing = true
    this.socket.destroy()
  }

  private receive(chunk: Buffer): void {
    const b = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk])
    const end = responseEnd(b)
    if (end < 0) {
      this.pending = b
      return
    }
    this.pending = undefined
    const done = this.done
    this.done = undefined
    done?.(Number(b.toString("latin1", 9, 12)))
  }
}

const openAll = (port: number, n: number) =>
  Promise.all(Array.from({ length: n }, () => Connection.open(port)))

/** How many answers had each HTTP status. */
export type StatusCounts = Map<number, number>

const count = (counts: StatusCounts, status: number) => counts.set(status, (counts.get(status) ?? 0) + 1)

export interface ClosedLoopResult {
  readonly requestsPerSecond: number
  readonly statuses: StatusCounts
}

/**
 * `connections` connections send back to back for `warmupSeconds` (not counted), then for `seconds`: the
 * answers received in that window per second.
 */
export const closedLoop = async (options: {
  readonly port: number
  readonly requests: ReadonlyArray<Buffer>
  readonly connections: number
  readonly warmupSeconds: number
  readonly seconds: number
  /** Called when the measured window opens and closes. */
  readonly window?: { readonly open: () => void; readonly close: () => void }
}): Promise<ClosedLoopResult> => {
  const { requests } = options
  const connections = await openAll(options.port, options.connections)
  const statuses: StatusCounts = new Map()
  let next = 0
  let measuring = false
  let stopped = false
  let answered = 0
  const finished = connections.map(
    (connection) =>
      new Promise<void>((resolve) => {
        const loop = () => {
          if (stopped) return resolve()
          connection.send(requests[next++ % requests.length] as Buffer, (status) => {
            if (measuring) {
              answered++
              count(statuses, status)
            }
            loop()
          })
        }
        loop()
      })
  )
  await sleep(options.warmupSeconds * 1000)
  options.window?.open()
  measuring = true
  const start = performance.now()
  await sleep(options.seconds * 1000)
  measuring = false
  const elapsed = (performance.now() - start) / 1000
  options.window?.close()
  stopped = true
  await Promise.all(finished)
  for (const c of connections) c.close()
  return { requestsPerSecond: answered / elapsed, statuses }
}

export interface Latencies {
  readonly p50: number
  readonly p99: number
  readonly max: number
}

const percentiles = (values: Float64Array): Latencies => {
  const sorted = values.slice().sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] as number }
}

export interface OpenLoopResult {
  /** From the time each request was scheduled to leave to its answer (ms). */
  readonly latency: Latencies
  /** From the time each request was written to its answer (ms): without the generator's own delays. */
  readonly serviceTime: Latencies
  readonly achievedPerSecond: number
  readonly statuses: StatusCounts
}

/**
 * Requests scheduled at a fixed `rate` per second for `seconds`, each on an idle connection (or queued until
 * one is free, the wait counting in its latency).
 */
export const openLoop = async (options: {
  readonly port: number
  readonly requests: ReadonlyArray<Buffer>
  readonly connections: number
  readonly rate: number
  readonly seconds: number
}): Promise<OpenLoopResult> => {
  const { requests, rate } = options
  const total = Math.max(1, Math.round(rate * options.seconds))
  const idle = await openAll(options.port, options.connections)
  const all = idle.slice()
  const latency = new Float64Array(total)
  const service = new Float64Array(total)
  const statuses: StatusCounts = new Map()
  const queue: Array<number> = []
  const interval = 1000 / rate
  const start = performance.now() + 5
  let scheduled = 0
  let answered = 0
  let lastAnswer = start
  const finished = new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(
      () => reject(new Error(`open loop: ${total - answered} requests unanswered`)),
      (options.seconds * 3 + 30) * 1000
    )
    const dispatch = (i: number, connection: Connection) => {
      const sent = performance.now()
      connection.send(requests[i % requests.length] as Buffer, (status) => {
        const now = performance.now()
        latency[i] = now - (start + i * interval)
        service[i] = now - sent
        lastAnswer = now
        count(statuses, status)
        answered++
        const waiting = queue.shift()
        if (waiting !== undefined) dispatch(waiting, connection)
        else idle.push(connection)
        if (answered === total) {
          clearTimeout(deadline)
          resolve()
        }
      })
    }
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1)
      while (scheduled < due) {
        const i = scheduled++
        const connection = idle.shift() // in turn: no connection idles long enough to time out
        if (connection === undefined) queue.push(i)
        else dispatch(i, connection)
      }
      if (scheduled < total) setTimeout(tick, 1)
    }
    setTimeout(tick, Math.max(0, start - performance.now()))
  })
  await finished
  for (const c of all) c.close()
  return {
    latency: percentiles(latency),
    serviceTime: percentiles(service),
    achievedPerSecond: total / ((lastAnswer - start) / 1000),
    statuses
  }
}
