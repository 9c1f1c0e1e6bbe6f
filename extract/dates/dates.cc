// The rule-based DateTagger: every rule in rules.cc proposes candidates over
// the whole text; the longest non-overlapping ones win; then three passes
// widen them with TIMEX3 modifiers, join "from X to Y" ranges, and give
// clock times the day they fall on.
#include "extract/dates/dates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>

#include <re2/set.h>

#include "extract/dates/calendar.h"
#include "extract/dates/lexicon.h"
#include "extract/dates/rules.h"
#include "extract/dates/values.h"
#include "extract/text/text.h"

namespace newsfacts {
namespace {

using dates::DateLexicon;
using dates::MatchContext;
using dates::RuleSet;

// True when the code points on either side of `s` would glue it to a
// longer word ("Bnow", "марта" inside "мартаX"): a Unicode-aware \b.
bool InsideWord(std::string_view text, Span s) {
  if (s.size() == 0) return false;
  auto alnum = [](UChar32 c) { return c >= 0 && u_isalnum(c); };
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t len = static_cast<int32_t>(text.size());
  UChar32 first, last, before = -1, after = -1;
  int32_t i = static_cast<int32_t>(s.begin);
  U8_NEXT(p, i, len, first);
  i = static_cast<int32_t>(s.end);
  U8_PREV(p, 0, i, last);
  if (s.begin > 0) {
    i = static_cast<int32_t>(s.begin);
    U8_PREV(p, 0, i, before);
  }
  if (s.end < text.size()) {
    i = static_cast<int32_t>(s.end);
    U8_NEXT(p, i, len, after);
  }
  return (alnum(first) && alnum(before)) || (alnum(last) && alnum(after));
}

// Year and month of a DATE value ("1997" -> 1997/0, "2022-01" -> 2022/1).
bool YearMonth(const std::string& v, int& year, int& month) {
  if (v.size() < 4 || !std::all_of(v.begin(), v.begin() + 4, ::isdigit))
    return false;
  year = std::stoi(v.substr(0, 4));
  month = 0;
  if (v.size() >= 7 && v[4] == '-' && std::isdigit(v[5]) && std::isdigit(v[6]))
    month = std::stoi(v.substr(5, 2));
  return true;
}

// Days from one full-date value to another, or 0 unless both are full
// dates in one month.
int64_t DayCount(const std::string& a, const std::string& b) {
  auto da = CivilDay::FromIso(a), db = CivilDay::FromIso(b);
  if (a.size() != 10 || b.size() != 10 || !da || !db ||
      a.substr(0, 7) != b.substr(0, 7))
    return 0;
  return DaysFromCivil(*db) - DaysFromCivil(*da);
}

class RuleDateTagger : public DateTagger {
 public:
  explicit RuleDateTagger(DateLexicon lex)
      : lex_(std::move(lex)), rules_(dates::BuildRules(lex_)) {}

  Status Check() const {
    for (const auto& r : rules_.rules)
      if (!r.re->ok())
        return Status::Internal("date rule " + r.id + ": " + r.re->error());
    return Status::OK();
  }

  std::vector<DateMention> Tag(const AnalyzedText& text,
                               std::optional<CivilDay> doc) const override {
    std::vector<DateMention> found = Candidates(text, doc);
    found = Select(std::move(found));
    found = JoinWeekdayDates(text, std::move(found));
    AddModifiers(text, found);
    found = JoinRanges(text, std::move(found));
    DropDeterminers(text, found);
    DateTimes(text, doc, found);
    Anchor(text, doc, found);
    for (auto& m : found) m.text = std::string(text.Slice(m.span));
    return found;
  }

 private:
  std::vector<DateMention> Candidates(const AnalyzedText& text,
                                      std::optional<CivilDay> doc) const {
    std::vector<DateMention> out;
    // Tense cues of each sentence, found once: (span, future?).
    std::vector<std::optional<std::vector<std::pair<Span, bool>>>> cues(
        text.sentences.size());
    const re2::StringPiece input(text.text.data(), text.text.size());
    // Which rules can match at all (all of them when the set is missing
    // or fails on this text).
    std::vector<char> runs(rules_.rules.size(), 1);
    std::call_once(any_rule_once_, [this] { BuildAnyRule(); });
    if (any_rule_) {
      std::vector<int> hits;
      RE2::Set::ErrorInfo err{};
      if (any_rule_->Match(input, &hits, &err)) {
        std::fill(runs.begin(), runs.end(), 0);
        for (int h : hits) runs[static_cast<size_t>(h)] = 1;
      } else if (err.kind == RE2::Set::kNoError) {
        return out;  // no rule matches anywhere
      }
    }
    for (size_t ri = 0; ri < rules_.rules.size(); ++ri) {
      if (!runs[ri]) continue;
      const auto& rule = rules_.rules[ri];
      const int n = rule.re->NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> groups(n);
      size_t pos = 0;
      while (pos <= text.text.size() &&
             rule.re->Match(input, pos, input.size(), RE2::UNANCHORED,
                            groups.data(), n)) {
        const size_t begin = groups[0].data() - text.text.data();
        const size_t end = begin + groups[0].size();
        pos = end > begin ? end : begin + 1;
        MatchContext c;
        c.text = &text;
        c.doc_date = doc;
        for (const auto& g : groups)
          c.groups.emplace_back(g.data() ? std::string_view(g.data(), g.size())
                                         : std::string_view());
        const std::string_view ext = c.groups[rule.extent_group];
        if (ext.empty()) continue;
        const size_t sentence =
            text.sentences.empty()
                ? 0
                : text.SentenceAt(c.Offset(rule.extent_group));
        if (sentence < cues.size()) {
          if (!cues[sentence]) cues[sentence] = TenseCues(text, sentence);
          // The cue nearest to the mention decides: "shelved its plans on
          // September 30" is past, "said the vote will be on Friday" future.
          const size_t at = c.Offset(rule.extent_group);
          size_t best = std::string::npos;
          c.past = c.future = false;
          const size_t at_end = at + ext.size();
          for (const auto& [cue, fut] : *cues[sentence]) {
            const size_t d = cue.end <= at ? at - cue.end
                             : cue.begin >= at_end ? cue.begin - at_end
                                                   : 0;
            if (d < best) {
              best = d;
              c.future = fut;
              c.past = !fut;
            }
          }
          const size_t from = at > 24 ? at - 24 : 0;
          const std::string_view sentence_text =
              text.Slice(text.sentences[sentence]);
          if (RE2::PartialMatch(text.text.substr(from, at - from),
                                *rules_.report_before) ||
              (best == std::string::npos &&
               RE2::PartialMatch(sentence_text, *rules_.report_cue))) {
            c.past = true;
            c.future = false;
          }
        }
        DateMention m;
        m.rule = rule.id;
        if (!rule.make(c, m) || m.value.empty()) continue;
        const size_t b = c.Offset(rule.extent_group);
        m.span = Span{b, b + ext.size()};
        if (InsideWord(text.text, m.span)) continue;
        // A kR/trailing boundary char may have been consumed: continue
        // right after the extent so adjacent mentions are still seen.
        pos = std::max(m.span.end, begin + 1);
        out.push_back(std::move(m));
      }
    }
    return out;
  }

  // Future cues come first so that they win ties.
  std::vector<std::pair<Span, bool>> TenseCues(const AnalyzedText& text,
                                               size_t sentence) const {
    std::vector<std::pair<Span, bool>> out;
    const std::string_view s = text.Slice(text.sentences[sentence]);
    for (const auto& [re, fut] :
         {std::pair{rules_.future_cue.get(), true},
          std::pair{rules_.past_cue.get(), false}}) {
      re2::StringPiece input(s.data(), s.size());
      re2::StringPiece match;
      size_t pos = 0;
      while (pos <= s.size() &&
             re->Match(input, pos, s.size(), RE2::UNANCHORED, &match, 1)) {
        const size_t b = match.data() - text.text.data();
        out.emplace_back(Span{b, b + match.size()}, fut);
        pos = match.size() ? match.data() - s.data() + match.size()
                           : match.data() - s.data() + 1;
        // The empty pattern of a language without cues matches everywhere;
        // one hit is enough to say "past".
        if (match.empty()) break;
      }
    }
    return out;
  }

  // Longest candidates first; a candidate overlapping a chosen one is
  // dropped. Ties go to the earlier rule in the table.
  static std::vector<DateMention> Select(std::vector<DateMention> all) {
    std::stable_sort(all.begin(), all.end(),
                     [](const DateMention& a, const DateMention& b) {
                       if (a.span.size() != b.span.size())
                         return a.span.size() > b.span.size();
                       return a.span.begin < b.span.begin;
                     });
    std::map<size_t, size_t> taken;  // begin -> end
    std::vector<DateMention> out;
    for (auto& m : all) {
      auto next = taken.lower_bound(m.span.begin);
      if (next != taken.end() && next->first < m.span.end) continue;
      if (next != taken.begin() && std::prev(next)->second > m.span.begin)
        continue;
      taken[m.span.begin] = m.span.end;
      out.push_back(std::move(m));
    }
    std::sort(out.begin(), out.end(),
              [](const DateMention& a, const DateMention& b) {
                return a.span.begin < b.span.begin;
              });
    return out;
  }

  // "early January" (START), "mid-2020" (MID), "about seven weeks"
  // (APPROX): TimeML keeps these words inside the TIMEX3 and records them
  // as `mod`.
  void AddModifiers(const AnalyzedText& text,
                    std::vector<DateMention>& found) const {
    size_t prev_end = 0;
    for (auto& m : found) {
      const bool point = m.type == "DATE" && m.value.size() >= 3 &&
                         std::isdigit(static_cast<unsigned char>(m.value[0]));
      // "over the past two weeks": the preposition is no modifier when
      // the duration has its own determiner.
      const bool span = m.type == "DURATION" &&
                        LowerCase(text.Slice(m.span).substr(0, 4)) != "the ";
      if (point || span) {
        const size_t from =
            std::max(prev_end, m.span.begin > 24 ? m.span.begin - 24 : 0);
        const std::string_view before =
            text.text.substr(from, m.span.begin - from);
        re2::StringPiece word;
        const RE2& re = point ? *rules_.point_mod : *rules_.span_mod;
        if (m.mod.empty() && RE2::PartialMatch(before, re, &word)) {
          auto it = lex_.modifiers.find(LowerCase(word));
          if (it != lex_.modifiers.end()) {
            m.mod = it->second.mod;
            m.span.begin = word.data() - text.text.data();
          }
        }
      }
      prev_end = m.span.end;
    }
  }

  // TimeML 1.2.1 (section 2.2.1) leaves a leading article outside the
  // TIMEX3: "in the 1990s" -> "1990s", "by the end of the year" -> "end of
  // the year". Modifiers were attached first, so "the end of" is seen whole.
  void DropDeterminers(const AnalyzedText& text,
                       std::vector<DateMention>& found) const {
    for (auto& m : found) {
      const std::string_view ext = text.Slice(m.span);
      for (const auto& d : lex_.determiners) {
        if (ext.size() <= d.size() + 1 || ext[d.size()] != ' ' ||
            LowerCase(ext.substr(0, d.size())) != d)
          continue;
        m.span.begin += d.size() + 1;
        break;
      }
    }
  }

  // "from 1997 to January 2022", "between March and May", "2014-2016":
  // one DURATION with begin and end_value (the project's reading of the
  // contract's example), measured in the coarsest unit that differs.
  static std::vector<DateMention> JoinRanges(const AnalyzedText& text,
                                             std::vector<DateMention> found) {
    static const RE2 kLink("^(?: (?:to|until|till|through|and) |-|–|—)$");
    static const RE2 kOpen("(?i)(?:^|[^\\pL])(from|between) $");
    std::vector<DateMention> out;
    for (size_t i = 0; i < found.size(); ++i) {
      if (i + 1 < found.size()) {
        DateMention& a = found[i];
        const DateMention& b = found[i + 1];
        int ay, am, by, bm;
        const std::string_view link =
            b.span.begin >= a.span.end
                ? text.text.substr(a.span.end, b.span.begin - a.span.end)
                : std::string_view();
        re2::StringPiece opener;
        const size_t from = a.span.begin > 10 ? a.span.begin - 10 : 0;
        const bool opened = RE2::PartialMatch(
            text.text.substr(from, a.span.begin - from), kOpen, &opener);
        const bool is_and = link.find("and") != std::string_view::npos;
        const bool is_dash =
            link.size() <= 3 && link.find(' ') == std::string_view::npos;
        const bool partial_a =
            a.rule == "month" || a.rule == "month-day" || a.rule == "day-month";
        // "between March and May" told in past tense: both ends lie in the
        // same past year, though each alone resolves to its latest past one.
        const bool linked = RE2::FullMatch(link, kLink) &&
                            (opened || is_dash) &&
                            (!is_and || (opened && LowerCase(opener) == "between"));
        if (linked && partial_a && YearMonth(a.value, ay, am) &&
            YearMonth(b.value, by, bm) && by == ay - 1 && bm > am)
          a.value = dates::YearValue(by) + a.value.substr(4);
        if (a.type == "DATE" && b.type == "DATE" && a.mod.empty() &&
            YearMonth(a.value, ay, am) && YearMonth(b.value, by, bm) &&
            linked &&
            (by > ay || (by == ay && bm > am && am > 0) ||
             DayCount(a.value, b.value) > 0)) {
          DateMention r;
          r.type = "DURATION";
          r.rule = "range";
          r.begin = a.value;
          r.end_value = b.value;
          // Ranges within one month ("from Oct. 2 to October 22") count
          // days.
          const int64_t days = DayCount(a.value, b.value);
          r.value = by > ay   ? "P" + std::to_string(by - ay) + "Y"
                    : bm > am ? "P" + std::to_string(bm - am) + "M"
                              : "P" + std::to_string(days) + "D";
          r.span = Span{
              opened ? static_cast<size_t>(opener.data() - text.text.data())
                     : a.span.begin,
              b.span.end};
          out.push_back(std::move(r));
          ++i;
          continue;
        }
      }
      out.push_back(std::move(found[i]));
    }
    return out;
  }

  // A clock time takes the day of the nearest preceding full date in its
  // sentence, else the document date ("10 a.m." -> 2022-03-23T10:00).
  static void DateTimes(const AnalyzedText& text, std::optional<CivilDay> doc,
                        std::vector<DateMention>& found) {
    for (size_t i = 0; i < found.size(); ++i) {
      DateMention& m = found[i];
      if (m.type != "TIME" || m.value.empty() || m.value[0] != 'T') continue;
      std::string before, after;
      const size_t sentence = text.SentenceAt(m.span.begin);
      for (size_t j = 0; j < found.size(); ++j) {
        const DateMention& o = found[j];
        if (j == i || o.type != "DATE" || o.value.size() != 10 ||
            text.SentenceAt(o.span.begin) != sentence)
          continue;
        if (j < i) before = o.value;
        if (j > i && after.empty()) after = o.value;
      }
      std::string day = !before.empty()  ? before
                        : !after.empty() ? after
                        : doc            ? doc->ToIso()
                                         : "XXXX-XX-XX";
      m.value = day + m.value;
    }
  }

  // "the following week" after "On March 3": the week after the date the
  // text last named, else after the document date (TimeML anchorTimeID).
  static void ResolveAnaphor(const DateMention* anchor,
                             std::optional<CivilDay> doc, DateMention& m) {
    const char sign = m.value[7];
    const char unit = m.value[8];
    const int n = sign == '+' ? 1 : sign == '-' ? -1 : 0;
    std::optional<CivilDay> base;
    const std::string a = anchor ? anchor->value : std::string();
    if (a.size() == 10) base = CivilDay::FromIso(a);
    if (!base && a.size() == 7) base = CivilDay::FromIso(a + "-01");
    if (!base && a.size() == 4 && unit == 'Y') base = CivilDay::FromIso(a + "-01-01");
    if (!base) base = doc;
    if (!base || (unit == 'D' && a.size() != 10 && anchor)) {
      m.value = unit == 'Y' ? "XXXX" : unit == 'M' ? "XXXX-XX"
                : unit == 'W' ? "XXXX-WXX" : "XXXX-XX-XX";
      return;
    }
    CivilDay d = *base;
    switch (unit) {
      case 'D':
        m.value = dates::AddDays(d, n).ToIso();
        break;
      case 'W':
        m.value = dates::IsoWeekValue(dates::AddDays(d, 7 * n));
        break;
      case 'M': {
        const int total = d.year * 12 + d.month - 1 + n;
        m.value = dates::MonthValue(total / 12, total % 12 + 1);
        break;
      }
      default:
        m.value = dates::YearValue(d.year + n);
    }
  }

  // "Tuesday, Nov. 19" is one TIMEX3 with the full date's value.
  static std::vector<DateMention> JoinWeekdayDates(
      const AnalyzedText& text, std::vector<DateMention> found) {
    std::vector<DateMention> out;
    for (size_t i = 0; i < found.size(); ++i) {
      if (i + 1 < found.size() && found[i].rule == "weekday" &&
          found[i].type == "DATE" && found[i + 1].type == "DATE" &&
          found[i + 1].value.size() == 10 &&
          found[i + 1].span.begin >= found[i].span.end) {
        const std::string_view link = text.text.substr(
            found[i].span.end, found[i + 1].span.begin - found[i].span.end);
        if (link == ", " || link == " " || link == ", the ") {
          DateMention m = std::move(found[i + 1]);
          m.span.begin = found[i].span.begin;
          m.rule = "weekday-" + m.rule;
          out.push_back(std::move(m));
          ++i;
          continue;
        }
      }
      out.push_back(std::move(found[i]));
    }
    return out;
  }

  // "About seven weeks later" after "early January": the contract's
  // optional `anchored` date, the previous calendar date in the text moved
  // by the duration, kept at that date's precision (TimeBank's anchorTime).
  static void Anchor(const AnalyzedText& text, std::optional<CivilDay> doc,
                     std::vector<DateMention>& found) {
    static const RE2 kDirection("(?i)^ (later|earlier|afterwards|before)\\b");
    static const RE2 kDuration("P(\\d+)([DWMY])");
    const DateMention* anchor = nullptr;
    for (auto& m : found) {
      if (m.value.rfind("ANAPHOR", 0) == 0) ResolveAnaphor(anchor, doc, m);
      re2::StringPiece dir;
      std::string digits, unit;
      if (m.type == "DURATION" && anchor &&
          RE2::FullMatch(m.value, kDuration, &digits, &unit) &&
          RE2::PartialMatch(text.text.substr(m.span.end, 16), kDirection,
                            &dir)) {
        const int n =
            std::stoi(digits) *
            (LowerCase(dir) == "later" || LowerCase(dir) == "afterwards" ? 1 : -1);
        const std::string& a = anchor->value;
        CivilDay day{std::stoi(a.substr(0, 4)),
                     a.size() >= 7 ? std::stoi(a.substr(5, 2)) : 1,
                     a.size() >= 10 ? std::stoi(a.substr(8, 2)) : 1};
        if (unit == "D" || unit == "W") {
          day = dates::AddDays(day, unit == "W" ? 7 * n : n);
        } else {
          const int months = unit == "M" ? n : 12 * n;
          const int total = day.year * 12 + day.month - 1 + months;
          day.year = total / 12;
          day.month = total % 12 + 1;
          day.day = std::min(day.day, DaysInMonth(day.year, day.month));
        }
        m.anchored = a.size() >= 10  ? day.ToIso()
                     : a.size() >= 7 ? dates::MonthValue(day.year, day.month)
                                     : dates::YearValue(day.year);
      }
      if (m.type == "DATE" &&
          (m.value.size() == 4 || m.value.size() == 7 ||
           m.value.size() == 10) &&
          CivilDay::FromIso(m.value.size() == 10  ? m.value
                            : m.value.size() == 7 ? m.value + "-01"
                                                  : m.value + "-01-01"))
        anchor = &m;
    }
  }

  DateLexicon lex_;
  RuleSet rules_;
  // All rules as one unanchored set: one pass over a text tells which
  // rules match anywhere, and only those scan it for their matches (most
  // texts hit a few of the rules). Compiled on first use, so languages
  // never tagged cost nothing at start-up. If the set does not compile, or
  // its DFA runs out of memory on a text, every rule runs.
  void BuildAnyRule() const {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    bool ok = !rules_.rules.empty();
    for (const auto& r : rules_.rules) {
      ok = ok && r.re->ok() && set->Add(r.re->pattern(), nullptr) >= 0;
    }
    if (ok && set->Compile()) any_rule_ = std::move(set);
  }
  mutable std::once_flag any_rule_once_;
  mutable std::unique_ptr<RE2::Set> any_rule_;  // null: run every rule
};

}  // namespace

Result<std::unique_ptr<DateTagger>> DateTagger::Create(
    const std::string& lang_dir) {
  try {
    std::string lang = lang_dir;
    while (!lang.empty() && lang.back() == '/') lang.pop_back();
    lang = lang.substr(lang.find_last_of('/') + 1);
    auto lex = DateLexicon::Load(lang_dir, lang);
    if (!lex.ok()) return lex.status();
    auto tagger = std::make_unique<RuleDateTagger>(std::move(*lex));
    NF_RETURN_IF_ERROR(tagger->Check());
    return std::unique_ptr<DateTagger>(std::move(tagger));
  } catch (const std::exception& e) {
    return Status::Internal(std::string("date tagger: ") + e.what());
  }
}

}  // namespace newsfacts
