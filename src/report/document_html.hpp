#pragma once
// A letter's text as HTML: paragraphs, footnotes, detected passages marked, citations linked.
#include <string>
#include <string_view>
#include <vector>

#include "core/item.hpp"

namespace toezeg::report {

std::string escape_html(std::string_view text);

struct Link {
    Span span;
    std::string href;
};

// Every character of `text` appears escaped; marks carry id "p-<begin>" for links to them.
std::string document_html(std::string_view text, std::size_t body_end, const std::vector<Item>& items,
                          const std::vector<Link>& links);
// A word diff as HTML with <del> and <ins>.
std::string diff_html(std::string_view before, std::string_view after);

}  // namespace toezeg::report
