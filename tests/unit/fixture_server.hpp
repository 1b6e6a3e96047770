#pragma once
// A small HTTP/1.1 server on 127.0.0.1 for the fetch tests: fixed answers per path,
// answers that fail a given number of times first, and answers that never come in time.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace toezeg::test {

struct Route {
    Route(std::string body_ = {}, std::string type = "application/xml", int fail_first_ = 0, int delay_ms_ = 0,
          int status_ = 200, std::string headers_ = {})
        : body(std::move(body_)), content_type(std::move(type)), fail_first(fail_first_), delay_ms(delay_ms_),
          status(status_), headers(std::move(headers_)) {}
    std::string body;
    std::string content_type = "application/xml";
    int fail_first = 0;    // answer 500 this many times before the real answer
    int delay_ms = 0;      // wait this long before answering (for timeouts)
    int status = 200;      // e.g. 302 with a Location header, 429 with Retry-After
    std::string headers;   // extra header lines, each ending in "\r\n"
    std::size_t stream_bytes = 0;  // after `body`, this many filler bytes, made as they are sent
    bool no_length = false;        // send no Content-Length: the body ends when the connection closes
    int fail_status = 500;         // what the first fail_first answers are, e.g. 429
    std::string fail_headers;      // and their extra header lines ("Retry-After: 1\r\n")
    int drip_ms = 0;               // send the body one byte per this many milliseconds
};

class FixtureServer {
public:
    FixtureServer() {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        int one = 1;
        ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        ::listen(m_fd, 16);
        m_thread = std::thread([this] { serve(); });
    }
    // Every answering thread ends before the server does: waits are cut short, open connections
    // are shut down, and each thread is joined (none outlives the routes and counters it uses).
    ~FixtureServer() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            for (int client : m_open) ::shutdown(client, SHUT_RDWR);
        }
        m_wake.notify_all();
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
        for (auto& t : m_answers) t.join();
    }
    std::string base() const { return "http://127.0.0.1:" + std::to_string(m_port); }
    void route(const std::string& path, Route r) {
        std::lock_guard lock(m_mutex);
        m_routes[path] = std::move(r);
    }
    // Answers paths no route names (e.g. any skiptoken of a generated feed); nullopt is a 404.
    void fallback(std::function<std::optional<Route>(const std::string& path)> handler) {
        std::lock_guard lock(m_mutex);
        m_fallback = std::move(handler);
    }
    int hits(const std::string& path) {
        std::lock_guard lock(m_mutex);
        return m_hits[path];
    }
    // Every request's path and query, in the order they came.
    std::vector<std::string> requests() {
        std::lock_guard lock(m_mutex);
        return m_log;
    }
    int total_hits() {
        std::lock_guard lock(m_mutex);
        int n = 0;
        for (auto& [p, h] : m_hits) n += h;
        return n;
    }

private:
    void serve() {
        while (!m_stop) {
            int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0) break;
            std::lock_guard lock(m_mutex);
            if (m_stop) {
                ::close(client);
                break;
            }
            m_open.insert(client);
            m_answers.emplace_back([this, client] {
                answer(client);
                std::lock_guard done(m_mutex);
                m_open.erase(client);
                ::close(client);
            });
        }
    }
    void answer(int client) {
        std::string request;
        char buf[4096];
        while (request.find("\r\n\r\n") == std::string::npos) {
            ssize_t n = ::read(client, buf, sizeof buf);
            if (n <= 0) break;
            request.append(buf, static_cast<std::size_t>(n));
        }
        if (request.find("\r\n\r\n") == std::string::npos || request.size() < 5) return;  // closed before asking
        std::string path = request.substr(4, request.find(' ', 4) - 4);
        Route r;
        bool found = false, fail_now = false;
        {
            std::lock_guard lock(m_mutex);
            ++m_hits[path];
            m_log.push_back(path);
            auto it = m_routes.find(path);
            if (it != m_routes.end()) {
                found = true;
                if (it->second.fail_first > 0) {
                    --it->second.fail_first;
                    fail_now = true;
                }
                r = it->second;
            } else if (m_fallback) {
                if (auto made = m_fallback(path)) {
                    found = true;
                    r = std::move(*made);
                }
            }
        }
        if (r.delay_ms) {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::milliseconds(r.delay_ms), [this] { return m_stop.load(); });
        }
        bool real = found && !fail_now;
        std::string status = !found ? "404 Not Found" : fail_now ? std::to_string(r.fail_status) + " Failing"
                                                                  : std::to_string(r.status) + " Fixture";
        std::string body = real ? r.body : status;
        std::size_t filler = real ? r.stream_bytes : 0;
        std::string head = "HTTP/1.1 " + status + "\r\nContent-Type: " + r.content_type + "\r\n" +
                           (real ? r.headers : fail_now ? r.fail_headers : "");
        if (!(real && r.no_length)) head += "Content-Length: " + std::to_string(body.size() + filler) + "\r\n";
        head += "Connection: close\r\n\r\n";
        bool ok = send_all(client, head);
        if (real && r.drip_ms > 0) {
            for (std::size_t k = 0; ok && k < body.size() && !m_stop; ++k) {
                ok = send_all(client, std::string_view(body).substr(k, 1));
                std::this_thread::sleep_for(std::chrono::milliseconds(r.drip_ms));
            }
        } else {
            ok = ok && send_all(client, body);
        }
        static const std::string k_chunk(1 << 16, 'x');
        while (ok && filler > 0 && !m_stop) {
            std::size_t n = std::min(filler, k_chunk.size());
            ok = send_all(client, std::string_view(k_chunk).substr(0, n));
            filler -= n;
        }
    }
    static bool send_all(int client, std::string_view data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            ssize_t n = ::send(client, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<std::thread> m_answers;  // every answering thread, joined at the end
    std::set<int> m_open;                // connections still being answered
    std::map<std::string, Route> m_routes;
    std::map<std::string, int> m_hits;
    std::function<std::optional<Route>(const std::string&)> m_fallback;
    std::vector<std::string> m_log;
};

}  // namespace toezeg::test
