/** The one runtime per process: the registry (every port and use case on one database) and the API keys. */
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import type { DatabaseTarget } from "@jineng/db/Database"
import * as Registry from "@jineng/db/Registry"
import { Layer, ManagedRuntime } from "effect"

export const appLayer = (target: DatabaseTarget) =>
  ApiKeys.layerFromConfig.pipe(Layer.provideMerge(Registry.layer(target)))

export type AppServices = Layer.Layer.Success<ReturnType<typeof appLayer>>
export type AppRuntime = ManagedRuntime.ManagedRuntime<AppServices, unknown>

export const makeRuntime = (target: DatabaseTarget): AppRuntime => ManagedRuntime.make(appLayer(target))
