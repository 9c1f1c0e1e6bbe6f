// Internal to cli/. Renders Articles and Facts as the JSON of
// spec/facts.md: one object per line, spans as code point offsets.
#ifndef NEWSFACTS_CLI_JSON_OUTPUT_H_
#define NEWSFACTS_CLI_JSON_OUTPUT_H_

#include <string>
#include <string_view>

#include "core/types.h"

namespace newsfacts {

// {"entities":[…],"dates":[…],"counts":[…]} for facts found in `text`.
std::string FactsToJson(std::string_view text, const Facts& facts);

// `FactsToJson` with `"id": <id_json>` first (for `tag --jsonl`).
// `id_json` is already-serialized JSON.
std::string FactsToJsonWithId(std::string_view id_json, std::string_view text,
                              const Facts& facts);

// The full Article object of `newsfacts extract --json`.
std::string ArticleToJson(std::string_view source, const Article& article,
                          const Facts& facts, bool with_facts);

}  // namespace newsfacts

#endif  // NEWSFACTS_CLI_JSON_OUTPUT_H_
