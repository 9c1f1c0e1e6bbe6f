#include "extract/entities/entities.h"
namespace newsfacts {
Result<std::unique_ptr<EntityTagger>> EntityTagger::Create(const std::string& lang_dir) {
  return Status::Unsupported("not built yet: " + lang_dir);
}
}  // namespace newsfacts
