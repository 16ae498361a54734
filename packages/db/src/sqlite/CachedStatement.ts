/** A prepared statement per better-sqlite3 connection, prepared on first use (statements belong to a connection). */
import type Sqlite from "better-sqlite3"

export const cached = <S>(prepare: (db: Sqlite.Database) => S) => {
  const statements = new WeakMap<Sqlite.Database, S>()
  return (db: Sqlite.Database): S => {
    let s = statements.get(db)
    if (s === undefined) {
      s = prepare(db)
      statements.set(db, s)
    }
    return s
  }
}
