#include "extract/article/metadata.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace newsfacts {
namespace {

using Json = nlohmann::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

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

std::vector<std::string> Types(const Json& obj) {
  std::vector<std::string> out;
  auto it = obj.find("@type");
  if (it == obj.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const Json& t : *it)
      if (t.is_string()) out.push_back(t.get<std::string>());
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
    auto graph = value.find("@graph");
    if (graph != value.end()) Flatten(*graph, out, depth + 1);
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

void ReadJsonLd(const Dom& dom, PageMetadata* meta,
                std::vector<std::string>* authors) {
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
      if (!article) continue;
      SetIfEmpty(&meta->title, StringField(*obj, "headline"));
      SetIfEmpty(&meta->published,
                 NormalizeDate(StringField(*obj, "datePublished")));
      SetIfEmpty(&meta->modified,
                 NormalizeDate(StringField(*obj, "dateModified")));
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

}  // namespace

void AddUnique(const std::vector<std::string>& names,
               std::vector<std::string>* out) {
  for (const std::string& name : names) {
    std::string key = Lower(name);
    bool seen =
        std::any_of(out->begin(), out->end(),
                    [&](const std::string& o) { return Lower(o) == key; });
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

namespace {
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
    std::string low = Lower(p);
    for (std::string_view prefix : {"posted by ",
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
        low = Lower(p);
      }
    }
    // Labels and link texts that bylines carry around the names.
    static constexpr std::string_view kNotNames[] = {
        "by",           "posted",        "von",
        "no author",    "publiziert am", "veröffentlicht am",
        "alle artikel", "more posts",    "weitere artikel",
        "redaktion",    "admin",         "phd",
        "md",           "staff",         "follow",
        "posted on",    "posted in",     "wordpressadmin"};
    for (std::string_view bad : kNotNames) {
      if (low == bad) return;
    }
    for (std::string_view tail :
         {" alle artikel", "more posts", " weitere artikel", " all posts"}) {
      if (low.size() > tail.size() &&
          low.compare(low.size() - tail.size(), tail.size(), tail) == 0) {
        p = Trim(p.substr(0, p.size() - tail.size()));
        low = Lower(p);
      }
    }
    // "Alex Doe Thursday, March 5": a dateline's weekday runs into the
    // name when the byline and the date share one element.
    for (bool cut = true; cut;) {
      cut = false;
      const size_t sp = p.rfind(' ');
      if (sp == std::string::npos) break;
      const std::string last = Lower(std::string_view(p).substr(sp + 1));
      for (std::string_view day : kWeekdays) {
        if (last == day) {
          p = Trim(p.substr(0, sp));
          low = Lower(p);
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
        p.rfind("http", 0) == 0 || p.size() > 80 || IsNewsOrganization(low))
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
    for (std::string_view conj : {" and ", " And ", " AND ", " und ", " y ",
                                  " et ", " e ", " en ", " og "}) {
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
  std::vector<std::string> out;
  AddUnique(parts, &out);
  return out;
}

std::string NormalizeDate(std::string_view value) {
  std::string v = Trim(std::string(value));
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, n = 0;
  if (std::sscanf(v.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 ||
      n != 10) {
    return {};
  }
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return {};
  char buf[40];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, mo, d);
  std::string date = buf;
  std::string_view rest = std::string_view(v).substr(10);
  if (rest.empty() || (rest[0] != 'T' && rest[0] != ' ')) return date;
  rest.remove_prefix(1);
  int m2 = 0;
  std::string rest_s(rest);
  if (std::sscanf(rest_s.c_str(), "%2d:%2d%n", &h, &mi, &m2) != 2) return date;
  size_t pos = static_cast<size_t>(m2);
  if (pos < rest_s.size() && rest_s[pos] == ':') {
    int m3 = 0;
    if (std::sscanf(rest_s.c_str() + pos + 1, "%2d%n", &s, &m3) == 1)
      pos += 1 + static_cast<size_t>(m3);
  }
  if (pos < rest_s.size() && (rest_s[pos] == '.' || rest_s[pos] == ',')) {
    ++pos;
    while (pos < rest_s.size() &&
           std::isdigit(static_cast<unsigned char>(rest_s[pos])))
      ++pos;
  }
  while (pos < rest_s.size() && rest_s[pos] == ' ') ++pos;
  std::string offset;
  if (pos >= rest_s.size()) {
    offset = "";  // local time of unknown zone: no offset claimed
  } else if (rest_s[pos] == 'Z' || rest_s[pos] == 'z' ||
             rest_s.compare(pos, 3, "UTC") == 0 ||
             rest_s.compare(pos, 3, "GMT") == 0) {
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

std::string StripSiteName(std::string_view title, std::string_view site_name) {
  std::string t = Trim(std::string(title));
  static constexpr std::string_view kSeps[] = {" | ",  " - ", " – ", " — ",
                                               " :: ", " » ", " · "};
  for (std::string_view sep : kSeps) {
    size_t last = t.rfind(sep);
    if (last != std::string::npos) {
      std::string head = Trim(t.substr(0, last));
      std::string tail = Trim(t.substr(last + sep.size()));
      bool tail_is_site =
          !site_name.empty() &&
          Lower(tail).find(Lower(site_name)) != std::string::npos;
      size_t tail_words = std::count(tail.begin(), tail.end(), ' ') + 1;
      if (tail_is_site || tail.size() < head.size() || tail_words <= 3)
        return head;
      size_t first = t.find(sep);
      std::string first_head = Trim(t.substr(0, first));
      if (!site_name.empty() &&
          Lower(first_head).find(Lower(site_name)) != std::string::npos)
        return Trim(t.substr(first + sep.size()));
    }
  }
  return t;
}

PageMetadata ReadMetadata(const Dom& dom) {
  PageMetadata meta;
  std::vector<std::string> authors;
  ReadJsonLd(dom, &meta, &authors);

  std::string og_title, meta_author, og_locale, meta_lang;
  std::vector<std::string> article_tags;
  ForEachElement(dom.root(), [&](const GumboNode* n) {
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_META) {
      std::string key = Lower(Attr(n, "property"));
      if (key.empty()) key = Lower(Attr(n, "name"));
      if (key.empty()) key = Lower(Attr(n, "itemprop"));
      if (key.empty()) key = Lower(Attr(n, "http-equiv"));
      std::string_view content = Attr(n, "content");
      if (content.empty()) return true;
      if (key == "og:title")
        SetIfEmpty(&og_title, content);
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
               key == "sailthru.author" || key == "parsely-author" ||
               key == "article:author")
        SetIfEmpty(&meta_author, content);
      else if (key == "article:section")
        SetIfEmpty(&meta.section, content);
      else if (key == "article:tag")
        article_tags.push_back(Trim(content));
      else if (key == "article:published_time" || key == "og:published_time" ||
               key == "datepublished" || key == "pubdate" ||
               key == "publishdate" || key == "dc.date.issued" ||
               key == "dcterms.created" || key == "dc.date" ||
               key == "sailthru.date" || key == "parsely-pub-date" ||
               key == "date")
        SetIfEmpty(&meta.published, NormalizeDate(content));
      else if (key == "article:modified_time" || key == "og:updated_time" ||
               key == "datemodified" || key == "dcterms.modified")
        SetIfEmpty(&meta.modified, NormalizeDate(content));
    } else if (tag == GUMBO_TAG_LINK) {
      if (Lower(Attr(n, "rel")) == "canonical")
        SetIfEmpty(&meta.canonical_url, Attr(n, "href"));
    } else if (tag == GUMBO_TAG_TITLE) {
      SetIfEmpty(&meta.html_title, NodeText(n));
    } else if (tag == GUMBO_TAG_TIME && meta.published.empty() &&
               (HasAttr(n, "pubdate") ||
                Lower(Attr(n, "itemprop")) == "datepublished")) {
      SetIfEmpty(&meta.published, NormalizeDate(Attr(n, "datetime")));
    } else if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) {
      return false;
    }
    return true;
  });
  meta.title = DecodeEntities(meta.title);
  if (meta.title.empty())
    meta.title = StripSiteName(DecodeEntities(og_title), meta.site_name);
  if (meta.title.empty()) {
    meta.title = StripSiteName(meta.html_title, meta.site_name);
  }
  if (authors.empty() && !meta_author.empty() &&
      meta_author.rfind("http", 0) != 0) {
    AddUnique(SplitAuthors(meta_author), &authors);
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
