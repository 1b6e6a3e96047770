#pragma once
// Files of the commitments registers that are not OData JSON pages, read for `toezeg import`:
// SyncFeed toezegging XML and Eerste Kamer register pages and korte aantekeningen (HTML or text).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "fetch/odata_page.hpp"
#include "ingest/register_pages.hpp"

namespace toezeg::pipeline {

struct RegisterFile {
    std::string entity;                         // the entity its records are kept under
    std::vector<fetch::ODataRecord> records;    // TK Toezegging records, EK register entries
    std::vector<ingest::EkDecision> decisions;  // EK committee decisions (korte aantekeningen)
    std::vector<std::string> warnings;          // toezeggingen on the page that were skipped, with the reason
};

// .xml, .html, .htm, .txt: files import reads besides *.json.
bool is_register_file_name(const std::filesystem::path& file);
// Whether a file found in a folder is register data (others there are not import's business).
bool looks_like_register_file(std::string_view bytes);
// Fails, naming the reason, when the file is none of the register formats.
Result<RegisterFile> read_register_file(std::string_view bytes, const std::string& name);

}  // namespace toezeg::pipeline
