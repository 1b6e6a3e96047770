#pragma once
// Eerste Kamer register pages (a rappel or toezegging page, a committee's korte aantekeningen),
// saved as HTML or as their text, read into records; and register numbers cited in a text. Pure.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/register.hpp"

namespace toezeg::ingest {

enum class RegisterPageKind { none, ek_register, ek_decisions };
// What a page's text is: a register page has "Toezegging ... (T01237)" and its Kerngegevens;
// korte aantekeningen have that title and T-numbers.
RegisterPageKind sniff_register_page(std::string_view text);

// HTML to text lines: tags dropped, block elements and <br> end lines, table cells joined
// by " | ", entities decoded. Text that is no HTML comes back as it is.
std::string html_to_text(std::string_view html);

struct EkPageRecords {
    // One object per toezegging with the page's own labels as keys (Nummer, Titel, Tekst,
    // Status, Datum toezegging, Deadline, Verantwoordelijke(n) or Voormalige/Huidige
    // Verantwoordelijke(n), Kamerleden, Commissie, Soort activiteit, Categorie, Onderwerpen,
    // Kamerstukken, Uit de stukken [{bron, tekst}], Opmerking); "Id" is the T-number.
    std::vector<nlohmann::json> records;
    std::vector<std::string> skipped;  // toezeggingen cut off before their Kerngegevens, with the reason
};
// Fails when the text holds no toezegging with Kerngegevens.
Result<EkPageRecords> parse_ek_register_page(std::string_view text, const std::string& source);

// One committee decision about one T-number.
struct EkDecision {
    std::string number;
    std::string committee;  // "commissie Koninkrijksrelaties (KOREL)"
    RegisterEvent event;
};
// The decisions of a korte aantekeningen page: "als "voldaan" aan te merken", "blijft ongewijzigd
// (openstaand) en de deadline wordt verplaatst naar ...", "een nadere toelichting te vragen",
// a letter "voor kennisgeving aan" under a T-number heading. Fails when there is none.
Result<std::vector<EkDecision>> parse_ek_decisions(std::string_view text, const std::string& source);

// "7 april 2009" -> "2009-04-07"; "" when the text is no Dutch date.
std::string iso_of_dutch_date(std::string_view text);

// Register numbers in a text (T01237, TZ202412-116) with their byte offsets.
struct RegisterCitation {
    std::string number;
    std::size_t offset = 0;
};
std::vector<RegisterCitation> find_register_numbers(std::string_view text);

}  // namespace toezeg::ingest
