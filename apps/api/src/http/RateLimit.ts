/**
 * Fixed-window rate limits kept in the process's memory: at most `limit` hits per key per window; the hit that
 * exceeds it learns how many seconds remain (the 429's Retry-After). Windows of idle keys are dropped as time
 * passes, so memory follows the number of active clients. With several API processes each keeps its own
 * counts — a deployment behind a load balancer divides the limits by the number of processes.
 */
export interface LookupLimits {
  /** Lookups per client address per minute. */
  readonly perClientPerMinute: number
  /** Lookups of one certificate number or ID number per minute, whoever asks. */
  readonly perIdentityPerMinute: number
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = { perClientPerMinute: 60, perIdentityPerMinute: 10 }

export type Hit = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number }

export class FixedWindowLimiter<K = string> {
  private windowStart = 0
  private counts = new Map<K, number>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now
  ) {}

  hit(key: K): Hit {
    const now = this.now()
    if (now - this.windowStart >= this.windowMs) {
      // A new window, aligned to the previous ones; the old counts go (idle keys with them).
      this.windowStart = now - ((now - this.windowStart) % this.windowMs)
      this.counts = new Map()
    }
    const count = (this.counts.get(key) ?? 0) + 1
    this.counts.set(key, count)
    if (count <= this.limit) return { allowed: true }
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000))
    }
  }
}
