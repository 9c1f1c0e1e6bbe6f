#include "extract/article/site_profile.h"

#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/strings.h"

namespace newsfacts {
namespace {

Status Bad(const std::string& file, std::string_view what) {
  return Status::InvalidArgument("site profile " + file + ": " +
                                 std::string(what));
}

// Reads `key` (a string or an array of strings) from `table`.
Status ReadStrings(const toml::table& table, std::string_view key,
                   const std::string& file, std::vector<std::string>* out) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return Status::OK();
  if (const auto* s = node->as_string()) {
    out->push_back(s->get());
    return Status::OK();
  }
  const toml::array* arr = node->as_array();
  if (arr == nullptr) return Bad(file, std::string(key) + " must be strings");
  for (const toml::node& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr) return Bad(file, std::string(key) + " must be strings");
    out->push_back(s->get());
  }
  return Status::OK();
}

Status ReadSelector(const toml::table& table, std::string_view key,
                    const std::string& file, Selector* out) {
  std::vector<std::string> texts;
  NF_RETURN_IF_ERROR(ReadStrings(table, key, file, &texts));
  if (texts.empty()) return Status::OK();
  std::string joined;
  for (const std::string& t : texts) {
    if (!joined.empty()) joined += ",";
    joined += t;
  }
  Result<Selector> sel = Selector::Parse(joined);
  if (!sel.ok()) return Bad(file, sel.status().message());
  *out = std::move(*sel);
  return Status::OK();
}

Status ReadSelectors(const toml::table& table, std::string_view key,
                     const std::string& file, std::vector<Selector>* out) {
  std::vector<std::string> texts;
  NF_RETURN_IF_ERROR(ReadStrings(table, key, file, &texts));
  for (const std::string& t : texts) {
    Result<Selector> sel = Selector::Parse(t);
    if (!sel.ok()) return Bad(file, sel.status().message());
    out->push_back(std::move(*sel));
  }
  return Status::OK();
}

bool KindFromName(std::string_view name, PageKind* kind) {
  static constexpr std::pair<std::string_view, PageKind> kNames[] = {
      {"article", PageKind::kArticle}, {"live", PageKind::kLive},
      {"program", PageKind::kProgram}, {"video", PageKind::kVideo},
      {"gallery", PageKind::kGallery}, {"other", PageKind::kOther}};
  for (const auto& [n, k] : kNames) {
    if (n == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

std::string_view HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  size_t end = url.find_first_of("/:?#");
  return url.substr(0, end);
}

}  // namespace

Result<SiteProfile> ParseSiteProfile(std::string_view toml_text,
                                     const std::string& file) {
  toml::table root;
  try {
    root = toml::parse(toml_text, file);
  } catch (const toml::parse_error& e) {
    std::ostringstream msg;
    msg << e.description() << " at line " << e.source().begin.line;
    return Bad(file, msg.str());
  }
  SiteProfile p;
  p.file = file;
  p.name = std::filesystem::path(file).stem().string();
  if (const toml::table* detect = root["detect"].as_table()) {
    NF_RETURN_IF_ERROR(ReadStrings(*detect, "hosts", file, &p.hosts));
    NF_RETURN_IF_ERROR(ReadStrings(*detect, "markers", file, &p.markers));
    if (const toml::node* n = detect->get("min_markers")) {
      const auto* v = n->as_integer();
      if (v == nullptr || v->get() < 1) return Bad(file, "bad min_markers");
      p.min_markers = static_cast<int>(v->get());
    }
  }
  if (p.hosts.empty() && p.markers.empty())
    return Bad(file, "[detect] needs hosts or markers");
  if (const toml::table* sel = root["select"].as_table()) {
    NF_RETURN_IF_ERROR(ReadSelectors(*sel, "content", file, &p.content));
    NF_RETURN_IF_ERROR(ReadSelectors(*sel, "drop", file, &p.drop));
    NF_RETURN_IF_ERROR(ReadSelector(*sel, "post", file, &p.post));
    NF_RETURN_IF_ERROR(ReadSelector(*sel, "title", file, &p.title));
    NF_RETURN_IF_ERROR(ReadSelector(*sel, "date", file, &p.date));
    NF_RETURN_IF_ERROR(ReadSelector(*sel, "byline", file, &p.byline));
    NF_RETURN_IF_ERROR(ReadSelector(*sel, "section", file, &p.section));
    NF_RETURN_IF_ERROR(ReadSelector(*sel, "page_date", file, &p.page_date));
  }
  if (const toml::table* kinds = root["kinds"].as_table()) {
    for (const auto& [key, value] : *kinds) {
      const auto* s = value.as_string();
      PageKind kind;
      if (s == nullptr || !KindFromName(s->get(), &kind))
        return Bad(file, "unknown page kind for " + std::string(key.str()));
      p.kinds.emplace_back(std::string(key.str()), kind);
    }
  }
  return p;
}

Result<std::vector<SiteProfile>> LoadSiteProfiles(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return Status::NotFound("site profile folder not found: " + dir);
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<SiteProfile> out;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::IOError("cannot read site profile " + file);
    std::stringstream buf;
    buf << in.rdbuf();
    Result<SiteProfile> p = ParseSiteProfile(buf.str(), file);
    if (!p.ok()) return p.status();
    out.push_back(std::move(*p));
  }
  return out;
}

const SiteProfile* MatchProfile(const std::vector<SiteProfile>& profiles,
                                std::string_view url, std::string_view html) {
  std::string_view host = HostOf(url);
  // Hosts first for every profile: a host match is certain and cheap, while
  // markers are searched for in the whole page.
  for (const SiteProfile& p : profiles) {
    for (const std::string& h : p.hosts) {
      if (host.size() >= h.size() && host.substr(host.size() - h.size()) == h &&
          (host.size() == h.size() || host[host.size() - h.size() - 1] == '.'))
        return &p;
    }
  }
  for (const SiteProfile& p : profiles) {
    if (!p.markers.empty() &&
        CountSubstringsIn(html, p.markers, p.min_markers) >=
            static_cast<size_t>(p.min_markers))
      return &p;
  }
  return nullptr;
}

}  // namespace newsfacts
