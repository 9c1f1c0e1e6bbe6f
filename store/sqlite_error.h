// Internal to store/: turns SQLiteCpp exceptions into Status values, so no
// exception leaves the module.
//
//   try { ... } catch (const std::exception& e) { return SqlError(e, path); }
//
// Thread-safety: stateless.
#ifndef NEWSFACTS_STORE_SQLITE_ERROR_H_
#define NEWSFACTS_STORE_SQLITE_ERROR_H_

#include <exception>
#include <string>
#include <string_view>

#include "core/status.h"

namespace newsfacts {

// Maps an SQLite result code to a Status code: NOTADB/CORRUPT ->
// Corruption, CANTOPEN/IOERR/FULL -> IOError, BUSY/LOCKED -> Unavailable,
// CONSTRAINT/MISMATCH/RANGE -> InvalidArgument, READONLY -> Unsupported,
// anything else -> Internal. The message names `path`.
Status SqliteStatus(int sqlite_code, std::string_view what,
                    const std::string& path);

// The same for a caught exception (SQLite::Exception or any other).
Status SqlError(const std::exception& e, const std::string& path);

}  // namespace newsfacts

#endif  // NEWSFACTS_STORE_SQLITE_ERROR_H_
