/**
 * Ed25519 through Web Crypto (`globalThis.crypto.subtle`, in browsers and Node ≥ 20 as { name: "Ed25519" }),
 * typed in shared/WebCrypto.ts so the package needs neither the DOM lib nor Node's types. Only what the
 * signed records use: generate, import/export raw public and PKCS #8 private keys, sign, verify.
 */

import { type CryptoKeyLike, type SubtleLike, webCrypto } from "../shared/WebCrypto.js"

export type { CryptoKeyLike }

const ED25519 = { name: "Ed25519" } as const

/** Web Crypto's subtle, or a stand-in whose every call rejects (callers wrap these in Effect.tryPromise). */
const subtle = (): SubtleLike => (webCrypto as typeof webCrypto | undefined)?.subtle ?? unavailable

const missing = () => Promise.reject(new Error("此环境不支持 Web Crypto"))
const unavailable: SubtleLike = {
  generateKey: missing,
  importKey: missing,
  exportKey: missing,
  sign: missing,
  verify: missing
}

export const generateEd25519 = () => subtle().generateKey(ED25519, true, ["sign", "verify"])

export const exportRawPublicKey = async (key: CryptoKeyLike): Promise<Uint8Array> =>
  new Uint8Array(await subtle().exportKey("raw", key))

export const exportPkcs8 = async (key: CryptoKeyLike): Promise<Uint8Array> =>
  new Uint8Array(await subtle().exportKey("pkcs8", key))

export const importRawPublicKey = (raw: Uint8Array) =>
  subtle().importKey("raw", raw, ED25519, true, ["verify"])

export const importPkcs8 = (pkcs8: Uint8Array) => subtle().importKey("pkcs8", pkcs8, ED25519, false, ["sign"])

export const signEd25519 = async (key: CryptoKeyLike, data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await subtle().sign(ED25519, key, data))

export const verifyEd25519 = (
  key: CryptoKeyLike,
  signature: Uint8Array,
  data: Uint8Array
): Promise<boolean> => subtle().verify(ED25519, key, signature, data)
