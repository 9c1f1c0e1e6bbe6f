// ExpandInputs: command-line paths -> the list of pages to read.

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>

#include "ingest/ingest.h"

namespace newsfacts {
namespace {

namespace fs = std::filesystem;

bool EndsWithIgnoringCase(std::string_view s, std::string_view lower_suffix) {
  if (s.size() < lower_suffix.size()) return false;
  s = s.substr(s.size() - lower_suffix.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_suffix[i]) return false;
  }
  return true;
}

bool IsPageName(const std::string& name) {
  return EndsWithIgnoringCase(name, ".html") ||
         EndsWithIgnoringCase(name, ".htm") ||
         EndsWithIgnoringCase(name, ".html.gz") || IsWarcPath(name);
}

Status Unreadable(const std::string& path, const std::error_code& ec) {
  return Status::IOError(path + ": cannot read: " + ec.message());
}

// Appends the pages under `dir`, sorted by path.
void WalkDirectory(const std::string& dir, std::vector<std::string>* files,
                   std::vector<InputError>* errors) {
  std::vector<std::string> found;
  std::error_code ec;
  // Symlinked directories are not followed: they can form cycles.
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) {
    errors->push_back({dir, Unreadable(dir, ec)});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) {
      // Report unreadable subfolders rather than silently skipping them.
      if (::access(entry.path().c_str(), R_OK | X_OK) != 0) {
        errors->push_back({entry.path().string(),
                           Status::IOError(entry.path().string() +
                                           ": cannot read directory")});
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!entry.is_regular_file(type_ec)) continue;
    const std::string path = entry.path().string();
    if (!IsPageName(entry.path().filename().string())) continue;
    if (::access(path.c_str(), R_OK) != 0) {
      errors->push_back({path, Status::IOError(path + ": cannot read file")});
      continue;
    }
    found.push_back(path);
  }
  if (ec) errors->push_back({dir, Unreadable(dir, ec)});
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

}  // namespace

bool IsWarcPath(std::string_view path) {
  return EndsWithIgnoringCase(path, ".warc") ||
         EndsWithIgnoringCase(path, ".warc.gz");
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<InputError>* errors) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back(
          {input, Status::NotFound(input + ": no such file or directory")});
      continue;
    }
    if (fs::is_directory(st)) {
      WalkDirectory(input, &files, errors);
      continue;
    }
    // A file named on the command line is read whatever its extension.
    if (::access(input.c_str(), R_OK) != 0) {
      errors->push_back(
          {input,
           Status::IOError(input + ": cannot read (permission denied)")});
      continue;
    }
    files.push_back(input);
  }
  return files;
}

}  // namespace newsfacts
