// Status and Result<T>: how every module reports expected failures.
//
// A Status is either OK or carries a code and a message that names what it is
// about (a file, a URL, a rule). Expected failures (HTTP errors, bad charset,
// empty page, malformed XML) are Status values; exceptions never cross a
// module boundary.
//
//   Result<Document> doc = ReadDocument(path, options);
//   if (!doc.ok()) return doc.status();
//   Use(*doc);
//
// Thread-safety: value types; safe to copy between threads.
#ifndef NEWSFACTS_CORE_STATUS_H_
#define NEWSFACTS_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace newsfacts {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,
    kNotFound,
    kIOError,
    kUnavailable,
    kCorruption,
    kUnsupported,
    kInternal,
  };

  Status() = default;  // OK

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status NotFound(std::string_view msg) {
    return Status(Code::kNotFound, msg);
  }
  static Status IOError(std::string_view msg) {
    return Status(Code::kIOError, msg);
  }
  static Status Unavailable(std::string_view msg) {
    return Status(Code::kUnavailable, msg);
  }
  static Status Corruption(std::string_view msg) {
    return Status(Code::kCorruption, msg);
  }
  static Status Unsupported(std::string_view msg) {
    return Status(Code::kUnsupported, msg);
  }
  static Status Internal(std::string_view msg) {
    return Status(Code::kInternal, msg);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "Invalid argument: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>".
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Result<T> holds either a T or a non-OK Status.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result needs a value or a non-OK status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace newsfacts

// Returns early from the enclosing function when `expr` is not OK.
#define NF_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::newsfacts::Status nf_status_ = (expr);  \
    if (!nf_status_.ok()) return nf_status_;  \
  } while (0)

#endif  // NEWSFACTS_CORE_STATUS_H_
