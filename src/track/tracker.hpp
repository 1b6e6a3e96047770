#pragma once
// Follows commitments and motions across letters: one tracked item each, with its events.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/item.hpp"
#include "core/official.hpp"

namespace toezeg::track {

// The latest version of one letter with what was detected in it.
struct Letter {
    std::string doc_id;
    int version = 1;
    std::string date;     // effective letter date (ISO), may be empty
    std::string dossier;  // "32 317" when known
    std::vector<Item> items;
    std::vector<Item> previous_items;  // items of the version before, to see changed deadlines
    std::string publication;           // the official publication id of the letter's file, if its name gives one
};

// A passage of a letter: what a review decision is about. The same passage in a later
// version of the letter (or detected again after a rule change) keeps the decision.
struct Passage {
    std::string doc;
    std::string evidence;
};

// A user's correction, kept in git (corrections/links.jsonl).
struct Correction {
    std::string op;                  // "link", "unlink", or a review decision: "accept", "reject", "correct"
    std::vector<std::string> items;  // link: the items to merge (into the first); unlink, review: the item
    std::string doc;                 // unlink: the document whose events leave the item
    std::string at;                  // when it was made (ISO), shown in the history
    std::vector<Passage> passages;   // review: the passages of the item when the decision was made
    std::map<std::string, std::string> fields;  // correct: status, member, due, subject, ref, kind
};

struct Event {
    std::string date;
    // made, repeated, deadline changed, partly fulfilled, fulfilled, lapsed, linked, unlinked,
    // decided (the Kamer's official decision on a motion; its evidence is the fate's summary)
    std::string type;
    std::string doc;  // document id; empty for an event known only from a later letter
    int version = 0;
    std::string evidence;
    Span span;
    double confidence = 1.0;  // how sure the link of this event to the item is
    double detection = 1.0;   // how sure the detector was of the passage (Item::confidence)
    std::string due;          // deadline stated in this event, if any
    std::string due_before;   // a "deadline changed" event: the deadline before it ("" when there was none)
};

struct PossibleMatch {
    std::string id;
    double score = 0;
    std::string reason;
};

struct TrackedItem {
    std::string id;
    Kind kind = Kind::commitment;
    Status status = Status::open;
    std::string member;
    std::vector<std::string> members;
    std::string party, actor, subject, made_on, made_in, due, due_text, ref, dossier;
    std::vector<Event> events;
    std::vector<PossibleMatch> possible_matches;
    double confidence = 1.0;  // the lowest detection confidence of its passages
    std::string review;       // "", "accepted" or "corrected": a person's decision
    std::optional<OfficialFate> fate;  // a motion's official decision, when the official records give it
    std::string first_date() const { return events.empty() ? "" : events.front().date; }
    std::string last_date() const { return events.empty() ? "" : events.back().date; }
};

// The version of the linking rules: a stored linker state made by other rules is not
// continued but linked again from the start (pipeline/tracking puts it in `link_inputs`).
inline constexpr int k_linking_rules = 3;  // 3: a joint Kamerstuk's motion id from its first dossier

// Links every item of every letter into tracked items. The result does not depend on the
// order of `letters`. Corrections that name unknown items are reported in `warnings`.
// Each motion is joined to its official fate by its Kamerstuk number, else by the
// publication id of its own document: a motion the Kamer did not adopt takes the status of
// the decision (rejected, held, lapsed) whatever letters say; an adopted one stays open until
// a letter carries it out. A fate no letter mentions becomes a motion of its own.
std::vector<TrackedItem> track(std::vector<Letter> letters, const std::vector<Correction>& corrections,
                               const std::vector<OfficialFate>& fates, std::vector<std::string>& warnings);
inline std::vector<TrackedItem> track(std::vector<Letter> letters, const std::vector<Correction>& corrections,
                                      std::vector<std::string>& warnings) {
    return track(std::move(letters), corrections, {}, warnings);
}

// An open item whose deadline lies before `as_of` (ISO date).
bool is_overdue(const TrackedItem& item, const std::string& as_of);
Status status_of_event(const std::string& type);
// The event a status makes: "fulfilled", "partly fulfilled", "lapsed"; "" for the others.
std::string_view status_event(Status status);
// Events the weekly report and the feed list as changes: carried out, lapsed, a new deadline, the Kamer's decision.
inline bool is_status_change(const std::string& type) {
    return type == "fulfilled" || type == "partly fulfilled" || type == "lapsed" || type == "deadline changed" ||
           type == "decided";
}

}  // namespace toezeg::track
