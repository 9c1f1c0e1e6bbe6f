#include "core/strings.h"

#include <algorithm>
#include <cstring>
#include <fstream>

namespace newsfacts {

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

size_t CountSubstringsIn(std::string_view text,
                         const std::vector<std::string>& patterns,
                         size_t enough) {
  std::vector<bool> found(patterns.size(), false);
  size_t count = 0;
  auto mark = [&](size_t k) {
    if (!found[k]) {
      found[k] = true;
      ++count;
    }
    return count >= enough;
  };
  // Patterns of one byte or none go to find(); the rest share the scan.
  std::vector<size_t> scanned;
  size_t m = 255;  // the shortest scanned pattern, at most 255 (shifts fit a byte)
  for (size_t k = 0; k < patterns.size(); ++k) {
    if (patterns[k].size() < 2) {
      if (text.find(patterns[k]) != std::string_view::npos && mark(k))
        return count;
    } else {
      scanned.push_back(k);
      m = std::min(m, patterns[k].size());
    }
  }
  if (scanned.empty() || text.size() < m) return count;
  auto pair_at = [](const char* p) {
    return static_cast<size_t>(static_cast<unsigned char>(p[0])) << 8 |
           static_cast<unsigned char>(p[1]);
  };
  // shift[pair]: how far the window (m bytes) may move when its last two
  // bytes are `pair`; 0 when some pattern's first m bytes end with it.
  std::vector<uint8_t> shift(1 << 16, static_cast<uint8_t>(m - 1));
  for (size_t k : scanned) {
    const std::string& p = patterns[k];
    for (size_t j = 0; j + 2 <= m; ++j) {
      uint8_t& s = shift[pair_at(p.data() + j)];
      s = std::min<uint8_t>(s, static_cast<uint8_t>(m - 2 - j));
    }
  }
  for (size_t i = 0; i + m <= text.size();) {
    const uint8_t s = shift[pair_at(text.data() + i + m - 2)];
    if (s != 0) {
      i += s;
      continue;
    }
    for (size_t k : scanned) {
      const std::string& p = patterns[k];
      if (!found[k] && p.size() <= text.size() - i &&
          std::memcmp(text.data() + i, p.data(), p.size()) == 0 && mark(k))
        return count;
    }
    ++i;
  }
  return count;
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
