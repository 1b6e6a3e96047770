// How the linker scores a mention against a tracked item (see link_scoring.hpp), and the
// small public functions of tracker.hpp and link_state.hpp that need no Tracker.
#include "track/link_scoring.hpp"

#include <algorithm>

#include "track/link_state.hpp"
#include "util/utf8.hpp"

namespace toezeg::track {

std::optional<PossibleMatch> add_possible(std::vector<PossibleMatch>& list, PossibleMatch match, std::size_t most) {
    auto better = [](const PossibleMatch& a, const PossibleMatch& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    };
    if (std::any_of(list.begin(), list.end(), [&](auto& p) { return p.id == match.id; })) return std::nullopt;
    list.insert(std::upper_bound(list.begin(), list.end(), match, better), std::move(match));
    if (list.size() <= most) return std::nullopt;
    PossibleMatch dropped = std::move(list.back());
    list.pop_back();
    return dropped;
}

std::string digits_and_dashes(const std::string& ref) {
    std::string out;
    for (char c : ref) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            out.push_back(c);
        else if ((c == '-' || c == ',' || c == ' ') && !out.empty() && out.back() != '-')
            out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    // "21 501-04, nr. 287" -> "21-501-04-287": join the dossier digits again.
    if (out.size() > 2 && out[2] == '-') out.erase(2, 1);
    return out;
}

std::string description(const Item& it) { return it.subject.empty() ? it.evidence : it.subject + " " + it.evidence; }

double subject_similarity(const Words& mention, const Words& item) {
    double evidence = similarity(mention.description, item.description);
    if (mention.subject.empty() || item.subject.empty()) return evidence;
    return std::max(similarity(mention.subject, item.subject), 0.7 * evidence);
}

std::set<std::string> lowered(const std::vector<std::string>& names) {
    std::set<std::string> out;
    for (auto& n : names) out.insert(utf8::to_lower(n));
    return out;
}

bool overlaps(const std::set<std::string>& a, const std::set<std::string>& b) {
    for (auto& x : a)
        if (b.contains(x)) return true;
    return false;
}

std::string_view status_event(Status status) {
    switch (status) {
        case Status::fulfilled:
            return "fulfilled";
        case Status::partial:
            return "partly fulfilled";
        case Status::lapsed:
            return "lapsed";
        case Status::open:
        case Status::rejected:
        case Status::held:
            break;
    }
    return "";
}

std::string event_type(const Item& it, bool first) {
    if (auto done = status_event(it.status); !done.empty()) return std::string(done);
    if (!first) return "repeated";
    if (it.kind == Kind::motion) return it.rule == "motion.document" ? "made" : "mentioned";
    return it.earlier ? "repeated" : "made";
}

Status status_of_event(const std::string& type) {
    if (type == "fulfilled") return Status::fulfilled;
    if (type == "partly fulfilled") return Status::partial;
    if (type == "lapsed") return Status::lapsed;
    return Status::open;
}

bool is_overdue(const TrackedItem& item, const std::string& as_of) {
    return item.status == Status::open && !item.due.empty() && item.due < as_of;
}

std::string letter_order_key(const Letter& letter) { return letter.date + '\x01' + letter.doc_id; }

}  // namespace toezeg::track
