#pragma once
// What a harness asserts besides "no crash": a broken invariant aborts, so libFuzzer keeps the input.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/document.hpp"

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            std::abort();                                                                  \
        }                                                                                  \
    } while (0)

namespace toezeg::fuzz {

inline bool within(const Span& span, std::string_view text) {
    return span.begin <= span.end && span.end <= text.size();
}

// Every offset a Document carries points into its own text.
inline void check_document(const Document& doc) {
    FUZZ_CHECK(doc.body_end <= doc.text.size());
    for (auto& f : doc.footnotes) {
        FUZZ_CHECK(within(f.text, doc.text));
        FUZZ_CHECK(f.marker.size() == 0 || within(f.marker, doc.text));
    }
    for (auto& c : doc.citations) FUZZ_CHECK(within(c.span, doc.text));
    FUZZ_CHECK(!doc.id.empty());
}

}  // namespace toezeg::fuzz
