// The count stage on the seed page's gold posts, with the gold entities and
// dates as its input, so that only the count rules are under test.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/counts/counts.h"
#include "extract/text/text.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using nlohmann::json;

std::string Str(const json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

EntityType TypeOf(const std::string& t) {
  if (t == "ORG") return EntityType::kOrg;
  if (t == "LOC") return EntityType::kLoc;
  if (t == "NORP") return EntityType::kNorp;
  return EntityType::kPerson;
}

struct Post {
  std::string id;
  std::string text;
  std::vector<Entity> entities;
  std::vector<DateMention> dates;
  json counts;
};

std::vector<Post> LoadGold() {
  std::ifstream in(testing::TestdataDir() + "/rferl/seed-facts.gold.jsonl");
  std::vector<Post> posts;
  std::string line;
  while (std::getline(in, line)) {
    json j = json::parse(line);
    Post p;
    p.id = Str(j, "id");
    p.text = Str(j, "text");
    CodePointIndex index(p.text);
    for (const json& e : j["entities"]) {
      Entity ent;
      ent.type = TypeOf(Str(e, "type"));
      ent.span = {index.ToByte(e["start"]), index.ToByte(e["end"])};
      ent.text = Str(e, "text");
      ent.canonical = Str(e, "canonical");
      p.entities.push_back(ent);
    }
    for (const json& d : j["dates"]) {
      DateMention dm;
      dm.span = {index.ToByte(d["start"]), index.ToByte(d["end"])};
      dm.text = Str(d, "text");
      dm.type = Str(d, "type");
      dm.value = Str(d, "value");
      dm.begin = Str(d, "begin");
      dm.end_value = Str(d, "end_value");
      p.dates.push_back(dm);
    }
    p.counts = j["counts"];
    posts.push_back(std::move(p));
  }
  return posts;
}

// Gold forms of one count: the main one and its alternatives.
std::vector<json> Forms(const json& gold) {
  std::vector<json> forms = {gold};
  if (gold.contains("alt")) {
    for (const json& a : gold["alt"]) forms.push_back(a);
  }
  return forms;
}

bool Overlaps(const json& g, size_t start, size_t end) {
  return g["start"].get<size_t>() < end && start < g["end"].get<size_t>();
}

class CountsSeedGoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = CountTagger::Create(testing::ConfigDir() + "/lang/en");
    ASSERT_OK(t);
    tagger_ = std::move(*t);
    posts_ = LoadGold();
    ASSERT_EQ(posts_.size(), 2u);
  }
  std::unique_ptr<CountTagger> tagger_;
  std::vector<Post> posts_;
};

TEST_F(CountsSeedGoldTest, FindsEveryRequiredCountWithItsAttributes) {
  int required = 0;
  for (const Post& p : posts_) {
    AnalyzedText at = Analyze(p.text, "en");
    std::vector<CaseCount> found = tagger_->Tag(at, p.entities, p.dates);
    CodePointIndex index(p.text);
    for (const json& gold : p.counts) {
      if (gold.value("optional", false)) continue;
      ++required;
      const CaseCount* match = nullptr;
      for (const CaseCount& c : found) {
        size_t s = index.ToCodePoint(c.span.begin),
               e = index.ToCodePoint(c.span.end);
        if (Overlaps(gold, s, e) && c.value == gold["value"].get<int64_t>()) {
          match = &c;
        }
      }
      ASSERT_NE(match, nullptr) << "missed " << gold["text"];
      bool q = false, unit = false, subject = false, event = false,
           date = false;
      for (const json& f : Forms(gold)) {
        q |= match->qualifier == Str(f, "qualifier");
        unit |= match->unit == Str(f, "unit");
        subject |= match->subject == Str(f, "subject");
        event |= match->event == Str(f, "event");
        date |= match->date == Str(f, "date");
      }
      EXPECT_TRUE(q) << gold["text"] << " qualifier " << match->qualifier;
      EXPECT_TRUE(unit) << gold["text"] << " unit " << match->unit;
      EXPECT_TRUE(subject) << gold["text"] << " subject " << match->subject;
      EXPECT_TRUE(event) << gold["text"] << " event " << match->event;
      EXPECT_TRUE(date) << gold["text"] << " date " << match->date;
      EXPECT_FALSE(match->rule.empty());
    }
  }
  EXPECT_EQ(required, 6);
}

TEST_F(CountsSeedGoldTest, StudyCountsTakeTheRangeDate) {
  const Post& p = posts_[1];
  AnalyzedText at = Analyze(p.text, "en");
  int dated = 0;
  for (const CaseCount& c : tagger_->Tag(at, p.entities, p.dates)) {
    if (c.unit == "cases") {
      EXPECT_EQ(c.date, "1997/2022-01") << c.text;
      ++dated;
    }
  }
  EXPECT_EQ(dated, 3);
}

TEST_F(CountsSeedGoldTest, ReportsNothingThatIsNotAGoldCount) {
  for (const Post& p : posts_) {
    AnalyzedText at = Analyze(p.text, "en");
    CodePointIndex index(p.text);
    for (const CaseCount& c : tagger_->Tag(at, p.entities, p.dates)) {
      size_t s = index.ToCodePoint(c.span.begin),
             e = index.ToCodePoint(c.span.end);
      bool gold = false;
      for (const json& g : p.counts) {
        for (const json& f : Forms(g)) gold |= Overlaps(f, s, e);
      }
      EXPECT_TRUE(gold) << p.id << ": false positive \"" << c.text << "\" ("
                        << c.rule << ")";
    }
  }
}

}  // namespace
}  // namespace newsfacts
