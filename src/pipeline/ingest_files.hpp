#pragma once
// Ingest of files into a store: one commit per new document version, idempotent.
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/error.hpp"
#include "ingest/pdf_text.hpp"
#include "pipeline/store.hpp"

namespace toezeg::pipeline {

enum class Outcome { added, new_version, unchanged, failed };
std::string_view to_string(Outcome outcome);

struct IngestOptions {
    std::string as_id;   // file the input as a version of this stored document
    std::string id;      // use this id for a new document
    std::string date;    // letter date when the text has none
    std::size_t max_bytes = 20 * 1000 * 1000;
    bool force = false;  // store a file even when nothing marks it as a parliamentary document
    int pdf_seconds = ingest::PdfLimits{}.seconds;  // time to read one PDF (--pdf-time)
    // What the Kamer's data say about the document (fetch): kept in its metadata, beating the
    // parser's date, subject, dossier and number; its Kamerstuk is the id of a new document.
    OfficialIdentity official;
    std::string source;  // recorded as the document's source instead of the path (its official address)
};

struct IngestResult {
    Outcome outcome = Outcome::failed;
    std::string source;
    std::string id;
    int version = 0;
    std::string note;                    // "near-duplicate of X (93%)", "same text as version 1"
    std::vector<std::string> warnings;
    Error error;                         // when failed
};

// Files under the given paths (folders recursively; hidden entries and a labelled set's
// README.md, SOURCES.tsv and *.jsonl skipped), sorted. A path given directly is taken as
// given. Inside a folder, a symbolic link to a file outside that folder is refused (into
// `refused`, with the reason) unless `follow_symlinks`; a link to a file inside it is
// skipped (the file itself is found), and links to folders are not followed.
Result<std::vector<std::filesystem::path>> expand_inputs(const std::vector<std::string>& paths,
                                                         std::vector<Error>* refused = nullptr,
                                                         bool follow_symlinks = false);
IngestResult ingest_file(Store& store, const std::filesystem::path& path, const IngestOptions& options);
// ingest_file for each of `files` in order, each result passed to `report`, in batches:
// each batch's commits are written to git as one pack and its index rows in one
// transaction. Fails (with the earlier batches kept) when git cannot write a batch.
Result<void> ingest_files(Store& store, const std::vector<std::filesystem::path>& files, const IngestOptions& options,
                  const std::function<void(const IngestResult&)>& report);

}  // namespace toezeg::pipeline
