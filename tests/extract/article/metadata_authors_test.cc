// Bylines and titles from page metadata and markup: byline cleaning
// (picture credits, interview bylines, archive-link texts, separators),
// the first <meta> author that names people, labelled bylines, and site
// names before or around the headline in <title>.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/types.h"
#include "extract/article/dom.h"
#include "extract/article/metadata.h"
#include "extract/article/page_hints.h"
#include "tests/extract/article/article_test_util.h"

namespace newsfacts {
namespace {

using testing::ExtractHtml;
using testing::kArticleBody;
using testing::MetadataOf;
using Names = std::vector<std::string>;

TEST(MetadataAuthors, CleansBylines) {
  const std::vector<std::pair<std::string, Names>> cases = {
      {"Text von Christian Seiler Illustration von Markus Roost",
       {"Christian Seiler"}},
      {"By Ann Lee Photos by Bo Chen", {"Ann Lee"}},
      {"Richard David Precht im Gespräch mit Karin Fischer",
       {"Richard David Precht", "Karin Fischer"}},
      {"Alles von Martin Junker", {"Martin Junker"}},
      {"Ann Lee \u2013", {"Ann Lee"}},
      {"Ann Lee |", {"Ann Lee"}},
      {"Иван Петров и Анна Смирнова", {"Иван Петров", "Анна Смирнова"}},
      {"Artikel von:", {}},
      {"Author:", {}},
      {"The Planetary Press -", {}},
      // People only: no places, sites, desks, companies or phrases.
      {"Markus M. Haefliger, London, Beat Bumbacher",
       {"Markus M. Haefliger", "Beat Bumbacher"}},
      {"LAOLA1.at", {}},
      {"stol.it / Suedtirol Online", {}},
      {"cipha[at]cipha.net", {}},
      {"Bund der Energieverbraucher e.V.", {}},
      {"KB_Redaktion", {}},
      {"Staff and news service reports", {}},
      {"an welchen Orten Menschen waren", {}},
      {"Uta Staschewski, Projektleiterin der HSS in Tunesien.",
       {"Uta Staschewski"}},
      {"Jose de la Cruz", {"Jose de la Cruz"}},
      {"jancak", {"jancak"}},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(SplitAuthors(in), want) << in;
}

TEST(MetadataAuthors, FirstMetaAuthorThatNamesPeople) {
  const PageMetadata page = MetadataOf(
      "<html><head><meta property=og:site_name content=\"Badische Zeitung\">"
      "<meta name=author content=\"Badische Zeitung\"><meta "
      "property=cXenseParse:author content=\"Lisa Petrich\"></head><body>"
      "</body></html>");
  EXPECT_EQ(page.authors, Names{"Lisa Petrich"});
  const PageMetadata two = MetadataOf(
      "<html><head><meta property=article:author_name content=\"April "
      "Roach, Daniel O'Mahony\"></head><body></body></html>");
  EXPECT_EQ(two.authors, (Names{"April Roach", "Daniel O'Mahony"}));
}

TEST(MetadataAuthors, LabelledBylines) {
  const std::vector<std::pair<std::string, Names>> cases = {
      {"<main><p>Text.</p></main><footer class=\"footer article-footer\">"
       "<ul><li><span>Author: </span><span>Jacopo Cascioli</span></li>"
       "</ul></footer>",
       {"Jacopo Cascioli"}},
      {"<p>Text.</p><p><em>Written by: <a href=https://x.org/a>Julie "
       "Mollins</a> </em></p>",
       {"Julie Mollins"}},
      {"<p>Text.</p><div><b>Автор:</b> Иван Петров</div>", {"Иван Петров"}},
      // Footer items with dates are no teaser list.
      {"<main><p>Text.</p></main><footer class=article-footer><ul><li>"
       "<span>Author: </span><span>Ann Lee</span></li><li>Published: <time "
       "datetime=2019-12-03>3 Dec</time></li><li>Updated: <time "
       "datetime=2019-12-06>6 Dec</time></li></ul></footer>",
       {"Ann Lee"}},
      // Comments, the page footer and prose are not bylines.
      {"<p>Text.</p><div class=comment-list><p>Author: Troll Person</p>"
       "</div>",
       {}},
      {"<p>Text.</p><footer><p>Autor: Site Owner</p></footer>", {}},
      {"<p>Text: the council met on Tuesday and approved the budget.</p>", {}},
  };
  for (const auto& [html, want] : cases) {
    auto dom = Dom::Parse("<body>" + html + "</body>");
    ASSERT_TRUE(dom.ok());
    EXPECT_EQ(FindBylines(**dom), want) << html;
  }
}

TEST(MetadataAuthors, BylineFallbackAfterPublisherIsDropped) {
  // The first author-like element names the publisher; the byline under
  // the headline names the writer.
  Result<Article> a = ExtractHtml(
      "<html><head><meta property=og:site_name content=\"The Planetary "
      "Press\"></head><body><div class=author-line>The Planetary Press -"
      "</div><h1>Forest lands key to protecting climate</h1><p>Written by: "
      "Julie Mollins</p>" +
      std::string(kArticleBody) + "</body></html>");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->authors, Names{"Julie Mollins"});
}

TEST(MetadataTitles, SeparatorsOfOtherScripts) {
  // Chinese sites join headline, channel and site with low lines.
  EXPECT_EQ(StripSiteName("国务院常务会议部署设备更新_新闻频道_示例网", ""),
            "国务院常务会议部署设备更新");
  EXPECT_EQ(StripSiteName("大雪の影響で新幹線に遅れ｜テスト放送", ""),
            "大雪の影響で新幹線に遅れ");
  EXPECT_EQ(StripSiteName("Заголовок новости • Сайт", ""), "Заголовок новости");
  // A full-width colon joins kicker and headline too: cut only before the
  // site's name.
  EXPECT_EQ(StripSiteName("政府、経済対策を決定：朝日テスト新聞", "朝日テスト新聞"),
            "政府、経済対策を決定");
  EXPECT_EQ(StripSiteName("首相：経済対策を決定", "朝日テスト新聞"),
            "首相：経済対策を決定");
  // Low lines in Latin titles are no separators.
  EXPECT_EQ(StripSiteName("snake_case considered", ""), "snake_case considered");
}

TEST(MetadataTitles, SiteNameAsOgTitleNamesNoArticle) {
  // Every page of the site has its name as og:title; the microdata
  // headline outside teaser boxes names the story.
  const PageMetadata page = MetadataOf(
      "<html><head><meta property=og:site_name content=\"Вести Тест\">"
      "<meta property=og:title content=\"Вести Тест\"><title>Вести Тест"
      "</title></head><body><div class=related><h3 itemprop=headline>Другая "
      "новость дня</h3></div><div itemscope><h2 itemprop=headline>Мэрия "
      "открыла новый мост</h2></div></body></html>");
  EXPECT_EQ(page.title, "Мэрия открыла новый мост");
  // twitter:title when there is no og:title.
  const PageMetadata tw = MetadataOf(
      "<html><head><meta name=twitter:title content=\"Мэрия открыла мост\">"
      "<title>Вести</title></head><body></body></html>");
  EXPECT_EQ(tw.title, "Мэрия открыла мост");
}

TEST(MetadataTitles, SiteNameBeforeOrAroundTheHeadline) {
  EXPECT_EQ(StripSiteName("Budget passes | Politics | The Times", ""),
            "Budget passes");
  EXPECT_EQ(StripSiteName("Time 4 talks \u00bb Blog Archiv \u00bb Weitere "
                          "Digitalisierung der Schweizer Kinos",
                          ""),
            "Weitere Digitalisierung der Schweizer Kinos");
  // Dashes stay inside headlines.
  EXPECT_EQ(StripSiteName("Unterhaus vertagt Votum - es drohen Chaos-Tage - "
                          "SPIEGEL",
                          "SPIEGEL"),
            "Unterhaus vertagt Votum - es drohen Chaos-Tage");
  EXPECT_EQ(StripSiteName("Seelenradio \u00bb Nummer zwei: Leo",
                          "Seelenradio"),
            "Nummer zwei: Leo");
  // Without og:site_name the host names the site, as a whole part only.
  const PageMetadata page = MetadataOf(
      "<html><head><title>seelenradio &raquo; Nummer zwei: Leo</title>"
      "<link rel=canonical href=\"http://www.seelenradio.de/nummer-zwei/\">"
      "</head><body></body></html>");
  EXPECT_EQ(page.title, "Nummer zwei: Leo");
  const PageMetadata web = MetadataOf(
      "<html><head><title>Web tools \u00bb Weekly links</title><link "
      "rel=canonical href=\"https://web.example.org/a\"></head><body>"
      "</body></html>");
  EXPECT_EQ(web.title, "Web tools");
}

TEST(MetadataTitles, FooterHeadingIsNoHeadline) {
  Result<Article> a = ExtractHtml(
      "<html><head><meta property=og:title content=\"FINA Weltmeisterschaften "
      "VERSCHOBEN\"></head><body><h3>FINA Weltmeisterschaften VERSCHOBEN</h3>" +
      std::string(kArticleBody) +
      "<footer><h1>Impressum</h1><h1>Partner</h1></footer></body></html>");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->title, "FINA Weltmeisterschaften VERSCHOBEN");
}

}  // namespace
}  // namespace newsfacts
