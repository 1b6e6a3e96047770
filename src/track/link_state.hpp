#pragma once
// The linker's state between runs (LinkState), linking more letters onto it (track_more),
// taking back what the letters from some point on did (roll_back), and all of it, events
// and possible matches as JSON: one wire format for db/link_state and the tracked items
// table; pure.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "track/tracker.hpp"

namespace toezeg::track {

// One tracked item as the linker holds it, before corrections, fates and reviews.
struct LinkEntry {
    TrackedItem item;               // as linked so far: events, fields, possible matches
    std::string made_in_letter;     // the stored letter that made it, if any
    std::string publication;        // the publication id of its own motion document
    std::string last_evidence;      // of the mention recorded last: what new mentions are compared with
    std::vector<std::string> keys;  // the candidate keys it is found under ("r:ref", "a:actor", ...)
};

// What linking one letter changed in the linker's state, step by step, so that it can be
// taken back: an entry it made, an entry it recorded a mention in (as it was before, but
// for its events: those of the letter's document leave it), a possible match it added to
// an existing entry (and the one that fell off the list), and the id suffix counters.
struct LetterUndo {
    struct Step {
        std::size_t entry = 0;
        enum class Kind { made, recorded, matched } kind = Kind::made;
        std::optional<LinkEntry> before;       // recorded: the entry before, without events
        std::string match;                     // matched: the id of the match added
        std::optional<PossibleMatch> dropped;  // matched: what fell off its list
    };
    std::string letter;       // letter_order_key of the letter
    std::string doc;          // its document id
    std::vector<Step> steps;  // in the order they happened
    std::vector<std::pair<std::string, std::optional<int>>> suffixes;
};

// What the linker knows after the letters it has seen, in letter order.
struct LinkState {
    std::vector<LinkEntry> entries;          // in the order the linker made them
    std::map<std::string, int> next_suffix;  // per id base: the next "-n" to try
    std::string last_letter;                 // letter_order_key of the last letter linked
    // Filled by track_more and roll_back: the entries they changed or added, and per letter
    // track_more linked, what it changed (to take back later).
    std::vector<std::size_t> changed;
    std::vector<LetterUndo> undo;
};

// The order the linker takes letters in: date, then id.
std::string letter_order_key(const Letter& letter);

// Links `letters` after those `state` has seen, then applies corrections and fates to the
// whole: the tracked items, equal to `track` over all letters seen, provided every one of
// `letters` sorts after `state.last_letter`. `state` is updated, but of its entries only
// those in `state.changed` are filled (the rest are as they were: what is stored holds them).
std::vector<TrackedItem> track_more(LinkState& state, std::vector<Letter> letters,
                                    const std::vector<Correction>& corrections, const std::vector<OfficialFate>& fates,
                                    std::vector<std::string>& warnings);

// Takes back what the letters of `undo` did, newest first (their LetterUndo, as track_more
// made them, sorted by letter, descending): `state` becomes what linking only the letters
// before them left, whose last letter was `last_before`. Sets `state.changed`.
void roll_back(LinkState& state, const std::vector<LetterUndo>& undo, const std::string& last_before);

nlohmann::json events_to_json(const std::vector<Event>& events);
std::vector<Event> events_from_json(const nlohmann::json& j);
nlohmann::json matches_to_json(const std::vector<PossibleMatch>& matches);
std::vector<PossibleMatch> matches_from_json(const nlohmann::json& j);
nlohmann::json entry_to_json(const LinkEntry& entry);
LinkEntry entry_from_json(const nlohmann::json& j);
nlohmann::json undo_to_json(const LetterUndo& undo);
LetterUndo undo_from_json(const nlohmann::json& j);

}  // namespace toezeg::track
