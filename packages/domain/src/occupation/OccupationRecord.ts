/**
 * One line of the occupation reference file (shared/data/occupations/occupations.jsonl, the 大典 online
 * edition; rules-research §7.4) and its reading as an Occupation of the base edition (BaseEdition.ts). The
 * db import decodes lines with this schema.
 */
import { Schema } from "effect"
import { OccupationCode } from "../codes/OccupationCodeSchema.js"
import { CategoryRef, type Occupation } from "./Occupation.js"

export const OccupationRecord = Schema.Struct({
  code: OccupationCode,
  name: Schema.String.pipe(Schema.minLength(1)),
  major: CategoryRef,
  middle: CategoryRef,
  minor: CategoryRef,
  /** Number of 工种 listed in the source; their names are not in the file. */
  workTypeCount: Schema.Int.pipe(Schema.nonNegative()),
  green: Schema.Boolean,
  digital: Schema.Boolean
}).pipe(
  Schema.filter(
    (r) =>
      (r.major.code === r.code.slice(0, 1) &&
        r.middle.code === r.code.slice(0, 4) &&
        r.minor.code === r.code.slice(0, 7)) ||
      "大类、中类、小类编码应与职业编码的前缀一致"
  )
)
export type OccupationRecord = typeof OccupationRecord.Type

/** The record as an Occupation of the base edition; the file carries no 工种 names, so `workTypes` is empty. */
export const toOccupation = (r: OccupationRecord): Occupation => ({
  code: r.code,
  name: r.name,
  major: r.major,
  middle: r.middle,
  minor: r.minor,
  workTypes: [],
  workTypeCount: r.workTypeCount,
  green: r.green,
  digital: r.digital
})
