#include "fetch/http_client.hpp"

#include <curl/curl.h>

#include <memory>
#include <mutex>
#include <thread>

namespace toezeg::fetch {

namespace {

void ensure_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t append(char* data, std::size_t size, std::size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : m_options(std::move(options)) { ensure_init(); }

Result<HttpResponse> HttpClient::get(const std::string& url) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return fail(url, "cannot start an HTTP client");
    long wait = m_options.backoff_ms;
    std::string last_error;
    for (int attempt = 1; attempt <= m_options.attempts; ++attempt) {
        // A polite rate: keep a minimum interval between requests to the service.
        auto since = std::chrono::steady_clock::now() - m_last;
        auto interval = std::chrono::milliseconds(m_options.min_interval_ms);
        if (m_requests > 0 && since < interval) std::this_thread::sleep_for(interval - since);
        m_last = std::chrono::steady_clock::now();
        ++m_requests;

        HttpResponse response;
        curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_USERAGENT, m_options.user_agent.c_str());
        curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, m_options.connect_timeout_ms);
        curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, m_options.total_timeout_ms);
        curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl.get(), CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append);
        curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &response.body);
        CURLcode rc = curl_easy_perform(curl.get());
        if (rc == CURLE_OK) {
            curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.status);
            char* type = nullptr;
            curl_easy_getinfo(curl.get(), CURLINFO_CONTENT_TYPE, &type);
            if (type) response.content_type = type;
            if (response.status >= 200 && response.status < 300) return response;
            last_error = "HTTP " + std::to_string(response.status);
            if (response.status < 500 && response.status != 429) return fail(url, last_error);
        } else if (rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_PROXY) {
            return fail(url, std::string("cannot reach the service (") + curl_easy_strerror(rc) +
                                 "); offline? Try again later or point --base-url elsewhere");
        } else {
            last_error = curl_easy_strerror(rc);
        }
        if (attempt < m_options.attempts) {
            std::this_thread::sleep_for(std::chrono::milliseconds(wait));
            wait *= 2;
        }
    }
    return fail(url, last_error + " after " + std::to_string(m_options.attempts) + " tries");
}

}  // namespace toezeg::fetch
