// Unknown capitalized runs: person rules (titles, role nouns, honorifics,
// speaker labels, speech verbs, given and family names, document-known
// names) and organization rules (acronyms, brand spellings, "the X says",
// place suffixes), each mention tagged with its rule id.
#include <algorithm>
#include <cctype>
#include <string>

#include "core/strings.h"
#include "extract/entities/rules.h"

namespace newsfacts {
namespace entities_internal {

// Person-name words are letters in title case: no digits, no acronyms, no
// inner capitals ("MacBook", "AirPods") beyond Mc/Mac/O' prefixes.
bool LooksLikeNameWord(const Word& w) {
  if (IsPatronymicTail(w.text)) return true;
  // Initials: "J.J.", "T.".
  if (w.text.size() >= 2 && w.text.back() == '.' &&
      std::all_of(w.text.begin(), w.text.end(), [](char c) {
        return c == '.' || std::isupper(static_cast<unsigned char>(c));
      })) {
    return true;
  }
  if (w.all_caps) return false;
  std::string_view s = w.text;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) return false;
    // Domain names ("Polygraph.info") are sites, not people.
    if (c == '.' && i + 1 < s.size() &&
        std::islower(static_cast<unsigned char>(s[i + 1]))) {
      return false;
    }
    if (i > 0 && std::isupper(c) &&
        std::islower(static_cast<unsigned char>(s[i - 1]))) {
      std::string_view head = s.substr(0, i);
      if (head != "Mc" && head != "Mac" && head != "De" && head != "Di" &&
          head != "La" && head != "Le") {
        return false;
      }
    }
  }
  return true;
}

// "WeWork", "SpaceX", "eBay"-like brand spellings: an upper-case letter
// after a lower-case one, past the name prefixes LooksLikeNameWord allows.
bool RuleEntityTagger::QuotedTitle(const std::vector<Word>& w, size_t a,
                                   size_t b) const {
  auto open_quote = [](std::string_view t) {
    return t == "\"" || t == "\xE2\x80\x9C";
  };
  auto close_quote = [](std::string_view t) {
    return t == "\"" || t == "\xE2\x80\x9D";
  };
  // Walk out from the run over capitalized words and connectors to the
  // quotes, on one line, at most eight words in all.
  size_t l = a, r = b;
  bool connector = false;
  int words = 0;
  for (size_t k = a; k <= b; ++k) words += w[k].is_word;
  while (l > 0 && w[l - 1].sentence == w[a].sentence && words < 8) {
    const Word& x = w[l - 1];
    if (!x.is_word) break;
    if (!x.cap && !lex_.IsConnector(x.text)) return false;
    connector = connector || !x.cap;
    ++words;
    --l;
  }
  while (r + 1 < w.size() && w[r + 1].sentence == w[a].sentence && words < 8) {
    const Word& x = w[r + 1];
    if (!x.is_word) break;
    if (!x.cap && !lex_.IsConnector(x.text)) return false;
    connector = connector || !x.cap;
    ++words;
    ++r;
  }
  if (!connector || l == 0 || r + 1 >= w.size()) return false;
  // The quote marks must touch the first and last words.
  return open_quote(w[l - 1].text) && close_quote(w[r + 1].text) &&
         w[l - 1].span.end == w[l].span.begin &&
         w[r + 1].span.begin == w[r].span.end && !w[l].possessive &&
         !w[r].possessive;
}

bool CamelCase(std::string_view s) {
  if (s.size() < 4) return false;
  // "MYwRz9euaq", "Nc0nKoXGBP": digits or more than three switches to a
  // capital mark a generated id, not a brand name.
  int humps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isdigit(c)) return false;
    humps += i > 0 && std::isupper(c) &&
             !std::isupper(static_cast<unsigned char>(s[i - 1]));
  }
  if (humps > 3) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char p = static_cast<unsigned char>(s[i - 1]);
    if (c >= 0x80 || p >= 0x80) return false;
    if (std::isupper(c) && std::islower(p)) {
      std::string_view head = s.substr(0, i);
      return head != "Mc" && head != "Mac" && head != "De" && head != "Di" &&
             head != "La" && head != "Le" && head != "Al" && head != "El";
    }
  }
  return false;
}

// An all-caps word that is shouting, not an acronym: the document writes it
// in lower case ("VOTE"/"vote"), or its sentence has two more unknown
// all-caps words ("GET OUT and VOTE").
bool Shouted(const std::vector<Word>& w, size_t i, const DocContext& ctx,
             const Lexicon& lex) {
  std::string lower(w[i].text);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (ctx.lower_words.find(std::string_view(lower)) != ctx.lower_words.end()) {
    return true;
  }
  int caps = 0;
  for (size_t k = i; k-- > 0 && w[k].sentence == w[i].sentence;) {
    caps += w[k].all_caps && w[k].text.find('.') == std::string_view::npos &&
            lex.Find(w[k].text) == nullptr;
  }
  for (size_t k = i + 1; k < w.size() && w[k].sentence == w[i].sentence; ++k) {
    caps += w[k].all_caps && w[k].text.find('.') == std::string_view::npos &&
            lex.Find(w[k].text) == nullptr;
  }
  return caps >= 2;
}

// "Polygraph.info", "Amazon.com": letters, a dot and a top-level domain
// of news copy.
bool IsDomainName(std::string_view s) {
  size_t dot = s.rfind('.');
  if (s.find('@') != std::string_view::npos) return false;  // an e-mail
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > s.size()) {
    return false;
  }
  std::string_view tld = s.substr(dot + 1);
  for (std::string_view d : {"com", "org", "net", "info", "io", "gov", "edu",
                             "tv", "news", "ru", "ua", "uk", "kz", "us", "fm",
                             "ai", "co", "de", "fr", "cn", "in"}) {
    if (tld == d) {
      return std::isalpha(static_cast<unsigned char>(s[dot - 1])) != 0;
    }
  }
  return false;
}

// "Umarov", "Kovalenko", "Gonzalez": endings that mark a family name in
// the naming traditions common in the news (Slavic, Central Asian,
// Caucasian, Turkish, Romanian, Spanish, Scandinavian, Armenian).
bool SurnameShaped(std::string_view s) {
  static constexpr std::string_view kEndings[] = {
      "ov",   "ova",  "ev",    "eva",  "in",  "ina",  "enko", "uk",
      "yuk",  "sky",  "ski",   "skaya", "vich", "ovic", "evic", "ic",
      "son",  "sen",  "ez",    "es",   "ian", "yan",  "dze",  "shvili",
      "oglu", "escu", "stein", "berg", "man", "mann", "ini",  "elli"};
  if (s.size() < 5) return false;
  for (std::string_view e : kEndings) {
    if (s.size() > e.size() + 2 && s.substr(s.size() - e.size()) == e) {
      return true;
    }
  }
  return false;
}

bool RuleEntityTagger::DictionaryWordIn(const std::vector<Word>& w, size_t a,
                                        size_t b) const {
  for (size_t k = a; k <= b; ++k) {
    if (w[k].is_word && w[k].cap && !lex_.IsGivenName(w[k].text) &&
        !lex_.IsFamilyName(w[k].text) && lex_.IsCommonWord(w[k].text)) {
      return true;
    }
  }
  return false;
}

bool RuleEntityTagger::OrgContext(const std::vector<Word>& w, size_t a,
                                  size_t b) const {
  auto lower = [&w](size_t i) { return w[i].is_word && !w[i].cap; };
  // "retailer Target", "tech giant Apple", "the daily Kommersant".
  if (a > 0 && lower(a - 1) && !w[a - 1].possessive &&
      lex_.IsOrgCue(w[a - 1].text)) {
    return true;
  }
  // "the Sinaloa cartel", "the Temir Zholy railway company", "the Ata-Jurt
  // opposition party": a head noun of an organization after the name,
  // with at most one lower-case modifier between.
  if (b + 1 < w.size() && lower(b + 1) && !w[b].possessive &&
      !(w[a].sentence_start && lex_.IsCommonWord(w[a].text))) {
    auto head = [](std::string_view t) {
      return t == "company" || t == "firm" || t == "group" || t == "party" ||
             t == "cartel" || t == "movement" || t == "militia" ||
             t == "conglomerate" || t == "bank" || t == "newspaper";
    };
    size_t k = b + 1;
    if (!head(w[k].text) && k + 1 < w.size() && lower(k + 1) &&
        std::isalpha(static_cast<unsigned char>(w[k].text[0]))) {
      ++k;
    }
    // "Konaté held firm", "stood firm": an idiom, no company.
    auto idiom = [&](size_t m) {
      std::string_view v = w[m].text;
      return v == "held" || v == "hold" || v == "holds" || v == "holding" ||
             v == "stood" || v == "stand" || v == "stands" ||
             v == "remained" || v == "remain" || v == "remains" ||
             v == "stayed" || v == "stay" || v == "stays" || v == "kept";
    };
    // "the banned Lashkar-e-Jhangvi group claimed": "the" before the
    // name and the head noun after it frame one noun phrase.
    bool framed = k == b + 1 && a > 0 &&
                  (w[a - 1].text == "the" ||
                   (a > 1 && w[a - 2].text == "the" && lower(a - 1)));
    if (head(w[k].text) && !w[k].possessive &&
        !(w[k].text == "firm" && k > b + 1 && idiom(k - 1)) &&
        (framed || k + 1 >= w.size() || !lower(k + 1) ||
         w[k + 1].text == "said" ||
         w[k + 1].text == "has" || w[k + 1].text == "had" ||
         w[k + 1].text == "is" || w[k + 1].text == "was" ||
         w[k + 1].text == "that" || w[k + 1].text == "which" ||
         w[k + 1].text == "and" || w[k + 1].text == "in" ||
         w[k + 1].text == "of")) {
      return true;
    }
  }
  // "The startup, Plaid, was valued": an apposition after an
  // organization noun.
  if (a > 1 && w[a - 1].text == "," && lower(a - 2) &&
      lex_.IsOrgCue(w[a - 2].text) && b + 1 < w.size() &&
      (w[b + 1].text == "," || w[b + 1].text == ".")) {
    return true;
  }
  // "Zendesk, which makes software": "which" (not "who") and a company
  // verb.
  if (b + 3 < w.size() && w[b + 1].text == "," && w[b + 2].text == "which") {
    std::string_view v = w[b + 3].text;
    if (b + 4 < w.size() && (v == "is" || v == "was" || v == "has")) {
      v = w[b + 4].text;
    }
    if (lex_.IsOrgVerb(v) || v == "based" || v == "founded" || v == "owned" ||
        v == "run" || v == "runs" || v == "provides" || v == "develops") {
      return true;
    }
  }
  // "a spokesman for Halliburton", "shares of Tesla", "executives at Boeing".
  if (a > 1 && lower(a - 1) &&
      (w[a - 1].text == "for" || w[a - 1].text == "of" ||
       w[a - 1].text == "at") &&
      w[a - 2].is_word && !w[a - 2].possessive &&
      lex_.IsOrgContext(w[a - 2].text)) {
    return true;
  }
  // "founded Zentrix", "acquired Loopwell": the object of founding or
  // buying is a company.
  if (a > 0 && lower(a - 1)) {
    std::string_view v = w[a - 1].text;
    if (v == "founded" || v == "co-founded" || v == "cofounded" ||
        v == "acquired" || v == "acquire" || v == "acquiring" ||
        v == "acquires" || v == "bought" || v == "buying") {
      return !lex_.IsStopword(w[a].text) &&
             !(a == b && lex_.IsCommonWord(w[a].text));
    }
  }
  // "an analyst with BHF-Bank", "a researcher at Wistron", "works for
  // Deloitte": a workplace after a role noun or a verb of employment.
  if (a > 1 && lower(a - 1) &&
      (w[a - 1].text == "at" || w[a - 1].text == "with" ||
       w[a - 1].text == "for") &&
      w[a - 2].is_word && (!w[a - 2].cap || w[a - 2].sentence_start) &&
      !w[a - 2].possessive && w[a - 2].text.size() < 32) {
    // "Analysts at ...": the sentence's first word in lower case.
    char buf[32];
    w[a - 2].text.copy(buf, w[a - 2].text.size());
    buf[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(buf[0])));
    std::string_view r(buf, w[a - 2].text.size());
    bool role = lex_.IsPersonRole(r) ||
                (r.size() > 1 && r.back() == 's' &&
                 lex_.IsPersonRole(r.substr(0, r.size() - 1)));
    bool job = r == "works" || r == "worked" || r == "working" ||
               r == "employed" || r == "job" || r == "jobs" ||
               r == "career" || r == "internship";
    if ((role && w[a - 1].text != "for") || job) return true;
  }
  if (b + 1 >= w.size() || !w[b + 1].is_word) {
    // "Zillow, an online real-estate company": an organization noun heads
    // the apposition (up to its first preposition or clause word).
    if (b + 3 < w.size() && w[b + 1].text == "," && w[b + 2].is_word &&
        (w[b + 2].text == "a" || w[b + 2].text == "an" ||
         w[b + 2].text == "the")) {
      for (size_t k = b + 3; k < w.size() && k <= b + 8; ++k) {
        if (!w[k].is_word) {
          if (w[k].text == "-") continue;
          break;
        }
        if (w[k].cap) continue;
        // "Memorial, a rights group", "Yabloko, a liberal party": heads
        // that are too general before a name ("the group Chairman ...")
        // still mark an apposition.
        if (lex_.IsOrgCue(w[k].text) || w[k].text == "group" ||
            w[k].text == "party" || w[k].text == "league" ||
            w[k].text == "university" || w[k].text == "hospital") {
          return !w[k].possessive;
        }
        if (w[k].possessive || lex_.IsConnector(w[k].text) ||
            w[k].text == "in" || w[k].text == "at" || w[k].text == "with" ||
            w[k].text == "who" || w[k].text == "that" ||
            w[k].text == "which") {
          break;
        }
      }
    }
    return false;
  }
  // "Uber's chief executive", "Zillow's shares".
  if (w[b].possessive && lex_.IsOrgContext(w[b + 1].text)) return true;
  // "Tesla shares fell", "Zillow stock".
  return !w[b].possessive &&
         (w[b + 1].text == "shares" || w[b + 1].text == "stock");
}

bool RuleEntityTagger::ClassifyRun(const AnalyzedText& at,
                                   const std::vector<Word>& w, size_t a,
                                   size_t b, size_t chunk_last,
                                   const std::string& title, bool honorific,
                                   const DocContext& ctx,
                                   std::vector<Entity>& out) const {
  // "Patrick Carlineo Jr.": a generational suffix ends a person's name.
  if (b > a && w[b].is_word && lex_.IsNameSuffix(w[b].text)) {
    size_t c = b - 1;
    while (c > a && !w[c].is_word) --c;
    size_t before = out.size();
    bool found = ClassifyRun(at, w, a, c, chunk_last, title, honorific, ctx, out);
    if (found && out.size() > before &&
        out.back().type == EntityType::kPerson &&
        out.back().span.end == w[c].span.end) {
      Entity& e = out.back();
      bool own = e.canonical == e.text;
      e.span.end = w[b].span.end;
      e.text = std::string(at.Slice(e.span));
      if (own) e.canonical = e.text;
    }
    return found;
  }
  size_t n_words = 0;
  for (size_t k = a; k <= b; ++k) n_words += w[k].is_word;
  std::string_view first = w[a].text;
  bool sentence_start = w[a].sentence_start;
  bool heading = HeadingSentence(w, a);
  // "Nawrocki Vetoes Wind Farm Law": in a title-case heading, where case
  // tells nothing, the words of the document's person names ("Karol
  // Nawrocki") that end with the family name are those persons; the
  // other words are left alone. A run that is all name words is left to
  // the rules below.
  if (heading) {
    std::vector<std::pair<size_t, size_t>> names;
    size_t named = 0;
    for (size_t k = a; k <= b; ++k) {
      auto it = w[k].is_word ? ctx.person_words.find(w[k].text)
                             : ctx.person_words.end();
      if (it == ctx.person_words.end() || it->second.empty()) continue;
      size_t e = k;
      while (e < b && !w[e].possessive && w[e + 1].is_word) {
        auto next = ctx.person_words.find(w[e + 1].text);
        if (next == ctx.person_words.end() || next->second != it->second) break;
        ++e;
      }
      named += e - k + 1;
      // The family name ("Nawrocki" of "Karol Nawrocki"), which the
      // document never writes in lower case.
      if (IsFamilyNameOf(it->second, w[e].text) &&
          !ctx.UsedInLowerCase(w[e].text)) {
        names.emplace_back(k, e);
      }
      k = e;
    }
    if (!names.empty() && (named < n_words || n_words == 1)) {
      for (auto [k, e] : names) {
        out.push_back(Make(at, w, k, e, EntityType::kPerson,
                           ctx.person_words.find(w[k].text)->second,
                           "person.doc"));
      }
      return true;
    }
  }
  // Lower-case office title right before the name: "president Xi Jinping".
  std::string office = title;
  if (office.empty() && a > 0 && w[a - 1].is_word && !w[a - 1].cap) {
    if (const std::string* t = lex_.Title(w[a - 1].text)) {
      office = *t;
      office[0] = static_cast<char>(
          std::toupper(static_cast<unsigned char>(office[0])));
    }
  }
  auto person = [&](std::string canonical, const char* rule) {
    Entity e =
        Make(at, w, a, b, EntityType::kPerson, std::move(canonical), rule);
    e.title = office;
    out.push_back(std::move(e));
    return true;
  };
  // A sentence-opening common word is not part of the name: "Later Umarov",
  // nor a playing position or role ("Flanker Cormac Fennelly").
  auto descriptor = [&](const Word& x) {
    if (ctx.UsedInLowerCase(x.text)) return true;
    if (x.text.size() > 24 || lex_.IsGivenName(x.text)) return false;
    std::string low = ToLowerAscii(x.text);
    // Positions that are also everyday words open names ("Star Wars").
    for (std::string_view w : {"star", "safety", "center", "centre", "guard",
                               "tight", "running", "tackle", "lock", "prop",
                               "wing", "hooker", "owner", "captain"}) {
      if (low == w) return false;
    }
    return lex_.IsSportsPosition(low) || lex_.IsPersonRole(low);
  };
  while (sentence_start && a < b && descriptor(w[a])) {
    ++a;
    while (a < b && !w[a].is_word) ++a;
    sentence_start = false;
    first = w[a].text;
    n_words = 0;
    for (size_t k = a; k <= b; ++k) n_words += w[k].is_word;
    if (office.empty() && a > 0 && w[a - 1].is_word && !w[a - 1].cap) {
      if (const std::string* t = lex_.Title(w[a - 1].text)) office = *t;
    }
  }
  bool common_word = false;
  for (size_t k = a; k <= b; ++k) {
    if (!w[k].is_word) continue;
    common_word = common_word || ctx.UsedInLowerCase(w[k].text) ||
                  (n_words > 1 && !LooksLikeNameWord(w[k]));
  }
  // Every word of the run is shaped like a name word.
  bool namelike_run = true;
  for (size_t k = a; k <= b; ++k) {
    namelike_run = namelike_run && (!w[k].is_word || LooksLikeNameWord(w[k]));
  }
  // A byline: "By Rachel Okafor, KXAN News", "... | By Valentina Rojas",
  // "Reporting by Olzhas Auyezov": two to four name words after "By"
  // opening its line, or after "by" following a credit word.
  if (a > 0 && n_words >= 2 && n_words <= 4 && !common_word &&
      (b + 1 >= w.size() || !w[b + 1].is_word || w[b + 1].text == "and" ||
       w[b + 1].text == "for")) {
    bool by = w[a - 1].text == "By" &&
              (w[a - 1].sentence_start || (a > 1 && w[a - 2].text == "|"));
    bool credit_by = w[a - 1].text == "by" && a > 1 &&
                     (w[a - 2].text == "Reporting" || w[a - 2].text == "Written" ||
                      w[a - 2].text == "Editing" || w[a - 2].text == "writing" ||
                      w[a - 2].text == "editing" || w[a - 2].text == "Compiled" ||
                      w[a - 2].text == "Photos" || w[a - 2].text == "Photo" ||
                      w[a - 2].text == "Video" || w[a - 2].text == "Illustration");
    // "Hannah Whitlock, The News & Observer | 2026-04-08": a name opening
    // a byline line, before a comma and the outlet, with a bar on the line.
    bool line_opening = w[a].span.begin == 0 ||
                        at.text[w[a].span.begin - 1] == '\n';
    if (line_opening && lex_.IsGivenName(first) && b + 1 < w.size() &&
        w[b + 1].text == ",") {
      size_t eol = at.text.find('\n', w[b].span.end);
      std::string_view rest = std::string_view(at.text).substr(
          w[b].span.end,
          (eol == std::string::npos ? at.text.size() : eol) - w[b].span.end);
      credit_by = credit_by || rest.find(" | ") != std::string_view::npos;
    }
    if ((by || credit_by) && namelike_run) return person("", "person.byline");
  }
  // Known from a longer mention elsewhere in the document.
  {
    std::string canonical;
    bool all_known = true;
    for (size_t k = a; k <= b && all_known; ++k) {
      if (!w[k].is_word) continue;
      auto it = ctx.person_words.find(w[k].text);
      if (it == ctx.person_words.end() || it->second.empty() ||
          (!canonical.empty() && canonical != it->second)) {
        all_known = false;
      } else {
        canonical = it->second;
      }
    }
    // The full name itself keeps the rule that found it.
    if (all_known && !canonical.empty() &&
        (n_words == 1 || Key(at, w, a, b) != canonical)) {
      return person(canonical, "person.doc");
    }
    // "his brother Grant Flower" after "Andy Flower", "G. Flower": another
    // given name or an initial before the family name of a person of the
    // document is a relative or namesake, a person too.
    if (n_words == 2 && !heading && !w[a].sentence_start &&
        w[b].text.size() >= 3 && !w[a].possessive && LooksLikeNameWord(w[a]) &&
        lex_.Find(w[a].text) == nullptr && !lex_.IsOrgSuffix(w[a].text) &&
        !lex_.IsLocSuffix(w[a].text) && !lex_.IsLocPrefix(w[a].text)) {
      auto fam = ctx.person_words.find(w[b].text);
      if (fam != ctx.person_words.end() &&
          IsFamilyNameOf(fam->second, w[b].text) &&
          ctx.person_words.count(w[a].text) == 0) {
        return person("", "person.relative");
      }
    }
  }
  // "2. Alex Zuelle (Switzerland) ONCE 12 seconds behind": in a results
  // line, a name after a rider's or driver's country in brackets, before
  // the time or the line's end, is the team.
  size_t rider = out.size();  // the mentions before the bracket
  bool bracket = a > 3 && n_words <= 3 && w[a - 1].text == ")" &&
                 w[a - 3].text == "(" && w[a - 2].is_word;
  while (bracket && rider > 0 &&
         out[rider - 1].span.begin >= w[a - 3].span.begin) {
    --rider;
  }
  if (bracket && rider > 0 && out[rider - 1].type == EntityType::kPerson &&
      out[rider - 1].span.end <= w[a - 3].span.begin &&
      out[rider - 1].span.end + 2 >= w[a - 3].span.begin) {
    const GazetteerEntry* c = lex_.Find(w[a - 2].text);
    bool time_after =
        b + 1 >= w.size() || w[b + 1].sentence != w[b].sentence ||
        (w[b + 1].is_word &&
         std::isdigit(static_cast<unsigned char>(w[b + 1].text[0]))) ||
        at.text.substr(w[b].span.end, 1) == "\n";
    if (c != nullptr && c->type == EntityType::kLoc && c->IsCountry() &&
        time_after) {
      out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.results-team"));
      return true;
    }
  }
  // "Heidelberger Druckmaschinen AG", "Banque Paribas": a run ending in
  // a legal form or opening with a foreign organization word.
  bool namelike_head = true;  // the run without its last word
  for (size_t k = a; k < b; ++k) {
    namelike_head = namelike_head && (!w[k].is_word || LooksLikeNameWord(w[k]) ||
                                      CamelCase(w[k].text));
  }
  if (n_words >= 2 && !w[b].possessive &&
      ((lex_.IsLegalForm(w[b].text) && namelike_head) ||
       (lex_.IsOrgPrefix(first) && namelike_run && !w[a].possessive))) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "",
                       lex_.IsLegalForm(w[b].text) ? "org.legal-form"
                                                   : "org.prefix"));
    return true;
  }
  // "Wi Sung-lac", "Kim Min-seok": a short family name and a romanized
  // two-syllable given name, its second syllable in lower case after a
  // hyphen (the chunker joins them only so), is a person's name anywhere.
  if (!heading && title.empty() && !honorific && b == a + 3 &&
      w[a].is_word && w[a + 1].is_word &&
      w[a + 2].text == "-" && w[b].is_word && !w[b].cap &&
      w[a].text.size() <= 6 && !w[a].possessive && !w[a + 1].possessive &&
      lex_.Find(w[a].text) == nullptr && w[a].text != "Al" &&
      w[a].text != "El") {
    return person("", "person.romanized");
  }
  if (n_words == 1 && lex_.IsLegalForm(first)) return false;  // a lone "Inc"
  // "#HealthyHydration": a hashtag is not a name.
  if (w[a].span.begin > 0 && at.text[w[a].span.begin - 1] == '#') return false;
  // "Procter & Gamble", "Marks & Spencer": capitalized words joined by an
  // ampersand name a firm (known places on both sides were matched as
  // places before the run was formed).
  if (n_words >= 2 && !heading) {
    for (size_t k = a + 1; k < b; ++k) {
      if (!w[k].is_word && w[k].text == "&" &&
          w[k].span.begin > w[k - 1].span.end) {
        out.push_back(
            Make(at, w, a, b, EntityType::kOrg, "", "org.ampersand"));
        return true;
      }
    }
  }
  // "passed the House", "the Army said": a state body.
  if (n_words == 1 && a > 0 && w[a - 1].is_word &&
      (w[a - 1].text == "the" ||
       (w[a - 1].text == "The" && w[a - 1].sentence_start)) &&
      lex_.IsStateBody(first) && !w[a].sentence_start &&
      (b + 1 >= w.size() || !w[b + 1].is_word || !w[b + 1].cap)) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.state-body"));
    return true;
  }
  // "Boeing 737 Max", "iPhone 11 Pro": a word after a model number is part
  // of a product name, not a person.
  // A number opening its line ("65 Colin Montgomerie" in a leaderboard)
  // names no product.
  // Nor does a list number ("2. Frankie Fredericks (Namibia) 10.06").
  if (a > 0 && w[a - 1].is_word && !w[a - 1].text.empty() &&
      std::isdigit(static_cast<unsigned char>(w[a - 1].text[0])) &&
      w[a - 1].text.back() != '.' &&
      at.text.substr(w[a - 1].span.end, 1) == " " && !w[a].all_caps &&
      !w[a - 1].sentence_start) {
    return false;
  }
  // “Melvin and Howard”, “Of Mice and Men”: capitalized words joined by
  // lower-case connectors and quoted on their own are a title too.
  if (QuotedTitle(w, a, b)) return false;
  // “Mary Poppins”, "Star Wars": a run of two or more words quoted on its
  // own is the title of a work (MISC), not a person or company.
  if (n_words >= 2 && w[a].span.begin > 0 && w[b].span.end < at.text.size()) {
    std::string_view before = at.text.substr(0, w[a].span.begin);
    std::string_view after = at.text.substr(w[b].span.end);
    bool open = before.ends_with("\"") || before.ends_with("\xE2\x80\x9C");
    bool close = after.starts_with("\"") || after.starts_with("\xE2\x80\x9D") ||
                 after.starts_with(",\"") || after.starts_with(",\xE2\x80\x9D");
    if (open && close) return false;
  }
  // "Polygraph.info", "Amazon.com": a site named by its domain.
  if (n_words == 1 && !heading && IsDomainName(first)) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.domain"));
    return true;
  }
  if (n_words == 1 && w[a].all_caps) {
    bool has_digit = std::any_of(first.begin(), first.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    if (heading || has_digit || lex_.IsAcronymStop(first) || first.size() < 2 ||
        Shouted(w, a, ctx, lex_)) {
      return false;
    }
    // "Man-III", "Louis XIV": a Roman numeral; "DRESS syndrome",
    // "INSTRUCTIONS": a dictionary word in capitals is a term or a shout.
    if (std::all_of(first.begin(), first.end(), [](char c) {
          return c == 'I' || c == 'V' || c == 'X';
        })) {
      return false;
    }
    if (first.size() >= 4) {
      std::string low(first);
      for (char& c : low) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (lex_.IsCommonWord(low)) return false;
      // "THURSDAY", "MARCH": a day or month in capitals.
      low[0] = first[0];
      if (lex_.IsStopword(low)) return false;
    }
    // "RTX 3080 ... RTX cards": letters the document writes before a model
    // number name a product line (MISC), not a company.
    if (ctx.model_prefixes.count(first) != 0) return false;
    // "Sioux Falls, SD", "Fargo, ND": two capitals after a place and a
    // comma are a state or province code.
    if (first.size() == 2 && a >= 2 && w[a - 1].text == "," &&
        w[a - 2].is_word && w[a - 2].cap) {
      for (size_t s = a - 2, n = 0; n < 3 && s > 0 && w[s].is_word; --s, ++n) {
        const GazetteerEntry* g = lex_.Find(Key(at, w, s, a - 2));
        if (g != nullptr && !g->skip && g->type == EntityType::kLoc) {
          out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.state-code"));
          return true;
        }
      }
    }
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.acronym"));
    return true;
  }
  // "retailer Target", "a spokesman for Halliburton", "shares of Zillow",
  // "Uber's chief executive": the context names an organization.
  // "said Marquita Dobbins, a forklift operator": two or more name words
  // right after a speech verb are a person whatever the apposition says.
  bool quoted_person = n_words >= 2 && a > 0 && w[a - 1].is_word &&
                       lex_.IsSpeechVerb(w[a - 1].text) &&
                       b + 1 < w.size() && w[b + 1].text == "," &&
                       namelike_run;
  if (!heading && office.empty() && !honorific && n_words <= 5 &&
      !lex_.IsGivenName(first) && !lex_.IsFamilyName(first) &&
      !quoted_person && OrgContext(w, a, b)) {
    bool namelike = true;
    for (size_t k = a; k <= b; ++k) {
      // "Lashkar-e-Jhangvi": a particle between hyphens.
      bool particle = k > a && k < b && w[k - 1].text == "-" &&
                      w[k + 1].text == "-" && w[k].text.size() <= 2;
      namelike = namelike && (!w[k].is_word || LooksLikeNameWord(w[k]) ||
                              CamelCase(w[k].text) || w[k].all_caps ||
                              particle);
    }
    if (namelike) {
      out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.context"));
      return true;
    }
  }
  // "Lake Tahoe", "Mount Kenya", "Fort Bragg": a place noun before a name.
  if (n_words >= 2 && n_words <= 3 && !heading && lex_.IsLocPrefix(first) &&
      !w[a].possessive) {
    bool namelike = true;
    for (size_t k = a + 1; k <= b; ++k) {
      namelike = namelike && (!w[k].is_word || LooksLikeNameWord(w[k]));
    }
    if (namelike) {
      out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.prefix"));
      return true;
    }
  }
  // "Tampa Bay Buccaneers", "Golden State Warriors": a run that ends in a
  // team nickname.
  bool given_inside = false;
  for (size_t k = a; k <= b; ++k) {
    given_inside = given_inside || (w[k].is_word && lex_.IsGivenName(w[k].text));
  }
  // Outside sports copy, dictionary words before a singular nickname make
  // a period or movement ("the Industrial Revolution").
  bool team_words_ok = ctx.sports || b == a || w[b].text.back() == 's' ||
                       !DictionaryWordIn(w, a, b - 1);
  if (n_words >= 2 && !heading && !given_inside && team_words_ok &&
      (lex_.IsTeamName(w[b].text) ||
       (b >= a + 2 && lex_.IsTeamName(Key(at, w, b - 2, b))))) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.team"));
    return true;
  }
  if (!office.empty() && !common_word) return person("", "person.title");
  // "talent manager Scooter Braun": a role noun right before the name.
  if (a > 0 && w[a - 1].is_word && !w[a - 1].cap &&
      lex_.IsPersonRole(w[a - 1].text) && n_words <= 4 && !heading &&
      namelike_run) {
    return person("", "person.role");
  }
  if (honorific) return person("", "person.honorific");
  // Interview speaker label: "Bradley Jardine: ..." opening a paragraph.
  if (sentence_start && b + 1 < w.size() && w[b + 1].text == ":" &&
      n_words <= 4 && !common_word && !DictionaryWordIn(w, a, b) &&
      (n_words >= 2 || lex_.IsGivenName(first))) {
    return person("", "person.speaker");
  }
  // "Sonya A. Zoghlin, Carlineo's attorney,", "Singh Jabarjung, 24,": an
  // apposition with an age or a person noun after two to four name words.
  if (n_words >= 2 && n_words <= 4 && !heading && !common_word &&
      b + 3 < w.size() && w[b + 1].text == "," && !w[b].possessive) {
    std::string_view n1 = w[b + 2].text;
    bool age = n1.size() <= 3 && IsAsciiDigits(n1) && w[b + 3].text == ",";
    bool role = false;
    for (size_t k = b + 2; !age && k < w.size() && k <= b + 6; ++k) {
      if (!w[k].is_word) break;
      // "attorney", "the Labour MP for Newcastle", "the group's founder":
      // a role noun or office title heads the apposition, followed by
      // punctuation or a preposition of its organization or place.
      bool head = (!w[k].cap && (lex_.IsPersonRole(w[k].text) ||
                                 lex_.Title(w[k].text) != nullptr)) ||
                  w[k].text == "MP" || w[k].text == "MEP" ||
                  w[k].text == "CEO";
      // "deputy director": the last of several role words heads.
      if (head && k + 1 < w.size() && w[k + 1].is_word && !w[k + 1].cap &&
          (lex_.IsPersonRole(w[k + 1].text) ||
           lex_.Title(w[k + 1].text) != nullptr)) {
        continue;
      }
      if (head && !w[k].possessive) {
        std::string_view after = k + 1 < w.size() ? w[k + 1].text : "";
        role = k + 1 < w.size() &&
               (!w[k + 1].is_word || after == "for" || after == "of" ||
                after == "at" || after == "in" || after == "with" ||
                after == "from" || after == "who");
        break;
      }
      // Determiners, possessors and modifiers before the noun.
      if (!(w[k].text == "a" || w[k].text == "an" || w[k].text == "the" ||
            w[k].text == "his" || w[k].text == "her" || w[k].text == "their" ||
            w[k].text == "another" || w[k].possessive || !w[k].cap ||
            k > b + 2)) {
        break;
      }
    }
    if (namelike_run && (age || role)) {
      return person("", "person.apposition");
    }
  }
  bool speech =
      (a > 0 && w[a - 1].is_word && lex_.IsSpeechVerb(w[a - 1].text)) ||
      (b + 1 < w.size() && w[b + 1].is_word &&
       lex_.IsSpeechVerb(w[b + 1].text));
  if (b == chunk_last && b + 2 < w.size() && w[b + 1].text == "," &&
      w[b + 2].is_word && lex_.IsSpeechVerb(w[b + 2].text)) {
    speech = true;
  }
  // "Radio Svaboda", "Television Caracas": a broadcaster's name.
  if (n_words >= 2 && n_words <= 3 && !heading &&
      (first == "Radio" || first == "Television" || first == "Channel") &&
      !w[b].possessive && namelike_run) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.media"));
    return true;
  }
  // A line that is only a person's name ("Media Contact:" and the name
  // below it, a byline on its own line): a given name and one or two
  // name words, nothing else on the line.
  if (heading && n_words >= 2 && n_words <= 3 && lex_.IsGivenName(first) &&
      !common_word && !w[b].possessive) {
    size_t from = at.text.rfind('\n', w[a].span.begin);
    from = from == std::string::npos ? 0 : from + 1;
    size_t to = at.text.find('\n', w[b].span.end);
    if (to == std::string::npos) to = at.text.size();
    if (namelike_run && OnlySpaces(std::string_view(at.text).substr(
                        from, w[a].span.begin - from)) &&
        OnlySpaces(std::string_view(at.text).substr(
            w[b].span.end, to - w[b].span.end))) {
      return person("", "person.line");
    }
  }
  if (heading) return false;
  // "The Chronicle says", "told the Argus Leader": a determiner before a
  // name that speaks or is spoken to makes it a newspaper, agency or
  // company, not a person.
  bool the = a > 0 && w[a - 1].is_word &&
             (w[a - 1].text == "the" || w[a - 1].text == "The");
  bool told_the = the && a > 1 && w[a - 2].is_word &&
                  (w[a - 2].text == "told" || w[a - 2].text == "tells" ||
                   w[a - 2].text == "telling");
  if (n_words <= 4 && (speech || told_the) && the && namelike_run &&
      !lex_.IsGivenName(first) && (n_words == 1 || !common_word)) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.the-speaker"));
    return true;
  }
  // "the Beatles", "the Doobie Brothers", "the Raiders": "the" and a
  // capitalized plural (not a dictionary word when it stands alone) name a
  // team or a band; places and nationalities in plural are in the lists.
  if (the && n_words <= 3 && namelike_run && !lex_.IsGivenName(first) &&
      !w[b].possessive && !w[a].sentence_start &&
      (b + 1 >= w.size() || !w[b + 1].is_word || !w[b + 1].cap)) {
    std::string_view t = w[b].text;
    bool plural = t.size() >= 4 && t.back() == 's' && t[t.size() - 2] != 's' &&
                  t[t.size() - 2] != '\'' && !lex_.IsStopword(t) &&
                  !lex_.IsLocSuffix(t) && !lex_.IsOrgSuffix(t);
    bool unknown_word = false;
    for (size_t k = a; k <= b; ++k) {
      unknown_word = unknown_word ||
                     (w[k].is_word && !lex_.IsCommonWord(w[k].text) &&
                      !ctx.UsedInLowerCase(w[k].text));
    }
    // "the Bidens": the family of a person named in the document.
    if (plural && n_words == 1 &&
        ctx.person_words.count(t.substr(0, t.size() - 1)) != 0) {
      plural = false;
    }
    // In sports copy any capitalized plural counts ("the Huskies"), save
    // events ("the Olympics").
    if (plural && (unknown_word || (ctx.sports && !lex_.IsMiscTail(t)))) {
      out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.the-plural"));
      return true;
    }
  }
  // "WeWork said", "SpaceX's launch": inner capitals mark brand names; a
  // company when it acts or owns, else most often a product ("AirPods",
  // "TypeScript", "DualShock"), which CoNLL-2003 calls MISC.
  bool acts = false;
  if (b + 1 < w.size() && w[b + 1].is_word) {
    std::string_view v = w[b + 1].text;
    if (b + 2 < w.size() && w[b + 2].is_word &&
        (v == "has" || v == "have" || v == "had" || v == "will" ||
         v == "is" || v == "was" || v == "also")) {
      v = w[b + 2].text;
    }
    acts = lex_.IsOrgVerb(v) || lex_.IsSpeechVerb(v);
  }
  if (n_words == 1 && CamelCase(first) && (acts || w[a].possessive)) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.camel-case"));
    return true;
  }
  // "the Kerem Shalom crossing", "the Kivu provinces": a lower-case place
  // noun right after unknown name words makes them a place.
  if (namelike_run && n_words <= 3 && !w[b].possessive && b + 1 < w.size() &&
      w[b + 1].is_word && !w[b + 1].cap && w[b + 1].sentence == w[b].sentence &&
      w[b + 1].text.size() > 3 && w[b + 1].text.size() < 24 &&
      (!lex_.IsGivenName(first) ||
       (a > 0 && (w[a - 1].text == "the" || w[a - 1].text == "The"))) &&
      !(sentence_start && lex_.IsCommonWord(first)) &&
      w[b + 1].text != "base" && w[b + 1].text != "bases" &&
      // "the southern Gazan city of Rafah": the name describes the noun.
      !(b + 2 < w.size() && w[b + 2].text == "of")) {
    std::string noun(w[b + 1].text);
    noun[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(noun[0])));
    bool place_noun = lex_.IsLocSuffix(noun);
    if (!place_noun && noun.back() == 's') {
      noun.pop_back();
      place_noun = lex_.IsLocSuffix(noun);
      if (!place_noun && noun.size() > 3 && noun.ends_with("ie")) {
        noun.replace(noun.size() - 2, 2, "y");  // "Valleys"? "Cities"
        place_noun = lex_.IsLocSuffix(noun);
      }
    }
    if (place_noun && !lex_.IsOrgSuffix(noun)) {
      out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.noun-after"));
      return true;
    }
  }
  if (n_words >= 2) {
    // "In Khan Younis and Deir al-Balah, crowds gathered": unknown names
    // after a place preposition opening the sentence and before a comma
    // (or coordinated so) are places.
    if (n_words <= 3 && namelike_run && !w[b].possessive && a > 0 &&
        b + 1 < w.size() &&
        (w[b + 1].text == "," || w[b + 1].text == "and")) {
      bool short_word = false;
      for (size_t k = a; k <= b; ++k) {
        short_word = short_word || (w[k].is_word && w[k].text.size() < 2);
      }
      bool opening = !short_word && OpeningPlaceCue(w, a);
      bool after_place = a > 1 && w[a - 1].text == "and" && !out.empty() &&
                         out.back().rule == "loc.opening" &&
                         out.back().span.end == w[a - 2].span.end;
      if (opening || after_place) {
        out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.opening"));
        return true;
      }
    }
    // "Employee Steve Castro", "Public Ombudsman Nadia Cruz": a given name
    // inside the run starts the person; the words before are descriptors.
    for (size_t k = a + 1; k < b; ++k) {
      if (w[k].is_word && lex_.IsGivenName(w[k].text) &&
          !lex_.IsGivenName(first) && !lex_.IsFamilyName(first) &&
          w[b].is_word && LooksLikeNameWord(w[b])) {
        Entity e =
            Make(at, w, k, b, EntityType::kPerson, "", "person.given-name");
        out.push_back(std::move(e));
        return true;
      }
    }
    // "Ondo State", "Rakhine State": an unlisted name and "State" is a
    // state of a federation (listed US states before "State" name their
    // universities, see org.state-school).
    bool state = n_words == 2 && w[b].text == "State" && !w[b].possessive &&
                 !sentence_start && LooksLikeNameWord(w[a]) &&
                 !lex_.IsCommonWord(first);
    if (state) {
      const GazetteerEntry* place = lex_.Find(first);
      state = !(place != nullptr && (place->rule == "gaz.loc-regions" ||
                                     place->IsCountry() ||
                                     place->type != EntityType::kLoc));
    }
    if (state) {
      out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.suffix"));
      return true;
    }
    if (lex_.IsLocSuffix(w[b].text)) {
      // Sports copy: "Bristol City", "Mansfield Town" are clubs.
      bool club = ctx.sports && n_words == 2 &&
                  (w[b].text == "City" || w[b].text == "Town") &&
                  ListedPlace(first);
      out.push_back(Make(at, w, a, b, club ? EntityType::kOrg : EntityType::kLoc,
                         "", club ? "org.team" : "loc.suffix"));
      return true;
    }
    if (lex_.IsGivenName(first)) return person("", "person.given-name");
    // "Xi Jinping", not "Fan Vote": the given name after the family name
    // is no dictionary word.
    bool plain_after = true;
    for (size_t k = a + 1; k <= b; ++k) {
      plain_after = plain_after &&
                    (!w[k].is_word || !lex_.IsCommonWord(w[k].text) ||
                     lex_.IsGivenName(w[k].text));
    }
    if (lex_.IsFamilyName(first) && n_words <= 3 && plain_after) {
      return person("", "person.family-name");
    }
    if (common_word) return false;
    // "Mark Taylor, Michael Slater, Matthew Hayden": a name-like run listed
    // right after a person (by a comma or "and") is a person too.
    if (n_words <= 3 && a > 1 && !out.empty() &&
        out.back().type == EntityType::kPerson &&
        out.back().span.end == w[a - 2].span.end &&
        (w[a - 1].text == "," || w[a - 1].text == "and") &&
        !w[a - 2].possessive && !DictionaryWordIn(w, a, b) && namelike_run) {
      return person("", "person.coordination");
    }
    if (speech) return person("", "person.speech");
    // Two or three name-like words with nothing against them are most often
    // a person in news text; longer runs are titles of works or events.
    bool dictionary_word = false;
    for (size_t k = a; k <= b; ++k) {
      dictionary_word =
          dictionary_word ||
          (w[k].is_word && w[k].cap && !lex_.IsGivenName(w[k].text) &&
           !lex_.IsFamilyName(w[k].text) && lex_.IsCommonWord(w[k].text));
    }
    // "the Salon Shabka": a determiner does not come before a person's
    // name.
    bool determiner = a > 0 && w[a - 1].is_word && w[a - 1].text == "the";
    if (n_words <= 3 && !sentence_start && !dictionary_word && !determiner) {
      return person("", "person.capitalized-run");
    }
    // At a sentence start only two or three words that are neither
    // dictionary words nor stop words ("Nguyen Van Thieu was ...").
    if (n_words <= 3 && sentence_start && !dictionary_word && namelike_run &&
        !w[b].possessive) {
      bool stop = false;
      for (size_t k = a; k <= b; ++k) {
        stop = stop || (w[k].is_word && (lex_.IsStopword(w[k].text) ||
                                         ctx.UsedInLowerCase(w[k].text)));
      }
      if (!stop) return person("", "person.sentence-start-run");
    }
    // "Scooter Braun": a dictionary first word and a surname that is not a
    // dictionary word, unless the first word is a kind of thing that takes
    // a name ("Hurricane Dorian", "Operation Barbarossa").
    if (n_words == 2 && !sentence_start && !determiner && w[a].is_word &&
        w[b].is_word && !lex_.IsCommonWord(w[b].text) &&
        LooksLikeNameWord(w[a]) &&
        LooksLikeNameWord(w[b]) && !lex_.IsMiscHead(first) &&
        !lex_.IsLocPrefix(first) &&
        !lex_.IsOrgSuffix(first) && !lex_.IsLocSuffix(first) &&
        !lex_.IsLocSuffix(w[b].text) && !lex_.IsOrgSuffix(w[b].text)) {
      return person("", "person.dictionary-first-name");
    }
    return false;
  }
  if (common_word || !LooksLikeNameWord(w[a])) return false;
  // "We've", "They'll": a pronoun's contraction.
  for (std::string_view tail :
       {"'ve", "'re", "'ll", "'d", "\xE2\x80\x99" "ve", "\xE2\x80\x99" "re",
        "\xE2\x80\x99" "ll", "\xE2\x80\x99" "d"}) {
    if (first.ends_with(tail)) return false;
  }
  // "Prosecutors said", "Paramedics say": a plural of a dictionary noun
  // opening the sentence.
  if (w[a].sentence_start && first.size() > 4 && first.back() == 's' &&
      lex_.IsCommonWord(first.substr(0, first.size() - 1)) &&
      !lex_.IsGivenName(first) && !lex_.IsFamilyName(first) &&
      ctx.person_words.count(first) == 0) {
    return false;
  }
  // "Audi says", "Nissan said": a lone unknown word that speaks and was
  // never part of a person's name in the document (persons are introduced
  // by their full name or a title first) is a company or other body;
  // after the verb ("said Ma") it stays a person.
  bool speaks_after = b + 1 < w.size() && w[b + 1].is_word &&
                      lex_.IsSpeechVerb(w[b + 1].text);
  // "Audi has revealed", "Nissan unveiled": a company verb after the word.
  bool org_verb = false;
  if (b + 1 < w.size() && w[b + 1].is_word) {
    std::string_view v = w[b + 1].text;
    if (b + 2 < w.size() && w[b + 2].is_word &&
        (v == "has" || v == "have" || v == "had" || v == "will" ||
         v == "is" || v == "also")) {
      v = w[b + 2].text;
    }
    org_verb = lex_.IsOrgVerb(v) || lex_.IsSpeechVerb(v);
  }
  bool speaks_before =
      a > 0 && w[a - 1].is_word && lex_.IsSpeechVerb(w[a - 1].text);
  // "Medtronic and Stryker", "Grab Holdings and Gojek": a lone unknown
  // word coordinated with the organization just found is one too.
  if (a > 1 && (w[a - 1].text == "and" || w[a - 1].text == "or") &&
      !out.empty() && out.back().type == EntityType::kOrg &&
      out.back().span.end == w[a - 2].span.end && !w[a - 2].possessive &&
      !lex_.IsGivenName(first) && !lex_.IsCommonWord(first) &&
      !w[a].possessive) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.coordination"));
    return true;
  }
  // Not after a preposition of place ("Police in Krakow said").
  bool place_before = a > 0 && w[a - 1].is_word && !w[a - 1].cap &&
                      lex_.IsLocCue(w[a - 1].text);
  if ((speaks_after || org_verb) && !speaks_before && !place_before &&
      !lex_.IsGivenName(first) && !lex_.IsFamilyName(first) &&
      !w[a].possessive && !SurnameShaped(first) &&
      !lex_.IsCommonWord(first) && !lex_.IsStopword(first) &&
      ctx.person_words.count(first) == 0 && !ListedPlace(first)) {
    out.push_back(Make(at, w, a, b, EntityType::kOrg, "", "org.speech"));
    return true;
  }
  // "the House said": a state body never speaks as a person; nor does a
  // plural after "the" ("the opposition Greens said") or a lone
  // dictionary word opening the sentence ("Businesses say").
  bool plural_group = n_words == 1 && first.size() > 3 && first.back() == 's' &&
                      !w[a].possessive && a > 0 && w[a - 1].is_word &&
                      !w[a - 1].cap &&
                      (w[a - 1].text == "the" ||
                       (a > 1 &&
                        (w[a - 2].text == "the" || w[a - 2].text == "The") &&
                        lex_.IsCommonWord(w[a - 1].text)));
  bool opening_word = n_words == 1 && sentence_start &&
                      lex_.IsCommonWord(first) && !lex_.IsGivenName(first);
  if (speech && !lex_.IsStateBody(first) && !plural_group && !opening_word) {
    return person("", "person.speech");
  }
  // "Vanderkamp, who runs the shop", "the financier Epstein who ...":
  // "who" after a lone name word.
  // Without the comma not after "a"/"an" ("a good Samaritan who").
  bool generic = false;
  for (size_t k = a, n = 0; k > 0 && n < 4 && w[k - 1].is_word &&
                            !w[k - 1].cap && !generic;
       --k, ++n) {
    generic = w[k - 1].text == "a" || w[k - 1].text == "an";
  }
  bool who = (b + 2 < w.size() && w[b + 1].text == "," &&
              w[b + 2].text == "who") ||
             (b + 1 < w.size() && w[b + 1].text == "who" && !sentence_start &&
              !generic);
  if (who && !lex_.IsCommonWord(first) && !w[a].possessive) {
    return person("", "person.who");
  }
  // "a patient from Xilingol in Inner Mongolia": an unlisted name after a
  // preposition of place or origin and before "in" + a listed place.
  if (n_words <= 2 && namelike_run && !sentence_start && a > 0 &&
      b + 2 < w.size() && !w[b].possessive && !lex_.IsGivenName(first) &&
      !lex_.IsCommonWord(w[b].text) && w[a - 1].is_word && !w[a - 1].cap &&
      (w[a - 1].text == "from" || w[a - 1].text == "in" ||
       w[a - 1].text == "near" || w[a - 1].text == "outside") &&
      (w[b + 1].text == "in" || w[b + 1].text == "near") &&
      ctx.person_words.count(w[b].text) == 0 &&
      ListedPlaceEnd(at, w, b + 2) != 0) {
    out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.in-place"));
    return true;
  }
  // "Dekalb, Ill. —", "in Tarzana, California": an unlisted name before a
  // comma and a listed state or country, with no capitalized word after
  // that (not "Smith, Texas Governor").
  if (size_t e = CommaPlace(at, w, b);
      e != 0 && namelike_run && n_words <= 3 && !lex_.IsGivenName(first) &&
      !w[b].possessive && ctx.person_words.count(w[b].text) == 0 &&
      (e + 1 >= w.size() || !w[e + 1].is_word || !w[e + 1].cap)) {
    const GazetteerEntry* g = lex_.Find(Key(at, w, b + 2, e));
    if (g->rule == "gaz.loc-regions" || g->rule == "gaz.loc-countries") {
      out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.comma-region"));
      return true;
    }
  }
  if (sentence_start) return false;
  // "Oscar-winning", "Grammy-nominated": a name glued by a hyphen to a
  // lower-case word is a modifier, not a mention of a person.
  bool modifier = b + 2 < w.size() && w[b + 1].text == "-" &&
                  w[b + 1].span.begin == w[b].span.end &&
                  w[b + 2].span.begin == w[b + 1].span.end &&
                  w[b + 2].is_word && !w[b + 2].cap;
  if (PlaceApposition(w, b)) {
    out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.apposition"));
    return true;
  }
  if (lex_.IsGivenName(first) && !modifier) {
    return person("", "person.given-name");
  }
  // "in Barin", "a town called Barin": a lone unknown name after a place
  // cue is a place, unless it heads organizations elsewhere.
  // Not a dictionary word ("published in Proceedings", "in Frontiers")
  // nor the head of a hyphenated compound ("in Rust-land").
  bool compound = b + 1 < w.size() && w[b + 1].text == "-" &&
                  w[b + 1].span.begin == w[b].span.end;
  // "the village of Shamalgan": a place noun and "of" are a cue too.
  // "In Patna, supporters ...": the cue word opening the sentence.
  bool opening_cue = b + 1 < w.size() && w[b + 1].text == "," &&
                     OpeningPlaceCue(w, a);
  bool cue = opening_cue ||
             (a > 0 && w[a - 1].is_word && !w[a - 1].cap &&
              lex_.IsLocCue(w[a - 1].text)) ||
             (a > 0 && w[a - 1].is_word && !w[a - 1].cap &&
              (w[a - 1].text == "of" && a > 1 && w[a - 2].is_word &&
               !w[a - 2].cap && lex_.IsLocCue(w[a - 2].text) &&
               w[a - 2].text != "in" && w[a - 2].text != "near" &&
               w[a - 2].text != "outside"));
  // "in Navolato and Eldorado", "Phoenix and Tucson": a lone unknown name
  // coordinated with the place just found is a place too.
  // The place must be sure of itself: a listed country, region or major
  // city, or one after a cue (not "Covington and Batum" in a box score).
  if (!cue && a > 1 && (w[a - 1].text == "and" || w[a - 1].text == "or") &&
      !out.empty() && out.back().type == EntityType::kLoc &&
      out.back().span.end == w[a - 2].span.end && !w[a - 2].possessive &&
      !lex_.IsFamilyName(first) && !SurnameShaped(first)) {
    std::string_view r = out.back().rule;
    size_t s = a - 2;
    while (s > 0 && w[s - 1].span.end > out.back().span.begin) --s;
    cue = r == "loc.cue" || r == "gaz.loc-countries" || r == "gaz.loc-cities" ||
          r == "gaz.loc-regions" || r == "gaz.iso3166-1" ||
          (s > 0 && w[s - 1].is_word && !w[s - 1].cap &&
           lex_.IsLocPreposition(w[s - 1].text));
  }
  if (cue && LooksLikeNameWord(w[a]) &&
      !lex_.IsOrgSuffix(first) && !lex_.IsLocSuffix(first) &&
      !lex_.IsCommonWord(first) && !compound && !w[b].possessive &&
      (b + 1 >= w.size() || !w[b + 1].possessive)) {
    out.push_back(Make(at, w, a, b, EntityType::kLoc, "", "loc.cue"));
    return true;
  }
  return false;
}

}  // namespace entities_internal
}  // namespace newsfacts
