#pragma once
// How deep an XML tree nests, found without recursion (a hostile file may nest 100,000
// levels; the readers that walk the tree recursively refuse anything past the limit).
#include <cstddef>

#include <pugixml.hpp>

namespace toezeg::xml {

// Official XML (officiele-publicatie, SyncFeed Atom) nests under 30 levels.
inline constexpr std::size_t k_max_depth = 200;

// The depth of the deepest node under `root` (its children are at depth 1), counting no
// further than `limit + 1`.
inline std::size_t depth(const pugi::xml_node& root, std::size_t limit = k_max_depth) {
    std::size_t deepest = 0, level = 0;
    pugi::xml_node node = root.first_child();
    if (node) level = 1;
    while (node) {
        if (level > deepest) deepest = level;
        if (deepest > limit) return deepest;
        if (node.first_child()) {
            node = node.first_child();
            ++level;
            continue;
        }
        while (node && !node.next_sibling() && node != root) {
            node = node.parent();
            --level;
        }
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return deepest;
}

}  // namespace toezeg::xml
