#include "core/status.h"

#include <gtest/gtest.h>

namespace newsfacts {
namespace {

Result<int> Half(int v) {
  if (v % 2) return Status::InvalidArgument("odd: " + std::to_string(v));
  return v / 2;
}

Status Chain(int v, int* out) {
  Result<int> r = Half(v);
  NF_RETURN_IF_ERROR(r.status());
  *out = *r;
  return Status::OK();
}

TEST(Status, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, FactoriesCarryCodeAndMessage) {
  Status s = Status::NotFound("a.html");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_EQ(s.ToString(), "Not found: a.html");
  EXPECT_EQ(s.WithContext("ingest").ToString(), "Not found: ingest: a.html");
}

TEST(Result, HoldsValueOrStatus) {
  Result<int> good = Half(8);
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  Result<int> bad = Half(3);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "odd: 3");
}

TEST(Status, ReturnIfErrorStopsAtFirstFailure) {
  int out = -1;
  EXPECT_TRUE(Chain(6, &out).ok());
  EXPECT_EQ(out, 3);
  out = -1;
  EXPECT_EQ(Chain(5, &out).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(out, -1);
}

}  // namespace
}  // namespace newsfacts
