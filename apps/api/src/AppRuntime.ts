/**
 * The one runtime per process: the registry (every port and use case on one database), the API keys and the
 * organisation accounts built on them, the registry's signing keys (SigningKeys.ts); the deployment's hotlines
 * when it provides them.
 */
import { ApiKeys } from "@jineng/db/access/ApiKeys"
import { OrganisationAccounts } from "@jineng/db/access/OrganisationAccounts"
import type { DatabaseTarget } from "@jineng/db/Database"
import * as Registry from "@jineng/db/Registry"
import { type Hotline, HotlinesOnFile } from "@jineng/domain/quality/Hotline"
import { Layer, ManagedRuntime } from "effect"
import { RegistryKeys, type SigningKeysSource } from "./SigningKeys.js"

export interface RuntimeOptions {
  /** The reporting hotlines on file (54号·五), each with its provenance; default: the province's only. */
  readonly hotlines?: ReadonlyArray<Hotline>
  /**
   * Where the signing keys come from; default: the key file named by SIGNING_KEYS_FILE, else signing-keys.json
   * next to the SQLite file or data/signing-keys.json with PostgreSQL (created with one key when missing).
   */
  readonly signingKeys?: SigningKeysSource
}

export const appLayer = (target: DatabaseTarget, options: RuntimeOptions = {}) =>
  OrganisationAccounts.layer.pipe(
    Layer.provideMerge(ApiKeys.layerFromConfig),
    Layer.provideMerge(Registry.layer(target)),
    Layer.provideMerge(
      options.signingKeys === undefined
        ? RegistryKeys.layerFromConfig(target)
        : RegistryKeys.layer(options.signingKeys)
    ),
    Layer.provideMerge(
      options.hotlines === undefined ? Layer.empty : Layer.succeed(HotlinesOnFile, options.hotlines)
    )
  )

export type AppServices = Layer.Layer.Success<ReturnType<typeof appLayer>>
export type AppRuntime = ManagedRuntime.ManagedRuntime<AppServices, unknown>

export const makeRuntime = (target: DatabaseTarget, options: RuntimeOptions = {}): AppRuntime =>
  ManagedRuntime.make(appLayer(target, options))
