// Env: the seam between the pipeline and the outside world. All clocks,
// sleeps and HTTP go through it, so tests can run politeness and backoff
// logic against a manual clock and canned responses.
//
//   Env* env = Env::Default();          // system clock, real sleep, no HTTP
//   int64_t now = env->NowMicros();
//
// The default Env has no HTTP client: ingest/ wraps it with libcurl
// (ingest/ingest.h). Fault-injecting Envs derive from EnvWrapper.
//
// Thread-safety: Env::Default() is safe for concurrent use; so must be every
// implementation handed to a stage.
#ifndef NEWSFACTS_CORE_ENV_H_
#define NEWSFACTS_CORE_ENV_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace newsfacts {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string url;
  HeaderList headers;
  int64_t timeout_ms = 30000;       // Default: 30 s
  size_t max_body_bytes = 16 << 20;  // Default: 16 MiB
};

struct HttpResponse {
  int status = 0;
  std::string final_url;
  HeaderList headers;  // names lower-cased
  std::string body;    // content-encoding already removed
  // First value of header `name` (lower-case), or empty.
  std::string Header(const std::string& name) const;
};

class Env {
 public:
  Env() = default;
  Env(const Env&) = delete;  // services are shared by pointer, never copied
  Env& operator=(const Env&) = delete;
  virtual ~Env() = default;

  // The process-wide default. Never deleted.
  static Env* Default();

  // Microseconds since the Unix epoch.
  virtual int64_t NowMicros() = 0;
  virtual void SleepForMicros(int64_t micros) = 0;
  // Performs one HTTP request (no redirects followed by the seam itself
  // unless the implementation documents it).
  virtual Result<HttpResponse> Http(const HttpRequest& request) = 0;
};

// Forwards every call to another Env; override what a test needs to change.
class EnvWrapper : public Env {
 public:
  // REQUIRES: `target` outlives this wrapper.
  explicit EnvWrapper(Env* target) : target_(target) {}
  int64_t NowMicros() override { return target_->NowMicros(); }
  void SleepForMicros(int64_t micros) override {
    target_->SleepForMicros(micros);
  }
  Result<HttpResponse> Http(const HttpRequest& request) override {
    return target_->Http(request);
  }
  Env* target() const { return target_; }

 private:
  Env* target_;
};

}  // namespace newsfacts

#endif  // NEWSFACTS_CORE_ENV_H_
