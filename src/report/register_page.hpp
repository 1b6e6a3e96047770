#pragma once
// The report's "Register" page (register.html): the registers of both Kamers beside the letters.
#include "core/error.hpp"
#include "report/page_writer.hpp"
#include "track/reconcile.hpp"

namespace toezeg::report {

Result<void> write_register_page(const track::Reconciliation& reconciliation, const std::string& as_of,
                                 PageWriter& out);

}  // namespace toezeg::report
