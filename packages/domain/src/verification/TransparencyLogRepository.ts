/**
 * The transparency log's port (issue #7): what a registry stores and answers. Appending happens inside the
 * registry's own issuance and revocation transactions (the certificate repository), so no certificate exists or
 * is revoked without its leaf; this port reads the log, its proofs and status lists, and keeps signed tree heads.
 */
import { Context, type Effect, type Option } from "effect"
import type { LogEntry } from "./LogEntry.js"
import type { Hash, TreeHead } from "./MerkleTree.js"
import type { SignedTreeHead } from "./SignedTreeHead.js"

/** An issuer's status list as stored: how many entries it has, and which of them are revoked. */
export interface StatusListEntries {
  readonly institutionId: string
  /** Entries allocated so far (indices 0 … length − 1, one per certificate of the issuer). */
  readonly length: number
  readonly revoked: ReadonlyArray<number>
}

/** Where a certificate's status lives: its issuer's list and its index there. */
export interface StatusEntry {
  readonly institutionId: string
  readonly index: number
}

export class TransparencyLogRepository extends Context.Tag("@jineng/domain/TransparencyLogRepository")<
  TransparencyLogRepository,
  {
    /** The current tree head. */
    readonly head: Effect.Effect<TreeHead>
    /** The head at an earlier size; none beyond the current size. */
    readonly headAt: (size: number) => Effect.Effect<Option.Option<TreeHead>>
    /** A certificate's events, oldest first (issuance, then a revocation if any). */
    readonly entriesOf: (number: string) => Effect.Effect<ReadonlyArray<LogEntry>>
    /** The audit path of a leaf in the tree of `size` leaves; none when index ≥ size or size > current. */
    readonly inclusionProof: (
      index: number,
      size: number
    ) => Effect.Effect<Option.Option<ReadonlyArray<Hash>>>
    /** The consistency proof from `older` to `newer` leaves; none when older > newer or newer > current. */
    readonly consistencyProof: (
      older: number,
      newer: number
    ) => Effect.Effect<Option.Option<ReadonlyArray<Hash>>>
    /** The latest signed head stored. */
    readonly latestSignedHead: Effect.Effect<Option.Option<SignedTreeHead>>
    /** The signed head of exactly this size, if one was stored. */
    readonly signedHeadAt: (size: number) => Effect.Effect<Option.Option<SignedTreeHead>>
    /** Stores a signed head; a head for a size already signed is kept as first stored (returned). */
    readonly saveSignedHead: (head: SignedTreeHead) => Effect.Effect<SignedTreeHead>
    /** An issuer's status list entries; none when the issuer has no certificate in the log. */
    readonly statusList: (institutionId: string) => Effect.Effect<Option.Option<StatusListEntries>>
    /** Where a certificate's status lives. */
    readonly statusEntryOf: (number: string) => Effect.Effect<Option.Option<StatusEntry>>
  }
>() {}
