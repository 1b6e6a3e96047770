#pragma once
// The weekly job's Markdown summary for the CI job page, in Dutch: new documents, new and
// changed items, what is overdue, and every error with its reason.
#include <string>

#include "pipeline/ci_run.hpp"

namespace toezeg::report {

struct CiSummary {
    std::string markdown;
    int new_items = 0, changed = 0, overdue = 0;
};

CiSummary ci_summary(const pipeline::CiRun& run, const std::string& as_of);

}  // namespace toezeg::report
