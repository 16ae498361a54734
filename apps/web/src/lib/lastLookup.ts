/**
 * The certificates of the visitor's latest lookup, in memory only (never stored in the browser), so that the print
 * and verification pages reached from a result need not ask for the holder's name again. A reload forgets them.
 */
import type { CertificateView } from "../api"

const found = new Map<string, CertificateView>()

export const rememberLookup = (certificates: ReadonlyArray<CertificateView>) => {
  found.clear()
  for (const c of certificates) found.set(c.number, c)
}

export const rememberedCertificate = (number: string): CertificateView | undefined => found.get(number)

export const forgetLookups = () => found.clear()
