#include "extract/article/metadata.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/strings.h"
#include "core/types.h"
#include "extract/article/boilerplate.h"

namespace newsfacts {
namespace {

using Json = nlohmann::json;


void SetIfEmpty(std::string* field, std::string_view value) {
  if (field->empty()) *field = Trim(std::string(value));
}

bool IsArticleType(std::string_view type) {
  static constexpr std::string_view kTypes[] = {"Article",
                                                "NewsArticle",
                                                "BlogPosting",
                                                "ReportageNewsArticle",
                                                "AnalysisNewsArticle",
                                                "OpinionNewsArticle",
                                                "BackgroundNewsArticle",
                                                "ReviewNewsArticle",
                                                "LiveBlogPosting",
                                                "TechArticle",
                                                "ScholarlyArticle",
                                                "Report",
                                                "SocialMediaPosting"};
  return std::find(std::begin(kTypes), std::end(kTypes), type) !=
         std::end(kTypes);
}

// "http://schema.org/NewsArticle", "schema:NewsArticle" -> "NewsArticle".
std::string BareType(std::string type) {
  const size_t cut = type.find_last_of("/:#");
  return cut == std::string::npos ? type : type.substr(cut + 1);
}

std::vector<std::string> Types(const Json& obj) {
  std::vector<std::string> out;
  auto it = obj.find("@type");
  if (it == obj.end()) return out;
  if (it->is_string()) out.push_back(BareType(it->get<std::string>()));
  if (it->is_array()) {
    for (const Json& t : *it)
      if (t.is_string()) out.push_back(BareType(t.get<std::string>()));
  }
  return out;
}

std::string StringField(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array() && !it->empty() && (*it)[0].is_string())
    return (*it)[0].get<std::string>();
  if (it->is_object()) {
    auto name = it->find("name");
    if (name != it->end() && name->is_string()) return name->get<std::string>();
    // JSON-LD value objects: {"@value": "2024-03-15", "@type": "Date"}.
    auto value = it->find("@value");
    if (value != it->end() && value->is_string())
      return value->get<std::string>();
  }
  return {};
}

// Collects the objects of a JSON-LD value (arrays and @graph flattened).
void Flatten(const Json& value, std::vector<const Json*>* out, int depth = 0) {
  if (depth > 8) return;
  if (value.is_array()) {
    for (const Json& v : value) Flatten(v, out, depth + 1);
  } else if (value.is_object()) {
    out->push_back(&value);
    // A WebPage's main entity is the article itself ("mainEntity":
    // {"@type": "NewsArticle", ...}); its other nested objects (authors,
    // publisher, images) are read as fields, not as page objects.
    for (const char* key : {"@graph", "mainEntity"}) {
      auto nested = value.find(key);
      if (nested != value.end()) Flatten(*nested, out, depth + 1);
    }
  }
}

// Objects of the page's JSON-LD by "@id": Yoast and other SEO plugins give
// the article's author as {"@id": ".../#author"} and the Person elsewhere
// in the @graph.
using JsonIds = std::vector<std::pair<std::string, const Json*>>;

void AuthorsFromJson(const Json& value, const JsonIds& ids,
                     std::vector<std::string>* out, int depth = 0) {
  if (depth > 4) return;
  if (value.is_string()) {
    std::string s = value.get<std::string>();
    if (s.rfind("http", 0) != 0) AddUnique(SplitAuthors(s), out);
  } else if (value.is_array()) {
    for (const Json& v : value) AuthorsFromJson(v, ids, out, depth + 1);
  } else if (value.is_object()) {
    auto id = value.find("@id");
    if (value.find("name") == value.end() && id != value.end() &&
        id->is_string()) {
      for (const auto& [key, obj] : ids) {
        if (key == id->get<std::string>() && obj != &value)
          AuthorsFromJson(*obj, ids, out, depth + 1);
      }
      return;
    }
    std::vector<std::string> types = Types(value);
    // People only: an Organization "author" is the publisher.
    if (std::find(types.begin(), types.end(), "Organization") != types.end() ||
        std::find(types.begin(), types.end(), "NewsMediaOrganization") !=
            types.end()) {
      return;
    }
    auto name = value.find("name");
    if (name != value.end()) AuthorsFromJson(*name, ids, out, depth + 1);
  }
}

// Pages (not articles) whose dates stand for the article's when the page
// has no Article object: Yoast and other SEO plugins describe a post as a
// WebPage only.
bool IsPageType(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "WebPage", "ItemPage", "AboutPage", "FAQPage", "QAPage",
      "MedicalWebPage", "ProfilePage"};
  return std::find(std::begin(kTypes), std::end(kTypes), type) !=
         std::end(kTypes);
}

// Dates of the page's JSON-LD WebPage, used after the <meta> dates.
struct PageDates {
  std::string published;
  std::string modified;
  std::string created;  // an article's dateCreated, when it has no other
};

// CMS templates write JSON-LD that JSON parsers refuse: raw line breaks
// and tabs inside strings, commas before a closing bracket, a wrapping
// HTML comment or CDATA marker, a trailing semicolon. Returns `text` with
// those mended (the JSON grammar itself is nlohmann's job).
std::string RepairJson(std::string_view text) {
  size_t begin = text.find_first_of("{[");
  size_t end = text.find_last_of("}]");
  if (begin == std::string_view::npos || end == std::string_view::npos ||
      end < begin)
    return {};
  text = text.substr(begin, end - begin + 1);
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\' && i + 1 < text.size()) {
        out.push_back(c);
        out.push_back(text[++i]);
        continue;
      }
      if (c == '"') in_string = false;
      if (static_cast<unsigned char>(c) < 0x20) {
        out.push_back(' ');
        continue;
      }
      out.push_back(c);
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '}' || c == ']') {
      // Drop a comma (and the blanks after it) before the bracket.
      size_t k = out.size();
      while (k > 0 && std::isspace(static_cast<unsigned char>(out[k - 1]))) --k;
      if (k > 0 && out[k - 1] == ',') out.erase(k - 1);
    }
    out.push_back(c);
  }
  return out;
}

void ReadJsonLd(const Dom& dom, PageMetadata* meta,
                std::vector<std::string>* authors, PageDates* page_dates) {
  Result<Selector> sel = Selector::Parse("script[type=application/ld+json]");
  for (const GumboNode* script : dom.Select(*sel)) {
    std::string text;
    const GumboVector& children = script->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(children.data[i]);
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
          c->type == GUMBO_NODE_CDATA)
        text += c->v.text.text;
    }
    Json root = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded())
      root = Json::parse(RepairJson(text), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) continue;
    std::vector<const Json*> objects;
    Flatten(root, &objects);
    JsonIds ids;
    for (const Json* obj : objects) {
      auto id = obj->find("@id");
      if (id != obj->end() && id->is_string())
        ids.emplace_back(id->get<std::string>(), obj);
    }
    for (const Json* obj : objects) {
      std::vector<std::string> types = Types(*obj);
      meta->jsonld_types.insert(meta->jsonld_types.end(), types.begin(),
                                types.end());
      bool article = std::any_of(types.begin(), types.end(), IsArticleType);
      if (!article) {
        if (std::any_of(types.begin(), types.end(), IsPageType)) {
          SetIfEmpty(&page_dates->published,
                     NormalizeDate(StringField(*obj, "datePublished")));
          SetIfEmpty(&page_dates->modified,
                     NormalizeDate(StringField(*obj, "dateModified")));
        }
        continue;
      }
      SetIfEmpty(&meta->title, StringField(*obj, "headline"));
      SetIfEmpty(&meta->published,
                 NormalizeDate(StringField(*obj, "datePublished")));
      SetIfEmpty(&meta->modified,
                 NormalizeDate(StringField(*obj, "dateModified")));
      SetIfEmpty(&page_dates->created,
                 NormalizeDate(StringField(*obj, "dateCreated")));
      SetIfEmpty(&meta->section, StringField(*obj, "articleSection"));
      SetIfEmpty(&meta->language, StringField(*obj, "inLanguage"));
      auto author = obj->find("author");
      if (author != obj->end()) AuthorsFromJson(*author, ids, authors);
      auto keywords = obj->find("keywords");
      if (keywords != obj->end() && meta->tags.empty()) {
        if (keywords->is_array()) {
          for (const Json& k : *keywords)
            if (k.is_string()) meta->tags.push_back(Trim(k.get<std::string>()));
        } else if (keywords->is_string()) {
          std::string all = keywords->get<std::string>();
          size_t start = 0;
          while (start < all.size()) {
            size_t comma = all.find(',', start);
            if (comma == std::string::npos) comma = all.size();
            std::string tag = Trim(all.substr(start, comma - start));
            if (!tag.empty()) meta->tags.push_back(tag);
            start = comma + 1;
          }
        }
      }
    }
  }
}

// Some CMSs escape their headline twice, so that after the parser's own
// decoding "&#8211;" or "&amp;" is still left in the meta value.
std::string DecodeEntities(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back(s[i++]);
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    unsigned long cp = 0;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      cp = digits.empty() ? 0 : std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (end == nullptr || *end != '\0') cp = 0;
    } else if (name == "amp") {
      cp = '&';
    } else if (name == "quot") {
      cp = '"';
    } else if (name == "apos") {
      cp = '\'';
    } else if (name == "lt") {
      cp = '<';
    } else if (name == "gt") {
      cp = '>';
    } else if (name == "nbsp") {
      cp = ' ';
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(s[i++]);
      continue;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
    i = semi + 1;
  }
  return out;
}

// <meta> names and properties that state the publication time: Open Graph
// (also in its "og:article:" spelling), Dublin Core, Parse.ly, Sailthru,
// cXense, PRISM and common CMS names.
bool IsPublishedKey(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "article:published_time",
      "og:article:published_time",
      "og:published_time",
      "datepublished",
      "pubdate",
      "publishdate",
      "publish-date",
      "pub_date",
      "publication_date",
      "dc.date.issued",
      "dcterms.created",
      "dcterms.issued",
      "dc.date",
      "dc.date.created",
      "prism.publicationdate",
      "sailthru.date",
      "parsely-pub-date",
      "cxenseparse:recs:publishtime",
      "date",
      // CMS and SEO-plugin names seen on news sites of many countries:
      // Yandex's Mediator, Brightspot/Arc variants, Highwire citation
      // tags, and plain spellings.
      "mediator_published_time",
      "article:published",
      "article.published",
      "article_date_original",
      "original-publish-date",
      "publish_date",
      "published_date",
      "published_time",
      "published-date",
      "publication-date",
      "publisheddate",
      "date_published",
      "citation_publication_date",
      "citation_date",
      "bt:pubdate",
      "displaydate",
      "release_date",
      // Indonesian portals (Kompas, detik).
      "content_publisheddate",
      "dtk:publishdate"};
  return std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

}  // namespace

void AddUnique(const std::vector<std::string>& names,
               std::vector<std::string>* out) {
  for (const std::string& name : names) {
    std::string key = ToLowerAscii(name);
    bool seen =
        std::any_of(out->begin(), out->end(),
                    [&](const std::string& o) { return ToLowerAscii(o) == key; });
    if (!seen && !name.empty()) out->push_back(name);
  }
}

namespace {
// Bylines name services, desks and agencies beside people ("VOA Ukrainian
// Service", "Reuters", "RFE/RL's Kazakh Service"); authors are people only.
// `low` is the lower-cased byline part.
bool IsNewsOrganization(std::string_view low) {
  static constexpr std::string_view kAgencies[] = {
      "reuters", "afp", "ap", "associated press", "agence france-presse",
      "tass", "interfax", "ria novosti", "xinhua", "dpa", "efe", "ansa",
      "bloomberg", "rfe/rl", "voa", "bbc", "upi", "anadolu", "kyodo"};
  for (std::string_view a : kAgencies) {
    if (low == a) return true;
  }
  static constexpr std::string_view kOrgHeads[] = {
      "service", "services", "desk", "staff", "newsroom", "agency", "news",
      "reports", "report",
      "bureau", "team", "editors", "editorial", "reporters", "press",
      "correspondents", "media", "network", "wire", "wires"};
  const size_t space = low.rfind(' ');
  if (space == std::string_view::npos) return false;
  const std::string_view last = low.substr(space + 1);
  for (std::string_view head : kOrgHeads) {
    if (last == head) return true;
  }
  return false;
}
}  // namespace

bool IsNameParticle(std::string_view word) {
  static constexpr std::string_view kParticles[] = {
      "von", "van", "de", "der", "den", "del", "della", "da", "di", "du",
      "la", "le", "y", "zu", "ten", "ter", "bin", "al", "dos", "das", "do"};
  return std::find(std::begin(kParticles), std::end(kParticles), word) !=
         std::end(kParticles);
}

namespace {
// Bylines that name a site, a company or a desk: a domain ("LAOLA1.at",
// "stol.it / Suedtirol Online"), an obfuscated e-mail ("cipha[at]x.net"),
// a legal form or a publishing word anywhere ("Bund der Energieverbraucher
// e.V.", "KB_Redaktion", "L-MAG – Das Magazin für Lesben"). `low` is the
// lower-cased `name`.
bool LooksLikeDomainOrOrganization(std::string_view name,
                                   std::string_view low) {
  static constexpr std::string_view kOrgWords[] = {
      "e.v.",    "e. v.",    "gmbh",    "redaktion", "verlag",  "stiftung",
      "zeitung", "magazin",  "newsroom", "[at]",     "(at)",    " ltd",
      " inc.",   " llc",     "editorial", "redacción", "rédaction"};
  for (std::string_view w : kOrgWords) {
    if (low.find(w) != std::string_view::npos) return true;
  }
  // A word ending in ".xx" (2-4 lower-case letters): a domain.
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find_first_of(" /", start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view word = name.substr(start, end - start);
    const size_t dot = word.rfind('.');
    if (dot != std::string_view::npos && dot > 0 && word.size() - dot >= 3 &&
        word.size() - dot <= 5 &&
        std::isalnum(static_cast<unsigned char>(word[dot - 1])) &&
        std::all_of(word.begin() + dot + 1, word.end(), [](char c) {
          return c >= 'a' && c <= 'z';
        }))
      return true;
    start = end + 1;
  }
  return false;
}

// "an welchen Orten Menschen waren": a phrase of three or more words that
// opens in lower case is text, not a name (usernames are one word).
// "Projektleiterin der HSS in Tunesien.", "Tricks für zu Hause.": a part of
// three or more words with a lower-case word other than a name particle
// ("von", "de la") is a role or a phrase.
bool LowerCasePhrase(std::string_view name) {
  if (std::count(name.begin(), name.end(), ' ') < 2) return false;
  bool phrase = false;
  ForEachPiece(name, ' ', [&phrase](std::string_view word) {
    if (word.empty() || !std::islower(static_cast<unsigned char>(word[0])))
      return true;
    phrase = !IsNameParticle(word);
    return !phrase;
  });
  return phrase;
}

// Weekday names (lower case) of the languages bylines come in most.
constexpr std::string_view kWeekdays[] = {
    "monday",   "tuesday",  "wednesday", "thursday", "friday",    "saturday",
    "sunday",   "montag",   "dienstag",  "mittwoch", "donnerstag", "freitag",
    "samstag",  "sonntag",  "lundi",     "mardi",    "mercredi",  "jeudi",
    "vendredi", "samedi",   "dimanche",  "lunes",    "martes",    "miércoles",
    "jueves",   "viernes",  "sábado",    "domingo",  "lunedì",    "martedì",
    "mercoledì", "giovedì", "venerdì",   "sabato"};
}  // namespace

std::vector<std::string> SplitAuthors(std::string_view byline) {
  std::string s;
  bool pending = false;
  AppendCollapsed(byline, &s, &pending);
  s = Trim(s);
  // Job titles and sources often follow a bar or a dash-free newline.
  size_t bar = s.find('|');
  if (bar != std::string::npos) s = Trim(s.substr(0, bar));
  // "Aureliana · in Gefühle": a middle dot starts the category or date.
  size_t dot = s.find(" \u00b7 ");
  if (dot != std::string::npos) s = Trim(s.substr(0, dot));
  // "Text von Ann Lee Illustration von Bo Chen", "By Ann Lee Photos by
  // Bo Chen": credits for pictures follow the writer's name.
  for (std::string_view marker :
       {" Illustration", " Illustrationen", " Fotos", " Foto:", " Foto von",
        " Photos by", " Photo:", " Photographs by", " Bilder:", " Bild:"}) {
    size_t at = s.find(marker);
    if (at != std::string::npos && at > 0) s = Trim(s.substr(0, at));
  }
  // "Glen Owen And Brendan Carlin For The Mail On Sunday": the outlet.
  for (std::string_view marker : {" for ", " For ", " FOR "}) {
    size_t at = s.find(marker);
    if (at != std::string::npos) s = Trim(s.substr(0, at));
  }
  // "Monday November 18, 2019 by Joe Rossignol": the names follow "by".
  // A "von" inside one short name is a particle ("Walter von Aachen"):
  // cut only after a date or a label of two or more words.
  for (std::string_view marker : {" by ", " By ", " von "}) {
    size_t at = s.rfind(marker);
    if (at != std::string::npos && marker == " von ") {
      std::string_view left = std::string_view(s).substr(0, at);
      bool digit = std::any_of(left.begin(), left.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
      if (!digit && left.find(' ') == std::string_view::npos) break;
    }
    if (at != std::string::npos) {
      s = Trim(s.substr(at + marker.size()));
      break;
    }
  }
  std::vector<std::string> parts;
  std::string cur;
  auto flush = [&]() {
    std::string p = Trim(cur);
    cur.clear();
    // "The Planetary Press -", "Ann Lee |": a separator left at the end.
    while (!p.empty() && std::string_view(" -|:/").find(p.back()) !=
                             std::string_view::npos)
      p.pop_back();
    for (std::string_view dash : {"\u2013", "\u2014"}) {
      if (p.ends_with(dash)) p = Trim(p.substr(0, p.size() - dash.size()));
    }
    std::string low = ToLowerAscii(p);
    for (std::string_view prefix : {"alles von ",
                                    "alle beiträge von ",
                                    "alle artikel von ",
                                    "beiträge von ",
                                    "all posts by ",
                                    "more by ",
                                    "articles by ",
                                    "posted by ",
                                    "written by ",
                                    "erstellt von ",
                                    "verfasst von ",
                                    "geschrieben von ",
                                    "veröffentlicht von ",
                                    "publié par ",
                                    "escrito por ",
                                    "author: ",
                                    "auteur: ",
                                    "auteurs: ",
                                    "autores: ",
                                    "redaktion: ",
                                    "text von ",
                                    "ein artikel von ",
                                    "ein beitrag von ",
                                    "autor: ",
                                    "autorin: ",
                                    "author ",
                                    "autor ",
                                    "text: ",
                                    "text ",
                                    "by: ",
                                    "by ",
                                    "von ",
                                    "par ",
                                    "por "}) {
      if (low.rfind(prefix, 0) == 0) {
        p = Trim(p.substr(prefix.size()));
        low = ToLowerAscii(p);
      }
    }
    // Labels and link texts that bylines carry around the names.
    static constexpr std::string_view kNotNames[] = {
        "by",           "posted",        "von",
        "no author",    "publiziert am", "veröffentlicht am",
        "alle artikel", "more posts",    "weitere artikel",
        "redaktion",    "admin",         "phd",
        "md",           "staff",         "follow",
        "posted on",    "posted in",     "wordpressadmin",
        "artikel von",  "ein artikel von", "text von",
        "author",       "autor",         "autorin"};
    for (std::string_view bad : kNotNames) {
      if (low == bad) return;
    }
    for (std::string_view tail :
         {" alle artikel", "more posts", " weitere artikel", " all posts"}) {
      if (low.size() > tail.size() &&
          low.compare(low.size() - tail.size(), tail.size(), tail) == 0) {
        p = Trim(p.substr(0, p.size() - tail.size()));
        low = ToLowerAscii(p);
      }
    }
    // "Alex Doe Thursday, March 5": a dateline's weekday runs into the
    // name when the byline and the date share one element.
    for (bool cut = true; cut;) {
      cut = false;
      const size_t sp = p.rfind(' ');
      if (sp == std::string::npos) break;
      const std::string last = ToLowerAscii(std::string_view(p).substr(sp + 1));
      for (std::string_view day : kWeekdays) {
        if (last == day) {
          p = Trim(p.substr(0, sp));
          low = ToLowerAscii(p);
          cut = true;
          break;
        }
      }
    }
    // "ByAlex Doe": text of adjacent inline elements runs together.
    if (p.size() > 3 && p.compare(0, 2, "By") == 0 &&
        std::isupper(static_cast<unsigned char>(p[2])))
      p = p.substr(2);
    const bool url_like = p.find("www.") != std::string::npos ||
                          (p.find('/') != std::string::npos &&
                           p.find(' ') == std::string::npos &&
                           p.find('.') != std::string::npos);
    if (p.empty() || url_like || p.find('@') != std::string::npos ||
        p.rfind("http", 0) == 0 || p.size() > 80 || IsNewsOrganization(low) ||
        LooksLikeDomainOrOrganization(p, low) || LowerCasePhrase(p))
      return;
    parts.push_back(p);
  };
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ',' || s[i] == ';' || s[i] == '&') {
      flush();
      ++i;
      continue;
    }
    // Conjunctions of the languages we see most ("A und B", "A y B").
    bool joined = false;
    // Interview bylines name both sides ("A im Gespräch mit B").
    for (std::string_view conj : {" im Gespräch mit ", " in conversation with ",
                                  " and ", " And ", " AND ", " und ", " y ",
                                  " et ", " e ", " en ", " og ", " и "}) {
      if (s.compare(i, conj.size(), conj) == 0) {
        flush();
        i += conj.size();
        joined = true;
        break;
      }
    }
    if (joined) continue;
    cur.push_back(s[i++]);
  }
  flush();
  // "Markus M. Haefliger, London, Beat Bumbacher": among full names, a
  // single word is the dateline's place.
  if (parts.size() >= 2 &&
      std::any_of(parts.begin(), parts.end(), [](const std::string& p) {
        return p.find(' ') != std::string::npos;
      })) {
    std::erase_if(parts, [](const std::string& p) {
      return p.find(' ') == std::string::npos;
    });
  }
  std::vector<std::string> out;
  AddUnique(parts, &out);
  return out;
}

namespace {

// Reads 1..max_digits decimal digits at `*pos`; -1 when there are none.
int ReadNumber(std::string_view s, size_t* pos, size_t max_digits) {
  int v = 0;
  size_t n = 0;
  while (*pos < s.size() && n < max_digits &&
         std::isdigit(static_cast<unsigned char>(s[*pos]))) {
    v = v * 10 + (s[*pos] - '0');
    ++*pos;
    ++n;
  }
  return n == 0 ? -1 : v;
}

// "Wed, 04 May 2022 02:41:00 GMT" (RFC 1123/822, as Arc and other CMSs
// write JSON-LD dates) -> "2022-05-04T02:41:00 GMT"; "" when `v` is not
// such a date.
std::string FromRfc1123(std::string_view v) {
  static constexpr std::string_view kMonths[] = {
      "jan", "feb", "mar", "apr", "may", "jun",
      "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t pos = 0;
  const size_t comma = v.find(',');
  if (comma != std::string_view::npos && comma <= 9) pos = comma + 1;
  while (pos < v.size() && v[pos] == ' ') ++pos;
  const int day = ReadNumber(v, &pos, 2);
  if (day < 1 || pos >= v.size() || v[pos] != ' ') return {};
  ++pos;
  if (pos + 3 > v.size()) return {};
  std::string mon = ToLowerAscii(v.substr(pos, 3));
  int month = 0;
  for (int i = 0; i < 12; ++i)
    if (mon == kMonths[i]) month = i + 1;
  if (month == 0) return {};
  pos += 3;
  while (pos < v.size() && std::isalpha(static_cast<unsigned char>(v[pos])))
    ++pos;
  while (pos < v.size() && v[pos] == ' ') ++pos;
  const size_t year_at = pos;
  const int year = ReadNumber(v, &pos, 4);
  if (pos - year_at != 4) return {};
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  std::string out = buf;
  while (pos < v.size() && v[pos] == ' ') ++pos;
  if (pos < v.size() && std::isdigit(static_cast<unsigned char>(v[pos]))) {
    out += 'T';
    out += v.substr(pos);
  }
  return out;
}

// "2024/03/15 10:00" -> "2024-03-15 10:00"; "15.03.2024 10:00" ->
// "2024-03-15 10:00" (day first, as every CMS that dots its dates writes
// them); anything else as it is.
std::string FromSlashedOrDotted(std::string v) {
  auto digits = [&v](size_t from, size_t n) {
    return v.size() >= from + n &&
           std::all_of(v.begin() + from, v.begin() + from + n, [](char c) {
             return std::isdigit(static_cast<unsigned char>(c));
           });
  };
  if (digits(0, 4) && v.size() >= 10 && v[4] == '/' && v[7] == '/' &&
      digits(5, 2) && digits(8, 2)) {
    v[4] = '-';
    v[7] = '-';
    return v;
  }
  if (digits(0, 2) && v.size() >= 10 && v[2] == '.' && v[5] == '.' &&
      digits(3, 2) && digits(6, 4) && (v.size() == 10 || v[10] == ' '))
    return v.substr(6, 4) + "-" + v.substr(3, 2) + "-" + v.substr(0, 2) +
           v.substr(10);
  return v;
}

}  // namespace

std::string NormalizeDate(std::string_view value) {
  std::string v = FromSlashedOrDotted(Trim(std::string(value)));
  const bool iso = v.size() >= 5 && v[4] == '-' &&
                   std::all_of(v.begin(), v.begin() + 4, [](char c) {
                     return std::isdigit(static_cast<unsigned char>(c));
                   });
  if (!iso) {
    v = FromRfc1123(v);
    if (v.empty()) return {};
  }
  // Year, month and day; some CMSs leave out the leading zeros
  // ("2022-1-26T4:10:00").
  size_t p = 0;
  const int y = ReadNumber(v, &p, 4);
  if (p != 4 || p >= v.size() || v[p] != '-') return {};
  ++p;
  const int mo = ReadNumber(v, &p, 2);
  if (mo < 0 || p >= v.size() || v[p] != '-') return {};
  ++p;
  const int d = ReadNumber(v, &p, 2);
  if (d < 0) return {};
  if (p < v.size() && std::isdigit(static_cast<unsigned char>(v[p])))
    return {};
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return {};
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, mo, d);
  std::string date = buf;
  std::string_view rest = std::string_view(v).substr(p);
  if (rest.empty() || (rest[0] != 'T' && rest[0] != ' ')) return date;
  rest.remove_prefix(1);
  std::string rest_s(rest);
  size_t pos = 0;
  const int h = ReadNumber(rest_s, &pos, 2);
  if (h < 0 || pos >= rest_s.size() || rest_s[pos] != ':') return date;
  ++pos;
  const size_t mi_at = pos;
  const int mi = ReadNumber(rest_s, &pos, 2);
  if (pos - mi_at != 2) return date;
  int s = 0;
  if (pos < rest_s.size() && rest_s[pos] == ':') {
    size_t q = pos + 1;
    const int sec = ReadNumber(rest_s, &q, 2);
    if (q - pos - 1 == 2) {
      s = sec;
      pos = q;
    }
  }
  if (pos < rest_s.size() && (rest_s[pos] == '.' || rest_s[pos] == ',')) {
    ++pos;
    while (pos < rest_s.size() &&
           std::isdigit(static_cast<unsigned char>(rest_s[pos])))
      ++pos;
  }
  while (pos < rest_s.size() && rest_s[pos] == ' ') ++pos;
  std::string offset;
  bool utc_zone = false;
  if (rest_s.compare(pos, 3, "UTC") == 0 ||
      rest_s.compare(pos, 3, "GMT") == 0) {
    pos += 3;  // "GMT+0200" names its offset after the zone
    utc_zone = true;
  }
  if (pos >= rest_s.size()) {
    // A bare "UTC"/"GMT" is UTC; nothing at all is local time of an
    // unknown zone: no offset claimed.
    offset = utc_zone ? "+00:00" : "";
  } else if (rest_s[pos] == 'Z' || rest_s[pos] == 'z') {
    offset = "+00:00";
  } else if (rest_s[pos] == '+' || rest_s[pos] == '-') {
    int oh = 0, om = 0;
    std::string_view o = std::string_view(rest_s).substr(pos + 1);
    std::string digits;
    for (char c : o)
      if (std::isdigit(static_cast<unsigned char>(c)))
        digits.push_back(c);
      else if (c != ':')
        break;
    if (digits.size() == 4 || digits.size() == 2) {
      oh = std::stoi(digits.substr(0, 2));
      om = digits.size() == 4 ? std::stoi(digits.substr(2, 2)) : 0;
      std::snprintf(buf, sizeof(buf), "%c%02d:%02d", rest_s[pos], oh, om);
      offset = buf;
    }
  }
  if (h > 23 || mi > 59 || s > 60) return date;
  std::snprintf(buf, sizeof(buf), "T%02d:%02d:%02d", h, mi, s);
  return date + buf + offset;
}

std::string SqueezeName(std::string_view s) {
  std::string out;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80)
      out.push_back(static_cast<char>(std::tolower(u)));
  }
  return out;
}

namespace {

// Minutes since 1970-01-01T00:00Z of "YYYY-MM-DDTHH:MM:SS±HH:MM" (as
// NormalizeDate() writes them); nullopt without a time or an offset.
std::optional<int64_t> EpochMinutes(std::string_view iso) {
  if (iso.size() != 25 || iso[10] != 'T') return std::nullopt;
  const std::optional<CivilDay> day = CivilDay::FromIso(iso.substr(0, 10));
  if (!day) return std::nullopt;
  auto two = [&iso](size_t at) {
    return (iso[at] - '0') * 10 + (iso[at + 1] - '0');
  };
  const int sign = iso[19] == '-' ? -1 : 1;
  return (DaysFromCivil(*day) * 24 + two(11)) * 60 + two(14) -
         sign * (two(20) * 60 + two(23));
}

// The same instant as `published` written in the site's own offset, when
// `published` is in UTC and another <meta> tag gives it so
// ("2024-03-14T22:00:00+00:00" in JSON-LD, "2024-03-15T07:00:00+09:00" in
// article:published_time) on another day: pages show, and readers mean,
// the local day.
std::string PreferLocalOffset(const std::string& published,
                              const std::vector<std::string>& candidates) {
  if (!published.ends_with("+00:00")) return published;
  const std::optional<int64_t> utc = EpochMinutes(published);
  if (!utc) return published;
  for (const std::string& c : candidates) {
    if (c.ends_with("+00:00")) continue;
    const std::optional<int64_t> local = EpochMinutes(c);
    // Only a change of day matters: the UTC form is kept otherwise.
    if (local && *local == *utc && c.compare(0, 10, published, 0, 10) != 0)
      return c;
  }
  return published;
}

// True when a part of a <title> names the site: it contains the site name,
// or is the site name written without spaces ("seelenradio" for the host
// seelenradio.de).
bool NamesSite(std::string_view part, std::string_view site_name,
               bool exact) {
  if (site_name.empty()) return false;
  if (!exact && ToLowerAscii(part).find(ToLowerAscii(site_name)) != std::string::npos)
    return true;
  const std::string p = SqueezeName(part);
  return !p.empty() && p == SqueezeName(site_name);
}

// "www.seelenradio.de" -> "seelenradio"; "" when `url` has no host.
std::string HostLabel(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (host.substr(0, 4) == "www.") host.remove_prefix(4);
  return ToLowerAscii(host.substr(0, host.find('.')));
}

// StripSiteName(); `exact`: `site_name` is a host label, which names the
// site only as a whole part, never as a word inside one ("web").
std::string StripSite(std::string_view title, std::string_view site_name,
                      bool exact) {
  std::string t = Trim(std::string(title));
  // Bars, dashes and dots of Latin and CJK typography; unspaced bars and
  // low lines are how Chinese and Japanese sites join "标题_频道_网站".
  static constexpr std::string_view kSeps[] = {
      " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " ｜ ",
      "｜", " ~ ", "|", "_"};
  for (std::string_view sep : kSeps) {
    if ((sep == "|" || sep == "_") &&
        t.find(std::string(" ") + sep[0]) != std::string::npos)
      continue;  // spaced already: " | " above, or "a _ b"
    if (sep == "_" && std::all_of(t.begin(), t.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        }))
      continue;  // "file_name" in a Latin title
    size_t last = t.rfind(sep);
    if (last != std::string::npos) {
      // "seelenradio » Nummer zwei: Leo": the site comes first.
      const size_t first = t.find(sep);
      const std::string first_head = Trim(t.substr(0, first));
      if (NamesSite(first_head, site_name, exact) &&
          !NamesSite(Trim(t.substr(last + sep.size())), site_name, exact))
        return StripSite(Trim(t.substr(first + sep.size())), site_name,
                         exact);
      // "Site » Blog Archiv » Headline", "Headline | Section | Site": of
      // three or more parts split by a bar or a chevron (never a dash,
      // which headlines use themselves) the longest is the headline.
      if (first != last && sep != " - " && sep != " – " && sep != " — ") {
        std::string best;
        size_t start = 0;
        while (start <= t.size()) {
          size_t end = t.find(sep, start);
          if (end == std::string::npos) end = t.size();
          std::string part = Trim(t.substr(start, end - start));
          if (part.size() > best.size() && !NamesSite(part, site_name, exact))
            best = std::move(part);
          start = end + sep.size();
        }
        if (!best.empty()) return best;
      }
      std::string head = Trim(t.substr(0, last));
      std::string tail = Trim(t.substr(last + sep.size()));
      bool tail_is_site = NamesSite(tail, site_name, exact);
      size_t tail_words = std::count(tail.begin(), tail.end(), ' ') + 1;
      if (tail_is_site || tail.size() < head.size() || tail_words <= 3)
        return head;
    }
  }
  // Colons join kicker and headline too ("首相：…", "Brexit: …"): a colon
  // part is cut only when it names the site ("見出し：朝日新聞デジタル").
  for (std::string_view sep : {"：", " : "}) {
    const size_t last = t.rfind(sep);
    if (last == std::string::npos) continue;
    const std::string tail = Trim(t.substr(last + sep.size()));
    if (NamesSite(tail, site_name, exact)) return Trim(t.substr(0, last));
  }
  return t;
}

}  // namespace

std::string CleanTitle(std::string_view title) {
  std::string out;
  out.reserve(title.size());
  bool pending_space = false;
  for (size_t i = 0; i < title.size();) {
    const unsigned char c = static_cast<unsigned char>(title[i]);
    if (c == 0xE2 && i + 2 < title.size()) {
      const unsigned char c1 = static_cast<unsigned char>(title[i + 1]);
      const unsigned char c2 = static_cast<unsigned char>(title[i + 2]);
      // U+200B-U+200F, U+202A-U+202E, U+2066-U+2069.
      if ((c1 == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) ||
                          (c2 >= 0xAA && c2 <= 0xAE))) ||
          (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9)) {
        i += 3;
        continue;
      }
    }
    if (c == 0xEF && i + 2 < title.size() &&
        static_cast<unsigned char>(title[i + 1]) == 0xBB &&
        static_cast<unsigned char>(title[i + 2]) == 0xBF) {
      i += 3;  // U+FEFF
      continue;
    }
    if (IsAsciiSpace(static_cast<char>(c))) {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

namespace {

// Pairs of consecutive letters of scripts written without spaces (CJK,
// kana, Hangul syllables in unspaced runs, Thai, Lao, Khmer, Burmese).
std::vector<std::string> UnspacedBigrams(std::string_view s) {
  std::vector<std::string> out;
  size_t prev_at = std::string_view::npos;
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    bool unspaced = false;
    if (len == 3 && i + 2 < s.size()) {
      const uint32_t cp = ((c & 0x0F) << 12) |
                          ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                          (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      unspaced = (cp >= 0x0E00 && cp <= 0x0EFF) ||  // Thai, Lao
                 (cp >= 0x1000 && cp <= 0x109F) ||  // Burmese
                 (cp >= 0x1780 && cp <= 0x17FF) ||  // Khmer
                 (cp >= 0x3040 && cp <= 0x30FF) ||  // kana
                 (cp >= 0x3400 && cp <= 0x9FFF) ||  // CJK ideographs
                 (cp >= 0xAC00 && cp <= 0xD7AF);    // Hangul
    }
    if (unspaced && prev_at != std::string_view::npos)
      out.emplace_back(s.substr(prev_at, i + len - prev_at));
    prev_at = unspaced ? i : std::string_view::npos;
    i += len;
  }
  return out;
}

}  // namespace

bool SharesAWord(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : ToLowerAscii(s) + " ") {
      const unsigned char u = static_cast<unsigned char>(c);
      if (std::isalnum(u) || u >= 0x80) {
        cur.push_back(c);
      } else {
        if (cur.size() >= 3) out.push_back(cur);
        cur.clear();
      }
    }
    return out;
  };
  const std::vector<std::string> wb = words(b);
  for (const std::string& w : words(a)) {
    if (std::find(wb.begin(), wb.end(), w) != wb.end()) return true;
  }
  const std::vector<std::string> bb = UnspacedBigrams(b);
  for (const std::string& g : UnspacedBigrams(a)) {
    if (std::find(bb.begin(), bb.end(), g) != bb.end()) return true;
  }
  return false;
}

bool ReadsAsHeadline(std::string_view title) {
  if (std::count(title.begin(), title.end(), ' ') >= 3) return true;
  return UnspacedBigrams(title).size() >= 9;
}

std::string StripSiteName(std::string_view title, std::string_view site_name) {
  return StripSite(title, site_name, /*exact=*/false);
}

PageMetadata ReadMetadata(const Dom& dom) {
  PageMetadata meta;
  std::vector<std::string> authors;
  PageDates page_dates;
  ReadJsonLd(dom, &meta, &authors, &page_dates);

  std::string og_title, og_locale, meta_lang, twitter_title, itemprop_headline;
  // Every <meta> publication time, for the local-offset check below.
  std::vector<std::string> local_candidates;
  std::vector<std::string> meta_authors;
  std::vector<std::string> article_tags;
  ForEachElement(dom.root(), [&](const GumboNode* n) {
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_META) {
      std::string key = ToLowerAscii(Trim(Attr(n, "property")));
      if (key.empty()) key = ToLowerAscii(Trim(Attr(n, "name")));
      if (key.empty()) key = ToLowerAscii(Trim(Attr(n, "itemprop")));
      // http-equiv="date"/"expires" are HTTP headers of the response, not
      // the article's: only the content language is taken from them.
      if (key.empty() &&
          ToLowerAscii(Trim(Attr(n, "http-equiv"))) == "content-language")
        key = "content-language";
      std::string_view content = Attr(n, "content");
      if (content.empty()) return true;
      if (key == "og:title")
        SetIfEmpty(&og_title, content);
      else if (key == "twitter:title")
        SetIfEmpty(&twitter_title, content);
      else if (key == "headline")
        SetIfEmpty(&itemprop_headline, content);
      else if (key == "og:url")
        SetIfEmpty(&meta.og_url, content);
      else if (key == "og:site_name")
        SetIfEmpty(&meta.site_name, content);
      else if (key == "og:type")
        SetIfEmpty(&meta.og_type, content);
      else if (key == "og:locale")
        SetIfEmpty(&og_locale, content);
      else if (key == "content-language" || key == "language" ||
               key == "dc.language")
        SetIfEmpty(&meta_lang, content);
      else if (key == "author" || key == "dc.creator" ||
               key == "dcterms.creator" || key == "sailthru.author" ||
               key == "parsely-author" || key == "article:author" ||
               key == "article:author_name" || key == "cxenseparse:author" ||
               key == "byl")
        meta_authors.push_back(Trim(content));
      else if (key == "article:section")
        SetIfEmpty(&meta.section, content);
      else if (key == "article:tag")
        article_tags.push_back(Trim(content));
      else if (IsPublishedKey(key)) {
        std::string date = NormalizeDate(content);
        local_candidates.push_back(date);
        SetIfEmpty(&meta.published, date);
      }
      else if (key == "article:modified_time" || key == "og:updated_time" ||
               key == "og:article:modified_time" || key == "datemodified" ||
               key == "dcterms.modified")
        SetIfEmpty(&meta.modified, NormalizeDate(content));
    } else if (tag == GUMBO_TAG_LINK) {
      if (ToLowerAscii(Attr(n, "rel")) == "canonical")
        SetIfEmpty(&meta.canonical_url, Attr(n, "href"));
    } else if (tag == GUMBO_TAG_TITLE) {
      SetIfEmpty(&meta.html_title, NodeText(n));
    } else if (itemprop_headline.empty() &&
               ToLowerAscii(Attr(n, "itemprop")) == "headline" &&
               !InTeaserOrComments(n)) {
      // Microdata's headline element (<h2 itemprop=headline>).
      std::string text = NodeText(n, 400);
      if (text.size() < 400) itemprop_headline = std::move(text);
    } else if (tag == GUMBO_TAG_TIME &&
               (HasAttr(n, "pubdate") ||
                ToLowerAscii(Attr(n, "itemprop")) == "datepublished")) {
      std::string date = NormalizeDate(Attr(n, "datetime"));
      local_candidates.push_back(date);
      SetIfEmpty(&meta.published, date);
    } else if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
      return false;
    }
    return true;
  });
  SetIfEmpty(&meta.published, page_dates.published);
  SetIfEmpty(&meta.published, page_dates.created);
  meta.published = PreferLocalOffset(meta.published, local_candidates);
  SetIfEmpty(&meta.modified, page_dates.modified);
  meta.title = DecodeEntities(meta.title);
  // Without og:site_name, the host names the site ("seelenradio").
  const bool from_host = meta.site_name.empty();
  const std::string site_key =
      !from_host ? meta.site_name
                 : HostLabel(!meta.canonical_url.empty() ? meta.canonical_url
                                                         : meta.og_url);
  // Titles in order of trust; one that is only the site's name (CMSs
  // that give every page the site's og:title) names no article.
  for (const std::string* candidate :
       {&og_title, &itemprop_headline, &twitter_title, &meta.html_title}) {
    if (!meta.title.empty()) break;
    std::string t = StripSite(DecodeEntities(*candidate), site_key, from_host);
    if (!NamesSite(t, site_key, /*exact=*/true)) meta.title = std::move(t);
  }
  if (meta.title.empty())
    meta.title = StripSite(meta.html_title, site_key, from_host);
  // The first <meta> author that names people: <meta name=author> often
  // holds the publisher ("Badische Zeitung") where cXense or Parse.ly
  // name the writer.
  const std::string site = ToLowerAscii(meta.site_name);
  for (const std::string& value : meta_authors) {
    if (!authors.empty()) break;
    if (value.rfind("http", 0) == 0) continue;
    std::vector<std::string> names = SplitAuthors(value);
    std::erase_if(names, [&](const std::string& name) {
      const std::string low = ToLowerAscii(name);
      return !site.empty() && (low == site || site.find(low) != std::string::npos ||
                               low.find(site) != std::string::npos);
    });
    AddUnique(names, &authors);
  }
  meta.authors = std::move(authors);
  if (meta.tags.empty()) meta.tags = std::move(article_tags);
  std::string_view lang = Attr(dom.root(), "lang");
  if (!lang.empty()) meta.language = Trim(lang);
  if (meta.language.empty()) {
    std::string l = !og_locale.empty() ? og_locale : meta_lang;
    std::replace(l.begin(), l.end(), '_', '-');
    meta.language = l;
  }
  return meta;
}

}  // namespace newsfacts
