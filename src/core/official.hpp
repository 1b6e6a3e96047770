#pragma once
// The Kamer's official decision on a motion, as its Besluit and Stemming records give it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/item.hpp"

namespace toezeg {

// The BesluitSoort outcomes a motion can have, in the Kamer's words:
// aangenomen, verworpen, aangehouden, ingetrokken, gestaakt (a tie), gewijzigd (replaced).
enum class Decision { adopted, rejected, held, withdrawn, tied, replaced };

std::string_view to_string(Decision decision);       // "adopted", ...
std::string_view dutch_decision(Decision decision);  // "aangenomen", ..., "gestaakt", "vervangen"
std::optional<Decision> parse_decision(std::string_view text);
// What the tracker makes of a decision: adopted stays open (letters decide the rest), a
// rejected or tied motion is rejected, a held one held, a withdrawn or replaced one lapsed.
Status status_of_decision(Decision decision);
// "Stemmen - aangenomen", "Stemmen - verworpen", "Stemmen - gestaakt", "Stemmen - aangehouden
// (al tijdens debat)", "Stemmen - ingetrokken", ...; nullopt for a BesluitSoort that decides
// nothing yet ("Stemming uitgesteld", "Inbreng", ...).
std::optional<Decision> decision_of_besluit(std::string_view besluit_soort, std::string_view besluit_tekst);

// One fractie's vote (a Stemming record).
struct FractieVote {
    std::string fractie;  // ActorFractie, "VVD"
    std::string soort;    // "Voor", "Tegen", "Niet deelgenomen"
    int seats = 0;        // FractieGrootte
};

struct OfficialFate {
    std::string kamerstuk;                  // "kst-36410-VIII-58"
    std::vector<std::string> publications;  // DocumentPublicatie ids of the motion's document
    std::string zaak;                       // Zaak.Nummer, "2024Z01005"
    std::string subject;                    // Zaak.Onderwerp
    Decision decision = Decision::adopted;
    std::string date;  // ISO date of the deciding Besluit (its GewijzigdOp), or the successor's date
    std::string besluit_id;
    std::string besluit_soort;             // "Stemmen - aangenomen"
    std::string besluit_tekst;             // "Aangenomen."
    std::string kabinetsappreciatie;       // "Oordeel Kamer", "Ontraden", ...
    int votes_for = 0, votes_against = 0;  // the BesluitTekst's "(72-72)" when it has one, else the votes summed
    int seats_voted = 0;                   // seats of all Stemming records (150 when none is missing)
    std::vector<FractieVote> votes;
    std::string successor;       // replaced: the Kamerstuk that replaced it, "kst-36410-X-76"
    std::string successor_zaak;  // and its Zaak.Nummer

    // "aangenomen 3 april 2024, 76-74; Oordeel Kamer", "staking van stemmen 5 maart 2024, 72-72",
    // "verworpen 6 februari 2024, 20-90 (stemmen van 110 van 150 zetels bekend); Ontraden",
    // "vervangen 12 februari 2024 door 36410-X-76".
    std::string summary() const;
};

// "36 410 VIII, nr. 58" -> "kst-36410-VIII-58"; "" when `ref` is not a Kamerstuk reference.
std::string kamerstuk_id(std::string_view ref);
// "kst-36410-VIII-58" -> "36 410 VIII, nr. 58" (the inverse of kamerstuk_id); "" when malformed.
std::string ref_of_kamerstuk(const std::string& kamerstuk);

// Where a reader finds the official publication: a Kamerstuk (kst-...) on
// https://zoek.officielebekendmakingen.nl/<id>.html, else a document with a DocumentNummer
// on the Tweede Kamer's site (https://www.tweedekamer.nl/kamerstukken/detail?id=<nr>&did=<nr>,
// the form a client of the v5 API uses); "" when neither is known.
std::string official_address(const OfficialIdentity& identity);
// The official publication's address of a stored document: its official Kamerstuk's, else
// the Kamerstuk its id names, else the Kamer's page of its DocumentNummer; "" when none.
std::string publication_address(const std::string& document_id, const OfficialIdentity& identity);

}  // namespace toezeg
