#include "store/store.h"
namespace newsfacts {
Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions&) {
  return Status::Unsupported("not built yet: " + path);
}
}  // namespace newsfacts
