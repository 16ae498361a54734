/**
 * Equality of two records as data (JSON values, key order and absent-vs-undefined keys ignored): a record sent
 * again is recognised as the one on file, so a retried submission records nothing twice.
 */
const definedKeys = (o: object): Array<string> =>
  Object.keys(o).filter((k) => (o as Record<string, unknown>)[k] !== undefined)

export const sameRecord = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => sameRecord(x, b[i]))
  }
  const ka = definedKeys(a)
  const kb = definedKeys(b)
  if (ka.length !== kb.length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  return ka.every((k) => Object.hasOwn(rb, k) && sameRecord(ra[k], rb[k]))
}
