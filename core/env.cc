#include "core/env.h"

#include <chrono>
#include <thread>

namespace newsfacts {

std::string HttpResponse::Header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return "";
}

namespace {
class SystemEnv final : public Env {
 public:
  int64_t NowMicros() override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
  void SleepForMicros(int64_t micros) override {
    std::this_thread::sleep_for(std::chrono::microseconds(micros));
  }
  Result<HttpResponse> Http(const HttpRequest& request) override {
    return Status::Unsupported("no HTTP client in the default Env: " +
                               request.url);
  }
};
}  // namespace

Env* Env::Default() {
  static SystemEnv* env = new SystemEnv();
  return env;
}

}  // namespace newsfacts
