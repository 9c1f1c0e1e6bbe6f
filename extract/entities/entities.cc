// Rule stage: gazetteer lookups over capitalized chunks, then cue rules
// (titles, organization heads, speech verbs, name lists) for what the
// gazetteers do not know, then document-level consistency (short person
// names and acronyms resolve to the longest form in the text). The rule
// families are split across files; see rules.h.
#include "extract/entities/entities.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string_view>
#include <utility>

#include "core/strings.h"
#include "extract/entities/rules.h"

namespace newsfacts {
namespace entities_internal {

// Longest gazetteer / title / honorific match starting at `a`, within
// the chunk ending at `last`.
RuleEntityTagger::Match RuleEntityTagger::Longest(const AnalyzedText& at,
                                                  const std::vector<Word>& w,
                                                  size_t a, size_t last,
                                                  const DocContext& ctx) const {
  Match m;
  if (!w[a].is_word) return m;
  if (w[a].all_caps) {
    auto it = ctx.acronyms.find(w[a].text);
    if (it != ctx.acronyms.end()) {
      m.end = a;
      m.gaz = &it->second;
      return m;
    }
  }
  // An organization a rule found elsewhere in the document.
  if (!ctx.orgs.empty() && ctx.org_first_words.count(Lexicon::FirstWordOf(
                               w[a].text)) != 0) {
    size_t lim = std::min(last, a + 2 * ctx.org_words);
    for (size_t b = lim + 1; b-- > a;) {
      if (!w[b].is_word) continue;
      std::string buf;
      auto it = ctx.orgs.find(KeyView(at, w, a, b, buf));
      if (it != ctx.orgs.end()) {
        m.end = b;
        m.gaz = &it->second;
        return m;
      }
    }
  }
  if (!lex_.MayStartName(w[a].text)) {
    // "Kraków", "Wrocław": a one-word listed place written with marks.
    const GazetteerEntry* g = lex_.FindFolded(w[a].text);
    if (g != nullptr && !g->skip && g->type == EntityType::kLoc &&
        (!g->needs_cue || PlaceCue(at, w, a, a, ctx) ||
         StandalonePlace(w, a, a, last, ctx))) {
      m.end = a;
      m.gaz = g;
    }
    return m;
  }
  size_t limit = std::min(last, a + lex_.max_words() + 1);
  // A key ends at or before the first word where the words so far begin
  // no longer key: most capitalized words need one lookup, not max_words.
  size_t reach = a;
  for (size_t b = a; b <= limit; ++b) {
    if (!w[b].is_word) continue;
    reach = b;
    std::string buf;
    if (b == limit || !lex_.MayContinue(KeyView(at, w, a, b, buf))) break;
  }
  limit = reach;
  for (size_t b = limit + 1; b-- > a;) {
    if (!w[b].is_word) continue;
    std::string buf;
    std::string_view key = KeyView(at, w, a, b, buf);
    // Names that end in 's ("Lowe's", "McDonald's") before the possessive
    // reading ("Beijing's").
    if (w[b].possessive) {
      const GazetteerEntry* g = lex_.Find(std::string(key) + "'s");
      if (g != nullptr && !g->skip) {
        m.end = b;
        m.gaz = g;
        m.with_s = true;
        return m;
      }
    }
    if (const GazetteerEntry* g = lex_.Find(key)) {
      // "Forest Hill", "Mary Poppins", "Paris Hilton": a one-word place
      // that is a packaged name or a given name, right before another
      // name word, is part of a longer unknown name.
      // So is a country or region before a given name or a surname
      // ("Chad Thomas", "Israel Adesanya").
      bool inside_name = b == a && g->type == EntityType::kLoc && b < last &&
                         w[b + 1].is_word && w[b + 1].cap && !w[b].possessive &&
                         (g->needs_cue || lex_.IsGivenName(w[a].text) ||
                          ((lex_.IsGivenName(w[b + 1].text) ||
                            SurnameShaped(w[b + 1].text)) &&
                           !lex_.IsCommonWord(w[b + 1].text)) ||
                          // "Jordan Pickford": before a family name no
                          // list knows.
                          (lex_.IsPlaceGivenName(w[a].text) &&
                           LooksLikeNameWord(w[b + 1]) &&
                           !lex_.IsCommonWord(w[b + 1].text) &&
                           !lex_.IsTeamName(w[b + 1].text) &&
                           !lex_.MayStartName(w[b + 1].text))) &&
                         !lex_.IsLocSuffix(w[b + 1].text) &&
                         !lex_.IsOrgSuffix(w[b + 1].text);
      if (inside_name) continue;
      // "Christian Braun": a nationality or faith that is also a given
      // name, before a surname that is no word ("Christian Democrats").
      if (b == a && g->type == EntityType::kNorp && b < last &&
          !w[b].possessive && lex_.IsGivenName(w[a].text) &&
          w[b + 1].is_word && w[b + 1].cap && LooksLikeNameWord(w[b + 1]) &&
          !lex_.IsCommonWord(w[b + 1].text) && lex_.Find(w[b + 1].text) == nullptr &&
          !lex_.IsOrgSuffix(w[b + 1].text)) {
        continue;
      }
      // "Feliciano Lopez ... Lopez": a packaged one-word place that is a
      // word of a person named in the document is that person.
      if (b == a && g->type == EntityType::kLoc && g->needs_cue) {
        auto pw = ctx.person_words.find(key);
        if (pw != ctx.person_words.end() && !pw->second.empty()) continue;
      }
      // "Bloomberg" after "Michael R. Bloomberg": a listed one-word
      // organization that is the surname of a person named in the
      // document is that person.
      if (b == a && g->type == EntityType::kOrg && !g->skip &&
          g->rule.substr(0, 8) == "gaz.org-") {
        auto pw = ctx.person_words.find(key);
        if (pw != ctx.person_words.end() &&
            IsFamilyNameOf(pw->second, key)) {
          continue;
        }
      }
      // "the West", never "Kanye West" or "Kowloon West".
      if (b == a && g->type == EntityType::kLoc && IsCompassWord(key) &&
          !(a > 0 && (w[a - 1].text == "the" || w[a - 1].text == "The"))) {
        continue;
      }
      // "in March": a month or other stop word is never a cue-found place.
      bool stop_place = g->needs_cue && b == a && lex_.IsStopword(key);
      if (!stop_place && (!g->needs_cue || PlaceCue(at, w, a, b, ctx) ||
                          StandalonePlace(w, a, b, last, ctx, g->big_city) ||
                          (ctx.sports && g->type == EntityType::kLoc &&
                           (SportsResult(w, a, b) ||
                            lex_.IsClubPlace(key))))) {
        m.end = b;
        m.gaz = g;
        return m;
      }
    }
    if (const std::string* t = lex_.Title(key)) {
      m.end = b;
      m.title = t;
      return m;
    }
    if (b == a && lex_.IsHonorific(key)) {
      m.end = b;
      m.honorific = true;
      return m;
    }
  }
  return m;
}

std::vector<Entity> RuleEntityTagger::Pass(const AnalyzedText& at,
                                           const std::vector<Word>& w,
                                           const DocContext& ctx) const {
  std::vector<Entity> out;
  size_t i = 0;
  while (i < w.size()) {
    if (!w[i].is_word || !w[i].cap) {
      ++i;
      continue;
    }
    // "FRANKFURT/MILAN, 2025-10-15", "DAKAR, Senegal / LONDON —": a second
    // listed place in capitals after a slash in a dateline.
    if (i > 0 && w[i].all_caps && w[i - 1].text == "/" && !out.empty() &&
        out.back().type == EntityType::kLoc &&
        out.back().span.end <= w[i - 1].span.begin &&
        at.text.substr(out.back().span.end,
                       w[i - 1].span.begin - out.back().span.end)
                .find('\n') == std::string::npos) {
      size_t k = i;
      while (k + 1 < w.size() && k < i + 2 && w[k + 1].all_caps &&
             w[k + 1].sentence == w[i].sentence) {
        ++k;
      }
      std::string titled = TitleCase(at, w, i, k);
      const GazetteerEntry* g = lex_.Find(titled);
      bool dateline_rule = false;
      for (size_t r = out.size(); r-- > 0 && !dateline_rule;) {
        dateline_rule = out[r].rule == "loc.dateline";
        if (out[r].span.end + 80 < w[i].span.begin) break;
      }
      if (g != nullptr && !g->skip && g->type == EntityType::kLoc &&
          dateline_rule && k + 1 < w.size() &&
          (w[k + 1].text == "," || w[k + 1].text == "\xE2\x80\x94" ||
           w[k + 1].text == "-" || w[k + 1].text == "/" ||
           w[k + 1].text == ":")) {
        out.push_back(Make(at, w, i, k, EntityType::kLoc, g->canonical,
                           "loc.dateline"));
        i = k + 1;
        continue;
      }
    }
    if (size_t end = DatelinePlace(at, w, i); end != 0) {
      std::string titled = TitleCase(at, w, i, end - 1);
      // "SUNDERLAND: Anthony Patterson; Trai Hume, ...": in sports copy a
      // team's place opening a line-up is the team.
      if (ctx.sports && ctx.team_places.count(titled) != 0 &&
          end < w.size() && w[end].text == ":") {
        out.push_back(Make(at, w, i, end - 1, EntityType::kOrg, "",
                           "org.sports-city"));
        i = end;
        continue;
      }
      const GazetteerEntry* g = lex_.Find(titled);
      out.push_back(Make(at, w, i, end - 1, EntityType::kLoc,
                         g != nullptr ? g->canonical : titled,
                         "loc.dateline"));
      i = end;
      continue;
    }
    // "Youth Accountability Team (YAT)": a name spelt out before its
    // acronym is an organization, unless the lists know it whole as
    // something else.
    if (auto an = ctx.acronym_names.find(i); an != ctx.acronym_names.end()) {
      Match m = Longest(at, w, i, an->second, ctx);
      bool known = m.gaz != nullptr && m.end == an->second && !m.gaz->skip;
      if (!known || m.gaz->type == EntityType::kOrg) {
        out.push_back(Make(at, w, i, an->second, EntityType::kOrg,
                           known ? m.gaz->canonical : "",
                           known ? std::string(m.gaz->rule)
                                 : std::string("org.acronym-name")));
        i = an->second + 1;
        continue;
      }
    }
    if (w[i].caps_line) {
      i = CapsLine(at, w, i, ctx, out);
      continue;
    }
    if (std::string canonical;
        size_t end = ParticlePlaceEnd(at, w, i, canonical)) {
      out.push_back(Make(at, w, i, end, EntityType::kLoc, std::move(canonical),
                         "loc.particle"));
      i = end + 1;
      continue;
    }
    if (lex_.IsStopword(w[i].text) &&
        !Matched(Longest(at, w, i, ChunkEnd(at, w, i, lex_), ctx))) {
      ++i;
      continue;
    }
    // Coordinated ellipsis: "Central and South Asia" is one place when both
    // "Central Asia" and "South Asia" are.
    if (i + 3 < w.size() && w[i + 1].text == "and" && w[i + 2].cap &&
        w[i + 3].cap && w[i + 3].sentence == w[i].sentence &&
        !w[i].possessive && !w[i + 2].possessive) {
      std::string left =
          std::string(w[i].text) + " " + std::string(w[i + 3].text);
      std::string right =
          std::string(w[i + 2].text) + " " + std::string(w[i + 3].text);
      const GazetteerEntry* gl = lex_.Find(left);
      const GazetteerEntry* gr = lex_.Find(right);
      if (gl && gr && !gl->skip && !gr->skip && gl->type == EntityType::kLoc &&
          gr->type == EntityType::kLoc) {
        std::string x(w[i].text), y(w[i + 2].text);
        if (y < x) std::swap(x, y);
        out.push_back(Make(at, w, i, i + 3, EntityType::kLoc,
                           x + " and " + y + " " + std::string(w[i + 3].text),
                           "loc.coordination"));
        i += 4;
        continue;
      }
    }
    size_t last = ChunkEnd(at, w, i, lex_);
    // A name spelt out before its acronym starts a chunk of its own.
    if (auto an = ctx.acronym_names.upper_bound(i);
        an != ctx.acronym_names.end() && an->first <= last) {
      last = an->first - 1;
      while (last > i && !w[last].is_word) --last;
    }
    // "Los Angeles Auto Show", "Asian Cup": the name of an event or award
    // (MISC) holds no place or nationality of its own, unless a list
    // knows the whole name.
    if (last > i && w[last].is_word && lex_.IsMiscTail(w[last].text) &&
        !HeadingSentence(w, i)) {
      Match whole = Longest(at, w, i, last, ctx);
      if (!(whole.gaz != nullptr && whole.end == last)) {
        i = last + 1;
        continue;
      }
    }
    // "the ruling Nur Otan party", "the Communist party": a capitalized
    // name right before a lower-case "party" names the party. The party
    // is the name ("Nur Otan"), unless the name is one descriptive word
    // that names nothing without "party" ("Communist").
    if (size_t p = last + 1;
        p < w.size() && w[p].is_word && w[p].text == "party" &&
        w[last].is_word && !w[last].possessive &&
        w[p].span.begin == w[last].span.end + 1 &&
        at.text[w[last].span.end] == ' ' &&
        !(last == i && w[i].sentence_start &&
          lex_.Find(w[i].text) == nullptr && lex_.IsCommonWord(w[i].text))) {
      // Adjectives only: "Communist", "Democratic Progressive".
      bool descriptive = true;
      for (size_t k = i; k <= last && descriptive; ++k) {
        const GazetteerEntry* g = lex_.Find(w[k].text);
        std::string_view t = w[k].text;
        bool adjective = t.ends_with("ic") || t.ends_with("al") ||
                         t.ends_with("ive") || t.ends_with("ist") ||
                         t.ends_with("an");
        descriptive = !w[k].is_word ||
                      (g != nullptr && g->type == EntityType::kNorp) ||
                      (g == nullptr && adjective && lex_.IsCommonWord(t));
      }
      size_t end = descriptive ? p : last;
      out.push_back(Make(at, w, i, end, EntityType::kOrg, "", "org.party"));
      i = end + 1;
      continue;
    }
    // "Nissan Sales & Regional Operations": a spaced ampersand inside the
    // chunk makes all of it one organization, unless a known name of
    // another kind follows the ampersand ("U.S. & Canada").
    if (!HeadingSentence(w, i) && !lex_.IsStopword(w[i].text)) {
      size_t amp = 0;
      for (size_t k = i + 1; k < last && amp == 0; ++k) {
        if (!w[k].is_word && w[k].text == "&" &&
            w[k].span.begin > w[k - 1].span.end) {
          amp = k;
        }
      }
      if (amp != 0) {
        Match right = Longest(at, w, amp + 1, last, ctx);
        Match left = Longest(at, w, i, amp - 1, ctx);
        bool other = (right.gaz != nullptr &&
                      right.gaz->type != EntityType::kOrg) ||
                     (left.gaz != nullptr && left.end == amp - 1 &&
                      left.gaz->type != EntityType::kOrg) ||
                     (Matched(right) && right.gaz == nullptr);
        if (!other && !(left.gaz != nullptr && left.end == last)) {
          out.push_back(
              Make(at, w, i, last, EntityType::kOrg, "", "org.ampersand"));
          i = last + 1;
          continue;
        }
      }
    }
    Chunk(at, w, i, last, ctx, out);
    i = last + 1;
  }
  return out;
}

size_t RuleEntityTagger::CapsLine(const AnalyzedText& at,
                                  const std::vector<Word>& w, size_t i,
                                  const DocContext& ctx,
                                  std::vector<Entity>& out) const {
  size_t end = i;
  while (end < w.size() && w[end].sentence == w[i].sentence) ++end;
  size_t pos = i;
  while (pos < end) {
    if (!w[pos].is_word || !w[pos].cap) {
      ++pos;
      continue;
    }
    size_t limit = std::min(end - 1, pos + lex_.max_words());
    size_t next = pos + 1;
    for (size_t b = limit + 1; b-- > pos;) {
      if (!w[b].is_word || !w[b].cap) continue;
      // As written first ("NATO", "U.S."), then in title case ("Japan").
      std::string titled = TitleCase(at, w, pos, b);
      const GazetteerEntry* g = lex_.Find(Key(at, w, pos, b));
      // Not an acronym that is also a dictionary word ("WHO WILL WIN").
      if (g != nullptr && b == pos && g->type != EntityType::kLoc &&
          lex_.IsCommonWord(w[pos].text)) {
        g = nullptr;
      }
      // What the document found ("Chelsea" the club) before the lists
      // ("Chelsea" the town).
      if (auto it = ctx.orgs.find(titled); it != ctx.orgs.end()) {
        g = &it->second;
      }
      if (g == nullptr || g->skip) g = lex_.Find(titled);
      std::string_view rule = "gaz.headline";
      // "NEWCASTLE BEAT SHEFFIELD WEDNESDAY": in sports copy a city next
      // to a result verb is its club.
      bool club = false;
      if (g != nullptr && !g->skip && g->type == EntityType::kLoc &&
          ctx.sports && !g->IsCountry()) {
        auto verb = [&](size_t k) {
          if (k >= w.size() || !w[k].is_word || w[k].sentence != w[pos].sentence ||
              w[k].text.size() > 16) {
            return false;
          }
          return lex_.IsSportsVerb(ToLowerAscii(w[k].text));
        };
        club = verb(b + 1) || (pos > 0 && verb(pos - 1));
      }
      bool found_place = g != nullptr && g->type == EntityType::kLoc &&
                         ctx.found_places.count(titled) != 0;
      if (g != nullptr && !g->skip && (!g->needs_cue || club || found_place) &&
          !(b == pos && lex_.IsStopword(titled))) {
        out.push_back(Make(at, w, pos, b, club ? EntityType::kOrg : g->type,
                           club ? "" : g->canonical,
                           club ? std::string("org.sports-city")
                                : std::string(rule)));
        next = b + 1;
        break;
      }
      // "YELTSIN" after "Boris Yeltsin" in the story.
      if (b == pos) {
        auto it = ctx.person_words.find(titled);
        if (it != ctx.person_words.end() && !it->second.empty()) {
          out.push_back(Make(at, w, pos, b, EntityType::kPerson, it->second,
                             "person.headline"));
        }
      }
    }
    pos = next;
  }
  return end;
}

void RuleEntityTagger::Chunk(const AnalyzedText& at, const std::vector<Word>& w,
                             size_t first, size_t last, const DocContext& ctx,
                             std::vector<Entity>& out) const {
  std::string title;
  bool honorific = false;
  size_t pos = first;
  while (pos <= last) {
    if (!w[pos].is_word || !w[pos].cap) {
      ++pos;
      continue;
    }
    // A compass word before a listed place: in sports copy "Eastern
    // Michigan", "Northern Illinois" are the teams of the universities
    // named so; elsewhere "Central Texas", "East Nashville", "Northern
    // Kazakhstan" name a part of the place.
    if (pos < last && w[pos + 1].is_word && !w[pos].possessive &&
        IsCompassAdjective(w[pos].text) &&
        (ctx.sports ? !IsCompassWord(w[pos].text) : !HeadingSentence(w, pos))) {
      Match place = Longest(at, w, pos + 1, last, ctx);
      // "East Nashville": a one-word listed place needs no cue here.
      if (!ctx.sports && place.gaz == nullptr && pos + 1 == last) {
        const GazetteerEntry* g = lex_.Find(w[last].text);
        if (g != nullptr && g->type == EntityType::kLoc && !g->skip &&
            !lex_.IsGivenName(w[last].text)) {
          place.gaz = g;
          place.end = last;
        }
      }
      bool region = place.gaz != nullptr && !place.gaz->skip &&
                    place.gaz->type == EntityType::kLoc;
      bool school = ctx.sports && region &&
                    place.gaz->rule == "gaz.loc-regions" &&
                    (place.end == last ||
                     !lex_.IsOrgSuffix(w[place.end + 1].text));
      // Not inside a longer name ("South China Agricultural University").
      bool part = !ctx.sports && region &&
                  Longest(at, w, pos, last, ctx).gaz == nullptr;
      for (size_t k = place.end + 1; part && k <= last; ++k) {
        part = !(w[k].is_word && (lex_.IsOrgSuffix(w[k].text) ||
                                  lex_.IsLocSuffix(w[k].text)));
      }
      if (school || part) {
        out.push_back(Make(at, w, pos, place.end,
                           school ? EntityType::kOrg : EntityType::kLoc, "",
                           school ? "org.team-school" : "loc.compass"));
        title.clear();
        honorific = false;
        pos = place.end + 1;
        continue;
      }
    }
    // "Interstate 35", "U.S. Route 66", "Georgia State Route 155": a road
    // named by its number.
    if (pos == first && last + 1 < w.size() &&
        (w[last].text == "Interstate" || w[last].text == "Route" ||
         w[last].text == "Highway") &&
        IsAsciiDigits(w[last + 1].text) &&
        w[last + 1].span.begin == w[last].span.end + 1) {
      bool road = true;
      for (size_t k = pos; k < last && road; ++k) {
        const GazetteerEntry* g = lex_.Find(w[k].text);
        road = !w[k].is_word || w[k].text == "U.S." || w[k].text == "State" ||
               w[k].text == "County" || w[k].text == "US" ||
               (g != nullptr && g->type == EntityType::kLoc);
      }
      if (road) {
        out.push_back(
            Make(at, w, pos, last + 1, EntityType::kLoc, "", "loc.road"));
        return;
      }
    }
    // "(Photo: Marcus Bell/KXAN)", "Photo by Jane Doe/Reuters": a credit
    // names the photographer and the agency; so does a given name and a
    // surname glued by a slash to an agency ("(Carlos Mendoza/Colombia
    // One)").
    if (pos == first && pos >= 2 && last > pos && !w[pos].possessive) {
      std::string_view cue = w[pos - 1].text == ":" || w[pos - 1].text == "by"
                                 ? w[pos - 2].text
                                 : std::string_view();
      bool slash_credit = false;
      if (lex_.IsGivenName(w[pos].text) && pos + 2 <= last &&
          w[pos + 2].text == "/" &&
          w[pos + 2].span.begin == w[pos + 1].span.end) {
        size_t close = last + 1;
        slash_credit = close < w.size() && (w[close].text == ")" ||
                                            w[close].text == ".");
      }
      if (cue == "Photo" || cue == "Photos" || cue == "Credit" ||
          cue == "Image" || cue == "Photograph" || cue == "Video" ||
          slash_credit) {
        size_t slash = pos;
        while (slash <= last && w[slash].text != "/") ++slash;
        size_t name_end = slash - 1;
        bool namelike = slash > pos + 1 && slash < last && slash <= pos + 4;
        for (size_t k = pos; k <= name_end && namelike; ++k) {
          namelike = w[k].is_word && LooksLikeNameWord(w[k]);
        }
        if (namelike) {
          out.push_back(Make(at, w, pos, name_end, EntityType::kPerson, "",
                             "person.credit"));
          Match agency = Longest(at, w, slash + 1, last, ctx);
          bool listed = agency.gaz != nullptr && agency.end == last;
          out.push_back(Make(at, w, slash + 1, last,
                             listed ? agency.gaz->type : EntityType::kOrg,
                             listed ? agency.gaz->canonical : "",
                             listed ? std::string(agency.gaz->rule)
                                    : std::string("org.credit")));
          return;
        }
      }
    }
    Match m = Longest(at, w, pos, last, ctx);
    if (m.gaz == nullptr && lex_.IsStopword(w[pos].text)) {
      ++pos;
      continue;
    }
    // "U.S. Attorney's Office for the Western District of New York",
    // "Mayor's Office": a title's possessive before an organization head
    // word names that office, with the place or title words before it.
    if (m.gaz == nullptr || m.gaz->type != EntityType::kOrg) {
      size_t k = pos;
      while (k < last && k < pos + 4 && w[k].is_word && w[k].cap &&
             !w[k].possessive) {
        ++k;
      }
      if (k < last && w[k].is_word && w[k].cap && w[k].possessive &&
          lex_.IsTitleTail(w[k].text) && w[k + 1].is_word && w[k + 1].cap &&
          lex_.IsOrgSuffix(w[k + 1].text)) {
        size_t end = OrgEnd(w, k + 1, last);
        out.push_back(
            Make(at, w, pos, end, EntityType::kOrg, "", "org.title-office"));
        title.clear();
        honorific = false;
        pos = end + 1;
        continue;
      }
    }
    // "University of Maryland", "Ministry of Foreign Affairs": a head word
    // with a connector phrase after it.
    if (m.gaz == nullptr && m.title == nullptr && !m.honorific &&
        lex_.IsOrgSuffix(w[pos].text) && pos < last && w[pos + 1].is_word &&
        !w[pos + 1].cap &&
        (lex_.IsConnector(w[pos + 1].text) ||
         (w[pos + 1].text == "to" && last > pos + 2)) &&
        !HeadingSentence(w, pos)) {
      out.push_back(
          Make(at, w, pos, last, EntityType::kOrg, "", "org.pattern"));
      pos = last + 1;
      continue;
    }
    // An organization head word after this point makes the whole stretch
    // one ORG ("Moscow Carnegie Center"), unless a title intervenes.
    size_t from = m.gaz ? m.end + 1 : pos + 1;
    // A known organization stays whole before another one ("White House
    // National Security Council" is two).
    bool whole_org =
        m.gaz != nullptr && m.gaz->type == EntityType::kOrg && !m.gaz->skip;
    if (m.title == nullptr && !m.honorific && !whole_org) {
      // "Division Chief Daniel Ruiz of the Austin Fire Department": after
      // a title or a given name, the name ends before a connector; a head
      // word after it heads another name.
      bool person_first = !title.empty() || honorific ||
                          (m.gaz == nullptr && lex_.IsGivenName(w[pos].text));
      for (size_t k = from; k <= last; ++k) {
        if (person_first && w[k].is_word && !w[k].cap) break;
        if (!w[k].is_word || !w[k].cap) continue;
        // "Leeds General Infirmary": a title word right before a head word
        // is part of the name.
        if (lex_.Title(w[k].text) != nullptr && !lex_.IsOrgSuffix(w[k].text) &&
            !(k < last && w[k + 1].cap && !w[k].possessive &&
              lex_.IsOrgSuffix(w[k + 1].text))) {
          break;
        }
        // "Markets Reporter", "Energy Desk": a job or desk of a byline,
        // common nouns before a newsroom head, no organization.
        if (m.gaz == nullptr && k == pos + 1 && k == last &&
            (w[k].text == "Reporter" || w[k].text == "Desk" ||
             w[k].text == "Correspondent" || w[k].text == "Editor") &&
            lex_.IsCommonWord(w[pos].text)) {
          pos = k + 1;
          goto next;
        }
        // "Treasury Cabinet Secretary John Mbadi": a head word that starts
        // a listed title is the title's, not the organization's.
        if (k > pos && StartsTitle(w, k, last)) break;
        if (lex_.IsOrgSuffix(w[k].text)) {
          size_t end = OrgEnd(w, k, last);
          // "Chinese Foreign Ministry", "the Nigerian Army": a nation's
          // adjective describes a state body, it is no part of its name
          // ("Chinese Foreign Minister" likewise).
          if (m.gaz != nullptr && m.gaz->type == EntityType::kNorp &&
              end == k && k > m.end && !w[m.end].possessive &&
              (w[k].text == "Ministry" || w[k].text == "Embassy" ||
               w[k].text == "Army" || w[k].text == "Navy" ||
               w[k].text == "Police" || w[k].text == "Parliament" ||
               w[k].text == "Government" || w[k].text == "Cabinet" ||
               (w[k].text == "Force" && w[k - 1].text == "Air")) &&
              !HeadingSentence(w, pos)) {
            out.push_back(Make(at, w, pos, m.end, EntityType::kNorp,
                               m.gaz->canonical, std::string(m.gaz->rule)));
            out.push_back(
                Make(at, w, m.end + 1, end, EntityType::kOrg, "", "org.suffix"));
            pos = end + 1;
            goto next;
          }
          // "US Justice Department", "the U.S. Food and Drug
          // Administration": a country before a listed organization says
          // whose it is (CoNLL-2003 tags the two apart); official names
          // that hold the country ("U.S. Geological Survey") are listed
          // whole and matched before.
          if (m.gaz != nullptr && m.gaz->type == EntityType::kLoc &&
              m.gaz->IsCountry() && k > m.end && !w[m.end].possessive &&
              !HeadingSentence(w, pos) && lex_.IsStateHead(w[end].text) &&
              // A place's own police ("Puerto Rico Police Department").
              w[m.end + 1].text != "Police") {
            const GazetteerEntry* listed = ListedOrg(at, w, m.end + 1, end, ctx);
            out.push_back(Make(at, w, pos, m.end, EntityType::kLoc,
                               m.gaz->canonical, std::string(m.gaz->rule)));
            out.push_back(Make(
                at, w, m.end + 1, end, EntityType::kOrg,
                listed != nullptr ? listed->canonical : "",
                listed != nullptr ? std::string(listed->rule) : "org.suffix"));
            pos = end + 1;
            goto next;
          }
          // "Rival General Motors said": a sentence-opening word before a
          // listed organization is no part of its name.
          if (m.gaz == nullptr && w[pos].sentence_start && pos + 1 < k &&
              lex_.IsCommonWord(w[pos].text) && !lex_.IsOrgSuffix(w[pos].text)) {
            if (const GazetteerEntry* listed =
                    ListedOrg(at, w, pos + 1, end, ctx)) {
              out.push_back(Make(at, w, pos + 1, end, EntityType::kOrg,
                                 listed->canonical,
                                 std::string(listed->rule)));
              pos = end + 1;
              goto next;
            }
          }
          size_t place_end = FacilityEnd(w, end, last);
          if (!HeadingSentence(w, pos) || m.gaz != nullptr) {
            out.push_back(
                place_end != end
                    ? Make(at, w, pos, place_end, EntityType::kLoc, "",
                           "loc.suffix")
                    : Make(at, w, pos, end, EntityType::kOrg, "", "org.suffix"));
          }
          end = place_end;
          pos = end + 1;
          goto next;
        }
      }
    }
    // "Rep. Alexandria Ocasio-Cortez": after a title, a one-word place
    // before another name word is the person's first name.
    if ((!title.empty() || honorific) && m.gaz != nullptr &&
        m.gaz->type == EntityType::kLoc && m.end == pos && pos < last &&
        !w[pos].possessive && w[pos + 1].is_word && w[pos + 1].cap &&
        LooksLikeNameWord(w[pos + 1]) && !lex_.IsLocSuffix(w[pos + 1].text) &&
        !lex_.IsOrgSuffix(w[pos + 1].text) &&
        lex_.Title(w[pos + 1].text) == nullptr) {
      m = Match{};
    }
    if (m.gaz != nullptr) {
      size_t end = m.end;
      std::string rule(m.gaz->rule);
      if (!m.gaz->skip) {
        while (m.gaz->type == EntityType::kLoc && end < last &&
               w[end + 1].is_word && lex_.IsLocSuffix(w[end + 1].text)) {
          ++end;
          rule = "loc.suffix";
        }
        // Sports copy: "Bristol City", "Mansfield Town": a place and
        // "City" or "Town" the lists do not know is a club.
        if (ctx.sports && rule == "loc.suffix" && end == m.end + 1 &&
            (w[end].text == "City" || w[end].text == "Town") &&
            !w[end].possessive && !m.gaz->IsCountry() &&
            !HeadingSentence(w, pos)) {
          out.push_back(Make(at, w, pos, end, EntityType::kOrg, "", "org.team"));
          title.clear();
          honorific = false;
          pos = end + 1;
          continue;
        }
        // "Amazon.com Inc", "Walt Disney Co.": a legal form after a known
        // organization is part of its name.
        while (m.gaz->type == EntityType::kOrg && !m.with_s && end < last &&
               !w[end].possessive && w[end + 1].is_word &&
               lex_.IsLegalForm(w[end + 1].text)) {
          ++end;
          rule = "org.legal-form";
        }
        // "Pixar Animation", "Sony Music Entertainment": head words right
        // after a known organization name a part of it.
        while (m.gaz->type == EntityType::kOrg && !m.with_s && end < last &&
               !w[end].possessive && w[end + 1].is_word &&
               w[end + 1].cap && lex_.IsOrgSuffix(w[end + 1].text) &&
               !lex_.IsLegalForm(w[end + 1].text) &&
               !StartsTitle(w, end + 1, last)) {
          ++end;
          rule = "org.suffix";
        }
        while (m.gaz->type == EntityType::kOrg && !m.with_s && end < last &&
               rule == "org.suffix" && !w[end].possessive &&
               w[end + 1].is_word && lex_.IsLegalForm(w[end + 1].text)) {
          ++end;
        }
        // "Federal Reserve Bank of New York": the head word's connector
        // phrase runs to the end of the chunk.
        // "Max Planck Institute for Evolutionary Anthropology": a listed
        // name ending in a head word is the start of a longer one when a
        // connector phrase follows inside the chunk.
        if ((rule == "org.suffix" ||
             (m.gaz->type == EntityType::kOrg && !m.with_s &&
              lex_.IsOrgSuffix(w[end].text))) &&
            !w[end].possessive) {
          size_t longer = OrgEnd(w, end, last);
          if (longer != end && rule != "org.suffix") rule = "org.suffix";
          end = longer;
        }
        // "Nissan North America Inc.": capitalized words between a known
        // organization and a legal form name a unit of it.
        if (m.gaz->type == EntityType::kOrg && !m.with_s &&
            !w[end].possessive && rule != "org.legal-form") {
          for (size_t k = end + 1; k <= last && k <= end + 4; ++k) {
            if (!w[k].is_word || !w[k].cap || (k < last && w[k].possessive)) {
              break;
            }
            if (lex_.IsLegalForm(w[k].text) && k > end + 1) {
              end = k;
              rule = "org.legal-form";
              break;
            }
          }
        }
        // "ACLU of New Mexico": a known organization, "of" and a listed
        // place ending the chunk is its chapter there.
        if (m.gaz->type == EntityType::kOrg && !m.with_s &&
            !w[end].possessive && end + 2 <= last && w[end + 1].text == "of" &&
            !HeadingSentence(w, pos)) {
          std::string buf;
          const GazetteerEntry* c = lex_.Find(KeyView(at, w, end + 2, last, buf));
          if (c != nullptr && !c->skip && c->type == EntityType::kLoc &&
              !c->needs_cue) {
            end = last;
            rule = "org.branch";
          }
        }
        // "Transparency International Georgia", "NHS England": a country
        // ending the chunk right after a known organization names its
        // national branch.
        // Not a modifier ("the NSC Ukraine expert").
        if (m.gaz->type == EntityType::kOrg && !m.with_s &&
            m.gaz->rule.starts_with("gaz.org") && !w[end].possessive &&
            end + 1 == last && w[last].is_word && !HeadingSentence(w, pos) &&
            // "Amnesty International Kenya director ...": a body named
            // "... International" has national branches whatever follows.
            (w[end].text == "International" ||
             last + 1 >= w.size() || !w[last + 1].is_word ||
             lex_.IsSpeechVerb(w[last + 1].text) ||
             lex_.IsOrgVerb(w[last + 1].text) || lex_.IsConnector(w[last + 1].text) ||
             w[last + 1].text == "has" || w[last + 1].text == "is" ||
             w[last + 1].text == "was" || w[last + 1].text == "will")) {
          const GazetteerEntry* c = lex_.Find(w[last].text);
          // "Entergy Arkansas": a company's unit in a state or region.
          if (c != nullptr && !c->skip && c->type == EntityType::kLoc &&
              (c->IsCountry() || (m.gaz->rule == "gaz.org-companies" &&
                                  c->rule == "gaz.loc-regions"))) {
            end = last;
            rule = "org.branch";
          }
        }
        // "Japanese Red Cross Kobe Hospital": capitalized words and a head
        // word after a known organization name a unit of it, unless they
        // start another known organization ("White House National
        // Security Council") or name a person or title.
        if (m.gaz->type == EntityType::kOrg && !m.with_s &&
            !w[end].possessive && rule != "org.legal-form" &&
            rule != "org.suffix" && end < last) {
          for (size_t k = end + 1; k <= last && k <= end + 3; ++k) {
            if (!w[k].is_word || !w[k].cap || w[k].possessive) break;
            if (k > end + 1 && lex_.IsOrgSuffix(w[k].text)) {
              Match nx = Longest(at, w, end + 1, last, ctx);
              bool other = nx.title != nullptr || nx.honorific ||
                           (nx.gaz != nullptr &&
                            nx.gaz->type != EntityType::kLoc);
              bool place = nx.gaz != nullptr && nx.gaz->type == EntityType::kLoc;
              if (!other &&
                  (place || !lex_.IsCommonWord(w[end + 1].text))) {
                end = OrgEnd(w, k, last);
                rule = "org.suffix";
              }
              break;
            }
          }
        }
        // "Dallas Cowboys", "Minnesota Wild": a place before a team name.
        if (m.gaz->type == EntityType::kLoc && !m.with_s) {
          if (size_t t = TeamEnd(at, w, end, last, ctx); t != 0) {
            out.push_back(
                Make(at, w, pos, t - 1, EntityType::kOrg, "", "org.team"));
            title.clear();
            honorific = false;
            pos = t;
            continue;
          }
        }
        // "Paris Agreement", "Boston Marathon", "Vietnam War": a place
        // before a treaty, event or war word names that (MISC), not the
        // place.
        if (m.gaz->type == EntityType::kLoc && !m.with_s &&
            !w[end].possessive && end < last && w[end + 1].is_word) {
          size_t tail = 0;
          if (lex_.IsMiscTail(w[end + 1].text)) {
            tail = end + 1;
          } else if (end + 2 <= last && w[end + 2].is_word &&
                     lex_.IsMiscTail(Key(at, w, end + 1, end + 2))) {
            tail = end + 2;
          }
          if (tail != 0 && !w[tail].possessive) {
            title.clear();
            honorific = false;
            pos = tail + 1;
            continue;
          }
        }
        EntityType type = m.gaz->type;
        if (type == EntityType::kOrg && !m.with_s) {
          if (size_t place_end = FacilityEnd(w, end, last); place_end != end) {
            out.push_back(Make(at, w, pos, place_end, EntityType::kLoc, "",
                               "loc.suffix"));
            title.clear();
            honorific = false;
            pos = place_end + 1;
            continue;
          }
        }
        // "Barcelona forward Lionel Messi", "Ohio State": a city before a
        // playing position and a name is its club; a US state before
        // "State" is its university (and its teams).
        if (type == EntityType::kLoc && !m.with_s && !w[end].possessive &&
            (m.gaz->rule == "gaz.loc-cities" ||
             m.gaz->rule == "gaz.geonames-city") &&
            end == last && end + 2 < w.size() && w[end + 1].is_word &&
            !w[end + 1].cap && lex_.IsSportsPosition(w[end + 1].text) &&
            ((w[end + 2].is_word && w[end + 2].cap) || ctx.sports) &&
            !HeadingSentence(w, pos)) {
          type = EntityType::kOrg;
          rule = "org.team-city";
        }
        // "Leeds beat Derby 2-1", "a win over Boston": in sports copy a city
        // that wins, loses or scores is its club (CoNLL-2003 tags clubs
        // ORG; countries stay places, as national teams are).
        // So is a city in a results line or standings row ("Leeds 0
        // Chelsea 3").
        if (type == EntityType::kLoc && !m.with_s &&
            !w[end].possessive && end == last && !m.gaz->IsCountry() &&
            ((!HeadingSentence(w, pos) && ctx.sports &&
              SportsResult(w, pos, end)) ||
             ScoreLineName(w, pos, end, ctx))) {
          type = EntityType::kOrg;
          rule = "org.sports-city";
        }
        // "the Denver Nuggets beat ... put Denver ahead": a team's place
        // alone is the team, not after a preposition of place ("at Ball
        // Arena in Denver").
        if (type == EntityType::kLoc && !m.with_s && end == last &&
            (!ctx.team_places.empty() || ctx.sports) &&
            !(pos > 0 && w[pos - 1].is_word &&
              (lex_.IsLocPreposition(w[pos - 1].text) ||
               w[pos - 1].text == "from")) &&
            !DatelinePlace(at, w, pos)) {
          std::string buf;
          std::string_view key = KeyView(at, w, pos, end, buf);
          auto it = ctx.team_places.find(key);
          // "Chelsea" of a listed "Chelsea FC" in sports copy.
          if (it != ctx.team_places.end() ||
              (ctx.sports && !m.gaz->IsCountry() && lex_.IsClubPlace(key))) {
            type = EntityType::kOrg;
            rule = "org.sports-city";
          }
        }
        if (type == EntityType::kLoc && m.gaz->rule == "gaz.loc-regions" &&
            !w[end].possessive && end < last && w[end + 1].text == "State" &&
            !w[end + 1].possessive &&
            (end + 1 == last || !lex_.IsOrgSuffix(w[end + 2].text)) &&
            m.gaz->canonical != "Washington" && m.gaz->canonical != "New York") {
          out.push_back(
              Make(at, w, pos, end + 1, EntityType::kOrg, "", "org.state-school"));
          title.clear();
          honorific = false;
          pos = end + 2;
          continue;
        }
        // "the Texas House", "the Ohio House": a state's lower chamber.
        if (type == EntityType::kLoc && m.gaz->rule == "gaz.loc-regions" &&
            !w[end].possessive && end < last && w[end + 1].text == "House" &&
            (end + 1 == last || w[end + 2].text == "of")) {
          size_t house = end + 1 == last ? end + 1 : last;
          out.push_back(
              Make(at, w, pos, house, EntityType::kOrg, "", "org.state-house"));
          title.clear();
          honorific = false;
          pos = house + 1;
          continue;
        }
        // "Washington said": a city that speaks means its government. The
        // guideline (and CoNLL) keep the literal type, LOC; the rule id
        // records the reading for consumers that want the institution.
        if (type == EntityType::kLoc && end == pos && !w[end].possessive &&
            (m.gaz->rule == "gaz.loc-cities" ||
             m.gaz->rule == "gaz.geonames-city") &&
            end + 1 < w.size() && w[end + 1].is_word &&
            lex_.IsSpeechVerb(w[end + 1].text)) {
          rule = "loc.government-metonymy";
        }
        Entity e = Make(at, w, pos, end, type, m.gaz->canonical, rule);
        if (m.with_s) {
          std::string_view tail = at.text.substr(e.span.end);
          e.span.end += tail.compare(0, 2, "'s") == 0 ? 2 : 4;  // ’s
          e.text = std::string(at.Slice(e.span));
        }
        out.push_back(std::move(e));
      }
      title.clear();
      honorific = false;
      pos = end + 1;
      continue;
    }
    // "Justice Department", "General Motors": a title word right before an
    // organization head word is part of the organization's name; "King
    // County": before a place head word it names a place.
    if (m.title != nullptr && m.end == pos && pos < last &&
        w[pos + 1].is_word && w[pos + 1].cap && !w[pos].possessive &&
        !HeadingSentence(w, pos) &&
        (lex_.IsOrgSuffix(w[pos + 1].text) || lex_.IsLocSuffix(w[pos + 1].text))) {
      bool org = lex_.IsOrgSuffix(w[pos + 1].text);
      size_t end = org ? OrgEnd(w, pos + 1, last) : pos + 1;
      out.push_back(Make(at, w, pos, end,
                         org ? EntityType::kOrg : EntityType::kLoc, "",
                         org ? "org.suffix" : "loc.suffix"));
      title.clear();
      honorific = false;
      pos = end + 1;
      continue;
    }
    if (m.title != nullptr) {
      title = *m.title;
      pos = m.end + 1;
      continue;
    }
    if (m.honorific) {
      honorific = true;
      pos = m.end + 1;
      continue;
    }
    {
      // A run of unknown capitalized words, up to the next known item.
      size_t end = pos;
      bool club = false;
      for (size_t k = pos + 1; k <= last; ++k) {
        // "Kayla Hutchins-Moore", "Pamela Rendi-Wagner": in a person's name
        // (a given name or a title first), a word glued by a hyphen to the
        // surname before it is part of the name, never a place of its own.
        if (w[k].is_word && w[k].cap && w[k - 1].text == "-" && k >= pos + 2 &&
            w[k - 1].span.begin == w[k - 2].span.end &&
            w[k].span.begin == w[k - 1].span.end && w[k - 2].is_word &&
            w[k - 2].cap && w[k - 2].text.size() > 2 && end == k - 2 &&
            (lex_.IsGivenName(w[pos].text) || !title.empty() || honorific)) {
          end = k;
          continue;
        }
        if (w[k].is_word && w[k].cap) {
          Match next = Longest(at, w, k, last, ctx);
          // Sports copy: "Dinamo Minsk", "Kairat Almaty": a club named by
          // one word and its city (a given name only before a major
          // city: "Jordan Henderson" stays a player).
          if (ctx.sports && k == pos + 1 && next.gaz != nullptr &&
              next.end == last && title.empty() && !honorific &&
              !next.gaz->skip && next.gaz->type == EntityType::kLoc &&
              !next.gaz->IsCountry() && !w[pos].possessive &&
              !w[pos].all_caps && LooksLikeNameWord(w[pos]) &&
              !lex_.IsCommonWord(w[pos].text) &&
              !lex_.IsFamilyName(w[pos].text) &&
              (next.gaz->rule == "gaz.loc-cities" ||
               (!lex_.IsGivenName(w[pos].text) &&
                next.gaz->rule == "gaz.geonames-city")) &&
              !HeadingSentence(w, pos)) {
            end = next.end;
            club = true;
            break;
          }
          // "Michael Jordan", "George Washington": a one-word place after a
          // lone given name or a title is the surname.
          bool surname =
              next.gaz != nullptr && next.end == k && end == pos &&
              !next.gaz->skip && next.gaz->type == EntityType::kLoc &&
              (lex_.IsGivenName(w[pos].text) || !title.empty() || honorific) &&
              (k == last || !lex_.IsOrgSuffix(w[k + 1].text));
          // "Michael R. Bloomberg": a listed one-word organization after a
          // given name and middle initials is the surname.
          bool initials = lex_.IsGivenName(w[pos].text) && end > pos;
          for (size_t q = pos + 1; q <= end && initials; ++q) {
            initials = w[q].is_word && w[q].text.size() == 2 &&
                       w[q].text[1] == '.';
          }
          surname = surname ||
                    (initials && next.gaz != nullptr && next.end == k &&
                     !next.gaz->skip && next.gaz->type == EntityType::kOrg &&
                     (k == last || (!lex_.IsOrgSuffix(w[k + 1].text) &&
                                    !lex_.IsLegalForm(w[k + 1].text))));
          if (surname) {
            end = k;
            continue;
          }
          // "Tampa Bay Buccaneers": a listed team nickname ends the run.
          if (next.gaz != nullptr && next.gaz->type == EntityType::kOrg &&
              lex_.IsTeamName(Key(at, w, k, next.end))) {
            end = next.end;
            break;
          }
          if (Matched(next)) break;
        }
        if (w[k].is_word && !w[k].cap) {
          // "Tsai Ing-wen": a lower-case syllable glued by a hyphen to a
          // name word (the chunker let it in) belongs to the name.
          bool syllable = k >= pos + 2 && w[k - 1].text == "-" &&
                          w[k - 1].span.begin == w[k - 2].span.end &&
                          w[k].span.begin == w[k - 1].span.end &&
                          w[k - 2].is_word && w[k - 2].cap;
          if (IsPatronymicTail(w[k].text)) {  // "Bakyt kyzy"
            end = k;
            continue;
          }
          // "Lula da Silva": a particle the chunker let in before a family
          // name.
          if (!syllable && IsPersonParticle(w[k].text) && k < last &&
              w[k + 1].is_word && w[k + 1].cap &&
              (lex_.IsGivenName(w[pos].text) || !title.empty() || honorific) &&
              !lex_.IsCommonWord(w[k + 1].text)) {
            continue;
          }
          if (!syllable) break;
          end = k;
          continue;
        }
        if (w[k].is_word) end = k;
      }
      // "the Argus Leader Monday": a day, month or other stop word does not
      // end a name.
      while (end > pos && w[end].is_word && lex_.IsStopword(w[end].text)) {
        --end;
        while (end > pos && !w[end].is_word) --end;
      }
      if (club) {
        out.push_back(Make(at, w, pos, end, EntityType::kOrg, "", "org.team"));
      } else if (title.empty() && !honorific && ScoreLineName(w, pos, end, ctx)) {
        out.push_back(
            Make(at, w, pos, end, EntityType::kOrg, "", "org.team-score"));
      } else {
        ClassifyRun(at, w, pos, end, last, title, honorific, ctx, out);
      }
      title.clear();
      honorific = false;
      pos = end + 1;
    }
  next:;
  }
}

void RuleEntityTagger::FindAcronymNames(const std::vector<Word>& w,
                                        DocContext& ctx) const {
  for (size_t p = 2; p + 2 < w.size(); ++p) {
    if (w[p].text != "(" || w[p + 2].text != ")" || !w[p + 1].all_caps) {
      continue;
    }
    std::string_view acro = w[p + 1].text;
    if (acro.size() < 2 || acro.size() > 8 ||
        !std::all_of(acro.begin(), acro.end(), [](char c) {
          return std::isupper(static_cast<unsigned char>(c)) != 0;
        })) {
      continue;
    }
    // Match the letters right to left against the initials of the words
    // before the bracket: capitalized words, lower-case connectors ("and",
    // "of") skipped, at most one capitalized word without its letter
    // inside the name ("New York State Attorney General (NYAG)").
    size_t need = acro.size();
    size_t k = p - 1;
    size_t start = 0;
    int skipped = 0, matched = 0;
    bool ok = w[k].is_word && w[k].cap && !w[k].possessive &&
              w[k].sentence == w[p].sentence;
    while (ok && need > 0) {
      const Word& x = w[k];
      if (x.is_word && x.cap) {
        if (x.text[0] == acro[need - 1]) {
          --need;
          ++matched;
          start = k;
        } else if (matched == 0 || ++skipped > 1) {
          ok = false;
          break;
        }
      } else if (!(lex_.IsConnector(x.text) && (x.text == "&" || x.is_word)) &&
                 // "Organization for Security and Co-operation in Europe"
                 !(x.text == "in" && matched > 0)) {
        ok = false;
        break;
      }
      if (need == 0) break;
      if (k == 0 || w[k - 1].sentence != w[p].sentence ||
          w[k - 1].possessive) {
        ok = false;
        break;
      }
      --k;
    }
    if (!ok || need != 0 || matched < 2) continue;
    // "U.S. Customs and Border Protection (CBP)": a country written before
    // the name is part of it.
    if (start > 0 && w[start - 1].is_word && w[start - 1].cap &&
        (w[start - 1].sentence == w[p].sentence ||
         w[start - 1].text.back() == '.')) {
      const GazetteerEntry* g = lex_.Find(w[start - 1].text);
      if (g != nullptr && !g->skip && g->type == EntityType::kLoc &&
          g->rule == "gaz.loc-countries") {
        --start;
      }
    }
    // Techniques, programmes and laws are no organizations ("Magnetic
    // Recording", "Affordable Care Act").
    std::string_view head = w[p - 1].text;
    if (head.ends_with("ing") || lex_.IsMiscHead(head)) {
      ctx.model_prefixes.insert(acro);
      continue;
    }
    ctx.acronym_names[start] = p - 1;
  }
}

namespace {

// A name the first pass found holds for the whole document (`orgs` keeps
// organizations and the places a cue found).
void AddDocName(DocContext& ctx, std::string key, EntityType type,
                const std::string& canonical, std::string_view rule) {
  if (key.empty()) return;
  size_t words = 1;
  for (char c : key) words += c == ' ' || c == '-' || c == '/' || c == '.';
  ctx.org_words = std::max(ctx.org_words, words);
  ctx.org_first_words.emplace(Lexicon::FirstWordOf(key));
  ctx.orgs.try_emplace(std::move(key), GazetteerEntry{type, canonical, rule});
}

}  // namespace

// The members of a list of names are names of one kind ("clients such as
// Ford, Macy's, Kellogg's, NBC, Fox and others"; "in Osh, Jalal-Abad and
// Batken"): when two or more members are organizations (or places) the
// first pass found and no member is of another kind, or a plural noun
// before "such as", "like" or "including" names their kind ("lenders like
// Zions and KeyCorp"), the other capitalized members are organizations
// (places) too, everywhere in the document. Persons are left alone: a
// list of persons names them by their given names, which the person
// rules see anyway.
void RuleEntityTagger::LearnLists(const AnalyzedText& at,
                                  const std::vector<Word>& w,
                                  const std::vector<Entity>& found,
                                  DocContext& ctx) const {
  if (w.size() < 4) return;
  // Word index -> the found entity starting there.
  std::vector<int> starts(w.size(), -1);
  for (size_t k = 0; k < found.size(); ++k) {
    auto it = std::lower_bound(
        w.begin(), w.end(), found[k].span.begin,
        [](const Word& x, size_t pos) { return x.span.begin < pos; });
    if (it != w.end() && it->span.begin == found[k].span.begin) {
      starts[static_cast<size_t>(it - w.begin())] = static_cast<int>(k);
    }
  }
  struct Member {
    size_t a = 0, b = 0;  // word range
    int entity = -1;      // index into `found`, or -1 (untagged)
  };
  auto is_or = [](std::string_view t) { return t == "and" || t == "or"; };
  for (size_t i = 0; i < w.size(); ++i) {
    if (!w[i].cap || !w[i].is_word || w[i].caps_line || w[i].heading) continue;
    std::vector<Member> list;
    size_t commas = 0;
    size_t k = i;
    bool last_member = false;
    while (k < w.size() && w[k].cap && w[k].is_word) {
      Member m{k, k, starts[k]};
      if (m.entity >= 0) {
        while (m.b + 1 < w.size() &&
               w[m.b + 1].span.end <= found[m.entity].span.end) {
          ++m.b;
        }
      } else {
        while (m.b + 1 < w.size() && w[m.b + 1].cap && w[m.b + 1].is_word &&
               !w[m.b].possessive && starts[m.b + 1] < 0 &&
               w[m.b + 1].sentence == w[k].sentence) {
          ++m.b;
        }
      }
      list.push_back(m);
      size_t n = m.b + 1;
      if (last_member || n >= w.size()) break;
      if (w[n].text == ",") {
        ++commas;
        ++n;
        if (n < w.size() && is_or(w[n].text)) {
          ++n;
          last_member = true;
        }
      } else if (is_or(w[n].text)) {
        ++n;
        last_member = true;
      } else {
        break;
      }
      if (n >= w.size() || w[n].sentence != w[k].sentence) break;
      k = n;
    }
    size_t end = list.back().b;
    // "lenders such as Zions and KeyCorp", "startups including Qwirl,
    // Paxos and StraitsX": a plural organization noun before "such as",
    // "including" or "like" says what the members are.
    bool kind_named = false;
    bool kind_place = false;
    {
      size_t s = list.front().a;
      size_t noun = 0;
      if (s >= 3 && w[s - 1].text == "as" && w[s - 2].text == "such") {
        noun = s - 3;
      } else if (s >= 2 && (w[s - 1].text == "including" ||
                            w[s - 1].text == "like")) {
        noun = s - 2;
      }
      if (noun > 0 && w[noun].is_word && !w[noun].cap &&
          w[noun].text.size() > 3 && w[noun].text.back() == 's') {
        std::string_view t = w[noun].text;
        std::string singular(t.substr(0, t.size() - 1));
        if (t.ends_with("ies")) {
          singular = std::string(t.substr(0, t.size() - 3)) + "y";
        }
        kind_named = lex_.IsOrgCue(singular);
        // "towns such as Farchana and Iriba": places.
        kind_place = singular == "country" || singular == "city" ||
                     singular == "town" || singular == "village" ||
                     singular == "region" || singular == "province" ||
                     singular == "district";
      }
    }
    if ((list.size() < 3 || commas == 0) &&
        !((kind_named || kind_place) && list.size() >= 2)) {
      i = std::max(i, list.front().b);
      continue;
    }
    size_t orgs = 0, locs = 0, others = 0;
    for (const Member& m : list) {
      if (m.entity < 0) continue;
      EntityType t = found[m.entity].type;
      orgs += t == EntityType::kOrg;
      locs += t == EntityType::kLoc;
      others += t != EntityType::kOrg && t != EntityType::kLoc;
    }
    EntityType type = EntityType::kOrg;
    std::string_view rule = "org.list";
    bool mixed = others > 0 || (orgs > 0 && locs > 0) ||
                 (kind_place && orgs > 0) || (kind_named && locs > 0);
    bool enough = orgs + locs >= 2 || kind_named || kind_place;
    if (mixed || !enough) {
      i = end;
      continue;
    }
    if (locs > 0 || kind_place) {
      type = EntityType::kLoc;
      rule = "loc.list";
    }
    for (const Member& m : list) {
      if (m.entity >= 0 || m.b - m.a > 3) continue;
      // A sentence-opening dictionary word ("Meanwhile") or a stop word
      // ("March") is no name; nor are words the document writes as a
      // person's.
      if ((w[m.a].sentence_start && lex_.IsCommonWord(w[m.a].text)) ||
          w[m.a].all_caps != w[m.b].all_caps) {
        continue;
      }
      // Nor a person's name ("Harris, Oubre Jr., Covington and Batum").
      std::string key = Key(at, w, m.a, m.b);
      if (lex_.IsStopword(key) || ctx.person_words.count(key) != 0 ||
          lex_.IsNameSuffix(w[m.b].text) || lex_.IsGivenName(w[m.a].text)) {
        continue;
      }
      AddDocName(ctx, key, type, key, rule);
    }
    i = end;
  }
}

void RuleEntityTagger::Learn(const AnalyzedText& at, const std::vector<Word>& w,
                             const std::vector<Entity>& found,
                             DocContext& ctx) const {
  for (const Entity& e : found) {
    if (e.type == EntityType::kLoc && e.text.size() < 64) {
      ctx.found_places.insert(NormalizeSpaces(e.text));
    }
  }
  for (const Entity& e : found) {
    if (e.type != EntityType::kPerson) continue;
    std::vector<std::string_view> parts = SplitName(e.text);
    // "President Trump" makes a later sentence-initial "Trump" a person.
    if (parts.size() == 1 &&
        (e.rule == "person.title" || e.rule == "person.honorific" ||
         e.rule == "person.who")) {
      ctx.person_words.try_emplace(e.text, e.text);
      continue;
    }
    if (parts.size() < 2) continue;
    bool namelike =
        std::all_of(parts.begin(), parts.end(), [](std::string_view p) {
          Word probe;
          probe.text = p;
          probe.all_caps =
              p.size() >= 2 && std::all_of(p.begin(), p.end(), [](char c) {
                return !std::islower(static_cast<unsigned char>(c));
              });
          return LooksLikeNameWord(probe);
        });
    if (!namelike) continue;
    for (std::string_view p : parts) {
      auto [it, inserted] =
          ctx.person_words.try_emplace(std::string(p), e.text);
      if (!inserted && it->second != e.text) {
        // Keep the longer name when one contains the other, else ambiguous.
        if (it->second.find(e.text) != std::string::npos) continue;
        if (e.text.find(it->second) != std::string::npos) {
          it->second = e.text;
        } else if (p == parts.back() && IsFamilyNameOf(it->second, p)) {
          // "Imran Khan" then "Gohar Ali Khan": a family name two persons
          // share stays a person's, the one named first (the story's
          // subject, as news copy writes it).
        } else {
          it->second.clear();
        }
      }
    }
  }
  // Organizations found by rules (the lists find theirs anyway) hold for
  // the whole document; a team's nickname alone names the team.
  auto add_org = [&ctx](std::string key, const std::string& canonical) {
    AddDocName(ctx, std::move(key), EntityType::kOrg, canonical, "org.doc");
  };
  // Places found by a cue ("in Barin", "Qelvorn, a village") are places
  // everywhere in the document, also where no cue stands.
  for (const Entity& e : found) {
    if (e.type != EntityType::kLoc) continue;
    std::string_view rule = e.rule;
    if (rule != "loc.cue" && rule != "loc.apposition" && rule != "loc.prefix") {
      continue;
    }
    std::string key = NormalizeSpaces(e.text);
    if (ctx.person_words.count(key) != 0) continue;
    AddDocName(ctx, std::move(key), EntityType::kLoc, e.canonical, "loc.doc");
  }
  LearnLists(at, w, found, ctx);
  for (const Entity& e : found) {
    if (e.type != EntityType::kOrg) continue;
    std::string_view rule = e.rule;
    // "Ford Motor Co." listed as "Ford": the short name the list gives is
    // the company in this document ("Ford's joint venture").
    if ((rule.substr(0, 8) == "gaz.org-" || rule == "org.legal-form") &&
        e.canonical.size() + 1 < e.text.size() &&
        e.text.compare(0, e.canonical.size(), e.canonical) == 0 &&
        e.text[e.canonical.size()] == ' ' &&
        e.canonical.find(' ') == std::string::npos &&
        ctx.person_words.count(e.canonical) == 0) {
      add_org(e.canonical, e.canonical);
    }
    // In sports copy a listed club teaches its short forms as a club the
    // rules found does ("Bristol City" -> "City").
    bool listed_club = rule == "gaz.org-sports" && ctx.sports;
    if (!listed_club &&
        (rule.substr(0, 4) == "gaz." || rule.substr(0, 8) == "acronym." ||
         rule == "org.acronym" || rule == "org.doc")) {
      continue;
    }
    std::string key = NormalizeSpaces(e.text);
    // "a spokeswoman for Neumann" after "Adam Neumann": a person's name
    // found by a weak organization cue stays the person's.
    // So is a word of two persons' names ("Tursun said" after "Mihriban
    // Tursun" and "Abdurehim Tursun").
    bool person_name = true;
    for (std::string_view p : SplitName(key)) {
      person_name = person_name && ctx.person_words.count(p) != 0;
    }
    if (person_name) continue;
    // Sports copy: a city that won, lost or scored is its club all
    // through the document ("Bristol City 2-1 Sunderland" ... "Sunderland
    // boss Regis Le Bris").
    if (rule == "org.sports-city" && ctx.sports) {
      ctx.team_places.try_emplace(key, e.canonical);
    }
    if (rule == "org.team" || listed_club) {
      // "Minnesota Wild" -> "Wild": what follows the longest place prefix.
      for (size_t sp = key.rfind(' '); sp != std::string::npos && sp > 0;
           sp = key.rfind(' ', sp - 1)) {
        const GazetteerEntry* g = lex_.Find(std::string_view(key).substr(0, sp));
        if (g != nullptr && g->type == EntityType::kLoc && !g->skip) {
          if (ctx.sports && !g->IsCountry()) {
            ctx.team_places.try_emplace(key.substr(0, sp), e.canonical);
          }
          add_org(key.substr(sp + 1), e.canonical);
          break;
        }
      }
      // "Kairat Almaty" -> "Kairat": the club's word before its city.
      if (size_t sp = key.find(' '); sp != std::string::npos &&
                                     key.find(' ', sp + 1) == std::string::npos) {
        const GazetteerEntry* g = lex_.Find(std::string_view(key).substr(sp + 1));
        if (g != nullptr && g->type == EntityType::kLoc && !g->skip &&
            lex_.Find(std::string_view(key).substr(0, sp)) == nullptr) {
          add_org(key.substr(0, sp), e.canonical);
        }
      }
    }
    if (!listed_club) add_org(key, e.canonical);
  }
  // "Ithaca Holdings", "The Carlyle Group", "Apple Inc.": the name without
  // its legal form is the same company later in the document ("Ithaca",
  // "Carlyle"), even where the bare word is also a place.
  for (const Entity& e : found) {
    if (e.type != EntityType::kOrg) continue;
    std::string key = NormalizeSpaces(e.text);
    std::vector<std::string_view> parts = SplitName(key);
    size_t n = parts.size();
    bool cut = false;
    while (n > 1 && lex_.IsLegalForm(parts[n - 1])) {
      --n;
      cut = true;
    }
    size_t from = (parts[0] == "The" || parts[0] == "the") ? 1 : 0;
    // "Dresdner Bank", "Nomura Securities": one distinctive word before a
    // head word is the firm's short name too ("Dresdner said"), when it is
    // no dictionary word, given name or listed name.
    if (!cut && n == from + 2 && lex_.IsOrgSuffix(parts[n - 1]) &&
        !lex_.IsCommonWord(parts[from]) && !lex_.IsGivenName(parts[from]) &&
        lex_.Find(parts[from]) == nullptr && parts[from].size() > 3) {
      --n;
      cut = true;
    }
    if (!cut || n <= from) continue;
    std::string_view stem_last = parts[n - 1];
    if (!stem_last.empty() && stem_last.back() == ',') {
      stem_last.remove_suffix(1);
    }
    size_t stem_begin = static_cast<size_t>(parts[from].data() - key.data());
    size_t stem_end =
        static_cast<size_t>(stem_last.data() + stem_last.size() - key.data());
    std::string stem = key.substr(stem_begin, stem_end - stem_begin);
    if (stem.empty() || stem.back() == '&') continue;
    const GazetteerEntry* g = lex_.Find(stem);
    // Not a country or region ("Russia Holdings"), nor a known name.
    if (g != nullptr && (g->type != EntityType::kLoc ||
                         g->rule == "gaz.loc-countries" ||
                         g->rule == "gaz.loc-regions" || !g->needs_cue)) {
      continue;
    }
    if (ctx.person_words.count(stem) != 0 || lex_.IsStopword(stem)) continue;
    add_org(stem, e.canonical);
  }
  // Acronym definitions: "Shanghai Cooperation Organization (SCO)".
  size_t wi = 0;
  for (const Entity& e : found) {
    if (e.type == EntityType::kPerson || e.type == EntityType::kNorp) continue;
    while (wi < w.size() && w[wi].span.begin < e.span.end) ++wi;
    if (wi + 2 >= w.size()) break;
    if (w[wi].text != "(" || !w[wi + 1].all_caps || w[wi + 2].text != ")") {
      continue;
    }
    std::string_view acro = w[wi + 1].text;
    // The name's initials spell the acronym (FindAcronymNames checked
    // them, "U.S. Customs and Border Protection (CBP)"), or at least its
    // first letter does.
    bool spelt = false;
    for (const auto& [first_word, last_word] : ctx.acronym_names) {
      spelt = spelt || (last_word + 1 == wi && w[first_word].span.begin >=
                                                   e.span.begin);
    }
    if (acro.empty() || e.text.empty() || (acro[0] != e.text[0] && !spelt)) {
      continue;
    }
    ctx.acronyms.insert_or_assign(
        std::string(acro),
        GazetteerEntry{e.type, e.canonical, "acronym.defined", false});
  }
  (void)at;
}

void RuleEntityTagger::DropLanguages(const std::vector<Word>& w,
                                     std::vector<Entity>& out) const {
  // (entity, word) of each one-word NORP mention that could be a language.
  std::vector<std::pair<size_t, size_t>> cand;
  size_t k = 0;
  for (size_t e = 0; e < out.size(); ++e) {
    if (out[e].type != EntityType::kNorp || !lex_.IsLanguage(out[e].text)) {
      continue;
    }
    while (k < w.size() && w[k].span.begin < out[e].span.begin) ++k;
    if (k < w.size() && w[k].span.begin == out[e].span.begin &&
        w[k].span.end == out[e].span.end && !w[k].possessive) {
      cand.emplace_back(e, k);
    }
  }
  auto lower = [&](size_t i) { return w[i].is_word && !w[i].cap; };
  std::vector<bool> drop(out.size(), false);
  for (size_t c = 0; c < cand.size();) {
    // A coordinated run of them: "English, Vietnamese and Spanish".
    size_t d = c;
    while (d + 1 < cand.size()) {
      size_t from = cand[d].second + 1, to = cand[d + 1].second;
      bool joined = to > from && w[to].sentence == w[from].sentence;
      for (size_t i = from; i < to && joined; ++i) {
        joined = w[i].text == "," || w[i].text == "and" || w[i].text == "or";
      }
      if (!joined) break;
      ++d;
    }
    size_t first = cand[c].second, last = cand[d].second;
    size_t n = last + 1;
    bool same = n < w.size() && w[n].sentence == w[last].sentence;
    // "Russian-language", "Russian-speaking": a compound, left as it is.
    bool glued = same && !w[n].is_word &&
                 w[n].span.begin == w[last].span.end &&
                 (w[n].text == "-" || w[n].text == "/");
    bool noun_after = same && lower(n) && lex_.IsLanguageNoun(w[n].text);
    // Nothing after that the word could describe ("in English football"):
    // the end, punctuation, a capital, a preposition or connector.
    bool free_after = !same || !w[n].is_word ||
                      lex_.IsConnector(w[n].text) ||
                      lex_.IsLocPreposition(w[n].text) ||
                      lex_.IsLanguageCue(w[n].text);
    bool cue_before = first > 0 && lower(first - 1) &&
                      w[first - 1].sentence == w[first].sentence &&
                      lex_.IsLanguageCue(w[first - 1].text);
    if (!glued && (noun_after || (cue_before && free_after))) {
      for (size_t i = c; i <= d; ++i) drop[cand[i].first] = true;
    }
    c = d + 1;
  }
  size_t kept = 0;
  for (size_t e = 0; e < out.size(); ++e) {
    if (drop[e]) continue;
    if (kept != e) out[kept] = std::move(out[e]);
    ++kept;
  }
  out.resize(kept);
}

bool RuleEntityTagger::SportsResult(const std::vector<Word>& w, size_t a,
                                    size_t b) const {
  auto same = [&](size_t k) { return w[k].sentence == w[a].sentence; };
  if (b + 1 < w.size() && same(b + 1) && w[b + 1].is_word) {
    std::string_view n = w[b + 1].text;
    if (lex_.IsSportsVerb(n)) return true;
    // "Boston 3 Chicago 2": a score right after the name.
    if (n.size() <= 3 && IsAsciiDigits(n)) return true;
  }
  if (a == 0 || !same(a - 1) || !w[a - 1].is_word) return false;
  std::string_view p = w[a - 1].text;
  if (lex_.IsSportsVerb(p)) return true;
  if (p != "over" && p != "to" && p != "with") return false;
  // "a win over Boston", "lost to Chicago", "drew with Chelsea", "drew 1-1
  // with Chelsea": a result word up to five words before.
  for (size_t k = a - 1; k-- > 0 && k + 6 >= a && same(k);) {
    if (w[k].is_word && lex_.IsSportsVerb(w[k].text)) return true;
    if (w[k].is_word && !std::isdigit(static_cast<unsigned char>(w[k].text[0]))) {
      break;
    }
  }
  return false;
}

bool RuleEntityTagger::ScoreLineName(const std::vector<Word>& w, size_t a,
                                     size_t b, const DocContext& ctx) {
  // A score after the name, or before it ("Bristol City 2-1 Sunderland").
  bool score_after = b + 1 < w.size() && IsAsciiDigits(w[b + 1].text) &&
                     w[b + 1].sentence == w[a].sentence;
  bool score_before = a > 0 && IsAsciiDigits(w[a - 1].text) &&
                      w[a - 1].sentence == w[a].sentence;
  if (!score_after && !score_before) return false;
  size_t first = a;
  while (first > 0 && w[first - 1].sentence == w[a].sentence) --first;
  size_t end = b;
  while (end + 1 < w.size() && w[end + 1].sentence == w[a].sentence) ++end;
  // Name words and scores alternate: Name+ N Name+ N, nothing else but
  // a final full stop.
  int names = 0, scores = 0;
  bool in_name = false;
  for (size_t k = first; k <= end; ++k) {
    if (!w[k].is_word) {
      if (k == end && w[k].text == ".") break;
      // "Bristol City 2-1 Sunderland": a dash between two scores.
      if ((w[k].text == "-" || w[k].text == "\xE2\x80\x93") && k > first &&
          k < end && IsAsciiDigits(w[k - 1].text) &&
          IsAsciiDigits(w[k + 1].text)) {
        continue;
      }
      return false;
    }
    if (IsAsciiDigits(w[k].text)) {
      if (names == 0) return false;
      ++scores;
      in_name = false;
    } else if (w[k].cap && !w[k].possessive) {
      names += !in_name;
      in_name = true;
    } else {
      return false;
    }
  }
  // A standings row in sports copy: "Barnsley 5 4 1 0 11 4 13".
  return (names == 2 && scores == 2) ||
         (ctx.sports && names == 1 && scores >= 3 && first == a);
}

size_t RuleEntityTagger::TeamEnd(const AnalyzedText& at,
                                 const std::vector<Word>& w, size_t place_end,
                                 size_t last, const DocContext& ctx) const {
  size_t k = place_end + 1;
  if (k > last || w[place_end].possessive || !w[k].is_word || !w[k].cap) {
    return 0;
  }
  for (size_t e = std::min(last, k + 2) + 1; e-- > k;) {
    if (w[e].is_word && lex_.IsTeamName(Key(at, w, k, e))) return e + 1;
  }
  if (!ctx.sports || last > k + 1) return 0;
  // Sports copy: one or two unknown name words to the chunk's end, the
  // last a plural ("Michigan Wolverines", "Oregon Ducks").
  for (size_t i = k; i <= last; ++i) {
    if (!w[i].is_word || !LooksLikeNameWord(w[i]) ||
        lex_.Find(w[i].text) != nullptr || lex_.IsLocSuffix(w[i].text) ||
        lex_.IsOrgSuffix(w[i].text) || lex_.IsStopword(w[i].text)) {
      return 0;
    }
  }
  std::string_view t = w[last].text;
  if (t.size() < 4 || t.back() != 's' || t[t.size() - 2] == 's') return 0;
  return last + 1;
}

}  // namespace entities_internal

Result<std::unique_ptr<EntityTagger>> EntityTagger::Create(
    const std::string& lang_dir, const std::string& share_dir) {
  Result<Lexicon> lex = LoadLexicon(lang_dir, share_dir);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<EntityTagger>(
      new entities_internal::RuleEntityTagger(std::move(lex).value()));
}

}  // namespace newsfacts
