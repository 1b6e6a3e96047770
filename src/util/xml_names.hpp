#pragma once
// Element and attribute names of namespaced XML (SyncFeed "ns1:id") read by their local part.
#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace toezeg::xml {

inline std::string_view local(const char* name) {
    std::string_view n(name);
    auto colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

inline pugi::xml_node child_local(const pugi::xml_node& node, std::string_view name) {
    for (auto& c : node.children())
        if (local(c.name()) == name) return c;
    return {};
}

inline std::string attr_local(const pugi::xml_node& node, std::string_view name) {
    for (auto& a : node.attributes())
        if (local(a.name()) == name) return a.value();
    return "";
}

}  // namespace toezeg::xml
