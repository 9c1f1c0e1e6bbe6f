// Publication dates from page metadata and markup: lenient ISO and RFC 1123
// parsing, JSON-LD WebPage and further <meta> keys, dates the walks must
// not prune away, publication labels, datelines, and the choice between
// the published, modified and shown day.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/headline_window.h"
#include "extract/article/metadata.h"
#include "extract/article/page_hints.h"
#include "tests/extract/article/article_test_util.h"

namespace newsfacts {
namespace {

using testing::ExtractHtml;
using testing::kArticleBody;
using testing::MetadataOf;

TEST(MetadataDates, NormalizesUnpaddedAndRfc1123Dates) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2022-1-26T14:32:06+02:00", "2022-01-26T14:32:06+02:00"},
      {"2022-05-11T4:10:00", "2022-05-11T04:10:00"},
      {"Wed, 04 May 2022 02:41:00 GMT", "2022-05-04T02:41:00+00:00"},
      {"Tue, 3 May 2022 23:53:14 +0000", "2022-05-03T23:53:14+00:00"},
      {"2022-05-04T02:41:00 GMT+0200", "2022-05-04T02:41:00+02:00"},
      {"04 May 2022", "2022-05-04"},
      {"2022-123-01", ""},
      {"20220504", ""},
      {"Someday, 04 Mai 2022", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(NormalizeDate(in), want) << in;
}

TEST(MetadataDates, NormalizesSlashedAndDottedMetaDates) {
  EXPECT_EQ(NormalizeDate("2024/03/15 10:00:00"), "2024-03-15T10:00:00");
  EXPECT_EQ(NormalizeDate("15.03.2024 10:00"), "2024-03-15T10:00:00");
  EXPECT_EQ(NormalizeDate("15.03.2024"), "2024-03-15");
  EXPECT_EQ(NormalizeDate("15.03.20245"), "");
}

TEST(MetadataDates, JsonLdThatParsersRefuseOrNest) {
  // A raw line break inside a string and a trailing comma.
  const PageMetadata broken = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@type\":"
      "\"NewsArticle\",\"description\":\"one\ntwo\",\"datePublished\":"
      "\"2024-03-15T10:00:00+01:00\",}</script></head><body></body></html>");
  EXPECT_EQ(broken.published, "2024-03-15T10:00:00+01:00");
  // The article as a WebPage's mainEntity; a value object as the date.
  const PageMetadata nested = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@graph\":[{\"@type\":"
      "\"WebPage\",\"mainEntity\":{\"@type\":\"NewsArticle\",\"headline\":"
      "\"H\",\"datePublished\":{\"@value\":\"2024-03-15\"}}}]}</script>"
      "</head><body></body></html>");
  EXPECT_EQ(nested.published, "2024-03-15");
  // dateCreated only when nothing else states the day.
  const PageMetadata created = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@type\":"
      "\"NewsArticle\",\"dateCreated\":\"2024-03-14\"}</script><meta "
      "name=mediator_published_time content=2024-03-15T09:00:00+03:00>"
      "</head><body></body></html>");
  EXPECT_EQ(created.published, "2024-03-15T09:00:00+03:00");
  // Types written as IRIs.
  const PageMetadata iri = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@type\":"
      "\"http://schema.org/NewsArticle\",\"datePublished\":\"2024-03-15\"}"
      "</script></head><body></body></html>");
  EXPECT_EQ(iri.published, "2024-03-15");
  // An Indonesian portal's key with a slashed date.
  const PageMetadata kompas = MetadataOf(
      "<html><head><meta name=content_PublishedDate content=\"2024/03/15 "
      "10:30:00\"></head><body></body></html>");
  EXPECT_EQ(kompas.published, "2024-03-15T10:30:00");
}

TEST(MetadataDates, SameInstantInTheSitesOwnOffset) {
  const PageMetadata page = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@type\":"
      "\"NewsArticle\",\"datePublished\":\"2024-03-14T22:00:00Z\"}"
      "</script><meta property=article:published_time "
      "content=2024-03-15T07:00:00+09:00></head><body></body></html>");
  EXPECT_EQ(page.published, "2024-03-15T07:00:00+09:00");
  // Another instant is another claim: the JSON-LD one stands.
  const PageMetadata other = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@type\":"
      "\"NewsArticle\",\"datePublished\":\"2024-03-14T22:00:00Z\"}"
      "</script><meta property=article:published_time "
      "content=2024-03-15T09:00:00+09:00></head><body></body></html>");
  EXPECT_EQ(other.published, "2024-03-14T22:00:00+00:00");
}

TEST(MetadataDates, JsonLdWebPageDateWhenNoArticleObject) {
  const PageMetadata meta = MetadataOf(
      "<html><head><script type=application/ld+json>{\"@graph\":[{\"@type\":"
      "\"WebPage\",\"datePublished\":\"2018-06-07T10:13:17+00:00\","
      "\"dateModified\":\"2019-12-01T19:06:47+00:00\"}]}</script></head>"
      "<body></body></html>");
  EXPECT_EQ(meta.published, "2018-06-07T10:13:17+00:00");
  EXPECT_EQ(meta.modified, "2019-12-01T19:06:47+00:00");
  // An article's own date and <meta> dates come first.
  const PageMetadata both = MetadataOf(
      "<html><head><meta property=article:published_time "
      "content=2020-02-02><script type=application/ld+json>{\"@type\":"
      "\"WebPage\",\"datePublished\":\"2018-06-07\"}</script></head>"
      "<body></body></html>");
  EXPECT_EQ(both.published, "2020-02-02");
}

TEST(MetadataDates, MoreMetaKeysButNoHttpHeaders) {
  const PageMetadata page = MetadataOf(
      "<html><head><meta http-equiv=date content=\"Wed, 08 Jul 2020 "
      "10:00:00 GMT\"><meta property=\"og:article:published_time \" "
      "content=\"2021-03-04T05:06:07Z\"></head><body></body></html>");
  EXPECT_EQ(page.published, "2021-03-04T05:06:07+00:00");
  const PageMetadata cx = MetadataOf(
      "<html><head><meta name=cXenseParse:recs:publishtime "
      "content=2022-05-11T04:10:00-03:00></head><body></body></html>");
  EXPECT_EQ(cx.published, "2022-05-11T04:10:00-03:00");
}

TEST(MetadataDates, TypographicSpacesInWrittenDates) {
  EXPECT_EQ(ParseTextDate("4.\u2009" "2.\u2009" "2022."), "2022-02-04");
  EXPECT_EQ(ParseTextDate("5\u00a0mars\u00a0" "2021"), "2021-03-05");
  EXPECT_EQ(ParseTextDate("4\u202fMay\u202f" "2022"), "2022-05-04");
}

TEST(MetadataDates, VisibleDateSurvivesBoilerplateLookingAncestors) {
  // A page-level class with "related" in it does not hide the article.
  auto body = Dom::Parse(
      "<body class=\"pageLayout--related\"><article><h1>Heat pumps on the "
      "rise</h1><div class=contentHeader__meta><span class=\"meta "
      "meta__date\">06.12.2022</span></div><p>Text.</p></article></body>");
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(FindVisibleDate(**body, ""), "2022-12-06");
  // A "meta" aside of the article holds its date; a teaser aside does not.
  auto aside = Dom::Parse(
      "<body><aside class=teasers><time datetime=2020-01-01>1.1.2020</time>"
      "</aside><article><h1>Touring boots compared</h1><aside class=meta>"
      "<time datetime=2022-01-21>21.01.2022</time></aside><p>Text.</p>"
      "</article></body>");
  ASSERT_TRUE(aside.ok());
  EXPECT_EQ(FindVisibleDate(**aside, ""), "2022-01-21");
  // An article typed in RDFa stays searched whatever its class says.
  auto rdfa = Dom::Parse(
      "<body><h1>LVMH grows</h1><article typeof=\"schema:Article\" "
      "class=\"node node--promoted\"><footer class=node__meta><span "
      "property=\"schema:dateCreated\" content=\"2022-01-28T12:45:46+00:00\">"
      "</span></footer></article></body>");
  ASSERT_TRUE(rdfa.ok());
  EXPECT_EQ(FindVisibleDate(**rdfa, "").substr(0, 10), "2022-01-28");
}

TEST(MetadataDates, SiteHeaderShowsTodayNotThePageDate) {
  auto dom = Dom::Parse(
      "<body><div class=vhb-c-header__nav-top><time class=nav-top--date>"
      "Mittwoch, 8. Juli 2020</time></div><h1>Die Rückkehr der "
      "Ressentiments</h1><p>27.04.2020</p><p>Text.</p></body>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(FindVisibleDate(**dom, ""), "2020-04-27");
}

TEST(MetadataDates, PublicationLabelNamesTheDate) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<p>Dauer: 1 Stunde</p><p>Veröffentlicht am 16.08.2019<br>Dauer</p>",
       "2019-08-16"},
      {"<p class=f>Letzte Änderung: 31.10.2023 - 14:49<br>Erschienen am: "
       "01.11.2023<br>Lesungen: 61</p>",
       "2023-11-01"},
      {"<div><b>Опубликовано:</b> <span>3 May 2021</span></div>",
       "2021-05-03"},
      // "Updated" is no publication label; a teaser's label is not the
      // page's.
      {"<div class=related-posts><p>Published 2019-01-01</p></div>", ""},
  };
  for (const auto& [html, want] : cases) {
    auto dom = Dom::Parse("<body>" + html + "</body>");
    ASSERT_TRUE(dom.ok());
    EXPECT_EQ(FindVisibleDate(**dom, ""), want) << html;
  }
}

TEST(MetadataDates, DatelineOpeningTheFirstParagraph) {
  auto dom = Dom::Parse(
      "<body><h1>Remembering the persecuted</h1><p>Von Claudia Lindner</p>"
      "<p>27.1.2022 - Bei der Erinnerung an die Verfolgten des "
      "Nationalsozialismus stehen heute erstmals queere Opfer im "
      "Mittelpunkt der Gedenkstunde des Bundestages in Berlin.</p></body>");
  ASSERT_TRUE(dom.ok());
  EXPECT_EQ(DateNearHeadline(ReadHeadlineWindow(**dom)), "2022-01-27");
  // A date inside the prose is the story's, not the page's.
  auto prose = Dom::Parse(
      "<body><h1>Remembering the persecuted</h1><p>Bei der Erinnerung an "
      "die Verfolgten, die am 27.1.1945 befreit wurden, stehen heute queere "
      "Opfer im Mittelpunkt der Gedenkstunde des Bundestages.</p></body>");
  ASSERT_TRUE(prose.ok());
  EXPECT_EQ(DateNearHeadline(ReadHeadlineWindow(**prose)), "");
}

TEST(MetadataDates, ShiftUtcToTheShownDay) {
  EXPECT_EQ(ShiftUtcToDay("2023-11-09T05:30:59+00:00", "2023-11-08"),
            "2023-11-08T23:30:59-06:00");
  EXPECT_EQ(ShiftUtcToDay("2018-12-31T23:11:59+00:00", "2019-01-01"),
            "2019-01-01T00:11:59+01:00");
  // No zone is 13 hours behind UTC on a 13:10 UTC stamp of the day before.
  EXPECT_EQ(ShiftUtcToDay("2023-11-06T13:10:22+00:00", "2023-11-05"), "");
  EXPECT_EQ(ShiftUtcToDay("2023-11-06T13:10:22+00:00", "2023-11-04"), "");
  EXPECT_EQ(ShiftUtcToDay("2023-11-06T13:10:22+01:00", "2023-11-07"), "");
}

TEST(MetadataDates, PublishedFollowsTheShownDay) {
  const std::string head =
      "<html><head><meta property=article:published_time content=\"";
  struct Case {
    const char* name;
    std::string published;
    std::string modified;
    std::string shown;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"UTC stamp shown as the local day", "2023-11-09T05:30:59Z", "",
       "November 8, 2023", "2023-11-08T23:30:59-06:00"},
      {"the page shows the update", "2021-03-16T16:16:10Z",
       "2021-03-20T14:00:17Z", "20.03.2021", "2021-03-20T14:00:17+00:00"},
      {"agreeing day stays", "2021-03-16T16:16:10Z", "2021-03-20T14:00:17Z",
       "16.03.2021", "2021-03-16T16:16:10+00:00"},
      {"local offset is never shifted", "2022-05-03T22:46:08-03:00", "",
       "4. Mai 2022", "2022-05-03T22:46:08-03:00"},
      {"an earlier 'modified' is no update", "2022-12-25T11:00:02Z",
       "2022-12-07T10:00:00Z", "07.12.2022", "2022-12-25T11:00:02+00:00"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string html = head + c.published + "\">";
    if (!c.modified.empty())
      html += "<meta property=article:modified_time content=\"" + c.modified +
              "\">";
    html += "</head><body><h1>Council approves the budget</h1><p>" +
            c.shown + "</p>" + kArticleBody + "</body></html>";
    Result<Article> a = ExtractHtml(html);
    ASSERT_TRUE(a.ok()) << a.status().message();
    EXPECT_EQ(a->published, c.want);
  }
}

}  // namespace
}  // namespace newsfacts
