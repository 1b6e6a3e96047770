#include "corpus/corpus_store.hpp"

#include <re2/re2.h>

#include "corpus/document_json.hpp"
#include "util/text.hpp"

namespace toezeg::corpus {

using nlohmann::json;

Result<CorpusStore> CorpusStore::create(const std::filesystem::path& git_dir) {
    auto git = GitRepository::init_bare(git_dir);
    if (!git) return std::unexpected(git.error());
    return CorpusStore(std::move(*git));
}

Result<CorpusStore> CorpusStore::open(const std::filesystem::path& git_dir) {
    auto git = GitRepository::open(git_dir);
    if (!git) return std::unexpected(git.error());
    return CorpusStore(std::move(*git));
}

std::string CorpusStore::folder_of(const std::string& document_id) {
    return "documents/" + text::hex(text::fnv1a(document_id)).substr(0, 2) + "/" + document_id;
}

std::string document_json_with_extras(const StoredVersion& v) {
    json meta = document_to_json(v.doc);
    meta["original"] = {{"name", v.original_name}, {"oid", v.original_oid}};
    meta["ingested_at"] = v.ingested_at;
    meta["relations"] = v.relations;
    return meta.dump(2) + "\n";
}

Result<std::string> CorpusStore::store(StoredVersion& v, std::string_view original) {
    v.original_oid = GitRepository::blob_id(original);
    std::vector<FileToWrite> files = {
        {"meta.json", document_json_with_extras(v)},
        {"text.txt", v.doc.text},
        {v.original_name, std::string(original)},
    };
    std::string message = "Ingest " + v.doc.id + " version " + std::to_string(v.doc.version) + "\n\n" +
                          (v.doc.meta.title.empty() ? "" : v.doc.meta.title + "\n\n") +
                          "Document: " + v.doc.id + "\nVersion: " + std::to_string(v.doc.version) +
                          "\nSource: " + v.doc.source + "\n";
    auto commit = m_git.commit_folder(folder_of(v.doc.id), files, message);
    if (commit) v.commit = *commit;
    return commit;
}

Result<StoredVersion> CorpusStore::load(const std::string& commit, const std::string& document_id) const {
    std::string folder = folder_of(document_id);
    auto meta_text = m_git.read(commit, folder + "/meta.json");
    auto text = m_git.read(commit, folder + "/text.txt");
    if (!meta_text || !text) return fail(document_id, "commit " + commit.substr(0, 12) + " holds no such document");
    json meta = json::parse(*meta_text, nullptr, false);
    if (meta.is_discarded()) return fail(document_id, "meta.json in commit " + commit.substr(0, 12) + " is not JSON");
    auto doc = document_from_json(meta, std::move(*text));
    if (!doc) return std::unexpected(doc.error());
    StoredVersion v;
    v.doc = std::move(*doc);
    v.commit = commit;
    v.original_name = meta.value("original", json::object()).value("name", "");
    v.original_oid = meta.value("original", json::object()).value("oid", "");
    v.ingested_at = meta.value("ingested_at", "");
    v.relations = meta.value("relations", json::array());
    return v;
}

std::optional<std::string> CorpusStore::original(const std::string& commit, const std::string& document_id,
                                                 const std::string& original_name) const {
    return m_git.read(commit, folder_of(document_id) + "/" + original_name);
}

std::optional<std::string> CorpusStore::read_file(const std::string& path) const {
    auto head = m_git.head();
    if (!head) return std::nullopt;
    return m_git.read(*head, path);
}

Result<std::string> CorpusStore::write_file(const std::string& path, const std::string& content,
                                            const std::string& message) {
    return m_git.commit_file(path, content, message);
}

Result<std::string> CorpusStore::remove_document(const std::string& document_id, const std::string& reason) {
    std::string message = "Remove " + document_id + "\n\n" + (reason.empty() ? "Removed by a person." : reason) +
                          "\n\nRemoved: " + document_id + "\n";
    return m_git.commit_folder(folder_of(document_id), {}, message);
}

std::optional<CommitSubject> CorpusStore::parse_subject(const std::string& message) {
    static const RE2 k_document(R"((?m)^Document: (\S+)\s*$)");
    static const RE2 k_version(R"((?m)^Version: (\d+)\s*$)");
    static const RE2 k_correction(R"((?m)^Correction: (\S+)\s*$)");
    CommitSubject s;
    if (RE2::PartialMatch(message, k_document, &s.document_id) && RE2::PartialMatch(message, k_version, &s.version)) {
        s.kind = "document";
        return s;
    }
    static const RE2 k_removed(R"((?m)^Removed: (\S+)\s*$)");
    if (RE2::PartialMatch(message, k_removed, &s.document_id)) {
        s.kind = "removed";
        return s;
    }
    std::string what;
    if (RE2::PartialMatch(message, k_correction, &what)) {
        s.kind = "correction";
        return s;
    }
    static const RE2 k_official(R"((?m)^Official: (\S+)\s*$)");
    if (RE2::PartialMatch(message, k_official, &what)) {
        s.kind = "official";
        return s;
    }
    return std::nullopt;
}

}  // namespace toezeg::corpus
