// Register status words and register item ids.
#include "core/register.hpp"

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg {

std::string_view to_string(Chamber chamber) { return chamber == Chamber::tk ? "tk" : "ek"; }
std::string_view dutch_chamber(Chamber chamber) { return chamber == Chamber::tk ? "Tweede Kamer" : "Eerste Kamer"; }

std::optional<Status> parse_register_status(std::string_view word) {
    std::string w = text::collapse_spaces(utf8::to_lower(word));
    // Quotes around the word, as committee notes write it ("voldaan", “deels voldaan”).
    for (std::string_view quote : {"\"", "\u201c", "\u201d", "'", "\u2018", "\u2019"}) {
        while (w.starts_with(quote)) w.erase(0, quote.size());
        while (w.ends_with(quote)) w.erase(w.size() - quote.size());
    }
    if (w == "openstaand") return Status::open;
    if (w == "voldaan" || w == "afgedaan") return Status::fulfilled;
    if (w == "deels voldaan" || w == "deels afgedaan") return Status::partial;
    if (w == "vervallen") return Status::lapsed;
    return std::nullopt;
}

std::string register_item_id(const RegisterRecord& record) {
    return "reg-" + (record.number.empty() ? record.id : record.number);
}

bool is_register_item_id(std::string_view id) { return id.starts_with("reg-"); }

}  // namespace toezeg
