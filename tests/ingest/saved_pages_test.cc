// Drives every saved page in tests/testdata/ingest through ExpandInputs and
// ReadDocument and checks it against the hand-checked expected.tsv there.

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "tests/test_util.h"

namespace newsfacts {
namespace {

using testing::ReadFileOrDie;
using testing::TestdataDir;

struct Expected {
  std::string charset;
  std::string snippet;
};

// file name -> expectation, from the tab-separated manifest.
std::map<std::string, Expected> ReadManifest(const std::string& path) {
  std::map<std::string, Expected> out;
  std::istringstream in(ReadFileOrDie(path));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t a = line.find('\t');
    const size_t b = line.find('\t', a + 1);
    EXPECT_NE(b, std::string::npos) << "bad manifest line: " << line;
    if (b == std::string::npos) continue;
    out[line.substr(0, a)] = {line.substr(a + 1, b - a - 1),
                              line.substr(b + 1)};
  }
  return out;
}

TEST(SavedPages, DecodeAsTheManifestSays) {
  const std::string dir = TestdataDir() + "/ingest";
  const std::map<std::string, Expected> manifest =
      ReadManifest(dir + "/expected.tsv");
  std::vector<InputError> errors;
  const std::vector<std::string> files = ExpandInputs({dir}, &errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(files.size(), manifest.size()) << "a page is missing from "
                                              "expected.tsv, or vice versa";
  for (const std::string& path : files) {
    SCOPED_TRACE(path);
    const std::string name = path.substr(path.rfind('/') + 1);
    auto it = manifest.find(name);
    ASSERT_NE(it, manifest.end()) << "not in expected.tsv";
    Result<Document> doc = ReadDocument(path, {});
    ASSERT_OK(doc);
    EXPECT_EQ(doc->charset, it->second.charset);
    EXPECT_NE(doc->html.find(it->second.snippet), std::string::npos)
        << doc->html;
    EXPECT_TRUE(IsValidUtf8(doc->html));
    EXPECT_NE(doc->html.rfind("\xEF\xBB\xBF", 0), 0u) << "BOM left in output";
  }
}

}  // namespace
}  // namespace newsfacts
