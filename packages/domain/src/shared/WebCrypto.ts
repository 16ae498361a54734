/**
 * Web Crypto, a global in browsers and in Node ≥ 19, typed here so the package needs neither the DOM lib nor
 * Node's types. Only what the domain uses: random ids and codes, and Ed25519 for the registry's signatures
 * (verification/Ed25519, as { name: "Ed25519" } in browsers and Node ≥ 20).
 */

/** An opaque Web Crypto key. */
export interface CryptoKeyLike {
  readonly type: string
}

export type Ed25519Algorithm = { readonly name: "Ed25519" }

/** The part of SubtleCrypto the signatures use. */
export interface SubtleLike {
  generateKey(
    algorithm: Ed25519Algorithm,
    extractable: boolean,
    usages: ReadonlyArray<string>
  ): Promise<{ readonly publicKey: CryptoKeyLike; readonly privateKey: CryptoKeyLike }>
  importKey(
    format: "raw" | "pkcs8",
    keyData: Uint8Array,
    algorithm: Ed25519Algorithm,
    extractable: boolean,
    usages: ReadonlyArray<string>
  ): Promise<CryptoKeyLike>
  exportKey(format: "raw" | "pkcs8", key: CryptoKeyLike): Promise<ArrayBuffer>
  sign(algorithm: Ed25519Algorithm, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
  verify(
    algorithm: Ed25519Algorithm,
    key: CryptoKeyLike,
    signature: Uint8Array,
    data: Uint8Array
  ): Promise<boolean>
}

export const webCrypto = (
  globalThis as unknown as {
    readonly crypto: {
      randomUUID(): string
      getRandomValues<T extends Uint8Array>(array: T): T
      /** Absent outside secure contexts in browsers. */
      readonly subtle?: SubtleLike
    }
  }
).crypto
