// Body-text methods of the generic extractor on small pages parsed by Gumbo:
// which container is the article, which blocks inside it are not.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/types.h"
#include "tests/extract/article/article_test_util.h"

namespace newsfacts {
namespace {

using testing::ExtractHtml;

const char kP1[] =
    "The council met on Tuesday, and after a long debate it approved the "
    "budget for the coming year, with two members voting against it.";
const char kP2[] =
    "Officials said the new plan would fund schools, roads and clinics, "
    "although critics argued that the figures were optimistic.";
const char kP3[] =
    "The mayor, who had pushed for the plan since spring, thanked the "
    "members and promised a review of the spending in six months.";
const char kP4[] =
    "Residents who attended the meeting said they hoped the money would "
    "reach the poorer districts first, as the council had promised.";

std::string P(const char* text) { return std::string("<p>") + text + "</p>"; }

std::string Page(const std::string& body) {
  return "<html lang=\"en\"><head><title>Budget passes | Example "
         "News</title></head><body><h1>Budget passes</h1>" +
         body + "</body></html>";
}

std::vector<std::string> Blocks(const std::string& html) {
  Result<Article> a = ExtractHtml(html);
  EXPECT_TRUE(a.ok()) << a.status().message();
  std::vector<std::string> got;
  if (a.ok())
    for (const Block& b : a->blocks) got.push_back(b.text);
  return got;
}

TEST(ArticleBody, TextRichContainerKeptWhateverItsClassSays) {
  // CMS flags such as "node--promoted" or a paywall wrapper around the
  // text match boilerplate words; the element holding the page's paragraph
  // text is the article all the same.
  const std::string html = Page(
      "<div class=\"node node--promoted\"><div class=content-behind-paywall>" +
      P(kP1) + P(kP2) + P(kP3) + P(kP4) +
      "</div></div><div class=newsletter-signup><p>Sign up for our "
      "newsletter, every morning, for free.</p></div>");
  EXPECT_EQ(Blocks(html), (std::vector<std::string>{kP1, kP2, kP3, kP4}));
}

TEST(ArticleBody, CommentThreadIsNeverProtectedByItsText) {
  const std::string html =
      Page("<div class=story>" + P(kP1) +
           "</div><div class=comments><div class=comment>" + P(kP2) +
           "</div><div class=comment>" + P(kP3) + "</div><div class=comment>" +
           P(kP4) + "</div></div>");
  EXPECT_EQ(Blocks(html), (std::vector<std::string>{kP1}));
}

TEST(ArticleBody, SmallTeaserWithContentLikeClassDoesNotWin) {
  // "t_text" says text, but a teaser of one line is not the article.
  const std::string html = Page(
      "<div class=col_right><div class=small-teaser><div class=t_text><p>"
      "Krisenfest: a portrait, in words and pictures.</p></div></div></div>"
      "<div class=col_left><div class=c1>" +
      P(kP1) + P(kP2) + "</div></div>");
  EXPECT_EQ(Blocks(html), (std::vector<std::string>{kP1, kP2}));
}

TEST(ArticleBody, ArticleChunksInCousinContainersAreJoined) {
  // The body is cut into two grid rows by an ad rail; each row holds a
  // chunk of the text.
  const std::string html = Page(
      "<article><div class=chunks><div class=row><div class=chunk>" + P(kP1) +
      P(kP2) +
      "</div><div class=ad-slot>Advertisement</div></div><div class=row>"
      "<div class=chunk>" +
      P(kP3) + P(kP4) +
      "</div></div></div></article><div class=more><ul><li><a href=/a>Other "
      "story</a></li><li><a href=/b>Another story</a></li></ul></div>");
  EXPECT_EQ(Blocks(html), (std::vector<std::string>{kP1, kP2, kP3, kP4}));
}

const char kLead[] =
    "The city will spend more on schools and roads next year. Critics say "
    "the figures rest on optimistic forecasts of tax income, and that the "
    "poorer districts will wait again.";

TEST(ArticleBody, LeadBesideTheHeadlineOpensTheText) {
  const std::vector<std::pair<std::string, std::string>> leads = {
      {"named lead in the header",
       "<header><p class=article-lead>" + std::string(kLead) + "</p></header>"},
      {"German Vorspann block",
       "<div class=artikel-vorspann>" + std::string(kLead) + "</div>"},
      {"unnamed paragraph in the headline's header", ""},
  };
  for (const auto& [name, lead] : leads) {
    SCOPED_TRACE(name);
    std::string html =
        lead.empty()
            ? "<html><head><title>Budget passes</title></head><body><article>"
              "<header><h1>Budget passes</h1><p>" +
                  std::string(kLead) + "</p></header><div class=story>" +
                  P(kP1) + P(kP2) + "</div></article></body></html>"
            : Page(lead + "<div class=story>" + P(kP1) + P(kP2) + "</div>");
    EXPECT_EQ(Blocks(html), (std::vector<std::string>{kLead, kP1, kP2}));
  }
}

TEST(ArticleBody, DecksCaptionsAndDatelinesAreNoLeads) {
  const std::vector<std::string> tops = {
      // A one-line deck restates the headline.
      "<h2 class=subtitle>Council approves the budget after a long debate "
      "about schools, roads and clinics in the city</h2>",
      // The story's lead picture and its credit.
      "<div class=lead-media><p>The council chamber on Tuesday. The vote "
      "came late in the evening after a long debate. (Photo: Jo Doe / "
      "Example Agency)</p></div>",
      // Other stories' teasers.
      "<ul class=teaser-list><li>Mayor opens the bridge. Traffic flows "
      "again after two years of works on the river crossing.</li></ul>",
  };
  for (const std::string& top : tops) {
    SCOPED_TRACE(top);
    EXPECT_EQ(Blocks(Page(top + "<div class=story>" + P(kP1) + P(kP2) +
                          "</div>")),
              (std::vector<std::string>{kP1, kP2}));
  }
}

TEST(ArticleBody, LeadAlreadyInTheContainerIsNotRepeated) {
  const std::string html = Page("<div class=story><p class=intro>" +
                                std::string(kLead) + "</p>" + P(kP1) + P(kP2) +
                                "</div>");
  EXPECT_EQ(Blocks(html), (std::vector<std::string>{kLead, kP1, kP2}));
}

TEST(ArticleBody, ShortTrailingLinesThatEndNoSentenceAreTrimmed) {
  const std::string html = Page(
      "<div class=story>" + P(kP1) + P(kP2) +
      "<p>Quelle: Deutscher Jagdverband (DJV)</p><p>Photo credit: Getty</p>"
      "<p>War der Artikel hilfreich?</p></div>");
  EXPECT_EQ(Blocks(html), (std::vector<std::string>{kP1, kP2}));
}

TEST(ArticleBody, ArticleEndingsAndListsAreNotTrimmed) {
  // A short last sentence, a closing quote and a final list stay.
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) +
                        "<p>The vote is final.</p></div>")),
            (std::vector<std::string>{kP1, kP2, "The vote is final."}));
  EXPECT_EQ(
      Blocks(Page("<div class=story>" + P(kP1) + P(kP2) +
                  "<p>\u201cWe did it,\u201d she said, \u201cat last.\u201d</p></div>")),
      (std::vector<std::string>{kP1, kP2,
                                "\u201cWe did it,\u201d she said, \u201cat last.\u201d"}));
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) +
                        "<ul><li>Schools</li><li>Roads</li></ul></div>")),
            (std::vector<std::string>{kP1, kP2, "Schools", "Roads"}));
}

TEST(ArticleBody, ReadMoreTrailerAtTheEndIsCut) {
  // A related-reading label near the end, followed by more teaser titles
  // than the short-line tail trim would take, goes with all that follows.
  const std::string teasers =
      "<p>Stadtrat streitet \u00fcber Radwege</p><p>Neue Schule im Norden"
      "</p><p>Haushalt 2025: die Zahlen</p><p>Interview mit der "
      "K\u00e4mmerin</p>";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) + P(kP3) +
                        P(kP4) + "<h2>Mehr zum Thema</h2>" + teasers +
                        "</div>")),
            (std::vector<std::string>{kP1, kP2, kP3, kP4}));
  // A label with a teaser title after a colon, in capitals (case-folded).
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) + P(kP3) +
                        P(kP4) +
                        "<p>\u0427\u0418\u0422\u0410\u0419\u0422\u0415 "
                        "\u0422\u0410\u041a\u0416\u0415: \u0411\u044e"
                        "\u0434\u0436\u0435\u0442 \u043f\u0440\u0438"
                        "\u043d\u044f\u0442</p>" +
                        teasers + "</div>")),
            (std::vector<std::string>{kP1, kP2, kP3, kP4}));
}

TEST(ArticleBody, ReadMoreLabelBeforeArticleTextIsKept) {
  // Followed by sentences (an inline "Read more:" link inside the story),
  // or early in the text, or running on into a sentence: article text.
  const std::string inline_teaser =
      "<p>Read more: Council delays vote</p>";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) + P(kP3) +
                        inline_teaser + P(kP4) + "</div>")),
            (std::vector<std::string>{kP1, kP2, kP3,
                                      "Read more: Council delays vote",
                                      kP4}));
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) +
                        "<h2>Related</h2><p>Schools</p><p>Roads</p>" +
                        P(kP2) + P(kP3) + P(kP4) + "</div>")),
            (std::vector<std::string>{kP1, "Related", "Schools", "Roads", kP2,
                                      kP3, kP4}));
  const char kRelated[] = "Related to the budget, the council also voted on";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) + P(kP3) +
                        P(kP4) + P(kRelated) + "<ul><li>parking fees</li>"
                        "<li>street lights</li><li>bus lanes</li></ul></div>")),
            (std::vector<std::string>{kP1, kP2, kP3, kP4, kRelated,
                                      "parking fees", "street lights",
                                      "bus lanes"}));
}

TEST(ArticleBody, RepeatedSubheadsOfStructuredTextStay) {
  // A guide repeats the same short labels in each of its sections; only a
  // repeated paragraph (the lead printed twice) is a duplicate.
  const std::string section =
      "<h3>Breakfast</h3><p>Eat within an hour of waking</p><h3>Lunch</h3>"
      "<p>Eat every three hours</p>";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + "<h2>Plan A</h2>" +
                        section + P(kP2) + "<h2>Plan B</h2>" + section +
                        P(kP3) + P(kP1) + "</div>")),
            (std::vector<std::string>{
                kP1, "Plan A", "Breakfast", "Eat within an hour of waking",
                "Lunch", "Eat every three hours", kP2, "Plan B", "Breakfast",
                "Eat within an hour of waking", "Lunch",
                "Eat every three hours", kP3}));
}

TEST(ArticleBody, AdLabelsAndScriptPlaceholdersGo) {
  // Ad slots print their label between paragraphs, in the page's language,
  // and script-only widgets leave a placeholder line.
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + "<div>Advertisement</div>" +
                        P(kP2) + "<p>ANZEIGE</p>" + P(kP3) +
                        "<span>\u0420\u0435\u043a\u043b\u0430\u043c\u0430</span>" +
                        "<p>This slideshow requires JavaScript.</p>" + P(kP4) +
                        "<p>Advertisement</p></div>")),
            (std::vector<std::string>{kP1, kP2, kP3, kP4}));
  // A sentence that starts with such a word is text.
  const char kAd[] = "Advertisement spending rose by a tenth last year.";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kAd) + P(kP2) +
                        "</div>")),
            (std::vector<std::string>{kP1, kAd, kP2}));
}

TEST(ArticleBody, LabelledTeaserLinksInsideTheStoryGo) {
  // "SEE MORE: <link>" and runs of teaser links with tags between them sit
  // between paragraphs; a paragraph with a link in its prose stays.
  const char kLinked[] =
      "The report, <a href=/r>published on Monday</a>, found that spending "
      "had risen.";
  EXPECT_EQ(
      Blocks(Page("<div class=story>" + P(kP1) +
                  "<p><strong>SEE MORE</strong>: <a href=/x>Council delays "
                  "the vote on the new budget</a></p>" +
                  P(kP2) +
                  "<p><a href=/a>Mayor opens the bridge after two years</a> "
                  "[VIDEO] | <a href=/b>Schools get new roofs before "
                  "winter</a> [INSIGHT]</p>" +
                  P(kP3) + "<p>" + kLinked + "</p>" + P(kP4) + "</div>")),
      (std::vector<std::string>{
          kP1, kP2, kP3,
          "The report, published on Monday, found that spending had risen.",
          kP4}));
}

TEST(ArticleBody, HoverCardInsideAParagraphGoes) {
  // A person's name opens a card (picture, links to other stories); only
  // the name belongs to the sentence.
  const std::string card =
      "<span class=person><a href=/p/ann>Ann Lee</a><span class=card><span>"
      "<img src=ann.jpg><a href=/p/ann>Ann Lee</a><a href=/s1>Lee wins the "
      "primary in a close race</a> <a href=/s2>Lee on schools</a> <a "
      "href=/p/ann>MORE</a></span></span></span>";
  EXPECT_EQ(Blocks(Page("<div class=story><p>The mayor, " + card +
                        ", said the plan would fund schools, roads and "
                        "clinics across the city.</p>" +
                        P(kP2) + P(kP3) + "</div>")),
            (std::vector<std::string>{
                "The mayor, Ann Lee, said the plan would fund schools, roads "
                "and clinics across the city.",
                kP2, kP3}));
}

TEST(ArticleBody, EmbeddedPostQuotedByTheStoryStays) {
  // A tweet the story quotes sits in a "social-media-embed" wrapper; a
  // share bar with the same word in its class still goes.
  const char kTweet[] = "The vote is a good day for the city's schools.";
  const char kSigned[] = "\u2014 Ann Lee (@annlee) May 2, 2024";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) +
                        "<div class=social-media-embed><blockquote "
                        "class=twitter-tweet><p>The vote is a good day for "
                        "the city's schools.</p> \u2014 Ann Lee (@annlee) "
                        "<a href=/s>May 2, 2024</a></blockquote></div>" +
                        P(kP2) +
                        "<div class=social-share><p>Share this story on "
                        "Facebook, X and by e-mail with your friends</p></div>" +
                        P(kP3) + "</div>")),
            (std::vector<std::string>{kP1, kTweet, kSigned, kP2, kP3}));
}

TEST(ArticleBody, CallsToActionGo) {
  // Newsletter and subscription boxes speak to the reader in imperatives;
  // a sentence that only mentions a newsletter is text.
  const char kNews[] =
      "The council will also send a newsletter to every household.";
  EXPECT_EQ(
      Blocks(Page("<div class=story><p>Start your day with our morning "
                  "briefing. Sign up for the free daily newsletter.</p>" +
                  P(kP1) + P(kP2) + P(kNews) +
                  "<p>Get the latest updates right in your inbox. Subscribe "
                  "to our newsletters.</p>" +
                  P(kP3) +
                  "<p>Abonnez-vous \u00e0 notre lettre d'information.</p>"
                  "</div>")),
      (std::vector<std::string>{kP1, kP2, kNews, kP3}));
  const char kFollow[] = "Follow the money, the auditor told the council.";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kFollow) + P(kP2) +
                        "<p>Like this story? Share it with a friend!</p>"
                        "<p>Follow Example News on Instagram, Facebook and "
                        "Twitter.</p></div>")),
            (std::vector<std::string>{kP1, kFollow, kP2}));
}

TEST(ArticleBody, MoreStoriesListNextPrevTeasersAndButtonsGo) {
  // After the story: a "More ... stories" label over a list of teasers, a
  // next/previous story box and a subscribe button.
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) + P(kP3) +
                        P(kP4) + "<p>SUBSCRIBE</p><hr><div>More Great "
                        "Example Stories</div><ul><li>Mayor opens the "
                        "<a href=/a>bridge after two years</a></li><li>Why "
                        "the schools <a href=/b>need new roofs</a>?</li>"
                        "<li>Bus lanes: <a href=/c>the plan</a></li></ul>"
                        "</div>")),
            (std::vector<std::string>{kP1, kP2, kP3, kP4}));
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + P(kP2) +
                        "<div class=next-prev><p><a href=/n>Next story</a>"
                        "</p><h5>Mayor opens the bridge</h5><p>The new "
                        "crossing carries two lanes each way.</p></div></div>")),
            (std::vector<std::string>{kP1, kP2}));
}

TEST(ArticleBody, CaptionCreditLinesInTheTextGo) {
  // A picture's caption with its credit, written as a paragraph between
  // the story's paragraphs; a sentence about copyright stays.
  const char kRights[] =
      "The publisher holds the rights to the photographs, the court said.";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) +
                        "<p>The mayor at the opening. | \u00a9 Jo Doe/Example "
                        "Images</p>" +
                        P(kP2) + "<p>\u00a9 AFP / Jo Doe</p>" + P(kRights) +
                        P(kP3) + "</div>")),
            (std::vector<std::string>{kP1, kP2, kRights, kP3}));
}

TEST(ArticleBody, PromotedFlagOfAShortArticleIsNoPromoBox) {
  // Drupal marks front-page stories "node--promoted"; on a page whose
  // cookie notice holds more paragraph text than the story, the flag alone
  // must not drop the story.
  std::string notice = "<div class=cookie-notice>";
  for (int i = 0; i < 6; ++i)
    notice += "<p>We use cookies and similar techniques to measure the reach "
              "of our pages and to show you content that fits your "
              "interests; you can change your choice at any time.</p>";
  notice += "</div>";
  EXPECT_EQ(Blocks(Page("<article class=\"node node--promoted\"><div "
                        "class=node__content>" +
                        P(kP1) + P(kP2) + "</div></article>" + notice)),
            (std::vector<std::string>{kP1, kP2}));
}

TEST(ArticleBody, TimestampLinesGo) {
  // The page's own date and time printed between the blocks of the text;
  // a short sentence with a time and a year, or an addendum label, stays.
  const char kMeeting[] = "The vote came at 10:30 in 2024.";
  const char kAddendum[] = "Update 22.04.2024 10:30:";
  EXPECT_EQ(Blocks(Page("<div class=story><p>20 Nov, 2024 05:47</p>" + P(kP1) +
                        "<p>Updated: 18 Nov 2024 9:38 pm</p>" + P(kP2) +
                        P(kMeeting) + "<h3>" + kAddendum + "</h3>" + P(kP3) +
                        "</div>")),
            (std::vector<std::string>{kP1, kP2, kMeeting, kAddendum, kP3}));
}

TEST(ArticleBody, InterviewQuestionsPutToEachGuestStay) {
  // The same long question is asked of every guest; it is no duplicate.
  const char kQ[] =
      "What made you start cooking for other people, and what do you cook "
      "most often for your family?";
  const char kA1[] = "I started when my grandmother fell ill, and she taught me.";
  const char kA2[] = "My friends asked for recipes, so I wrote them down for all.";
  EXPECT_EQ(Blocks(Page("<div class=story>" + P(kP1) + "<h3>Ann Lee</h3>" +
                        "<p><b>" + kQ + "</b></p>" + P(kA1) +
                        "<h3>Bo Chan</h3><p><b>" + kQ + "</b></p>" + P(kA2) +
                        "</div>")),
            (std::vector<std::string>{kP1, "Ann Lee", kQ, kA1, "Bo Chan", kQ,
                                      kA2}));
}

}  // namespace
}  // namespace newsfacts
