#pragma once
// `toezeg import`: official OData records from files into git (one commit) and the index.
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "pipeline/store.hpp"

namespace toezeg::pipeline {

struct ImportedPage {
    std::string file;
    std::string entity;
    std::size_t records = 0;
};

struct ImportSummary {
    std::vector<ImportedPage> pages;  // in the order read (a nextLink's page right after its page)
    std::vector<Error> failed;        // files that contributed nothing, with the reason
    std::vector<std::string> warnings;
    std::size_t added = 0, changed = 0, unchanged = 0, deleted = 0;
    std::string commit;       // "" when nothing changed
    std::size_t tracked = 0;  // tracked items after retracking
};

// Reads every input (a page file, or a folder of them, recursively), following relative
// @odata.nextLink to the file it names; a page that fails contributes nothing. The records
// of all good pages are committed together (official/<Entity>/<xx>/<Id>.json; a Verwijderd
// record removes its file), indexed, and the items retracked. Fails only when the store does.
Result<ImportSummary> import_records(Store& store, const std::vector<std::string>& inputs);

// "official/Zaak/73/731eda55-....json" for a record.
std::string official_record_path(const std::string& entity, const std::string& id);

}  // namespace toezeg::pipeline
