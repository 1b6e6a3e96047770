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
// Whether `names`, matched right after `before` ("motie van het lid ", "motie-"), are
// Kamerleden: a capitalised surname, or one whose particle is written in lower case after a
// word that can only precede a name ("het lid van Tongeren", "motie-van der Plas"); not a
// party ("motie van de Partij voor de Dieren").
bool names_a_member(std::string_view before, std::string_view names);
// The role of the government member who acts in the sentence ("minister van Asiel en
// Migratie"); for "ik"/"wij"/"het kabinet" the letter's signers decide.
std::string find_actor(std::string_view sentence, const Metadata& meta);
// True when the promiser in a "heeft ... toegezegd" / "zegde ... toe" sentence is the government.
bool government_is_subject(std::string_view sentence, std::size_t verb_pos, std::size_t verb_end);

}  // namespace toezeg::detect
