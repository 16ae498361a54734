/** The mocked API module: every call a vi.fn the test sets (vi.mock("../api", () => mockApi())). */
import { vi } from "vitest"

export const mockApi = () => ({
  lookupCertificates: vi.fn(),
  getInstitutions: vi.fn(),
  getBatches: vi.fn(),
  getPlans: vi.fn(),
  getHotlines: vi.fn(),
  submitReport: vi.fn(),
  getReportStatus: vi.fn(),
  getVerificationKeys: vi.fn(),
  getSignedRecord: vi.fn(),
  getCertificateProof: vi.fn()
})
