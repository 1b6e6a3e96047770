#include "core/item.hpp"

namespace toezeg {

std::string_view to_string(Kind kind) { return kind == Kind::commitment ? "commitment" : "motion"; }

std::string_view to_string(Status status) {
    switch (status) {
        case Status::open: return "open";
        case Status::fulfilled: return "fulfilled";
        case Status::partial: return "partial";
        case Status::lapsed: return "lapsed";
        case Status::rejected: return "rejected";
        case Status::held: return "held";
    }
    return "open";
}

std::string_view dutch_status(Status status) {
    switch (status) {
        case Status::open: return "Openstaand";
        case Status::fulfilled: return "Voldaan";
        case Status::partial: return "Deels voldaan";
        case Status::lapsed: return "Vervallen";
        case Status::rejected: return "Verworpen";
        case Status::held: return "Aangehouden";
    }
    return "Openstaand";
}

std::optional<Kind> parse_kind(std::string_view text) {
    if (text == "commitment") return Kind::commitment;
    if (text == "motion") return Kind::motion;
    return std::nullopt;
}

std::optional<Status> parse_status(std::string_view text) {
    for (Status s : k_all_statuses)
        if (to_string(s) == text) return s;
    return std::nullopt;
}

}  // namespace toezeg
