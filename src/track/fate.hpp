#pragma once
// A motion's official fate decided from its records (Zaak, Document, Besluit, Stemming); pure.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/official.hpp"

namespace toezeg::track {

struct StemmingRecord {
    std::string soort, fractie, gewijzigd_op;
    std::string person, actor;  // a member's own vote (hoofdelijk): Persoon_Id and ActorNaam, else ""
    int seats = 0;              // FractieGrootte; a member's vote counts one
};

struct BesluitRecord {
    std::string id, soort, tekst, gewijzigd_op;
    std::vector<StemmingRecord> votes;
};

// Everything the official data hold about one motion's Zaak.
struct MotionRecords {
    std::string zaak_nummer, onderwerp, kabinetsappreciatie;
    std::vector<std::string> kamerstukken;  // its documents' "kst-..." ids
    std::vector<std::string> publications;  // their DocumentPublicatie ids
    std::vector<BesluitRecord> besluiten;
    std::string successor, successor_zaak, successor_date;  // a Zaak that says "t.v.v." this motion
};

// The fate: the latest Besluit by GewijzigdOp that decides something (a vote, held,
// withdrawn); a motion not voted on that another replaces is replaced. Votes count each
// fractie (or, in a hoofdelijke stemming, each member) once: its latest record. nullopt when the records decide nothing
// yet.
std::optional<OfficialFate> decide_fate(const MotionRecords& motion);

// What a motion asks, from its official title: "Motie van het lid X c.s. over Y (t.v.v. ...)"
// gives "Y"; a title without "over" is kept whole (without its "(t.v.v. ...)"); "" for "".
std::string official_motion_subject(const std::string& onderwerp);

// The one wire format of a fate, as stored with a tracked item and shown by every JSON export:
// {decision, besluit, date, summary, zaak, kamerstuk, besluit_id, besluit_soort, besluit_tekst,
//  kabinetsappreciatie, votes_for, votes_against, votes: [{fractie, vote, seats}], successor, successor_zaak}.
nlohmann::json fate_to_json(const OfficialFate& fate);
std::optional<OfficialFate> fate_from_json(const nlohmann::json& j);

}  // namespace toezeg::track
