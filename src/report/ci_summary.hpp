#pragma once
// The weekly job's Markdown summary for the CI job page, in Dutch: new documents, new and
// changed items, what is overdue, and every error with its reason.
#include <string>
#include <vector>

#include "pipeline/ci_run.hpp"

namespace toezeg::report {

// A tracked item the summary names: new, changed status, or past its deadline.
struct CiItem {
    std::string id, kind, subject, status, previous_status, due;
};

struct CiSummary {
    std::string markdown;
    std::vector<CiItem> new_items, changed, overdue;
};

CiSummary ci_summary(const pipeline::CiRun& run, const std::string& as_of);

}  // namespace toezeg::report
