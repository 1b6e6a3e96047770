#pragma once
// The report's "Register" page (register.html): the registers of both Kamers beside the letters.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "report/page_writer.hpp"
#include "track/reconcile.hpp"

namespace toezeg::report {

// A row of "Toezeggingen uit brieven die niet in het register staan", as the report keeps it per
// item: `row` is the JSON of unregistered_row, `date` the ISO date the commitment was first found.
struct UnregisteredPiece {
    std::string item, date, row;
};

// register.html. The letters' commitments no record joins are the reconciliation's own and
// `more_unregistered`, listed newest first; past `limit` of them the page shows the newest and links
// the months' pages (lijst/niet-in-register-<yyyy-mm>.html), each kept while its rows are.
Result<void> write_register_page(const track::Reconciliation& reconciliation, const std::string& as_of, PageWriter& out,
                                 std::vector<UnregisteredPiece> more_unregistered = {}, std::size_t limit = 500);
// One row of "Toezeggingen uit brieven die niet in het register staan".
nlohmann::json unregistered_row(const track::UnregisteredCommitment& commitment, const std::string& as_of);

}  // namespace toezeg::report
