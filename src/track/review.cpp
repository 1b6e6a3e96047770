#include "track/review.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/date.hpp"
#include "util/text.hpp"

namespace toezeg::track {

namespace {

std::string normalised(const std::string& s) { return text::collapse_spaces(s); }

bool covers(const Correction& c, const Event& e) {
    if (e.doc.empty()) return false;
    return std::any_of(c.passages.begin(), c.passages.end(),
                       [&](const Passage& p) { return same_passage(p, e.doc, e.evidence); });
}

bool holds(const Correction& c, const TrackedItem& t) {
    return std::any_of(t.events.begin(), t.events.end(), [&](const Event& e) { return covers(c, e); });
}

// A correction of the status holds until a letter newer than every passage it saw says
// something else: then the newer letter decides again.
bool newer_letter_decides(const Correction& c, const TrackedItem& t) {
    std::string seen;
    for (auto& e : t.events)
        if (covers(c, e)) seen = std::max(seen, e.date);
    return std::any_of(t.events.begin(), t.events.end(), [&](const Event& e) {
        return !e.doc.empty() && !covers(c, e) && e.date > seen;
    });
}

void correct(TrackedItem& t, const Correction& c) {
    std::string what;
    for (auto& [field, value] : c.fields) {
        what += (what.empty() ? "" : ", ") + field + " " + value;
        if (field == "status") {
            if (!newer_letter_decides(c, t)) t.status = parse_status(value).value_or(t.status);
        } else if (field == "member") {
            t.member = value;
            if (std::find(t.members.begin(), t.members.end(), value) == t.members.end()) t.members.insert(t.members.begin(), value);
        } else if (field == "due") {
            t.due = value;
            t.due_text.clear();
        } else if (field == "subject") {
            t.subject = value;
        } else if (field == "ref") {
            t.ref = value;
        } else if (field == "kind") {
            t.kind = parse_kind(value).value_or(t.kind);
        }
    }
    Event note;
    note.date = c.at.substr(0, 10);
    note.type = "corrected";
    note.evidence = "corrected by hand: " + what;
    t.events.push_back(std::move(note));
}

}  // namespace

bool is_review(const Correction& c) { return c.op == "accept" || c.op == "reject" || c.op == "correct"; }

bool same_passage(const Passage& p, const std::string& doc, const std::string& evidence) {
    if (p.doc != doc) return false;
    std::string a = normalised(p.evidence), b = normalised(evidence);
    if (a.empty() || b.empty()) return false;
    if (a == b) return true;
    // A sentence boundary found differently later: one passage holds the other.
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    return shorter.size() >= 40 && longer.find(shorter) != std::string::npos;
}

void drop_rejected(std::vector<Letter>& letters, const std::vector<Correction>& corrections) {
    std::vector<const Correction*> rejects;
    for (auto& c : corrections)
        if (c.op == "reject") rejects.push_back(&c);
    if (rejects.empty()) return;
    for (auto& letter : letters)
        std::erase_if(letter.items, [&](const Item& it) {
            return std::any_of(rejects.begin(), rejects.end(), [&](const Correction* c) {
                return std::any_of(c->passages.begin(), c->passages.end(),
                                   [&](const Passage& p) { return same_passage(p, letter.doc_id, it.evidence); });
            });
        });
}

void apply_reviews(std::vector<TrackedItem>& items, const std::vector<Correction>& corrections,
                   std::vector<std::string>& warnings, const std::set<std::string>& reviewed_elsewhere) {
    std::vector<std::vector<const Correction*>> decided(items.size());
    for (auto& c : corrections) {
        if (c.op != "accept" && c.op != "correct") continue;
        bool found = false;
        for (std::size_t k = 0; k < items.size(); ++k)
            if (holds(c, items[k])) {
                found = true;
                decided[k].push_back(&c);
                if (c.op == "correct") {
                    correct(items[k], c);
                    items[k].review = "corrected";
                } else if (items[k].review.empty()) {
                    items[k].review = "accepted";
                }
            }
        if (!found)
            warnings.push_back("review " + c.op + " of " + (c.items.empty() ? "?" : c.items[0]) +
                               ": its passage is no longer detected; kept in git, applies if it returns");
    }
    // A reviewed item is not the same as its possible matches: the pair is decided.
    std::set<std::string> reviewed_ids = reviewed_elsewhere;
    for (auto& t : items)
        if (!t.review.empty()) reviewed_ids.insert(t.id);
    for (auto& t : items) {
        if (!t.review.empty()) t.possible_matches.clear();
        else std::erase_if(t.possible_matches, [&](const PossibleMatch& p) { return reviewed_ids.count(p.id) > 0; });
    }
    for (std::size_t k = 0; k < items.size(); ++k) {
        double lowest = 1.0;
        for (auto& e : items[k].events) {
            if (e.doc.empty()) continue;
            bool reviewed = std::any_of(decided[k].begin(), decided[k].end(), [&](const Correction* c) { return covers(*c, e); });
            if (!reviewed) lowest = std::min(lowest, e.detection);
        }
        items[k].confidence = lowest;
    }
}

std::string review_reason(const TrackedItem& item, double threshold) {
    char buf[160];
    if (is_low_confidence(item, threshold)) {
        std::snprintf(buf, sizeof buf, "low confidence %.2f", item.confidence);
        return buf;
    }
    if (item.review.empty() && !item.possible_matches.empty()) {
        auto& p = item.possible_matches.front();
        std::snprintf(buf, sizeof buf, "possibly the same as %s (%.2f)", p.id.c_str(), p.score);
        return buf;
    }
    return "";
}

std::optional<std::string> invalid_correction(const std::string& field, const std::string& value) {
    if (field == "status")
        return parse_status(value) ? std::nullopt
                                   : std::optional<std::string>("status must be one of open, fulfilled, partial, lapsed, rejected, held");
    if (field == "kind")
        return parse_kind(value) ? std::nullopt : std::optional<std::string>("kind must be commitment or motion");
    if (field == "due") {
        auto d = Date::parse_iso(value);
        return d ? std::nullopt : std::optional<std::string>("due must be a date as YYYY-MM-DD");
    }
    if (field == "member" || field == "subject" || field == "ref")
        return value.empty() ? std::optional<std::string>(field + " must not be empty") : std::nullopt;
    return "cannot correct '" + field + "'";
}

}  // namespace toezeg::track
