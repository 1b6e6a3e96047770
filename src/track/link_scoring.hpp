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
// "21 501-04, nr. 287" -> "21501-04-287", "30 306/30 307, letter D" -> "30306-D": the id part
// of a motion's number (of a joint Kamerstuk, its first dossier).
std::string digits_and_dashes(const std::string& ref);
// What a mention says, for comparing: its subject and evidence.
std::string description(const Item& it);

// The words a mention or an item is compared by, computed once.
struct Words {
    WordSet subject, description;
};
// Subjects say best what a commitment is about; the evidence around them helps less.
double subject_similarity(const Words& mention, const Words& item);

// The weights a mention of an earlier commitment ("Tijdens het debat van 5 december heb ik
// het lid Westra toegezegd ...", "In mijn brief van 26 juni heb ik ... toegezegd") is scored
// with against an item; their sum with k_subject_weight times the words' likeness is
// compared with the link threshold (0.7).
inline constexpr double k_same_date = 0.45;          // the item was made on the date the mention names
inline constexpr double k_cited_letter = 0.3;  // ... in a letter of that date, both naming the same ministry
inline constexpr double k_shared_member = 0.3;       // a Kamerlid named by both
inline constexpr double k_other_member = -0.5;       // both name Kamerleden, none the same (or of another party)
inline constexpr double k_same_meeting = 0.1;        // both name the meeting, alike
inline constexpr double k_other_meeting = -0.15;     // both name a meeting, another kind (notaoverleg, tweeminutendebat)
inline constexpr double k_other_minister = -0.25;    // made by a minister of another ministry
inline constexpr double k_unrelated_subject = -0.35;  // both have a subject and share no word of it (also motions)
inline constexpr double k_subject_weight = 0.4;
inline constexpr double k_related_subject = 0.1;  // below: the subjects are unrelated

// A letter's own new promise ("Ik zal uw Kamer voor de zomer informeren over X") repeats an
// open item only when it says the same: the same minister, nearly the same subject, the same
// deadline, and no Kamerlid the item was promised to left out. Otherwise it is a new item.
inline constexpr double k_repeat_subject = 0.8;

// The score of a mention of an earlier commitment against item `t`; `made_in_letter`: a letter
// (not a debate) made `t`; `words`: the two's Words, `subject` their subject_similarity.
double earlier_commitment_score(const Item& it, const TrackedItem& t, bool made_in_letter, const Words& mine,
                                const Words& theirs, double subject);
// The score of a letter's new promise against the open item `t`: at or above the link
// threshold only for a repetition (see k_repeat_subject), else at most a possible match.
double new_promise_score(const Item& it, const TrackedItem& t, double subject);
// Two actors ("minister van Financiën", "staatssecretaris van Financiën") of one ministry,
// or either unknown or "kabinet".
bool same_ministry(const std::string& a, const std::string& b);
// An actor that names a ministry (not empty, not "kabinet").
bool known_actor(const std::string& actor);
// Kamerleden named by both, unless both give a party and the parties differ.
bool same_kamerlid(const std::vector<std::string>& a, const std::string& a_party, const std::vector<std::string>& b,
                   const std::string& b_party);
// Two meetings ("commissiedebat", "tweeminutendebat Bankenbelasting") of another kind; false
// when either is unknown.
bool other_meeting(const std::string& a, const std::string& b);

std::set<std::string> lowered(const std::vector<std::string>& names);
bool overlaps(const std::set<std::string>& a, const std::set<std::string>& b);
// The event a mention makes of an item: made, repeated, fulfilled, ...
std::string event_type(const Item& it, bool first);

}  // namespace toezeg::track
