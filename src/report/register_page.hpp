#pragma once
// The report's "Register" page (register.html): the registers of both Kamers beside the letters.
#include "core/error.hpp"
#include "report/page_writer.hpp"
#include "track/reconcile.hpp"

namespace toezeg::report {

// `more_unregistered`: rows of unregistered_row listed after the reconciliation's own
// "not in the register" (the report keeps them per item).
Result<void> write_register_page(const track::Reconciliation& reconciliation, const std::string& as_of, PageWriter& out,
                                 const nlohmann::json& more_unregistered = nlohmann::json::array());
// One row of "Toezeggingen uit brieven die niet in het register staan".
nlohmann::json unregistered_row(const track::UnregisteredCommitment& commitment, const std::string& as_of);

}  // namespace toezeg::report
