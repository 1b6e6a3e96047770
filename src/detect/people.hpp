#pragma once
// Who is named in a sentence: Kamerleden (with party) and the minister or state secretary.
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace toezeg::detect {

struct Members {
    std::vector<std::string> names;  // "Kröger", "Van Toorenburg"
    std::string party;               // "GroenLinks-PvdA" when written after the first name
};

// Kamerleden named as "het lid X", "lid-X", "de leden X en Y", "het Kamerlid X".
Members find_members(std::string_view sentence);
// Splits "Rajkowski en Van Zanten", "Van Zanten/Boomsma" into surnames.
std::vector<std::string> split_names(std::string_view names);
bool is_plausible_name(std::string_view name);
// The role of the government member who acts in the sentence ("minister van Asiel en
// Migratie"); for "ik"/"wij"/"het kabinet" the letter's signers decide.
std::string find_actor(std::string_view sentence, const Metadata& meta);
// True when the promiser in a "heeft ... toegezegd" / "zegde ... toe" sentence is the government.
bool government_is_subject(std::string_view sentence, std::size_t verb_pos, std::size_t verb_end);

}  // namespace toezeg::detect
