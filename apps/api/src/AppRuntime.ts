/**
 * The one runtime per process: the registry (every port and use case on one database), the API keys and the
 * organisation accounts built on them.
 */
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import { OrganisationAccounts } from "@jineng/db/access/OrganisationAccounts"
import type { DatabaseTarget } from "@jineng/db/Database"
import * as Registry from "@jineng/db/Registry"
import { Layer, ManagedRuntime } from "effect"

export const appLayer = (target: DatabaseTarget) =>
  OrganisationAccounts.layer.pipe(
    Layer.provideMerge(ApiKeys.layerFromConfig),
    Layer.provideMerge(Registry.layer(target))
  )

export type AppServices = Layer.Layer.Success<ReturnType<typeof appLayer>>
export type AppRuntime = ManagedRuntime.ManagedRuntime<AppServices, unknown>

export const makeRuntime = (target: DatabaseTarget): AppRuntime => ManagedRuntime.make(appLayer(target))
