/**
 * Tracking codes (查询码) with which a reporter follows a report (54号·五 "严肃核实查处相关举报问题"): "JB" (举报)
 * and 10 characters over an alphabet without 0, O, 1 and I, so the code can be read out on the phone and typed
 * back without confusion. 32 characters × 10 positions = 50 random bits.
 */

export type TrackingCode = string

export const TRACKING_PREFIX = "JB"

/** 2–9 and A–Z without I and O: 32 characters. */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"

export const TRACKING_BODY_LENGTH = 10

const CODE = /^JB[2-9A-HJ-NP-Z]{10}$/

export const isTrackingCode = (s: string): boolean => CODE.test(s)

/** Upper-cases and drops spaces and hyphens, as people type a code read out to them. Does not validate. */
export const normaliseTrackingCode = (s: string): string => s.replace(/[\s-]/g, "").toUpperCase()

/** The code from 10 random bytes (only the low 5 bits of each are used, so every character is equally likely). */
export const trackingCodeFromBytes = (bytes: ArrayLike<number>): TrackingCode => {
  let body = ""
  for (let i = 0; i < TRACKING_BODY_LENGTH; i++) body += TRACKING_ALPHABET.charAt((bytes[i] ?? 0) & 31)
  return TRACKING_PREFIX + body
}

/** The n-th code of a deterministic sequence (n ≥ 0): for tests and fixtures, never for real reports. */
export const trackingCodeFromNumber = (n: number): TrackingCode => {
  let body = ""
  let rest = Math.floor(Math.abs(n))
  for (let i = 0; i < TRACKING_BODY_LENGTH; i++) {
    body = TRACKING_ALPHABET.charAt(rest % 32) + body
    rest = Math.floor(rest / 32)
  }
  return TRACKING_PREFIX + body
}

/** "JB-XXXXX-XXXXX", easier to read out; normaliseTrackingCode undoes it. */
export const displayTrackingCode = (code: TrackingCode): string =>
  `${code.slice(0, 2)}-${code.slice(2, 7)}-${code.slice(7)}`
