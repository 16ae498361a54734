import { cleanup, configure } from "@solidjs/testing-library"
import { afterEach, vi } from "vitest"
import { forgetLookups } from "../lib/lastLookup"

// findBy…/waitFor wait up to 5 s: CI runs every package's tests at once on two cores, and a page can take
// longer than the default second to render there.
configure({ asyncUtilTimeout: 5_000 })

// jsdom does not scroll; the router scrolls to the top or to a hash after each navigation.
window.scrollTo = () => undefined

afterEach(() => {
  cleanup()
  forgetLookups()
  vi.clearAllMocks()
})
