#include "ingest/ingest.h"
namespace newsfacts {
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<InputError>*) { return inputs; }
Result<Document> ReadDocument(const std::string& path, const ReadOptions&) {
  return Status::Unsupported("not built yet: " + path);
}
Result<Document> DocumentFromBytes(std::string source, std::string, std::string_view, const ReadOptions&) {
  return Status::Unsupported("not built yet: " + source);
}
Result<DecodedText> DecodeToUtf8(std::string_view, std::string_view) {
  return Status::Unsupported("not built yet");
}
}  // namespace newsfacts
