#include "cli/pipeline.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace newsfacts {

namespace {

int64_t MicrosSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now() - start)
      .count();
}

// Shifts every span of `part` by `offset` bytes and appends it to `all`.
void AppendShifted(Facts part, size_t offset, Facts* all) {
  for (auto& e : part.entities) {
    e.span.begin += offset;
    e.span.end += offset;
    all->entities.push_back(std::move(e));
  }
  for (auto& d : part.dates) {
    d.span.begin += offset;
    d.span.end += offset;
    all->dates.push_back(std::move(d));
  }
  for (auto& c : part.counts) {
    c.span.begin += offset;
    c.span.end += offset;
    all->counts.push_back(std::move(c));
  }
}

}  // namespace

std::string ResolveConfigDir(const std::string& flag) {
  namespace fs = std::filesystem;
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("NEWSFACTS_CONFIG_DIR"); env && *env) {
    return env;
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // build/<preset>/newsfacts -> <repo>/config; <prefix>/bin -> share/.
    for (const fs::path& candidate :
         {exe.parent_path() / "../../config",
          exe.parent_path() / "../share/newsfacts/config"}) {
      if (fs::is_directory(candidate / "lang", ec)) {
        return fs::weakly_canonical(candidate, ec).string();
      }
    }
  }
  return NEWSFACTS_DEFAULT_CONFIG_DIR;
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(
    const PipelineOptions& options) {
  auto extractor =
      Extractor::Create({.sites_dir = options.config_dir + "/sites"});
  if (!extractor.ok()) return extractor.status();
  std::unique_ptr<Tagger> tagger;
  if (options.facts) {
    auto t = Tagger::Create({.lang_dir = options.config_dir + "/lang"});
    if (!t.ok()) return t.status();
    tagger = std::move(*t);
  }
  return std::unique_ptr<Pipeline>(
      new Pipeline(std::move(*extractor), std::move(tagger)));
}

Result<PipelineOutput> Pipeline::Process(const Document& document) const {
  const auto start = std::chrono::steady_clock::now();
  Result<Article> article = extractor_->Extract(document);
  times_.extract_micros += MicrosSince(start);
  if (!article.ok()) return article.status();

  PipelineOutput out;
  out.article = std::move(*article);
  // The URL the page was fetched from wins over what the page says.
  if (!document.final_url.empty()) {
    out.article.url = document.final_url;
  } else if (out.article.url.empty() && !document.requested_url.empty()) {
    out.article.url = document.requested_url;
  }
  if (tagger_) {
    const auto facts_start = std::chrono::steady_clock::now();
    out.facts = TagArticle(out.article);
    times_.facts_micros += MicrosSince(facts_start);
  }
  return out;
}

Facts Pipeline::TagArticle(const Article& article) const {
  const std::optional<CivilDay> page_date = CivilDay::FromIso(article.published);
  // A multi-post page is tagged post by post, each against its own date, so
  // that canonical names and relative dates stay within one post.
  Facts all;
  size_t pos = 0;
  bool posts_found = !article.posts.empty();
  for (const Post& post : article.posts) {
    const size_t at = article.text.find(post.text, pos);
    if (post.text.empty() || at == std::string::npos) {
      posts_found = false;
      break;
    }
    pos = at + post.text.size();
  }
  if (!posts_found) {
    return tagger_->Tag(article.text, page_date, article.language);
  }
  pos = 0;
  for (const Post& post : article.posts) {
    const size_t at = article.text.find(post.text, pos);
    std::optional<CivilDay> date = CivilDay::FromIso(post.published);
    if (!date) date = page_date;
    AppendShifted(tagger_->Tag(post.text, date, article.language), at, &all);
    pos = at + post.text.size();
  }
  return all;
}

Facts Pipeline::Tag(std::string_view text, std::optional<CivilDay> date,
                    std::string_view language) const {
  if (!tagger_) return {};
  const auto start = std::chrono::steady_clock::now();
  Facts facts = tagger_->Tag(text, date, language);
  times_.facts_micros += MicrosSince(start);
  return facts;
}

}  // namespace newsfacts
