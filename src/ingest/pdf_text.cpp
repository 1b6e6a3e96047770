#include "ingest/pdf_text.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cerrno>
#include <chrono>
#include <memory>

namespace toezeg::ingest {

namespace {

void quiet(const std::string&, void*) {}

// The reader's answer on the pipe: 'T' and the text, or 'E' and an error message.
std::string extract(std::string_view bytes, const PdfLimits& limits) {
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return "Enot a readable PDF (damaged or not a PDF)";
    if (doc->is_locked()) return "Ethe PDF is encrypted; cannot read its text";
    if (doc->pages() > limits.max_pages)
        return "Ethe PDF has " + std::to_string(doc->pages()) + " pages, more than the limit of " +
               std::to_string(limits.max_pages);
    std::string text = "T";
    std::size_t letters = 0;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        if (i > 0) text.push_back('\f');
        text.append(utf8.data(), utf8.size());
        if (text.size() > limits.max_text_bytes)
            return "Ethe PDF's text is larger than the limit of " + std::to_string(limits.max_text_bytes >> 20) +
                   " MB (at page " + std::to_string(i + 1) + " of " + std::to_string(doc->pages()) + ")";
        for (char c : utf8) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (letters < 20)
        return "Ethe PDF has no text layer (" + std::to_string(doc->pages()) +
               " page(s), a scan?); run OCR first, toezeg does not guess text";
    return text;
}

bool write_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool k_address_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool k_address_sanitizer = true;
#else
constexpr bool k_address_sanitizer = false;
#endif
#else
constexpr bool k_address_sanitizer = false;
#endif

[[noreturn]] void run_reader(int out, std::string_view bytes, const PdfLimits& limits) {
    if (!k_address_sanitizer) {  // ASan reserves terabytes of address space up front
        rlimit memory{limits.memory_bytes, limits.memory_bytes};
        ::setrlimit(RLIMIT_AS, &memory);
    }
    rlimit cpu{static_cast<rlim_t>(limits.seconds) + 1, static_cast<rlim_t>(limits.seconds) + 2};
    ::setrlimit(RLIMIT_CPU, &cpu);
    std::string answer;
    try {
        answer = extract(bytes, limits);
    } catch (const std::bad_alloc&) {
        answer = "M";
    } catch (...) {
        answer = "Enot a readable PDF (the reader failed on it)";
    }
    bool written = write_all(out, answer);
    ::_exit(written ? 0 : 3);
}

}  // namespace

Result<std::string> pdf_text(std::string_view bytes, const std::string& source, const PdfLimits& limits) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return fail(source, "cannot start the PDF reader (pipe)");
    pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return fail(source, "cannot start the PDF reader (fork)");
    }
    if (pid == 0) {
        ::close(fds[0]);
        run_reader(fds[1], bytes, limits);
    }
    ::close(fds[1]);
    using clock = std::chrono::steady_clock;
    auto deadline = clock::now() + std::chrono::seconds(limits.seconds);
    std::string answer;
    bool timed_out = false, too_large = false;
    char buf[1 << 16];
    for (;;) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0) {
            timed_out = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) continue;
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        answer.append(buf, static_cast<std::size_t>(n));
        if (answer.size() > limits.max_text_bytes + 4096) {
            too_large = true;
            break;
        }
    }
    ::close(fds[0]);
    if (timed_out || too_large) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out || (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL)))
        return fail(source, "reading the PDF took longer than the limit of " + std::to_string(limits.seconds) +
                                " s; refused (a decompression bomb? a larger limit: ingest --pdf-time SEC)");
    if (too_large)
        return fail(source, "the PDF's text is larger than the limit of " + std::to_string(limits.max_text_bytes >> 20) + " MB");
    if (answer == "M" || (WIFSIGNALED(status) && answer.empty()))
        return fail(source, "reading the PDF needs more than the limit of " + std::to_string(limits.memory_bytes >> 20) +
                                " MB of memory; refused (a decompression bomb?)");
    if (answer.empty() || (answer[0] != 'T' && answer[0] != 'E'))
        return fail(source, "not a readable PDF (the reader stopped without an answer)");
    if (answer[0] == 'E') return fail(source, answer.substr(1));
    return answer.substr(1);
}

}  // namespace toezeg::ingest
