#include "core/types.h"

#include <cstdio>

namespace newsfacts {

std::optional<CivilDay> CivilDay::FromIso(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto digits = [&](size_t pos, size_t n, int* out) {
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      v = v * 10 + (iso[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDay d;
  if (!digits(0, 4, &d.year) || !digits(5, 2, &d.month) ||
      !digits(8, 2, &d.day)) {
    return std::nullopt;
  }
  if (d.year == 0 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
    return std::nullopt;
  }
  return d;
}

std::string CivilDay::ToIso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

const char* OriginName(Origin origin) {
  switch (origin) {
    case Origin::kFile: return "file";
    case Origin::kStdin: return "stdin";
    case Origin::kHttp: return "http";
    case Origin::kFeed: return "feed";
    case Origin::kSitemap: return "sitemap";
    case Origin::kWarc: return "warc";
  }
  return "file";
}

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kHeading: return "heading";
    case BlockKind::kQuote: return "quote";
    case BlockKind::kListItem: return "list_item";
    case BlockKind::kTable: return "table";
  }
  return "paragraph";
}

const char* PageKindName(PageKind kind) {
  switch (kind) {
    case PageKind::kArticle: return "article";
    case PageKind::kLive: return "live";
    case PageKind::kProgram: return "program";
    case PageKind::kVideo: return "video";
    case PageKind::kGallery: return "gallery";
    case PageKind::kOther: return "other";
  }
  return "article";
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kLoc: return "LOC";
    case EntityType::kNorp: return "NORP";
  }
  return "PERSON";
}

}  // namespace newsfacts
