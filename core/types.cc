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

namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// Counts days through 400-year cycles (146097 days each) with March as the
// first month, so the leap day falls at the end of the counted year.
int64_t DaysFromCivil(const CivilDay& d) {
  const int64_t y = d.month <= 2 ? d.year - 1 : d.year;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;  // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDay CivilFromDays(int64_t days) {
  days += 719468;
  const int64_t era = FloorDiv(days, 146097);
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDay{year, month, day};
}

}  // namespace newsfacts
