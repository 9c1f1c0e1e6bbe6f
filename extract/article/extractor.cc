#include "extract/article/extractor.h"
namespace newsfacts {
Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions&) {
  return Status::Unsupported("not built yet");
}
}  // namespace newsfacts
