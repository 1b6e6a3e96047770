#include "util/word_diff.hpp"

#include <unordered_map>

namespace toezeg {

std::vector<std::string_view> word_tokens(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t start = i;
        bool space = s[i] == ' ' || s[i] == '\n';
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n') == space) ++i;
        out.push_back(s.substr(start, i - start));
    }
    return out;
}

namespace {

void push(std::vector<DiffPiece>& out, DiffPiece::Op op, std::string_view text) {
    if (!out.empty() && out.back().op == op) out.back().text += text;
    else out.push_back(DiffPiece{op, std::string(text)});
}

}  // namespace

std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after) {
    auto a = word_tokens(before), b = word_tokens(after);
    // Common prefix and suffix first: most versions differ in a few places.
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
    std::vector<DiffPiece> out;
    for (std::size_t i = 0; i < pre; ++i) push(out, DiffPiece::Op::same, a[i]);
    std::vector<std::string_view> x(a.begin() + static_cast<long>(pre), a.end() - static_cast<long>(suf));
    std::vector<std::string_view> y(b.begin() + static_cast<long>(pre), b.end() - static_cast<long>(suf));
    // Myers' O(ND) algorithm with the V array of each step kept for the backtrack.
    const long n = static_cast<long>(x.size()), m = static_cast<long>(y.size()), max = n + m;
    const long k_limit = 4000;
    std::vector<std::vector<long>> trace;
    std::vector<long> v(static_cast<std::size_t>(2 * max + 2), 0);
    long found_d = -1;
    for (long d = 0; d <= max && d <= k_limit; ++d) {
        trace.push_back(v);
        for (long k = -d; k <= d; k += 2) {
            long idx = k + max;
            long px = (k == -d || (k != d && v[static_cast<std::size_t>(idx - 1)] < v[static_cast<std::size_t>(idx + 1)]))
                          ? v[static_cast<std::size_t>(idx + 1)]
                          : v[static_cast<std::size_t>(idx - 1)] + 1;
            long py = px - k;
            while (px < n && py < m && x[static_cast<std::size_t>(px)] == y[static_cast<std::size_t>(py)]) ++px, ++py;
            v[static_cast<std::size_t>(idx)] = px;
            if (px >= n && py >= m) { found_d = d; break; }
        }
        if (found_d >= 0) break;
    }
    std::vector<DiffPiece> middle;
    if (found_d < 0) {  // too different: show as one replacement
        for (auto t : x) push(middle, DiffPiece::Op::removed, t);
        for (auto t : y) push(middle, DiffPiece::Op::added, t);
    } else {
        std::vector<std::pair<DiffPiece::Op, std::string_view>> rev;
        long px = n, py = m;
        for (long d = found_d; d > 0; --d) {
            const auto& vv = trace[static_cast<std::size_t>(d)];
            long k = px - py, idx = k + max;
            long prev_k = (k == -d || (k != d && vv[static_cast<std::size_t>(idx - 1)] < vv[static_cast<std::size_t>(idx + 1)])) ? k + 1 : k - 1;
            long prev_x = vv[static_cast<std::size_t>(prev_k + max)], prev_y = prev_x - prev_k;
            while (px > prev_x && py > prev_y) rev.push_back({DiffPiece::Op::same, x[static_cast<std::size_t>(--px)]}), --py;
            if (px == prev_x) rev.push_back({DiffPiece::Op::added, y[static_cast<std::size_t>(--py)]});
            else rev.push_back({DiffPiece::Op::removed, x[static_cast<std::size_t>(--px)]});
        }
        while (px > 0 && py > 0) rev.push_back({DiffPiece::Op::same, x[static_cast<std::size_t>(--px)]}), --py;
        for (auto it = rev.rbegin(); it != rev.rend(); ++it) push(middle, it->first, it->second);
    }
    for (auto& p : middle) push(out, p.op, p.text);
    for (std::size_t i = a.size() - suf; i < a.size(); ++i) push(out, DiffPiece::Op::same, a[i]);
    return out;
}

}  // namespace toezeg
