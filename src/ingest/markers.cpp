#include "ingest/markers.hpp"

#include <set>
#include <string>

#include "util/utf8.hpp"

namespace toezeg::ingest {

namespace {

bool is_glue(char32_t cp) {
    return utf8::is_letter(cp) || cp == '.' || cp == ',' || cp == ';' || cp == ':' || cp == ')' ||
           cp == U'’' || cp == U'”' || cp == '"' || cp == '\'' || cp == ']';
}

std::string word_before(std::string_view body, std::size_t space) {
    std::size_t start = space;
    while (start > 0 && body[start - 1] != ' ' && body[start - 1] != '\n') --start;
    return utf8::to_lower(body.substr(start, space - start));
}

}  // namespace

std::optional<Span> find_marker(std::string_view body, int number, std::size_t from) {
    static const std::set<std::string> k_not_before_marker = {
        "nr.", "nr", "artikel", "lid", "pagina", "hoofdstuk", "paragraaf", "bijlage", "van", "op", "tot",
        "en", "of", "in", "dan", "ca.", "circa", "nummer", "stap", "fase", "punt", "de", "het", "per", "tussen",
        "vraag", "vragen", "antwoord", "motie", "artikelen", "nrs.", "bladzijde", "blz.", "p.", "juni", "mei"};
    std::string digits = std::to_string(number);
    for (std::size_t pos = body.find(digits, from); pos != std::string_view::npos;
         pos = body.find(digits, pos + 1)) {
        std::size_t end = pos + digits.size();
        char after = end < body.size() ? body[end] : '\n';
        if (after >= '0' && after <= '9') continue;
        char32_t before = utf8::previous(body, pos);
        if (before >= '0' && before <= '9') continue;
        if (is_glue(before)) {
            if (utf8::is_letter(static_cast<unsigned char>(after)) && after != ' ') continue;
            return Span{pos, end};
        }
        if (before == ' ' && pos >= 2) {
            bool punct_after = after == '.' || after == ',' || after == ';' || after == ':' || after == '\n';
            char32_t before_space = utf8::previous(body, pos - 1);
            if (punct_after && utf8::is_letter(before_space) && !k_not_before_marker.contains(word_before(body, pos - 1)))
                return Span{pos, end};
        }
    }
    return std::nullopt;
}

}  // namespace toezeg::ingest
