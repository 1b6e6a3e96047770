#pragma once
// A letter's text as HTML: paragraphs, footnotes, detected passages marked, citations linked.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/item.hpp"

namespace toezeg::report {

std::string escape_html(std::string_view text);

struct Link {
    Span span;
    std::string href;
    std::string id;  // an id for the link itself ("fnref-1"), or ""
};

// The item a marked passage belongs to: a link to its page follows the passage.
struct PassageRef {
    std::size_t begin = 0;  // of the passage
    std::string href;       // "../items/tz-....html"
    std::string label;      // what the link says to a screen reader: "Naar de toezegging: ..."
};

// Every character of `text` appears escaped; marks carry id "p-<begin>" for links to them
// and end in a link to their item (`refs`); footnote markers link to their notes ("#fn-N")
// and each note back to its marker; a short line alone between paragraphs that reads as a
// heading (no final punctuation, no letterhead words) is an <h3>.
std::string document_html(std::string_view text, std::size_t body_end, const std::vector<Item>& items,
                          const std::vector<Link>& links, const std::vector<PassageRef>& refs = {},
                          const std::vector<Footnote>& footnotes = {});
// A word diff as HTML with <del> and <ins>: only the changed passages, each with up to
// `context` words before and after it, unchanged text between them left out as "[…]".
// "" when nothing changed.
std::string diff_html(std::string_view before, std::string_view after, std::size_t context = 12);

}  // namespace toezeg::report
