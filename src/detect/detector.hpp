#pragma once
// Finds the commitments and motions in one letter: a pure function of the document.
#include <vector>

#include "core/document.hpp"
#include "core/item.hpp"
#include "detect/rules.hpp"

namespace toezeg::detect {

// One item per distinct commitment or motion in the letter, in order of first mention,
// each carrying the latest status the letter gives it.
std::vector<Item> detect(const Document& doc, const RuleSet& rules);

}  // namespace toezeg::detect
