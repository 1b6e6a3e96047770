#include "pipeline/import_records.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "corpus/pack_writer.hpp"
#include "db/official_records.hpp"
#include "fetch/odata_page.hpp"
#include "ingest/register_records.hpp"
#include "pipeline/register_files.hpp"
#include "util/files.hpp"

namespace toezeg::pipeline {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t k_max_page_bytes = std::size_t{256} << 20;
constexpr const char* k_official_folder = "official";

// Folders become their files (recursively, sorted, hidden ones skipped): *.json pages, and the
// register's XML, HTML and text files, which are read only when they are register data
// (`found_in_folder`); a missing input is an error.
std::vector<fs::path> page_files(const std::vector<std::string>& inputs, std::vector<Error>& failed,
                                 std::set<std::string>& found_in_folder) {
    std::vector<fs::path> out;
    for (auto& input : inputs) {
        std::error_code ec;
        auto status = fs::status(input, ec);
        if (ec || !fs::exists(status)) {
            failed.push_back(Error{input, "no such file or folder"});
            continue;
        }
        if (!fs::is_directory(status)) {
            out.emplace_back(input);
            continue;
        }
        std::vector<fs::path> found;
        auto it = fs::recursive_directory_iterator(input, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            auto name = it->path().filename().string();
            if (name.starts_with(".")) {
                if (it->is_directory()) it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file()) continue;
            if (name.ends_with(".json")) found.push_back(it->path());
            if (is_register_file_name(it->path())) {
                found.push_back(it->path());
                found_in_folder.insert(it->path().string());
            }
        }
        if (ec) failed.push_back(Error{input, "cannot read the folder to its end: " + ec.message()});
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

// The file a record is kept as: its JSON with one space of indentation, keys sorted.
std::string record_content(const json& record) {
    std::string out = record.dump(1);
    out.push_back('\n');
    return out;
}

std::string key_of(const fs::path& p) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(p, ec);
    return (ec ? p : canonical).string();
}

}  // namespace

std::string official_record_path(const std::string& entity, const std::string& id) {
    std::string shard = id.size() >= 2 ? id.substr(0, 2) : "00";
    for (char& c : shard) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return std::string(k_official_folder) + "/" + entity + "/" + shard + "/" + id + ".json";
}

Result<ImportSummary> import_records(Store& store, const std::vector<std::string>& inputs) {
    ImportSummary summary;
    std::set<std::string> in_folder;
    auto files = page_files(inputs, summary.failed, in_folder);
    std::set<std::string> read;
    OfficialRecords records;
    for (auto& first : files) {
        std::deque<fs::path> chain{first};
        while (!chain.empty()) {
            fs::path file = chain.front();
            chain.pop_front();
            if (!read.insert(key_of(file)).second) continue;  // given twice, or reached by a nextLink already
            auto bytes = files::read(file, k_max_page_bytes);
            if (!bytes) {
                summary.failed.push_back(Error{file.string(), bytes.error().message});
                continue;
            }
            if (is_register_file_name(file)) {
                if (in_folder.contains(file.string()) && !looks_like_register_file(*bytes)) continue;
                auto got = read_register_file(*bytes, file.string());
                if (!got) {
                    summary.failed.push_back(got.error());
                    continue;
                }
                summary.pages.push_back(
                    ImportedPage{file.string(), got->entity, got->records.size() + got->decisions.size()});
                for (auto& w : got->warnings) summary.warnings.push_back(w);
                for (auto& r : got->records) records.add(got->entity, r.id, r.deleted, std::move(r.fields));
                for (auto& d : got->decisions) records.add_decision(std::move(d));
                continue;
            }
            auto page = fetch::parse_odata_page(*bytes, file.string());
            if (!page) {
                summary.failed.push_back(page.error());
                continue;
            }
            summary.pages.push_back(ImportedPage{file.string(), page->entity, page->records.size()});
            std::string next = page->next_link;
            records.add(std::move(*page));
            if (next.empty()) continue;
            if (next.starts_with("http://") || next.starts_with("https://")) {
                summary.warnings.push_back(file.string() + ": @odata.nextLink is a URL (" + next.substr(0, 120) +
                                           "); import reads files only, so give the next page's file too");
                continue;
            }
            fs::path target = file.parent_path() / next;
            std::error_code ec;
            if (!fs::is_regular_file(target, ec)) {
                summary.failed.push_back(
                    Error{file.string(), "@odata.nextLink names '" + next + "', which is no file next to it"});
                continue;
            }
            if (read.contains(key_of(target)) && std::find(files.begin(), files.end(), target) == files.end()) {
                summary.failed.push_back(
                    Error{file.string(), "@odata.nextLink '" + next + "' leads back to a page read before"});
                continue;
            }
            chain.push_front(target);
        }
    }

    auto saved = save_official_records(store, records, {}, "import", summary);
    if (!saved) return std::unexpected(saved.error());
    return summary;
}

void OfficialRecords::add(std::string entity, std::string id, bool deleted, nlohmann::json record) {
    Pending p{std::move(entity), std::move(id), deleted, std::move(record), "", "", ""};
    auto key = std::make_pair(p.entity, p.id);
    m_records.insert_or_assign(std::move(key), std::move(p));
}

void OfficialRecords::add(fetch::ODataPage&& page) {
    for (auto& r : page.records) {
        Pending p{page.entity, r.id, r.deleted, std::move(r.fields), "", "", ""};
        if (!p.deleted && p.entity != ingest::k_ek_register_entity) {
            p.content = r.content.empty() ? record_content(p.record) : std::move(r.content);
            p.blob = corpus::GitRepository::blob_id(p.content);
            p.pack_entry = corpus::pack_entry(corpus::PackObjectType::blob, p.content, corpus::k_record_pack_level);
        }
        auto key = std::make_pair(p.entity, p.id);
        m_records.insert_or_assign(std::move(key), std::move(p));
    }
}

Result<const std::string*> StoredRecordIds::find(const std::string& entity, const std::string& path) {
    auto it = m_by_entity.find(entity);
    if (it == m_by_entity.end()) {
        auto listed = m_store.corpus().blob_ids(std::string(k_official_folder) + "/" + entity);
        if (!listed) return std::unexpected(listed.error());
        it = m_by_entity.emplace(entity, std::move(*listed)).first;
    }
    auto found = it->second.find(path);
    return found == it->second.end() ? nullptr : &found->second;
}

void StoredRecordIds::written(const std::string& entity, const std::string& path, std::optional<std::string> blob_id) {
    auto it = m_by_entity.find(entity);
    if (it == m_by_entity.end()) return;  // never listed: listed from git when first asked
    if (blob_id)
        it->second.insert_or_assign(path, std::move(*blob_id));
    else
        it->second.erase(path);
}

Result<void> commit_official_records(Store& store, OfficialRecords& records, std::vector<corpus::PathChange> extra,
                                     const std::string& how, ImportSummary& summary, StoredRecordIds& stored) {
    auto& corpus = store.corpus();
    // An EK entry read again from a page keeps the history gathered before; committee decisions
    // join the entry they are about (one made only of decisions when there is no page for it).
    auto stored_json = [&](const std::string& entity, const std::string& id) {
        auto text = corpus.read_file(official_record_path(entity, id));
        json j = text ? json::parse(*text, nullptr, false) : json();
        return j.is_object() ? j : json();
    };
    for (auto& [key, p] : records.m_records)
        if (p.entity == ingest::k_ek_register_entity)
            if (auto old = stored_json(p.entity, p.id); old.is_object()) ingest::keep_ek_history(p.record, old);
    for (auto& d : records.m_decisions) {
        auto key = std::make_pair(std::string(ingest::k_ek_register_entity), d.number);
        auto it = records.m_records.find(key);
        if (it == records.m_records.end()) {
            json base = stored_json(key.first, d.number);
            if (!base.is_object()) base = {{"Id", d.number}, {"Nummer", d.number}};
            it = records.m_records
                     .emplace(key, OfficialRecords::Pending{key.first, d.number, false, std::move(base), "", "", ""})
                     .first;
        }
        ingest::add_ek_decision(it->second.record, d);
        it->second.content.clear();
        it->second.pack_entry.clear();
    }

    // What changes in git: new and changed records written, deleted ones removed. A record is
    // unchanged when its content's blob id is the stored one (no stored record is read).
    std::vector<corpus::PathChange> changes = std::move(extra);
    std::vector<std::pair<const OfficialRecords::Pending*, std::string>> to_index;  // with the new blob id
    for (auto& [key, p] : records.m_records) {
        std::string path = official_record_path(p.entity, p.id);
        auto existing = stored.find(p.entity, path);
        if (!existing) return std::unexpected(existing.error());
        if (p.deleted) {
            if (*existing) {
                changes.push_back({path, std::nullopt});
                ++summary.deleted;
            }
            to_index.emplace_back(&p, "");
            continue;
        }
        if (p.content.empty()) {
            p.content = record_content(p.record);
            p.blob = corpus::GitRepository::blob_id(p.content);
        }
        std::string content = std::move(p.content);
        std::string blob = std::move(p.blob);
        if (*existing && **existing == blob) {
            ++summary.unchanged;
            continue;
        }
        ++(*existing ? summary.changed : summary.added);
        changes.push_back({path, std::move(content), blob, std::move(p.pack_entry)});
        to_index.emplace_back(&p, std::move(blob));
    }
    if (!changes.empty()) {
        std::string message = (how == "import" ? std::string("Import") : "Sync") +
                              " official records: " + std::to_string(summary.added) + " new, " +
                              std::to_string(summary.changed) + " changed, " + std::to_string(summary.deleted) +
                              " deleted\n\nOfficial: " + how + "\n";
        auto commit = corpus.commit_paths(changes, message);
        if (!commit) return std::unexpected(commit.error());
        summary.commit = *commit;
        for (auto& [p, blob] : to_index)
            stored.written(p->entity, official_record_path(p->entity, p->id),
                           p->deleted ? std::nullopt : std::optional<std::string>(blob));
        try {
            auto& db = store.index().database();
            db::Transaction tx(db);
            for (auto& [p, blob] : to_index) {
                if (!db::indexed_entity(p->entity)) continue;
                if (p->deleted)
                    db::remove_official_record(db, p->entity, p->id);
                else
                    db::put_official_record(db, p->entity, p->id, p->record);
            }
            store.index().set_state("indexed_head", *commit);
            tx.commit();
        } catch (const std::exception& e) {
            return fail("index",
                        std::string(e.what()) + " (the records are in git; the next write to the store indexes them)");
        }
    }
    records.clear();
    return {};
}

Result<void> save_official_records(Store& store, OfficialRecords& records, std::vector<corpus::PathChange> extra,
                                   const std::string& how, ImportSummary& summary) {
    StoredRecordIds stored(store);
    if (auto committed = commit_official_records(store, records, std::move(extra), how, summary, stored); !committed)
        return committed;
    std::vector<std::string> warnings;
    auto tracked = store.retrack(warnings);
    if (!tracked) return std::unexpected(tracked.error());
    summary.tracked = *tracked;
    for (auto& w : warnings) summary.warnings.push_back(w);
    return {};
}

Result<std::size_t> Store::index_official_records(const std::string& commit) {
    auto files = corpus().read_folder(commit, k_official_folder);
    if (!files) return std::unexpected(files.error());
    try {
        auto& db = m_index.database();
        db::Transaction tx(db);
        db::clear_official_records(db);
        std::size_t count = 0;
        for (auto& [path, content] : *files) {
            // official/<Entity>/<xx>/<Id>.json
            auto first = path.find('/'), second = path.find('/', first + 1);
            if (first == std::string::npos || second == std::string::npos) continue;
            std::string entity = path.substr(first + 1, second - first - 1);
            if (!db::indexed_entity(entity)) continue;
            json record = json::parse(content, nullptr, false);
            if (record.is_discarded() || !record.is_object() || !record.contains("Id") || !record["Id"].is_string())
                return fail(path, "a stored official record that is not a JSON record");
            db::put_official_record(db, entity, record["Id"].get<std::string>(), record);
            ++count;
        }
        tx.commit();
        return count;
    } catch (const std::exception& e) {
        return fail("index", e.what());
    }
}

}  // namespace toezeg::pipeline
