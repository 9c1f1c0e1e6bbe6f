// StripUnparsedBodies: the pre-pass that empties what the extractor never
// reads before Gumbo tokenizes the page, and its effect on a real parse.
#include <gtest/gtest.h>

#include <string>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/extractor.h"

namespace newsfacts {
namespace {

TEST(StripUnparsedBodies, DropsScriptsEmptiesStyleAndFriendsKeepsTags) {
  EXPECT_EQ(StripUnparsedBodies("<p>a</p><script>var x = '<p>no</p>';</script>"
                                "<style>p{color:red}</style><p>b</p>"),
            "<p>a</p><style></style><p>b</p>");
  EXPECT_EQ(StripUnparsedBodies("<script src=/a.js></script>x"), "x");
  EXPECT_EQ(StripUnparsedBodies("<noscript><img src=x></noscript><p>b</p>"),
            "<noscript></noscript><p>b</p>");
  EXPECT_EQ(StripUnparsedBodies("<svg viewBox='0 0 1 1'><svg><path d='M0'/>"
                                "</svg><title>t</title></svg>after"),
            "<svg></svg>after");
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
  EXPECT_EQ(StripUnparsedBodies("<script>a</scripts>b</script >c"), "c");
  // Markup inside quoted attribute values or <title>/<textarea> text is not
  // a tag.
  const std::string attr = "<div title=\"<script>\">t</div>";
  EXPECT_EQ(StripUnparsedBodies(attr), attr);
  EXPECT_EQ(StripUnparsedBodies("<div data-x=\"<script>\">t</div>"),
            "<div>t</div>");
  EXPECT_EQ(StripUnparsedBodies("<a data-x=\"1\"class=b>b</a>"),
            "<a class=b>b</a>");
  const std::string title = "<title>a <script> b</title><p>c</p>";
  EXPECT_EQ(StripUnparsedBodies(title), title);
  const std::string area = "<textarea><!-- kept --></textarea>";
  EXPECT_EQ(StripUnparsedBodies(area), area);
}

TEST(StripUnparsedBodies, DropsUnreadAttributesKeepsTheRest) {
  EXPECT_EQ(StripUnparsedBodies("<img class=c src=a.jpg srcset='a 1x, b 2x' "
                                "sizes=100vw data-lazy=\"x>y\" onclick=f() "
                                "alt='A' ID=i aria-label=x style='color:red'>"),
            "<img class=c ID=i style='color:red'>");
  // What the metadata stages read stays.
  const std::string meta =
      "<meta property=og:title content=T><meta name=author content=A>"
      "<time datetime=2024-01-02 pubdate itemprop=datePublished>"
      "<div itemscope itemtype=https://schema.org/Person lang=ru title=t "
      "hidden typeof=Article><meta http-equiv=refresh content=0>";
  EXPECT_EQ(StripUnparsedBodies(meta), meta);
  // Link targets are read on <link>s and for author archives only.
  EXPECT_EQ(StripUnparsedBodies("<a href=/news/1 class=x>n</a>"
                                "<a href='/author/jane-doe'>J</a>"
                                "<link rel=canonical href=/c>"),
            "<a class=x>n</a><a href='/author/jane-doe'>J</a>"
            "<link rel=canonical href=/c>");
  // A site profile's selector on href keeps every one.
  EXPECT_EQ(StripUnparsedBodies("<a href=/news/1>n</a>", {"href"}),
            "<a href=/news/1>n</a>");
  // data-testid is read by the byline search; `keep` adds others.
  EXPECT_EQ(StripUnparsedBodies("<div data-testid=byline data-role=body>"),
            "<div data-testid=byline>");
  EXPECT_EQ(StripUnparsedBodies("<div data-testid=byline DATA-ROLE=body>",
                                {"data-role"}),
            "<div data-testid=byline DATA-ROLE=body>");
  // Attributes without values, unquoted values and a self-closing slash.
  EXPECT_EQ(StripUnparsedBodies("<input hidden data-x onblur=g type=v/>"),
            "<input hidden type=v/>");
}

TEST(StripUnparsedBodies, DropsUnreadLinksKeepsCanonicalAndAlternates) {
  EXPECT_EQ(StripUnparsedBodies("<link rel=stylesheet href=a.css>"
                                "<link rel='shortcut icon' href=f.ico>"
                                "<link rel=canonical href=/a>"
                                "<link rel='alternate' hreflang=ru href=/r>"
                                "<link href=/no-rel>"),
            "<link rel=canonical href=/a>"
            "<link rel='alternate' href=/r><link href=/no-rel>");
}

TEST(StripUnparsedBodies, SqueezesWhitespaceOutsidePreformattedText) {
  EXPECT_EQ(StripUnparsedBodies("<div>\n    <p>a  b\t\tc</p>\n\n  </div> x"),
            "<div>\n<p>a b c</p>\n</div> x");
  const std::string pre = "<pre>  a\n\n    b <b>  c  </b></pre>";
  EXPECT_EQ(StripUnparsedBodies(pre + "  d"), pre + " d");
  const std::string area = "<textarea>  a\n\n  b</textarea>";
  EXPECT_EQ(StripUnparsedBodies(area), area);
  const std::string ld =
      "<script type=application/ld+json>{\"a\":  \"x\n\n y\"}</script>";
  EXPECT_EQ(StripUnparsedBodies(ld), ld);
}

TEST(StripUnparsedBodies, ExtractionReadsWhatTheStripKeeps) {
  // A real parse through the arena-backed Dom: preformatted text keeps its
  // lines, squeezed text reads the same, and a profile-style attribute
  // selector still matches when asked for.
  auto dom = Dom::Parse(
      "<html><head><link rel=stylesheet href=s.css>"
      "<link rel=canonical href=https://example.org/a></head><body>"
      "<div data-role=body><p>one   two</p><pre>x\n  y</pre></div>"
      "<script>document.write('<p>no</p>')</script></body></html>",
      {"data-role"});
  ASSERT_TRUE(dom.ok());
  const GumboNode* div =
      (*dom)->SelectFirst(*Selector::Parse("div[data-role=body]"));
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(NodeText((*dom)->SelectFirst(*Selector::Parse("p"), div)),
            "one two");
  const GumboNode* pre = (*dom)->SelectFirst(*Selector::Parse("pre"));
  ASSERT_NE(pre, nullptr);
  const auto* text =
      static_cast<const GumboNode*>(pre->v.element.children.data[0]);
  EXPECT_STREQ(text->v.text.text, "x\n  y");
  EXPECT_EQ((*dom)->Select(*Selector::Parse("link")).size(), 1u);
  EXPECT_TRUE((*dom)->Select(*Selector::Parse("script")).empty());
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
