// A database file as an older Louguanjia left it: every migration before the one that contains
// `marker` (a piece of its SQL, so the test names the change it is about, not a number that the
// next migration would shift), with user_version set to match.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from '../../store/migrations.ts'

export function databaseBefore(marker: string): { path: string; db: Database.Database; version: number } {
  const version = MIGRATIONS.findIndex((sql) => sql.includes(marker))
  if (version <= 0) throw new Error(`no migration after the first contains ${JSON.stringify(marker)}`)
  const path = join(mkdtempSync(join(tmpdir(), 'lgj-old-schema-')), 'old.db')
  const db = new Database(path)
  for (const sql of MIGRATIONS.slice(0, version)) db.exec(sql)
  db.pragma(`user_version = ${version}`)
  return { path, db, version }
}
