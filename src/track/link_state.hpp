#pragma once
// The linker's state between runs (LinkState), linking more letters onto it (track_more),
// taking back what the letters from some point on did (roll_back), and all of it, events
// and possible matches as JSON: one wire format for db/link_state and the tracked items
// table; pure.
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
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

// What the linker knows after the letters it has seen, in letter order. `entries` may hold
// only a part of them (those a run can touch, loaded by db/link_state): `count` says how
// many there are, and `id_in_use` answers for the ids of those not loaded.
struct LinkState {
    std::map<std::size_t, LinkEntry> entries;           // by ordinal, the order the linker made them in
    std::size_t count = 0;                              // entries in all, loaded or not
    std::map<std::string, int> next_suffix;             // per id base: the next "-n" to try
    std::string last_letter;                            // letter_order_key of the last letter linked
    std::function<bool(const std::string&)> id_in_use;  // an entry not loaded has this id
    // Filled by track_more, Linker and roll_back: the entries they changed or added, and per
    // letter linked, what it changed (to take back later).
    std::vector<std::size_t> changed;
    std::vector<LetterUndo> undo;
};

// The order the linker takes letters in: date, then id.
std::string letter_order_key(const Letter& letter);

// A candidate key the linker looks items up by ("r:36 600 VI, nr. 12", "a:minister van ..."),
// and how many of its newest items it compares with.
struct CandidateKey {
    std::string key;
    std::size_t limit = 0;
};
// What linking `letters` can look at: every candidate key their mentions are looked up
// under, and whether some mention falls back to the newest items of all (`newest` of them).
struct LetterReach {
    std::vector<CandidateKey> keys;
    std::size_t newest = 0;
};
LetterReach reach_of(const std::vector<Letter>& letters);

class Tracker;

// Links letters onto a LinkState, then gives the tracked items: all of them (corrections,
// fates and reviews applied to the whole), or only those of the entries the letters changed.
class Linker {
public:
    Linker(LinkState state, std::vector<std::string>& warnings);
    ~Linker();
    Linker(const Linker&) = delete;
    Linker& operator=(const Linker&) = delete;
    // Links `letters` (sorted here; rejected passages dropped), which must all sort after
    // the state's last letter. Every entry `reach_of(letters)` names must be loaded.
    void link(std::vector<Letter> letters, const std::vector<Correction>& corrections);
    // The state to keep: of the entries, only the changed ones (see LinkState::changed).
    LinkState state() const;
    // Ordinals of the entries not loaded, and adding them (unchanged, as stored).
    std::vector<std::size_t> missing() const;
    void add_stored(std::map<std::size_t, LinkEntry> entries);
    // All tracked items, corrections, fates and reviews applied (needs every entry loaded).
    std::vector<TrackedItem> finish(const std::vector<Correction>& corrections, const std::vector<OfficialFate>& fates);
    // The entries the letters changed (or roll_back restored), as they are now: ordinal -> entry.
    std::map<std::size_t, LinkEntry> changed_entries() const;

private:
    std::string m_last_letter;
    std::unique_ptr<Tracker> m_tracker;
    std::vector<std::string>& m_warnings;
};

// Links `letters` after those `state` has seen, then applies corrections and fates to the
// whole: the tracked items, equal to `track` over all letters seen, provided every one of
// `letters` sorts after `state.last_letter` and all entries are loaded. `state` is updated,
// but of its entries only those in `state.changed` are filled.
std::vector<TrackedItem> track_more(LinkState& state, std::vector<Letter> letters,
                                    const std::vector<Correction>& corrections, const std::vector<OfficialFate>& fates,
                                    std::vector<std::string>& warnings);

// The tracked item of one entry when no correction and no fate concerns it: its events
// sorted, its status and deadline from them (reviews are applied after, as for all items).
TrackedItem settled_item(const LinkEntry& entry);

// Which of `fates` a motion goes with: by its Kamerstuk number, else by the publication id
// of its own document (the first fate for each).
class FateIndex {
public:
    explicit FateIndex(const std::vector<OfficialFate>& fates);
    std::optional<std::size_t> find(const TrackedItem& motion, const std::string& publication) const;

private:
    std::map<std::string, std::size_t> m_by_kamerstuk, m_by_publication;
};

// Takes back what the letters of `undo` did, newest first (their LetterUndo, as track_more
// made them, sorted by letter, descending): `state` becomes what linking only the letters
// before them left, whose last letter was `last_before`. Sets `state.changed`. Every entry
// below the new count that a step names must be loaded.
void roll_back(LinkState& state, const std::vector<LetterUndo>& undo, const std::string& last_before);
// The entries `undo` names, and the first entry it made (the new count after roll_back).
std::set<std::size_t> entries_named(const std::vector<LetterUndo>& undo);
std::size_t count_after(const std::vector<LetterUndo>& undo, std::size_t count);

nlohmann::json events_to_json(const std::vector<Event>& events);
std::vector<Event> events_from_json(const nlohmann::json& j);
nlohmann::json matches_to_json(const std::vector<PossibleMatch>& matches);
std::vector<PossibleMatch> matches_from_json(const nlohmann::json& j);
// `compact`: without events and possible matches, and without empty fields (an undo step's
// "before": its events and matches are taken back by other means).
nlohmann::json entry_to_json(const LinkEntry& entry, bool compact = false);
LinkEntry entry_from_json(const nlohmann::json& j);
// Steps as arrays: [0, entry] made, [1, entry, before] recorded, [2, entry, match(, [id,
// score, reason] dropped)] matched; undo_from_json also reads the object form of migration 007.
nlohmann::json undo_to_json(const LetterUndo& undo);
LetterUndo undo_from_json(const nlohmann::json& j);

}  // namespace toezeg::track
