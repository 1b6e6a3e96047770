#pragma once
// A record of a commitments register (Tweede Kamer Toezegging, Eerste Kamer T-number) in one shape.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/item.hpp"

namespace toezeg {

enum class Chamber { tk, ek };
std::string_view to_string(Chamber chamber);      // "tk", "ek"
std::string_view dutch_chamber(Chamber chamber);  // "Tweede Kamer", "Eerste Kamer"

// The registers' status words mapped to one vocabulary, whatever their case or source:
// TK Openstaand / Afgedaan / Deels Afgedaan / Vervallen (and the XSD's Voldaan / Deels Voldaan),
// EK openstaand / voldaan / deels voldaan / vervallen. Anything else (empty, "Nagekomen") is nullopt.
std::optional<Status> parse_register_status(std::string_view word);

// One step in a record's history: a committee's status decision, a new deadline.
struct RegisterEvent {
    std::string date;              // ISO date of the decision (the meeting)
    std::optional<Status> status;  // nullopt: no status decision (an explanation asked, a letter noted)
    std::string status_text;       // the word as written ("deels voldaan")
    std::string due;               // a new deadline it set (ISO), or ""
    std::string what;              // the decision as written
    std::string occasion;          // the letter that prompted it ("brief van de minister van BZK ...")
    std::string source;            // where it was read (address or file)
};

struct RegisterRecord {
    Chamber chamber = Chamber::tk;
    std::string id;      // file id: the TK GUID, the EK T-number
    std::string number;  // "TZ202412-116", "T01237" ("" when the record has none)
    std::string title;   // EK heading
    std::string text;    // what was promised
    std::optional<Status> status;
    std::string status_text;           // as the register writes it
    std::string made_on;               // ISO: EK Datum toezegging, TK the Activiteit's date
    std::string due;                   // ISO: EK Deadline (the latest), TK DatumNakoming (when set)
    std::string minister;              // the responsible office: TK Functie, EK (Huidige) Verantwoordelijke(n)
    std::string person;                // TK Naam of the bewindspersoon
    std::string ministry;              // TK Ministerie
    std::vector<std::string> members;  // Kamerleden it was made to ("prof. dr. S.C. van Bijsterveld (CDA)")
    std::string party;                 // TK ToegezegdAanFractie
    std::string committee;             // EK Commissie
    std::string activity;              // EK Soort activiteit, TK Activiteit Soort/Onderwerp
    std::string activity_number;       // TK ActiviteitNummer
    std::string activity_id;           // TK Activiteit Id (a SyncFeed reference)
    std::string activity_kind;         // TK Activiteit Soort ("Commissiedebat")
    std::string activity_subject;      // TK Activiteit Onderwerp ("Wet open overheid")
    std::vector<std::string> member_ids;  // TK ToegezegdAanPersoon Ids whose record gave no name
    std::string party_id;                 // TK ToegezegdAanFractie Id when the record gave no name
    std::string letter;                // TK KamerbriefNakoming: the letter the register says fulfils it
    std::vector<std::string> kamerstukken;
    std::vector<std::string> relations;  // "IsHerhalingVan TZ...": TK links to other Toezeggingen
    std::vector<RegisterEvent> history;  // oldest first
    std::string source;                  // address or file it was read from
};

// Where the commitment was made, in Dutch: "toegezegd in het commissiedebat Wet open overheid van
// 12 maart 2024" (from the Activiteit's Soort, Onderwerp and date; for the Eerste Kamer its "Soort
// activiteit" and "Datum toezegging"), "" when the record names no occasion.
std::string register_made_in(const RegisterRecord& record);

// Whom it was made to: "F.H. Bruyning (Nieuw Sociaal Contract)", the Kamerleden with the fractie;
// "" when the record names none.
std::string register_made_to(const RegisterRecord& record);

// "reg-T01237", "reg-TZ202412-116": the tracked item a register record becomes when no letter holds it.
std::string register_item_id(const RegisterRecord& record);
bool is_register_item_id(std::string_view id);

}  // namespace toezeg
