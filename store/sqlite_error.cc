#include "store/sqlite_error.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <string>

namespace newsfacts {

Status SqliteStatus(int sqlite_code, std::string_view what,
                    const std::string& path) {
  std::string msg = path + ": " + std::string(what);
  switch (sqlite_code & 0xff) {  // primary code; extended codes add detail
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::Corruption(msg);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      return Status::IOError(msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(msg);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return Status::InvalidArgument(msg);
    case SQLITE_READONLY:
      return Status::Unsupported(msg);
    default:
      return Status::Internal(msg);
  }
}

Status SqlError(const std::exception& e, const std::string& path) {
  if (const auto* sql = dynamic_cast<const SQLite::Exception*>(&e)) {
    int code = sql->getExtendedErrorCode();
    if (code < 0) code = sql->getErrorCode();
    return SqliteStatus(code, sql->what(), path);
  }
  return Status::Internal(path + ": " + e.what());
}

}  // namespace newsfacts
