// StripUnparsedBodies: the pre-pass that empties what the extractor never
// reads before Gumbo tokenizes the page, and its effect on a real parse.
#include <gtest/gtest.h>

#include <string>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"

namespace newsfacts {
namespace {

TEST(StripUnparsedBodies, EmptiesScriptStyleAndFriendsKeepsTags) {
  EXPECT_EQ(StripUnparsedBodies("<p>a</p><script>var x = '<p>no</p>';</script>"
                                "<style>p{color:red}</style><p>b</p>"),
            "<p>a</p><script></script><style></style><p>b</p>");
  EXPECT_EQ(StripUnparsedBodies("<noscript><img src=x></noscript><p>b</p>"),
            "<noscript></noscript><p>b</p>");
  EXPECT_EQ(StripUnparsedBodies("<svg viewBox='0 0 1 1'><svg><path d='M0'/>"
                                "</svg><title>t</title></svg>after"),
            "<svg viewBox='0 0 1 1'></svg>after");
  EXPECT_EQ(StripUnparsedBodies("<template><template>x</template>y</template>z"),
            "<template></template>z");
  EXPECT_EQ(StripUnparsedBodies("<nav><ul><li><a href=/>Home</a></li></ul>"
                                "<nav>inner</nav></nav><p>text</p>"),
            "<nav></nav><p>text</p>");
}

TEST(StripUnparsedBodies, KeepsJsonLd) {
  const std::string ld =
      "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>";
  EXPECT_EQ(StripUnparsedBodies(ld), ld);
  const std::string upper =
      "<SCRIPT TYPE='Application/LD+JSON'>{\"a\": 1}</SCRIPT>";
  EXPECT_EQ(StripUnparsedBodies(upper), upper);
}

TEST(StripUnparsedBodies, DropsCommentsIncludingAbruptAndUnclosed) {
  EXPECT_EQ(StripUnparsedBodies("a<!-- <script> -->b"), "ab");
  EXPECT_EQ(StripUnparsedBodies("a<!-->b<!--->c"), "abc");
  EXPECT_EQ(StripUnparsedBodies("a<!-- never closed <p>x</p>"), "a");
}

TEST(StripUnparsedBodies, EndsRawTextWhereTheTokenizerDoes) {
  // "</scripts>" does not end a script; "</script >" does.
  EXPECT_EQ(StripUnparsedBodies("<script>a</scripts>b</script >c"),
            "<script></script >c");
  // Markup inside quoted attribute values or <title>/<textarea> text is not
  // a tag.
  const std::string attr = "<div data-x=\"<script>\">t</div>";
  EXPECT_EQ(StripUnparsedBodies(attr), attr);
  const std::string title = "<title>a <script> b</title><p>c</p>";
  EXPECT_EQ(StripUnparsedBodies(title), title);
  const std::string area = "<textarea><!-- kept --></textarea>";
  EXPECT_EQ(StripUnparsedBodies(area), area);
}

TEST(StripUnparsedBodies, LeavesUnclosedBodiesAndBrokenTagsAlone) {
  EXPECT_EQ(StripUnparsedBodies("<p>a</p><script>never closed"),
            "<p>a</p><script>never closed");
  EXPECT_EQ(StripUnparsedBodies("<svg><path/>"), "<svg><path/>");
  EXPECT_EQ(StripUnparsedBodies("<svg/><p>x</p>"), "<svg/><p>x</p>");
  EXPECT_EQ(StripUnparsedBodies("<div class=\"open"), "<div class=\"open");
  EXPECT_EQ(StripUnparsedBodies("<"), "<");
  EXPECT_EQ(StripUnparsedBodies(""), "");
}

TEST(StripUnparsedBodies, ExtractionStillReadsJsonLdButNoScriptText) {
  Document doc;
  doc.html =
      "<html><head><title>T</title>"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
      " \"headline\": \"Ice roads close early\", \"datePublished\":"
      " \"2024-02-03T08:00:00Z\", \"author\": {\"@type\": \"Person\","
      " \"name\": \"Mara Olsen\"}}</script>"
      "<script>document.write('<p>Script text, with commas, never "
      "shown.</p>')</script></head><body><article><h1>Ice roads close "
      "early</h1><!-- <p>A comment, with commas, that is no text.</p> -->"
      "<p>The ice roads of the north closed two weeks early this year, "
      "officials said, after a warm spell thinned the ice.</p>"
      "<noscript><p>Enable JavaScript, please, to see this page.</p>"
      "</noscript><p>Trucks now wait at the depots, and prices rise.</p>"
      "</article></body></html>";
  auto ex = Extractor::Create({});
  ASSERT_TRUE(ex.ok());
  Result<Article> a = (*ex)->Extract(doc);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->published, "2024-02-03T08:00:00+00:00");
  EXPECT_EQ(a->authors, std::vector<std::string>{"Mara Olsen"});
  EXPECT_EQ(a->text,
            "The ice roads of the north closed two weeks early this year, "
            "officials said, after a warm spell thinned the ice.\n\nTrucks now "
            "wait at the depots, and prices rise.");
}

}  // namespace
}  // namespace newsfacts
