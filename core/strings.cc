#include "core/strings.h"

#include <algorithm>
#include <cstring>
#include <fstream>

namespace newsfacts {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

SubstringSet::SubstringSet(const std::string_view* begin,
                           const std::string_view* end) {
  for (const std::string_view* k = begin; k != end; ++k) {
    if (k->empty()) {
      has_empty_ = true;
    } else {
      keywords_.emplace_back(*k);
    }
  }
  std::stable_sort(keywords_.begin(), keywords_.end(),
                   [](const std::string& a, const std::string& b) {
                     return static_cast<unsigned char>(a[0]) <
                            static_cast<unsigned char>(b[0]);
                   });
  size_t k = 0;
  for (unsigned b = 0; b <= 256; ++b) {
    while (k < keywords_.size() &&
           static_cast<unsigned char>(keywords_[k][0]) < b)
      ++k;
    bucket_[b] = static_cast<uint32_t>(k);
  }
}

bool SubstringSet::FoundIn(std::string_view s) const {
  if (has_empty_) return true;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    for (uint32_t k = bucket_[b]; k < bucket_[b + 1]; ++k) {
      const std::string& word = keywords_[k];
      // The second byte first: most candidates fail there, before memcmp.
      if (word.size() <= s.size() - i &&
          (word.size() == 1 ||
           (s[i + 1] == word[1] &&
            std::memcmp(s.data() + i + 2, word.data() + 2, word.size() - 2) ==
                0)))
        return true;
    }
  }
  return false;
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ReadFileToString(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  if (size < 0) return false;
  out->resize(static_cast<size_t>(size));
  in.seekg(0);
  return static_cast<bool>(in.read(out->data(), size));
}

}  // namespace newsfacts
