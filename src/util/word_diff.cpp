#include "util/word_diff.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
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

using Op = DiffPiece::Op;
using Ids = std::vector<std::uint32_t>;

void push(std::vector<DiffPiece>& out, Op op, std::string_view text) {
    if (text.empty()) return;
    if (!out.empty() && out.back().op == op)
        out.back().text += text;
    else
        out.push_back(DiffPiece{op, std::string(text)});
}

// Equal strings get equal numbers, so the search compares integers.
class Interner {
public:
    std::uint32_t id(std::string_view s) {
        return ids_.try_emplace(s, static_cast<std::uint32_t>(ids_.size())).first->second;
    }

private:
    std::unordered_map<std::string_view, std::uint32_t> ids_;
};

// Myers' O(ND) shortest edit script of x into y, one Op per step, in order; nullopt once the
// search has cost more than `budget` units (a unit: one comparison, one diagonal of one step,
// or one saved frontier value). `budget` is lowered by what was spent.
std::optional<std::vector<Op>> edit_script(std::span<const std::uint32_t> x, std::span<const std::uint32_t> y,
                                           long& budget) {
    const long n = static_cast<long>(x.size()), m = static_cast<long>(y.size());
    // Step d costs at least d + 1, so the budget ends the search before step sqrt(2 * budget).
    const long max = std::min(n + m, static_cast<long>(std::sqrt(2.0 * static_cast<double>(std::max(budget, 0L)))) + 2);
    // v[k + off]: the furthest x reached on diagonal k; `frontiers` keeps the diagonals -d,
    // -d + 2, ..., d of each step d (d + 1 values, from offset d(d + 1)/2) for the way back.
    const long off = max + 1;
    std::vector<std::int32_t> v(static_cast<std::size_t>(2 * max + 3), 0), frontiers;
    auto at = [&](long k) -> std::int32_t& { return v[static_cast<std::size_t>(k + off)]; };
    long found = -1;
    for (long d = 0; d <= max && found < 0; ++d) {
        for (long k = -d; k <= d; k += 2) {
            long px = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            long py = px - k;
            long start = px;
            while (px < n && py < m && x[static_cast<std::size_t>(px)] == y[static_cast<std::size_t>(py)]) ++px, ++py;
            budget -= 1 + (px - start);
            at(k) = static_cast<std::int32_t>(px);
            if (px >= n && py >= m) {
                found = d;
                break;
            }
        }
        budget -= d + 1;
        if (budget < 0 || (found < 0 && d == max)) return std::nullopt;
        for (long k = -d; k <= d; k += 2) frontiers.push_back(at(k));
    }
    std::vector<Op> rev;
    long px = n, py = m;
    for (long d = found; d > 0; --d) {
        // The frontier of step d - 1: diagonals -(d - 1), ..., d - 1.
        const std::int32_t* prev = frontiers.data() + (d - 1) * d / 2;
        auto before = [&](long k) { return static_cast<long>(prev[(k + d - 1) / 2]); };
        long k = px - py;
        long prev_k = (k == -d || (k != d && before(k - 1) < before(k + 1))) ? k + 1 : k - 1;
        long prev_x = before(prev_k), prev_y = prev_x - prev_k;
        while (px > prev_x && py > prev_y) rev.push_back(Op::same), --px, --py;
        if (px == prev_x)
            rev.push_back(Op::added), --py;
        else
            rev.push_back(Op::removed), --px;
    }
    while (px > 0 && py > 0) rev.push_back(Op::same), --px, --py;
    return std::vector<Op>(rev.rbegin(), rev.rend());
}

// Writes the script's pieces: `a` and `b` are the tokens the script's ids stand for.
void write_script(std::vector<DiffPiece>& out, const std::vector<Op>& script, std::span<const std::string_view> a,
                  std::span<const std::string_view> b) {
    std::size_t i = 0, j = 0;
    for (Op op : script) {
        if (op == Op::same)
            push(out, op, a[i++]), ++j;
        else if (op == Op::removed)
            push(out, op, a[i++]);
        else
            push(out, op, b[j++]);
    }
}

void write_replacement(std::vector<DiffPiece>& out, std::span<const std::string_view> a,
                       std::span<const std::string_view> b) {
    for (auto t : a) push(out, Op::removed, t);
    for (auto t : b) push(out, Op::added, t);
}

// Word tokens grouped into lines: each line ends after a token holding a newline.
struct Lines {
    std::vector<std::string_view> text;
    std::vector<std::size_t> tokens;  // how many word tokens each line has
};

Lines lines_of(std::span<const std::string_view> tokens) {
    Lines lines;
    std::size_t first = 0;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (t + 1 < tokens.size() && tokens[t].find('\n') == std::string_view::npos) continue;
        const char* start = tokens[first].data();
        lines.text.emplace_back(start, static_cast<std::size_t>(tokens[t].data() + tokens[t].size() - start));
        lines.tokens.push_back(t + 1 - first);
        first = t + 1;
    }
    return lines;
}

Ids ids_of(Interner& interner, std::span<const std::string_view> tokens) {
    Ids ids;
    ids.reserve(tokens.size());
    for (auto t : tokens) ids.push_back(interner.id(t));
    return ids;
}

}  // namespace

std::vector<DiffPiece> word_diff(std::string_view before, std::string_view after) {
    auto a = word_tokens(before), b = word_tokens(after);
    Interner words;
    Ids ia = ids_of(words, a), ib = ids_of(words, b);
    // Common prefix and suffix first: most versions differ in a few places.
    std::size_t pre = 0;
    while (pre < ia.size() && pre < ib.size() && ia[pre] == ib[pre]) ++pre;
    std::size_t suf = 0;
    while (suf < ia.size() - pre && suf < ib.size() - pre && ia[ia.size() - 1 - suf] == ib[ib.size() - 1 - suf]) ++suf;
    std::vector<DiffPiece> out;
    for (std::size_t i = 0; i < pre; ++i) push(out, Op::same, a[i]);
    std::span<const std::string_view> x(a.data() + pre, a.size() - pre - suf), y(b.data() + pre, b.size() - pre - suf);
    std::span<const std::uint32_t> xi(ia.data() + pre, x.size()), yi(ib.data() + pre, y.size());

    // Lines first, like `git diff --word-diff`: the lines of the changed middle are matched,
    // then each changed block of lines is compared word by word. Every search is bounded: all
    // word searches together may spend k_word_diff_budget plus a few units per token, one
    // search at most k_word_diff_budget; a block past that shows as removed and added whole.
    long pool = k_word_diff_budget + 8 * static_cast<long>(x.size() + y.size());
    auto diff_words = [&](std::span<const std::string_view> bx, std::span<const std::string_view> by,
                          std::span<const std::uint32_t> bxi, std::span<const std::uint32_t> byi) {
        long allowed = std::min(pool, k_word_diff_budget), left = allowed;
        auto script = allowed > 0 ? edit_script(bxi, byi, left) : std::nullopt;
        pool -= allowed - std::max(left, 0L);
        if (script)
            write_script(out, *script, bx, by);
        else
            write_replacement(out, bx, by);
    };
    auto lx = lines_of(x), ly = lines_of(y);
    Interner lines;
    Ids lxi = ids_of(lines, lx.text), lyi = ids_of(lines, ly.text);
    long line_budget = k_word_diff_line_budget;
    auto line_script = edit_script(lxi, lyi, line_budget);
    if (!line_script) {
        diff_words(x, y, xi, yi);
    } else {
        std::size_t i = 0, j = 0, ti = 0, tj = 0;  // lines and tokens of x and y done
        auto tokens_in = [](const Lines& l, std::size_t from, std::size_t to) {
            std::size_t n = 0;
            for (std::size_t k = from; k < to; ++k) n += l.tokens[k];
            return n;
        };
        for (std::size_t s = 0; s < line_script->size();) {
            if ((*line_script)[s] == Op::same) {
                push(out, Op::same, lx.text[i]);
                ti += lx.tokens[i];
                tj += ly.tokens[j];
                ++i, ++j, ++s;
                continue;
            }
            std::size_t i0 = i, j0 = j;
            for (; s < line_script->size() && (*line_script)[s] != Op::same; ++s)
                ((*line_script)[s] == Op::removed ? i : j)++;
            std::size_t na = tokens_in(lx, i0, i), nb = tokens_in(ly, j0, j);
            diff_words({x.data() + ti, na}, {y.data() + tj, nb}, {xi.data() + ti, na}, {yi.data() + tj, nb});
            ti += na, tj += nb;
        }
    }
    for (std::size_t i = a.size() - suf; i < a.size(); ++i) push(out, Op::same, a[i]);
    return out;
}

}  // namespace toezeg
