#pragma once
// HTTP GET over libcurl with timeouts, bounded bodies, retries of temporary failures only,
// a polite request rate and an optional time budget. The only header that stands between
// the code and curl.h.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace toezeg::fetch {

inline constexpr std::size_t k_default_page_limit = 32u << 20;  // 32 MB: a feed or API page (real ones are under 2 MB)

struct HttpOptions {
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;
    int attempts = 3;                               // tries per request for temporary failures
    long backoff_ms = 500;                          // first wait; doubles on each retry
    long max_retry_after_ms = 120'000;              // a longer Retry-After is not waited for
    long min_interval_ms = 250;                     // at most four requests a second
    std::size_t page_limit = k_default_page_limit;  // bodies held in memory stop here
    // No request starts, and no transfer or wait runs, past this point (fetch --max-time).
    std::optional<std::chrono::steady_clock::time_point> deadline;
    std::string user_agent = std::string("toezeg/") + TOEZEG_VERSION + " (commitments tracker)";
};

// What kind of failure the last request met: only temporary ones are retried.
enum class Failure {
    none,
    temporary,    // timeout, connection reset, HTTP 5xx or 429: retried with backoff
    permanent,    // HTTP 4xx, unsupported protocol, TLS verification, too many redirects
    offline,      // the host cannot be resolved or reached
    too_large,    // the body passed its limit
    out_of_time,  // the run's time budget is spent
};

struct HttpResponse {
    long status = 0;
    std::string body;  // empty when the body went to a file
    std::string content_type;
    std::size_t bytes = 0;  // bytes received
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options = {});
    // A 2xx answer with its body in memory (at most options.page_limit bytes), or a failure
    // naming the address, the reason and whether it was retried.
    Result<HttpResponse> get(const std::string& url);
    // The same, the body streamed into `file` (created or truncated) up to `limit` bytes;
    // on failure the file is removed.
    Result<HttpResponse> download(const std::string& url, const std::filesystem::path& file, std::size_t limit);
    int requests() const { return m_requests; }
    Failure last_failure() const { return m_last_failure; }

private:
    Result<HttpResponse> perform(const std::string& url, const std::filesystem::path* file, std::size_t limit);

    HttpOptions m_options;
    // One curl handle for every request of the client: its connection is kept open and
    // reused (keep-alive), as curl itself does for many addresses in one run.
    std::shared_ptr<void> m_curl;
    std::chrono::steady_clock::time_point m_last{};
    int m_requests = 0;
    Failure m_last_failure = Failure::none;
};

}  // namespace toezeg::fetch
