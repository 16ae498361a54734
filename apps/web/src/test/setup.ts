import { cleanup } from "@solidjs/testing-library"
import { afterEach, vi } from "vitest"
import { forgetLookups } from "../lib/lastLookup"

// jsdom does not scroll; the router scrolls to the top or to a hash after each navigation.
window.scrollTo = () => undefined

afterEach(() => {
  cleanup()
  forgetLookups()
  vi.clearAllMocks()
})
