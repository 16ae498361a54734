/**
 * Web Crypto, a global in browsers and in Node ≥ 19, typed here so the package needs neither the DOM lib nor
 * Node's types. Only what the domain uses.
 */
export const webCrypto = (
  globalThis as unknown as {
    readonly crypto: {
      randomUUID(): string
      getRandomValues<T extends Uint8Array>(array: T): T
    }
  }
).crypto
