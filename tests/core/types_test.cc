#include "core/types.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

TEST(CivilDay, ParsesIsoPrefix) {
  auto d = CivilDay::FromIso("2022-03-23T09:41:26+00:00");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (CivilDay{2022, 3, 23}));
  EXPECT_EQ(d->ToIso(), "2022-03-23");
}

TEST(CivilDay, RejectsMalformedAndUnknownDates) {
  EXPECT_FALSE(CivilDay::FromIso("2022-3-23").has_value());
  EXPECT_FALSE(CivilDay::FromIso("0001-00-01").has_value());
  EXPECT_FALSE(CivilDay::FromIso("").has_value());
  EXPECT_FALSE(CivilDay::FromIso("2022-13-01").has_value());
}

TEST(Names, MatchTheSpecVocabulary) {
  EXPECT_STREQ(EntityTypeName(EntityType::kNorp), "NORP");
  EXPECT_STREQ(BlockKindName(BlockKind::kListItem), "list_item");
}

}  // namespace
}  // namespace newsfacts
