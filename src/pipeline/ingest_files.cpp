#include "pipeline/ingest_files.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "core/date.hpp"
#include "core/official.hpp"
#include "corpus/git_packs.hpp"
#include "corpus/git_repository.hpp"
#include "ingest/fingerprint.hpp"
#include "ingest/identity.hpp"
#include "ingest/letter_check.hpp"
#include "ingest/read_document.hpp"
#include "util/files.hpp"

namespace toezeg::pipeline {

namespace fs = std::filesystem;

std::string_view to_string(Outcome outcome) {
    switch (outcome) {
        case Outcome::added: return "new";
        case Outcome::new_version: return "new version";
        case Outcome::unchanged: return "unchanged";
        case Outcome::failed: return "failed";
    }
    return "failed";
}

namespace {

// Files that describe a folder of letters rather than being one: its README, the sources
// table and gold labels of a labelled set.
bool is_sidecar_file(const std::string& name) {
    return name == "README.md" || name == "SOURCES.tsv" || name.ends_with(".jsonl");
}

}  // namespace

namespace {

bool inside(const fs::path& path, const fs::path& folder) {
    auto rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

}  // namespace

Result<std::vector<fs::path>> expand_inputs(const std::vector<std::string>& paths, std::vector<Error>* refused,
                                            bool follow_symlinks) {
    std::vector<fs::path> out;
    for (auto& p : paths) {
        std::error_code ec;
        auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            out.emplace_back(p);  // reported as "no such file" by the ingest of it
            continue;
        }
        if (!fs::is_directory(status)) {
            out.emplace_back(p);
            continue;
        }
        std::vector<fs::path> found;
        fs::path root = fs::weakly_canonical(p, ec);
        for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            auto name = it->path().filename().string();
            if (name.starts_with(".")) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (it->is_symlink(ec)) {
                auto target = fs::weakly_canonical(it->path(), ec);
                if (ec || !fs::exists(target, ec)) {
                    if (refused) refused->push_back(Error{it->path().string(), "is a broken symbolic link; skipped"});
                    ec.clear();
                    continue;
                }
                if (fs::is_directory(target, ec)) continue;  // folders behind links are not followed
                if (inside(target, root) || is_sidecar_file(name)) continue;  // the file itself is found
                if (!follow_symlinks) {
                    if (refused)
                        refused->push_back(Error{it->path().string(), "is a symbolic link to " + target.string() +
                                                                          ", outside " + p + "; refused (--follow-symlinks reads it)"});
                    continue;
                }
            }
            if (it->is_regular_file(ec) && !is_sidecar_file(name)) found.push_back(it->path());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

namespace {

std::string original_name_for(const fs::path& path) {
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext.empty() || ext.size() > 6 || ext.find_first_not_of(".abcdefghijklmnopqrstuvwxyz0123456789") != std::string::npos)
        ext = ".txt";
    return "original" + ext;
}

// The Kamer's own data beat the parser's guesses.
void apply_official(Document& doc, const OfficialIdentity& official) {
    doc.meta.official = official;
    if (Date::parse_iso(official.date)) doc.meta.date = official.date;
    if (!official.subject.empty()) doc.meta.subject = doc.meta.title = official.subject;
    if (!official.title.empty()) doc.meta.dossier_title = official.title;
    // "kst-36410-VIII-58" -> dossier "36 410 VIII", number "58", as the parser writes them.
    std::string ref = ref_of_kamerstuk(official.publication);
    if (auto comma = ref.find(", nr. "); comma != std::string::npos) {
        doc.meta.dossier = ref.substr(0, comma);
        doc.meta.number = ref.substr(comma + 6);
    }
}

IngestResult failed(const fs::path& path, Error error) {
    IngestResult r;
    r.source = path.string();
    r.error = std::move(error);
    if (r.error.subject.empty()) r.error.subject = r.source;
    return r;
}

}  // namespace

IngestResult ingest_file(Store& store, const fs::path& path, const IngestOptions& options) {
    auto bytes = files::read(path, options.max_bytes);
    if (!bytes) return failed(path, bytes.error());
    std::string oid = corpus::GitRepository::blob_id(*bytes);
    if (options.as_id.empty() && options.id.empty() && options.date.empty()) {
        // The same bytes as a stored version: unchanged, without reading the letter again.
        if (auto same = store.index().version_by_original(oid)) {
            IngestResult result;
            result.source = path.string();
            result.outcome = Outcome::unchanged;
            result.id = same->first;
            result.version = same->second;
            return result;
        }
    }
    ingest::ReadOptions read_options;
    read_options.id = options.as_id.empty() ? options.id : options.as_id;
    read_options.date = options.date;
    read_options.pdf.seconds = options.pdf_seconds;
    if (read_options.id.empty() && !ref_of_kamerstuk(options.official.publication).empty())
        read_options.id = options.official.publication;
    auto doc = ingest::read_text_document(*bytes, path.string(), read_options);
    if (!doc) return failed(path, doc.error());
    if (!options.official.empty()) apply_official(*doc, options.official);
    if (!options.source.empty()) doc->source = options.source;
    if (!options.force && !ingest::parliamentary_mark(*doc))
        return failed(path, Error{path.string(), ingest::not_parliamentary_reason()});

    IngestResult result;
    result.source = path.string();
    result.warnings = doc->warnings;
    auto& index = store.index();
    auto existing = index.document(doc->id);
    if (!existing && options.id.empty() && options.as_id.empty())
        if (auto old = ingest::legacy_document_id(doc->meta); old && (existing = index.document(*old))) doc->id = *old;
    result.id = doc->id;
    if (!options.as_id.empty() && !existing)
        return failed(path, Error{options.as_id, "--as names no stored document; see `toezeg list`"});

    corpus::StoredVersion version;
    version.original_name = original_name_for(path);
    if (existing) {
        if (auto same = index.version_with_original(doc->id, oid)) {
            result.outcome = Outcome::unchanged;
            result.version = *same;
            return result;
        }
        auto latest = index.version(doc->id, existing->versions);
        if (latest && latest->doc.text == doc->text) {
            result.outcome = Outcome::unchanged;
            result.version = existing->versions;
            result.note = "same text as version " + std::to_string(existing->versions);
            return result;
        }
        doc->version = existing->versions + 1;
        result.outcome = Outcome::new_version;
    } else {
        doc->version = 1;
        result.outcome = Outcome::added;
        auto prints = ingest::sentence_fingerprints(std::string_view(doc->text).substr(0, doc->body_end));
        for (auto& dup : index.near_duplicates(prints, doc->id, 0.6)) {
            version.relations.push_back({{"id", dup.id}, {"kind", "near-duplicate"}, {"score", std::round(dup.containment * 100) / 100}});
            char buf[200];
            std::snprintf(buf, sizeof buf, "near-duplicate of %s (%.0f%% shared)", dup.id.c_str(), dup.containment * 100);
            result.note += (result.note.empty() ? "" : "; ") + std::string(buf);
        }
    }
    result.version = doc->version;
    version.ingested_at = utc_now_iso();
    version.doc = std::move(*doc);
    auto commit = store.corpus().store(version, *bytes);
    if (!commit) return failed(path, commit.error());
    auto indexed = store.index_commit(*commit, version.doc.id);
    if (!indexed) return failed(path, indexed.error());
    if (*indexed > 0)
        result.warnings.push_back(std::to_string(k_max_items_per_version + *indexed) + " items found, more than the " +
                                  std::to_string(k_max_items_per_version) +
                                  " a version may hold (a list repeated? see README, Limits); only the first " +
                                  std::to_string(k_max_items_per_version) + " are tracked");
    return result;
}

Result<void> ingest_files(Store& store, const std::vector<fs::path>& files, const IngestOptions& options,
                          const std::function<void(const IngestResult&)>& report) {
    constexpr std::size_t k_batch = 1000;
    auto& corpus = store.corpus();
    const std::size_t pack_limit = corpus::auto_pack_limit(store.paths().git());
    for (std::size_t at = 0; at < files.size(); at += k_batch) {
        // A batch is one pack in git and one SQLite transaction, committed in that order
        // (a crash between the two is caught up from git at the next open); its results
        // are reported once it is on disk.
        std::vector<IngestResult> results;
        if (auto begun = corpus.begin_batch(); !begun) return begun;
        try {
            db::Transaction transaction(store.index().database());
            for (std::size_t i = at; i < std::min(files.size(), at + k_batch); ++i) results.push_back(ingest_file(store, files[i], options));
            if (auto written = corpus.end_batch(); !written) return written;
            transaction.commit();
        } catch (...) {
            corpus.abort_batch();
            throw;
        }
        for (auto& r : results) report(r);
        // Every batch is a pack: past git's gc.autoPackLimit (50 unless the store's git config
        // says otherwise; 0: never) they become one, so that libgit2 never looks through hundreds
        // of packs (the pack count does not grow with the runs).
        if (pack_limit > 0)
            if (auto packed = store.consolidate_packs(pack_limit); !packed) return std::unexpected(packed.error());
    }
    return {};
}

}  // namespace toezeg::pipeline
