// Internal to store/: the database schema as an ordered list of migration
// steps, applied by PRAGMA user_version.
//
//   NF_RETURN_IF_ERROR(MigrateSchema(db, path));  // after CheckSchemaVersion
//
// Step i (0-based) takes a database from user_version i to i + 1; each step
// runs in its own transaction together with the user_version bump, so a
// crash leaves the database at a whole version. Steps are append-only: a
// released step is never edited, a change is a new step.
//
// Thread-safety: functions operate on the connection they are given.
#ifndef NEWSFACTS_STORE_SCHEMA_H_
#define NEWSFACTS_STORE_SCHEMA_H_

#include <string>

#include "core/status.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace newsfacts {

// The user_version a fully migrated database has.
int LatestSchemaVersion();

// Reads PRAGMA user_version. Corruption when `path` is not a database.
Result<int> ReadSchemaVersion(SQLite::Database& db, const std::string& path);

// Unsupported when `version` is newer than this code knows.
Status CheckSchemaVersion(int version, const std::string& path);

// Applies the missing steps. REQUIRES: a writable connection.
Status MigrateSchema(SQLite::Database& db, const std::string& path);

}  // namespace newsfacts

#endif  // NEWSFACTS_STORE_SCHEMA_H_
