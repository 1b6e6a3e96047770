#include "fetch/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>

namespace toezeg::fetch {

namespace {

using Clock = std::chrono::steady_clock;

void ensure_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// Where a body goes: a string or a file, never past `limit` bytes.
struct Sink {
    std::string* body = nullptr;
    std::FILE* file = nullptr;
    std::size_t limit = 0;
    std::size_t got = 0;
    bool over = false;
    bool write_failed = false;
};

std::size_t take(char* data, std::size_t size, std::size_t count, void* target) {
    auto* sink = static_cast<Sink*>(target);
    std::size_t n = size * count;
    if (sink->got + n > sink->limit) {
        sink->over = true;
        return 0;  // curl stops the transfer with CURLE_WRITE_ERROR
    }
    sink->got += n;
    if (sink->file) {
        if (std::fwrite(data, 1, n, sink->file) != n) {
            sink->write_failed = true;
            return 0;
        }
    } else {
        sink->body->append(data, n);
    }
    return n;
}

// A limit in the unit --max-size takes: "20 MB", "0.5 MB", "0.01 MB" (never a rounded "0 MB").
std::string megabytes(std::size_t bytes) {
    char buf[48];
    if (bytes % (1u << 20) == 0) std::snprintf(buf, sizeof buf, "%zu MB", bytes >> 20);
    else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.3g MB", static_cast<double>(bytes) / (1u << 20));
    else std::snprintf(buf, sizeof buf, "%zu bytes", bytes);
    return buf;
}

bool permanent_curl_error(CURLcode rc) {
    switch (rc) {
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
        case CURLE_TOO_MANY_REDIRECTS:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_BAD_CONTENT_ENCODING:
        case CURLE_FILESIZE_EXCEEDED:
            return true;
        default:
            return false;
    }
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : m_options(std::move(options)) {
    ensure_init();
    if (CURL* handle = curl_easy_init())
        m_curl.reset(handle, [](void* h) { curl_easy_cleanup(static_cast<CURL*>(h)); });
}

Result<HttpResponse> HttpClient::get(const std::string& url) { return perform(url, nullptr, m_options.page_limit); }

Result<HttpResponse> HttpClient::download(const std::string& url, const std::filesystem::path& file,
                                          std::size_t limit) {
    auto result = perform(url, &file, limit);
    if (!result) {
        std::error_code ignored;
        std::filesystem::remove(file, ignored);
    }
    return result;
}

Result<HttpResponse> HttpClient::perform(const std::string& url, const std::filesystem::path* file, std::size_t limit) {
    CURL* curl = static_cast<CURL*>(m_curl.get());
    m_last_failure = Failure::permanent;
    if (!curl) return fail(url, "cannot start an HTTP client");
    auto failed = [&](Failure kind, const std::string& why) -> Result<HttpResponse> {
        m_last_failure = kind;
        return fail(url, why);
    };
    auto remaining_ms = [&]() -> long {
        if (!m_options.deadline) return m_options.total_timeout_ms;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*m_options.deadline - Clock::now()).count();
        return static_cast<long>(std::max<long long>(0, left));
    };
    long wait = m_options.backoff_ms;
    std::string last_error;
    for (int attempt = 1; attempt <= m_options.attempts; ++attempt) {
        // A polite rate: keep a minimum interval between requests to the service.
        auto since = Clock::now() - m_last;
        auto interval = std::chrono::milliseconds(m_options.min_interval_ms);
        if (m_requests > 0 && since < interval) std::this_thread::sleep_for(interval - since);
        long budget = remaining_ms();
        if (budget <= 0) return failed(Failure::out_of_time, "the run's time budget (--max-time) is spent");
        m_last = Clock::now();
        ++m_requests;

        HttpResponse response;
        std::unique_ptr<std::FILE, decltype(&std::fclose)> out(nullptr, &std::fclose);
        if (file) {
            out.reset(std::fopen(file->c_str(), "wb"));
            if (!out) return failed(Failure::permanent, "cannot write " + file->string());
        }
        Sink sink{&response.body, out.get(), limit};
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_USERAGENT, m_options.user_agent.c_str());
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(m_options.connect_timeout_ms, budget));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, std::min(m_options.total_timeout_ms, budget));
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limit));
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, take);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
        CURLcode rc = curl_easy_perform(curl);
        long retry_after_ms = 0;
        if (sink.over || rc == CURLE_FILESIZE_EXCEEDED)
            return failed(Failure::too_large, "larger than the limit of " + megabytes(limit) + "; not retried");
        if (sink.write_failed)
            return failed(Failure::permanent, "cannot write " + (file ? file->string() : "the body"));
        if (rc == CURLE_OK) {
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
            char* type = nullptr;
            curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type);
            if (type) response.content_type = type;
            response.bytes = sink.got;
            if (response.status >= 200 && response.status < 300) {
                if (out && std::fflush(out.get()) != 0)
                    return failed(Failure::permanent, "cannot write " + file->string());
                m_last_failure = Failure::none;
                return response;
            }
            last_error = "HTTP " + std::to_string(response.status);
            if (response.status < 500 && response.status != 429)
                return failed(Failure::permanent, last_error + " (permanent; not retried)");
            curl_off_t after = -1;
            if (curl_easy_getinfo(curl, CURLINFO_RETRY_AFTER, &after) == CURLE_OK && after > 0)
                retry_after_ms = static_cast<long>(after) * 1000;
        } else if (rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_CONNECT ||
                   rc == CURLE_COULDNT_RESOLVE_PROXY) {
            return failed(Failure::offline, std::string("cannot reach the service (") + curl_easy_strerror(rc) +
                                                "); offline? Try again later or point --base-url elsewhere");
        } else if (permanent_curl_error(rc)) {
            return failed(Failure::permanent, std::string(curl_easy_strerror(rc)) + " (permanent; not retried)");
        } else {
            last_error = curl_easy_strerror(rc);
            if (remaining_ms() <= 0)
                return failed(Failure::out_of_time, last_error + "; the run's time budget (--max-time) is spent");
        }
        if (attempt < m_options.attempts) {
            long pause = std::max(wait, retry_after_ms);
            if (pause > m_options.max_retry_after_ms)
                return failed(Failure::temporary, last_error + ": the server asks to wait " +
                                                      std::to_string(pause / 1000) +
                                                      " s, longer than toezeg waits; try again later");
            if (pause >= remaining_ms())
                return failed(Failure::out_of_time,
                              last_error + "; the run's time budget (--max-time) ends before a retry");
            std::this_thread::sleep_for(std::chrono::milliseconds(pause));
            wait *= 2;
        }
    }
    return failed(Failure::temporary, last_error + " after " + std::to_string(m_options.attempts) + " tries");
}

}  // namespace toezeg::fetch
