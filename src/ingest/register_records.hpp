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
RegisterRecord register_from_ek(const nlohmann::json& record);

// Adds a committee decision to an EK record's "Historie" (kept oldest first; the same
// decision from the same source again changes nothing). Returns whether it was new.
bool add_ek_decision(nlohmann::json& record, const EkDecision& decision);
// An EK record read from a page again keeps the history gathered before.
void keep_ek_history(nlohmann::json& record, const nlohmann::json& stored);

}  // namespace toezeg::ingest
