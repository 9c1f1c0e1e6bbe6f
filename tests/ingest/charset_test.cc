// DecodeToUtf8 and the sniffing steps behind it. Cases that follow the HTML
// Living Standard cite 13.2.3.1 ("Determining the character encoding") or
// 13.2.3.2 ("Prescan a byte stream to determine its encoding"); label
// mappings follow the WHATWG Encoding Standard 4.2 ("Names and labels").

#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "ingest/sniff.h"
#include "tests/ingest/ingest_test_util.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using ingest_internal::CanonicalCharset;
using ingest_internal::CharsetFromContentType;
using ingest_internal::PrescanMetaCharset;
using testing::Encode;

// Plain Russian news-like prose, long enough for statistical detection.
constexpr std::string_view kRussian =
    "Правительство объявило о новых мерах поддержки экономики. По словам "
    "министра финансов, в этом году инфляция замедлится, а реальные доходы "
    "граждан вырастут. Эксперты считают, что санкции продолжат влиять на "
    "рынок, однако банки уже приспособились к новым условиям. В среду в "
    "столице прошло совещание, на котором обсуждали бюджет следующего года "
    "и расходы на здравоохранение и образование.";

std::string Page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html><html><head>" + std::string(head) +
         "<title>Новости</title></head><body><p>" + std::string(body) +
         "</p></body></html>";
}

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::string content_type;
  std::string want_charset;
  std::string want_text;  // must appear in the UTF-8 output
};

std::vector<DecodeCase> DecodeCases() {
  const std::string ru(kRussian);
  return {
      // 13.2.3.1 step 1: the BOM wins over everything, and is removed.
      {"Utf8BomBeatsHeader", "\xEF\xBB\xBF<p>Привет</p>",
       "text/html; charset=windows-1251", "UTF-8", "<p>Привет</p>"},
      {"Utf16LeBom", "\xFF\xFE" + Encode("<p>Привет, мир</p>", "UTF-16LE"), "",
       "UTF-16LE", "<p>Привет, мир</p>"},
      {"Utf16BeBom", "\xFE\xFF" + Encode("<p>Привет, мир</p>", "UTF-16BE"), "",
       "UTF-16BE", "<p>Привет, мир</p>"},
      // Step 2 (transport layer) beats step 3 (<meta> prescan).
      {"HeaderBeatsMeta",
       Encode(Page("<meta charset=\"koi8-r\">", ru), "windows-1251"),
       "text/html; charset=windows-1251", "windows-1251", ru},
      {"HeaderLabelIsMapped", Encode(Page("", ru), "windows-1251"),
       "text/html; charset=x-cp1251", "windows-1251", ru},
      {"MetaCharsetCp1251",
       Encode(Page("<meta charset=\"windows-1251\">", ru), "windows-1251"), "",
       "windows-1251", ru},
      {"MetaHttpEquivKoi8r",
       Encode(Page("<meta http-equiv=\"Content-Type\" "
                   "content=\"text/html; charset=koi8-r\">",
                   ru),
              "KOI8-R"),
       "", "KOI8-R", ru},
      {"MetaLatin1MeansWindows1252",
       "<meta charset=iso-8859-1><p>caf\xE9 \x93quoted\x94</p>", "",
       "windows-1252", "café “quoted”"},
      // An unknown label is not a failure: detection takes over.
      {"UnknownLabelFallsThroughToDetection",
       Encode(Page("<meta charset=\"x-no-such-charset\">", ru), "windows-1251"),
       "text/html; charset=also-unknown", "windows-1251", ru},
      {"Cp1251WithoutDeclarationIsDetected",
       Encode(Page("", ru), "windows-1251"), "", "windows-1251", ru},
      {"Koi8rWithoutDeclarationIsDetected", Encode(Page("", ru), "KOI8-R"), "",
       "KOI8-R", ru},
      {"UndeclaredValidUtf8IsUtf8", Page("", ru), "", "UTF-8", ru},
      {"AsciiIsUtf8", "<p>plain text</p>", "", "UTF-8", "<p>plain text</p>"},
      // Declared UTF-8 with a stray Latin-1 byte: U+FFFD, not a failure.
      {"InvalidUtf8BecomesReplacementChar",
       "<meta charset=utf-8><p>caf\xE9 au lait</p>", "", "UTF-8",
       "caf\uFFFD au lait"},
      // ...but a whole legacy page behind a template's <meta charset=utf-8>
      // is decoded as what it is (a deliberate deviation from WHATWG).
      {"MislabelledLegacyPageIsDetected",
       Encode(Page("<meta charset=\"utf-8\">", ru), "windows-1251"), "",
       "windows-1251", ru},
      // The header is trusted as given, as browsers do.
      {"HeaderUtf8IsTrustedForLegacyBytes",
       Encode(Page("", "Привет, мир"), "windows-1251"),
       "text/html; charset=utf-8", "UTF-8", "\uFFFD\uFFFD\uFFFD"},
      // 13.2.3.2: a <meta> read as ASCII cannot mean UTF-16.
      {"MetaUtf16MeansUtf8", "<meta charset=utf-16><p>Привет</p>", "", "UTF-8",
       "<p>Привет</p>"},
      // A page re-saved as UTF-8 that kept its old <meta>.
      {"ValidUtf8OutvotesLegacyMeta",
       Page("<meta charset=\"windows-1251\">", ru), "", "UTF-8", ru},
      {"NulBecomesReplacementChar",
       "<p>a" + std::string(1, '\0') + "b</p>" + std::string(200, ' '), "",
       "UTF-8", "a\uFFFDb"},
      {"UndetectableFallsBackToWindows1252", "<p>\xE9t\xE9</p>", "",
       "windows-1252", "<p>été</p>"},
  };
}

TEST(DecodeToUtf8, ChoosesCharsetInWhatwgOrder) {
  for (const DecodeCase& c : DecodeCases()) {
    SCOPED_TRACE(c.name);
    Result<DecodedText> out = DecodeToUtf8(c.bytes, c.content_type);
    ASSERT_OK(out);
    EXPECT_EQ(out->charset, c.want_charset);
    EXPECT_NE(out->utf8.find(c.want_text), std::string::npos) << out->utf8;
    EXPECT_TRUE(IsValidUtf8(out->utf8));
    EXPECT_NE(out->utf8.rfind("\xEF\xBB\xBF", 0), 0u) << "BOM left in output";
    EXPECT_EQ(out->utf8.find('\0'), std::string::npos);
  }
}

TEST(DecodeToUtf8, WellFormedUtf8ComesOutAsItWentIn) {
  // The UTF-8 fast path: byte for byte, but for NUL and U+001A (U+FFFD, as
  // ICU's path gives) and no BOM.
  const std::string page = "<meta charset=utf-8><p>Ürümqi – 新疆 " +
                           std::string(1, '\x1A') + "x" + std::string(1, '\0') +
                           "</p>" + std::string(200, ' ');
  Result<DecodedText> out = DecodeToUtf8(page, "text/html; charset=UTF-8");
  ASSERT_OK(out);
  EXPECT_EQ(out->charset, "UTF-8");
  EXPECT_EQ(out->utf8, "<meta charset=utf-8><p>Ürümqi – 新疆 \uFFFDx\uFFFD</p>" +
                           std::string(200, ' '));
  Result<DecodedText> bom =
      DecodeToUtf8("\xEF\xBB\xBF<p>a</p>" + std::string(200, ' '), "");
  ASSERT_OK(bom);
  EXPECT_EQ(bom->utf8.substr(0, 8), "<p>a</p>");
}

TEST(DecodeToUtf8, RejectsBinary) {
  std::string pdf = "%PDF-1.7\n" + std::string(100, 'x');
  EXPECT_FALSE(DecodeToUtf8(pdf, "").ok());
  std::string nuls(1000, '\0');
  EXPECT_FALSE(DecodeToUtf8(nuls, "").ok());
}

TEST(DecodeToUtf8, EveryCanonicalNameHasAConverter) {
  for (const char* name :
       {"UTF-8",        "windows-1250", "windows-1251",   "windows-1252",
        "windows-1253", "windows-1254", "windows-1255",   "windows-1256",
        "windows-1257", "windows-1258", "windows-874",    "KOI8-R",
        "KOI8-U",       "IBM866",       "ISO-8859-2",     "ISO-8859-3",
        "ISO-8859-4",   "ISO-8859-5",   "ISO-8859-6",     "ISO-8859-7",
        "ISO-8859-8",   "ISO-8859-10",  "ISO-8859-13",    "ISO-8859-14",
        "ISO-8859-15",  "macintosh",    "x-mac-cyrillic", "GBK",
        "gb18030",      "Big5",         "EUC-JP",         "ISO-2022-JP",
        "Shift_JIS",    "EUC-KR"}) {
    SCOPED_TRACE(name);
    Result<DecodedText> out =
        DecodeToUtf8("<p>text</p>", std::string("text/html; charset=") + name);
    ASSERT_OK(out);
    EXPECT_EQ(out->charset, name);
    EXPECT_EQ(out->utf8, "<p>text</p>");
  }
}

TEST(CharsetFromContentType, ReadsTheCharsetParameter) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"text/html; charset=UTF-8", "UTF-8"},
      {"text/html;charset=\"koi8-r\"", "koi8-r"},
      {"text/html; foo=\"a;b\"; Charset = cp1251 ", "cp1251"},
      {"text/html", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(CharsetFromContentType(in), want) << in;
  }
}

TEST(PrescanMetaCharset, FollowsTheHtmlPrescan) {
  const std::string filler(1100, ' ');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<meta charset=\"utf-8\">", "utf-8"},
      {"<META CHARSET=KOI8-R>", "koi8-r"},
      {"<meta http-equiv=\"Content-Type\" "
       "content=\"text/html; charset=windows-1251\">",
       "windows-1251"},
      {"<meta content=\"text/html; charset=windows-1251\" "
       "http-equiv=content-type>",
       "windows-1251"},
      {"<meta http-equiv=content-type "
       "content='text/html;charset=\"iso-8859-5\"'>",
       "iso-8859-5"},
      // "need pragma": content= counts only with http-equiv=content-type.
      {"<meta content=\"text/html; charset=windows-1251\">", ""},
      {"<meta http-equiv=refresh content=\"0; charset=koi8-r\">", ""},
      // Comments and attribute values are skipped, not searched.
      {"<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">", "utf-8"},
      {"<div title=\"<meta charset=koi8-r>\"><meta charset=\"utf-8\">",
       "utf-8"},
      {"<metadata charset=koi8-r><meta charset=utf-8>", "utf-8"},
      // Only the first of repeated attributes counts.
      {"<meta charset=\"utf-8\" charset=\"koi8-r\">", "utf-8"},
      // An unknown label does not stop the prescan.
      {"<meta charset=\"bogus\"><meta charset=\"koi8-r\">", "koi8-r"},
      // Only the first 1024 bytes are looked at.
      {filler + "<meta charset=\"koi8-r\">", ""},
      {"<p>no declaration</p>", ""},
      // Last step, "get an XML encoding": only at the very start, and only
      // when no <meta> spoke.
      {"<?xml version=\"1.0\" encoding=\"windows-1251\"?><html>",
       "windows-1251"},
      {"<?xml version='1.0' encoding = 'KOI8-R' ?><meta charset=utf-8>",
       "utf-8"},
      {" <?xml version=\"1.0\" encoding=\"koi8-r\"?>", ""},
      {"<?xml version=\"1.0\"?><p>x</p>", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(PrescanMetaCharset(in), want) << in.substr(0, 80);
  }
}

TEST(CanonicalCharset, MapsLabelsLikeBrowsers) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"latin1", "windows-1252"},
      {"ISO-8859-1", "windows-1252"},
      {"ascii", "windows-1252"},
      {"US-ASCII", "windows-1252"},
      {"x-cp1251", "windows-1251"},
      {"CP1251", "windows-1251"},
      {" KOI8-R ", "KOI8-R"},
      {"koi8-ru", "KOI8-U"},
      {"utf8", "UTF-8"},
      {"cp866", "IBM866"},
      {"gb2312", "GBK"},
      {"iso-8859-9", "windows-1254"},
      // Refused: UTF-7 hides markup; "replacement" labels decode to nothing.
      {"utf-7", ""},
      {"iso-2022-kr", ""},
      {"no-such-charset", ""},
      {"", ""},
  };
  for (const auto& [in, want] : cases) {
    EXPECT_EQ(CanonicalCharset(in), want) << in;
  }
  // Outside the WHATWG table, ICU's aliases are used.
  EXPECT_FALSE(CanonicalCharset("ibm437").empty());
}

}  // namespace
}  // namespace newsfacts
