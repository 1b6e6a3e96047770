#include "ingest/fingerprint.hpp"

#include <algorithm>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::ingest {

std::vector<std::int64_t> sentence_fingerprints(std::string_view body) {
    std::vector<std::int64_t> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= body.size(); ++i) {
        bool end = i == body.size() || ((body[i] == '.' || body[i] == '?' || body[i] == '!') &&
                                        (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\n'));
        if (!end) continue;
        std::string reduced = utf8::reduce_for_match(body.substr(start, i - start));
        start = i + 1;
        if (reduced.size() < 60) continue;
        auto h = text::fnv1a(reduced);
        if (h % 4 == 0) out.push_back(static_cast<std::int64_t>(h >> 1));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace toezeg::ingest
