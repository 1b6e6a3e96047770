#pragma once
// Whether pugixml turns an XML file's bytes into valid UTF-8: it converts UTF-16/32 (by BOM)
// and a declared ISO-8859-1, but passes any other bytes through as they are, so a file that
// claims UTF-8 (or nothing) must be valid UTF-8 or its text would poison the JSON written later.
#include <string_view>

#include <string>
#include "util/utf8.hpp"

namespace toezeg::xml {

inline bool readable_encoding(std::string_view bytes) {
    using namespace std::string_view_literals;
    if (bytes.starts_with("\xFE\xFF"sv) || bytes.starts_with("\xFF\xFE"sv) || bytes.starts_with("\0\0\xFE\xFF"sv))
        return true;
    if (bytes.starts_with("<?xml")) {
        std::string_view prolog = bytes.substr(0, bytes.find("?>"));
        auto at = prolog.find("encoding");
        auto open = at == std::string_view::npos ? at : prolog.find_first_of("\"'", at);
        auto close = open == std::string_view::npos ? open : prolog.find(prolog[open], open + 1);
        if (close != std::string_view::npos) {
            std::string declared = utf8::to_lower(prolog.substr(open + 1, close - open - 1));
            if (declared == "iso-8859-1" || declared == "latin1") return true;
        }
    }
    return utf8::is_valid(bytes);
}

}  // namespace toezeg::xml
