/** The curated seed of real occupations (categories 3–6) shipped for the demo: seed/occupations.seed.jsonl. */
import { readFileSync } from "node:fs"
import type { Occupation } from "@jineng/domain/occupation/Occupation"
import { OccupationRecord, toOccupation } from "@jineng/domain/occupation/OccupationRecord"
import { Schema } from "effect"

export const SEED_FILE = new URL("../../seed/occupations.seed.jsonl", import.meta.url)

/** `file`: where the seed is when this module is bundled elsewhere (the API's dist). */
export const seedOccupations = (file: URL | string = SEED_FILE): ReadonlyArray<Occupation> =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => toOccupation(Schema.decodeUnknownSync(OccupationRecord)(JSON.parse(line))))
