#pragma once
// The pieces the linker (tracker.cpp) scores a mention against an item with; internal to track/.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/item.hpp"
#include "track/link_state.hpp"
#include "track/similarity.hpp"
#include "track/tracker.hpp"

namespace toezeg::track {

inline constexpr std::size_t k_recent = 200;  // candidates per shared Kamerlid, minister or date

// The mentions' candidate keys: "r:" a motion's number, "s:" all its submitters, "d:" the
// date a commitment was made, "m:" a Kamerlid, "a:" a minister.
std::string candidate_key(char kind, const std::string& value);
std::string members_key(const std::vector<std::string>& members);
// The keys a mention is compared under (empty values are skipped), and whether, finding
// nothing under them, it is compared with the newest items of all (first those under `fallback`).
struct MentionKeys {
    std::vector<CandidateKey> keys, fallback;
    bool newest = false;
};
MentionKeys mention_keys(const Item& it);

// Keeps `list` to the `most` best matches (score, then id), whatever the order of adding;
// returns the match that no longer fits, if any.
std::optional<PossibleMatch> add_possible(std::vector<PossibleMatch>& list, PossibleMatch match, std::size_t most);
// "21 501-04, nr. 287" -> "21501-04-287": the id part of a motion's number.
std::string digits_and_dashes(const std::string& ref);
// What a mention says, for comparing: its subject and evidence.
std::string description(const Item& it);

// The words a mention or an item is compared by, computed once.
struct Words {
    WordSet subject, description;
};
// Subjects say best what a commitment is about; the evidence around them helps less.
double subject_similarity(const Words& mention, const Words& item);

std::set<std::string> lowered(const std::vector<std::string>& names);
bool overlaps(const std::set<std::string>& a, const std::set<std::string>& b);
// The event a mention makes of an item: made, repeated, fulfilled, ...
std::string event_type(const Item& it, bool first);

}  // namespace toezeg::track
