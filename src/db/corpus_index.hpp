#pragma once
// The SQLite index of the corpus: documents, versions, metadata, citations, detections.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"
#include "core/item.hpp"
#include "db/sqlite.hpp"

namespace toezeg::db {

struct VersionRecord {
    Document doc;              // id, version, source, text, metadata, footnotes, citations
    std::string commit;
    long long committed_at = 0;
    std::string ingested_at;
    std::string original_name;
    std::string original_oid;
    std::string meta_json;     // meta.json as stored in git
    std::string effective_date;  // the letter date, else the latest date written in it
};

// What tracking needs of one document: its latest version's detections and the version before.
struct LetterRecord {
    std::string id, dossier, date, effective_date;
    std::string source;  // of the latest version, as given at ingest
    int version = 0;
    std::size_t text_size = 0;
    std::vector<Item> items, previous_items;
};

struct DocumentRow {
    std::string id, title, date, dossier, number, addressee;
    std::string effective_date;  // of the latest version: the letter date, else the latest date in it
    int versions = 0;
};

struct VersionRow {
    int version = 0;
    std::string commit, ingested_at, source, original_oid;
    long long committed_at = 0;
};

struct RelationRow {
    std::string other_id, kind;
    double score = 0;
};

struct DuplicateCandidate {
    std::string id;
    double containment = 0;  // share of the new text's fingerprints found in the stored one
};

// What every document's page links to, read in three queries: its versions, its
// relations (both ways, as relations() gives them), and the Kamerstuk references each
// version cites.
struct DocumentGraph {
    std::unordered_map<std::string, std::vector<VersionRow>> versions;
    std::unordered_map<std::string, std::vector<RelationRow>> relations;
    std::map<std::pair<std::string, int>, std::vector<std::string>> cited;  // (doc, version) -> refs, in span order
};

class CorpusIndex {
public:
    static Result<CorpusIndex> open(const std::filesystem::path& path);

    // Records one version with everything derived from it; replaces an earlier record of it.
    void add_version(const VersionRecord& v, const std::vector<std::int64_t>& fingerprints,
                     const std::vector<Item>& items);
    void add_relation(const std::string& doc_id, const std::string& other_id, const std::string& kind, double score);
    std::optional<int> version_with_original(const std::string& doc_id, const std::string& original_oid);
    // The first stored (document, version) whose original has this blob id, if any.
    std::optional<std::pair<std::string, int>> version_by_original(const std::string& original_oid);
    std::optional<DocumentRow> document(const std::string& id);
    // Takes a document with its versions, detections, citations and search text out of the index.
    void remove_document(const std::string& id);
    std::vector<DocumentRow> documents();
    std::vector<VersionRow> versions(const std::string& id);
    std::optional<VersionRecord> version(const std::string& id, int version);
    // meta.json of one version, without loading its text.
    std::optional<std::string> meta_json(const std::string& id, int version);
    std::vector<RelationRow> relations(const std::string& id);
    std::vector<std::string> documents_citing(const std::string& ref);
    DocumentGraph document_graph();
    // The stored document a canonical reference ("32 317, nr. 994") names, if any.
    std::optional<std::string> document_for_ref(const std::string& ref);
    std::vector<DuplicateCandidate> near_duplicates(const std::vector<std::int64_t>& fingerprints,
                                                    const std::string& except_id, double threshold);
    std::vector<Item> detections(const std::string& id, int version);
    std::vector<LetterRecord> letters();
    // The same without their detections (items, previous_items left empty) and without
    // text_size (0; text_length gives it): cheap at any size.
    std::vector<LetterRecord> letter_heads();
    // The length in characters of a version's text.
    std::size_t text_length(const std::string& id, int version);
    // Pairs of documents recorded as near-duplicates of each other.
    std::vector<std::pair<std::string, std::string>> near_duplicate_pairs();
    std::optional<std::string> state(const std::string& key);
    void set_state(const std::string& key, const std::string& value);
    Database& database() { return m_db; }

private:
    explicit CorpusIndex(Database db) : m_db(std::move(db)) {}
    Database m_db;
};

}  // namespace toezeg::db
