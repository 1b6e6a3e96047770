#pragma once
// What a sentence says a commitment or motion is about, and where it was made.
#include <string>
#include <string_view>

namespace toezeg::detect {

// "terug te komen op X", "informeren over X", "over X": X, shortened to 100 bytes; "" if none.
std::string subject_of(std::string_view sentence);
// "in het commissiedebat JBZ-Raad van 3 maart": "commissiedebat JBZ-Raad"; "" if none.
std::string made_in_of(std::string_view sentence);

}  // namespace toezeg::detect
