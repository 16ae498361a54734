/** Renders the whole site (layout and routes) at an address, over an in-memory history. */
import { createMemoryHistory, MemoryRouter } from "@solidjs/router"
import { render } from "@solidjs/testing-library"
import { Layout } from "../Layout"
import { Routes } from "../routes"

export const renderAt = (location: string) => {
  const history = createMemoryHistory()
  history.set({ value: location, scroll: false, replace: true })
  return {
    history,
    ...render(() => (
      <MemoryRouter history={history} root={Layout}>
        <Routes />
      </MemoryRouter>
    ))
  }
}
