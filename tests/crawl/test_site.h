// Internal to tests/crawl: a small news site served by cpp-httplib on two
// loopback addresses (127.0.0.1 and 127.0.0.2 act as two hosts), with feeds,
// sitemaps, robots.txt, Pangea-like article URLs and the faults a crawler
// meets: 429 + Retry-After, 503 then 200, slow answers, connection resets,
// redirect chains and loops, gzip, a gzip bomb, a windows-1251 page, an
// oversize page, tracking parameters, a path disallowed by robots.txt.
// Every request is recorded (time, host, path, headers) for assertions.
#ifndef NEWSFACTS_TESTS_CRAWL_TEST_SITE_H_
#define NEWSFACTS_TESTS_CRAWL_TEST_SITE_H_

#include <httplib.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/ingest/ingest_test_util.h"

namespace newsfacts::testing {

struct SeenRequest {
  std::string host;  // "127.0.0.1:port"
  std::string path;  // with query
  int64_t micros = 0;
  std::string if_none_match;
  std::string if_modified_since;
  std::string user_agent;
};

inline int64_t SteadyMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// A Pangea-like article page with its own title and text.
inline std::string ArticlePage(const std::string& canonical, int id) {
  const std::string n = std::to_string(id);
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<title>Story number " + n + " - Test Radio</title>"
         "<link rel=\"canonical\" href=\"" + canonical + "\">"
         "<meta property=\"og:title\" content=\"Story number " + n + "\">"
         "<meta name=\"description\" content=\"Story " + n + "\">"
         "</head><body><header><nav><a href=\"/\">Home</a></nav></header>"
         "<main><article><h1>Story number " + n + "</h1>"
         "<time datetime=\"2026-11-20T10:00:00Z\">November 20, 2026</time>"
         "<div class=\"wsw\">"
         "<p>Police in the capital detained " + n + " protesters on Monday, "
         "the interior ministry said in a statement issued late in the day.</p>"
         "<p>Witnesses said the crowd had gathered near the parliament building "
         "before officers moved in, and that several journalists covering "
         "story " + n + " were briefly held as well.</p>"
         "<p>The opposition called the detentions unlawful and demanded the "
         "immediate release of everyone held, saying it would appeal to the "
         "courts and to international observers.</p>"
         "</div></article></main><footer>Test Radio</footer></body></html>";
}

inline std::string Gzip(const std::string& s) { return GzipBytes(s); }

class TestServer {
 public:
  TestServer(const std::string& ip, std::vector<SeenRequest>* log,
             std::mutex* mu)
      : ip_(ip), log_(log), mu_(mu) {
    server_.set_logger([this](const httplib::Request& req,
                              const httplib::Response&) { (void)req; });
    server_.set_pre_routing_handler(
        [this](const httplib::Request& req, httplib::Response&) {
          SeenRequest s;
          s.host = host();
          s.path = req.target;
          s.micros = SteadyMicros();
          s.if_none_match = req.get_header_value("If-None-Match");
          s.if_modified_since = req.get_header_value("If-Modified-Since");
          s.user_agent = req.get_header_value("User-Agent");
          std::lock_guard<std::mutex> lock(*mu_);
          log_->push_back(s);
          return httplib::Server::HandlerResponse::Unhandled;
        });
    port_ = server_.bind_to_any_port(ip_);
  }
  ~TestServer() { Stop(); }

  void Start() {
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  void Stop() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Server& server() { return server_; }
  std::string host() const { return ip_ + ":" + std::to_string(port_); }
  std::string base() const { return "http://" + host(); }
  int port() const { return port_; }
  bool ok() const { return port_ > 0; }

 private:
  std::string ip_;
  std::vector<SeenRequest>* log_;
  std::mutex* mu_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
};

// Both hosts with every route. Counters make "503 then 200" and friends.
class TestSite {
 public:
  explicit TestSite(int extra_articles = 0)
      : a_("127.0.0.1", &log_, &mu_), b_("127.0.0.2", &log_, &mu_),
        extra_(extra_articles) {
    Routes();
    a_.Start();
    b_.Start();
  }

  bool ok() const { return a_.ok() && b_.ok(); }
  std::string a() const { return a_.base(); }
  std::string b() const { return b_.base(); }
  std::string a_host() const { return a_.host(); }
  std::string b_host() const { return b_.host(); }

  std::vector<SeenRequest> Requests() {
    std::lock_guard<std::mutex> lock(mu_);
    return log_;
  }
  void ClearLog() {
    std::lock_guard<std::mutex> lock(mu_);
    log_.clear();
  }
  int Hits(const std::string& host, const std::string& path) {
    int n = 0;
    for (const SeenRequest& r : Requests()) {
      if (r.host == host && r.path == path) ++n;
    }
    return n;
  }

  // Most /slow.html requests the server was answering at once.
  int MaxConcurrentSlow() const { return max_slow_; }

  // Articles the site offers that a correct crawl stores (distinct pages).
  // 1001, 1002, 1003 (after redirects), 1005 (503 then 200), 1006 (429),
  // 1007 (slow), 1008 (gzip), 1009 (reset then fine), 2001 and 2002 on
  // host B, the windows-1251 page, and the extra articles.
  int ExpectedArticles() const { return 11 + extra_; }

 private:
  void Page(httplib::Response& res, const std::string& body,
            const char* type = "text/html; charset=utf-8") {
    res.set_content(body, type);
  }

  void Routes() {
    for (TestServer* s : {&a_, &b_}) {
      httplib::Server& srv = s->server();
      const bool is_a = s == &a_;
      srv.Get("/robots.txt", [this, is_a](const httplib::Request&,
                                          httplib::Response& res) {
        if (is_a) {
          Page(res,
               "User-agent: *\nDisallow: /private/\n\nSitemap: " + a() +
                   "/sitemap_index.xml\n",
               "text/plain");
        } else {
          // Host B: a Crawl-delay a little above the configured delay.
          Page(res, "User-agent: *\nCrawl-delay: 0.15\nDisallow: /api/\n",
               "text/plain");
        }
      });
      srv.Get(R"(/a/([^/]+)/(\d+)\.html)", [this, s](const httplib::Request& req,
                                                   httplib::Response& res) {
        const int id = std::stoi(req.matches[2]);
        Page(res, ArticlePage(s->base() + "/a/" + std::string(req.matches[1]) +
                                  "/" + std::to_string(id) + ".html",
                              id));
      });
      srv.Get(R"(/a/(\d+)\.html)", [this, s](const httplib::Request& req,
                                            httplib::Response& res) {
        const int id = std::stoi(req.matches[1]);
        Page(res, ArticlePage(s->base() + "/a/" + std::to_string(id) + ".html",
                              id));
      });
    }
    httplib::Server& sa = a_.server();
    sa.Get("/", [this](const httplib::Request&, httplib::Response& res) {
      // The site root advertises its feed; robots.txt names the sitemaps.
      Page(res, "<html><head><title>Test Radio</title><link rel=\"alternate\" "
                "type=\"application/rss+xml\" href=\"/feed.xml\"></head>"
                "<body><h1>Test Radio</h1></body></html>");
    });
    sa.Get("/feed.xml", [this](const httplib::Request& req,
                              httplib::Response& res) {
      Conditional(req, res, "\"feed-v1\"", FeedXml(), "application/rss+xml");
    });
    sa.Get("/sitemap_index.xml", [this](const httplib::Request& req,
                                       httplib::Response& res) {
      Conditional(req, res, "\"index-v1\"",
                  "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www."
                  "sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>" +
                      a() + "/sitemap-news.xml.gz</loc></sitemap>"
                      "</sitemapindex>",
                  "application/xml");
    });
    sa.Get("/sitemap-news.xml.gz", [this](const httplib::Request& req,
                                         httplib::Response& res) {
      Conditional(req, res, "\"news-v1\"", Gzip(NewsSitemap()),
                  "application/x-gzip");
    });
    sa.Get("/retry503.html", [this](const httplib::Request&,
                                   httplib::Response& res) {
      if (n503_++ == 0) {
        res.status = 503;
        Page(res, "busy", "text/plain");
        return;
      }
      Page(res, ArticlePage(a() + "/retry503.html", 1005));
    });
    sa.Get("/ratelimited.html", [this](const httplib::Request&,
                                      httplib::Response& res) {
      if (n429_++ == 0) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        Page(res, "slow down", "text/plain");
        return;
      }
      Page(res, ArticlePage(a() + "/ratelimited.html", 1006));
    });
    sa.Get("/slow.html", [this](const httplib::Request&, httplib::Response& res) {
      const int now_in = ++slow_now_;
      for (int m = max_slow_; now_in > m && !max_slow_.compare_exchange_weak(m, now_in);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      --slow_now_;
      Page(res, ArticlePage(a() + "/slow.html", 1007));
    });
    sa.Get("/gzip.html", [this](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Encoding", "gzip");
      Page(res, Gzip(ArticlePage(a() + "/gzip.html", 1008)));
    });
    sa.Get("/bomb.html", [this](const httplib::Request&, httplib::Response& res) {
      static const std::string bomb = Gzip(std::string(6u << 20, ' '));
      res.set_header("Content-Encoding", "gzip");
      Page(res, bomb);
    });
    sa.Get("/big.html", [](const httplib::Request&, httplib::Response& res) {
      // Chunked, no Content-Length: the limit must hold as bytes arrive.
      res.set_chunked_content_provider(
          "text/html", [](size_t offset, httplib::DataSink& sink) {
            if (offset > (6u << 20)) {
              sink.done();
              return true;
            }
            const std::string chunk(64 * 1024, 'x');
            return sink.write(chunk.data(), chunk.size());
          });
    });
    sa.Get("/reset.html", [this](const httplib::Request&,
                                httplib::Response& res) {
      if (nreset_++ == 0) {
        // Announce a body, send part of it, then drop the connection.
        res.set_content_provider(
            100000, "text/html",
            [](size_t offset, size_t, httplib::DataSink& sink) {
              if (offset > 0) return false;  // closes the socket
              const std::string part(1000, 'x');
              sink.write(part.data(), part.size());
              return true;
            });
        return;
      }
      Page(res, ArticlePage(a() + "/reset.html", 1009));
    });
    sa.Get("/r1", [this](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/r2", 301);
    });
    sa.Get("/r2", [this](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/a/story-three/1003.html?utm_medium=x", 302);
    });
    sa.Get("/loop1", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop2", 302);
    });
    sa.Get("/loop2", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/loop1", 302);
    });
    sa.Get("/cp1251.html", [](const httplib::Request&, httplib::Response& res) {
      const std::string utf8 =
          "<html><head><meta charset=\"windows-1251\"><title>Новости дня"
          "</title></head><body><article><h1>Задержаны двенадцать человек</h1>"
          "<p>В понедельник в столице полиция задержала двенадцать "
          "участников акции протеста, сообщило министерство внутренних "
          "дел. Свидетели рассказали, что люди собрались у здания "
          "парламента.</p><p>Оппозиция назвала задержания незаконными и "
          "потребовала освободить всех задержанных.</p></article></body>"
          "</html>";
      // No charset in the header: only the <meta> says it.
      res.set_content(Encode(utf8, "windows-1251"), "text/html");
    });
    sa.Get(R"(/private/.*)", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("secret", "text/html");
    });
  }

  void Conditional(const httplib::Request& req, httplib::Response& res,
                   const std::string& etag, const std::string& body,
                   const char* type) {
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", "Fri, 20 Nov 2026 10:00:00 GMT");
    if (req.get_header_value("If-None-Match") == etag) {
      res.status = 304;
      return;
    }
    res.set_content(body, type);
  }

  std::string Item(std::string url) {
    for (size_t i = url.find('&'); i != std::string::npos;
         i = url.find('&', i + 1)) {
      url.replace(i, 1, "&amp;");
    }
    return "<item><title>t</title><link>" + url +
           "</link><pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>";
  }

  std::string FeedXml() {
    std::string items;
    for (const char* path :
         {"/a/story-one/1001.html?utm_source=rss&fbclid=zz",
          "/a/1002.html", "/private/secret.html", "/retry503.html",
          "/ratelimited.html", "/slow.html", "/gzip.html", "/bomb.html",
          "/big.html", "/reset.html", "/r1", "/loop1", "/cp1251.html"}) {
      items += Item(a() + path);
    }
    items += Item(b() + "/a/other/2001.html");
    items += Item(b() + "/a/2002.html#comments");
    items += Item(b() + "/api/ignored.html");
    for (int i = 0; i < extra_; ++i) {
      items += Item((i % 2 ? b() : a()) + "/a/extra/" +
                    std::to_string(5000 + i) + ".html");
    }
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
           "Test Radio</title><link>" + a() + "/</link>" + items +
           "</channel></rss>";
  }

  std::string NewsSitemap() {
    std::string urls;
    for (const char* path :
         {"/a/story-one/1001.html", "/a/another-slug/1002.html",
          "/a/story-three/1003.html", "/private/other.html"}) {
      urls += "<url><loc>" + a() + path +
              "</loc><news:news><news:publication_date>2026-11-20T10:00:00Z"
              "</news:publication_date></news:news></url>";
    }
    return "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/"
           "schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/"
           "sitemap-news/0.9\">" + urls + "</urlset>";
  }

  std::mutex mu_;
  std::vector<SeenRequest> log_;
  TestServer a_;
  TestServer b_;
  int extra_;
  std::atomic<int> n503_{0};
  std::atomic<int> n429_{0};
  std::atomic<int> nreset_{0};
  std::atomic<int> slow_now_{0};
  std::atomic<int> max_slow_{0};
};

}  // namespace newsfacts::testing

#endif  // NEWSFACTS_TESTS_CRAWL_TEST_SITE_H_
