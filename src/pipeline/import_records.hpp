#pragma once
// `toezeg import`: official OData records from files into git (one commit) and the index.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "corpus/git_repository.hpp"
#include "fetch/odata_page.hpp"
#include "ingest/register_pages.hpp"
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

// The records of several pages, by (entity, Id); a later page's record wins. A record of an
// OData page gets its file content (canonical JSON), blob id and deflated pack entry as it is
// added, on the thread that reads the pages (sync commits on another).
class OfficialRecords {
public:
    void add(fetch::ODataPage&& page);
    // A record read from a register file rather than an OData page.
    void add(std::string entity, std::string id, bool deleted, nlohmann::json record);
    // An Eerste Kamer committee decision, added to its T-number's history when saved.
    void add_decision(ingest::EkDecision decision) { m_decisions.push_back(std::move(decision)); }
    std::size_t size() const { return m_records.size(); }

    void clear() {
        m_records.clear();
        m_decisions.clear();
    }

private:
    friend Result<void> commit_official_records(Store&, OfficialRecords&, std::vector<corpus::PathChange>,
                                                const std::string&, ImportSummary&, class StoredRecordIds&);
    struct Pending {
        std::string entity, id;
        bool deleted = false;
        nlohmann::json record;
        std::string content, blob;  // the file git keeps and its blob id, when made as the page was read
        std::string pack_entry;     // the content deflated for a pack (corpus::pack_entry), likewise
    };
    std::map<std::pair<std::string, std::string>, Pending> m_records;
    std::vector<ingest::EkDecision> m_decisions;
};

// The blob ids of the official records git holds, listed once per entity (from the trees; no
// record is read) and kept current by the commits of one run: a record is unchanged when the
// blob id of its new content is the one stored.
class StoredRecordIds {
public:
    explicit StoredRecordIds(Store& store) : m_store(store) {}
    // The stored blob id at `path` of `entity`'s record, or nullptr when there is none.
    Result<const std::string*> find(const std::string& entity, const std::string& path);
    void written(const std::string& entity, const std::string& path, std::optional<std::string> blob_id);

private:
    Store& m_store;
    std::map<std::string, std::unordered_map<std::string, std::string>> m_by_entity;
};

// Writes the records (new and changed written, Verwijderd ones removed) with `extra` in one git
// commit and indexes them, without retracking; `records` is emptied. Counts are added to `summary`.
Result<void> commit_official_records(Store& store, OfficialRecords& records, std::vector<corpus::PathChange> extra,
                                     const std::string& how, ImportSummary& summary, StoredRecordIds& stored);

// The one way official records reach the store (import and sync): new and changed records
// written, Verwijderd ones removed, together with `extra` (e.g. sync's position) in one git
// commit whose message names `how` ("import", "sync"); then indexed and the items retracked.
// Counts go into `summary`. Nothing is committed when nothing changed.
Result<void> save_official_records(Store& store, OfficialRecords& records, std::vector<corpus::PathChange> extra,
                                   const std::string& how, ImportSummary& summary);

// Reads every input (a page file, or a folder of them, recursively), following relative
// @odata.nextLink to the file it names; a page that fails contributes nothing. The records
// of all good pages are committed together (official/<Entity>/<xx>/<Id>.json; a Verwijderd
// record removes its file), indexed, and the items retracked. Fails only when the store does.
Result<ImportSummary> import_records(Store& store, const std::vector<std::string>& inputs);

// "official/Zaak/73/731eda55-....json" for a record.
std::string official_record_path(const std::string& entity, const std::string& id);

}  // namespace toezeg::pipeline
