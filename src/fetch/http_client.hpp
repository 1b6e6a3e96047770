#pragma once
// HTTP GET over libcurl with timeouts, retries with backoff and a polite request rate.
// The only header that stands between the code and curl.h.
#include <chrono>
#include <string>

#include "core/error.hpp"

namespace toezeg::fetch {

struct HttpOptions {
    long connect_timeout_ms = 10'000;
    long total_timeout_ms = 60'000;
    int attempts = 3;                  // tries per request for timeouts and 5xx answers
    long backoff_ms = 500;             // first wait; doubles on each retry
    long min_interval_ms = 250;        // at most four requests a second
    std::string user_agent = std::string("toezeg/") + TOEZEG_VERSION + " (commitments tracker)";
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::string content_type;
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options = {});
    // A 2xx answer, or a failure naming the address and the reason ("cannot reach host
    // (offline?)", "timed out after 3 tries", "HTTP 404").
    Result<HttpResponse> get(const std::string& url);
    int requests() const { return m_requests; }

private:
    HttpOptions m_options;
    std::chrono::steady_clock::time_point m_last{};
    int m_requests = 0;
};

}  // namespace toezeg::fetch
