#pragma once
// How sure the detector is of an item: the parts of the act it found and how certain the
// status words are, as a number in [0, 1].
#include <string_view>

#include "core/item.hpp"

namespace toezeg::detect {

// The parts of a commitment or motion the detector found in its evidence.
struct ActParts {
    bool act_named = false;      // "toezegging", "toegezegd", "zeg toe", or a motion by name or number
    bool actor = false;          // a government actor: ik, wij, het kabinet, de minister
    bool addressee = false;      // the Kamer, a commissie or a Kamerlid
    bool deliverable = false;    // a letter, report, appreciatie, answer, "terugkomen op"
    bool time = false;           // a deadline, or the date the commitment was made
    bool status_stated = false;  // the status comes from words in the letter, not a default
    bool third_party = false;    // a party that is not the government acts: the European Commission, a municipality
};

// The default below which an item is listed for review rather than taken as fact; chosen on
// the real corpus as the threshold with the best F1 (`toezeg eval --curve`).
inline constexpr double k_default_review_threshold = 0.40;

ActParts find_act_parts(const Item& item, std::string_view evidence);
double confidence_of(Kind kind, const ActParts& parts);

}  // namespace toezeg::detect
