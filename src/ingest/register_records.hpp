#pragma once
// Register records as kept in git (TK Toezegging with its OData names, EK with its page labels)
// read into one RegisterRecord. Pure.
#include <nlohmann/json.hpp>

#include "core/register.hpp"
#include "ingest/register_pages.hpp"

namespace toezeg::ingest {

// The entity names register records are kept under: official/<entity>/<xx>/<Id>.json.
inline constexpr const char* k_tk_register_entity = "Toezegging";
inline constexpr const char* k_ek_register_entity = "EersteKamerToezegging";

RegisterRecord register_from_tk(const nlohmann::json& toezegging);

// A Persoon record's (or an expanded ToegezegdAanPersoon's) name: "A.H. Kröger" (Initialen,
// Tussenvoegsel, Achternaam; the v4 $metadata names, the same in every known sample).
std::string person_name(const nlohmann::json& persoon);
// A Fractie's short name: Afkorting, else NaamNL.
std::string fractie_name(const nlohmann::json& fractie);
// `activity` ("Commissiedebat: Wet open overheid") from activity_kind and activity_subject.
void set_activity_text(RegisterRecord& record);
RegisterRecord register_from_ek(const nlohmann::json& record);

// Adds a committee decision to an EK record's "Historie" (kept oldest first; the same
// decision from the same source again changes nothing). Returns whether it was new.
bool add_ek_decision(nlohmann::json& record, const EkDecision& decision);
// An EK record read from a page again keeps the history gathered before.
void keep_ek_history(nlohmann::json& record, const nlohmann::json& stored);

}  // namespace toezeg::ingest
