/** Renders one screen as App would, with a fake client, a fixed today and recorded navigation. */
import type { OrganisationRole } from "@jineng/domain/access/OrganisationRole"
import { render } from "ink-testing-library"
import type { ComponentType } from "react"
import type { AdminClient } from "../src/api/AdminClient.js"
import type { Route, ScreenProps } from "../src/screens/ScreenProps.js"
import { fakeClient, meOf, TODAY } from "./FakeClient.js"

export const renderScreen = (
  Screen: ComponentType<ScreenProps & { readonly workDir?: string }>,
  role: OrganisationRole,
  options: { readonly client?: Partial<AdminClient>; readonly route?: Route; readonly workDir?: string } = {}
) => {
  const fake = fakeClient(role, options.client)
  const visited: Array<Route> = []
  let backs = 0
  const app = render(
    <Screen
      client={fake.client}
      me={meOf(role)}
      today={TODAY}
      isActive
      route={options.route ?? { screen: "home" }}
      navigate={(r) => visited.push(r)}
      onBack={() => {
        backs++
      }}
      {...(options.workDir === undefined ? {} : { workDir: options.workDir })}
    />
  )
  return { app, fake, visited, backs: () => backs }
}
