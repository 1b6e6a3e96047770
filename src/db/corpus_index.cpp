#include "db/corpus_index.hpp"

#include <nlohmann/json.hpp>

#include <map>

#include "db/migrations.hpp"

namespace toezeg::db {

using nlohmann::json;

Result<CorpusIndex> CorpusIndex::open(const std::filesystem::path& path) {
    auto db = Database::open(path);
    if (!db) return std::unexpected(db.error());
    auto migrated = migrate(*db);
    if (!migrated) return std::unexpected(migrated.error());
    return CorpusIndex(std::move(*db));
}

void CorpusIndex::remove_document(const std::string& id) {
    m_db.prepare("DELETE FROM text_search WHERE rowid IN (SELECT rowid FROM versions WHERE doc_id = ?1)").bind(1, id).run();
    m_db.prepare("DELETE FROM relations WHERE other_id = ?1").bind(1, id).run();
    m_db.prepare("DELETE FROM documents WHERE id = ?1").bind(1, id).run();  // versions and the rest cascade
}

void CorpusIndex::add_version(const VersionRecord& v, const std::vector<std::int64_t>& fingerprints,
                              const std::vector<Item>& items) {
    const Document& d = v.doc;
    Transaction tx(m_db);
    m_db.prepare(R"(INSERT INTO documents(id, latest_version, title, date, dossier, number, addressee)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                    ON CONFLICT(id) DO UPDATE SET latest_version = max(latest_version, excluded.latest_version),
                      title = CASE WHEN excluded.latest_version >= latest_version THEN excluded.title ELSE title END,
                      date = CASE WHEN excluded.latest_version >= latest_version THEN excluded.date ELSE date END,
                      dossier = CASE WHEN excluded.latest_version >= latest_version THEN excluded.dossier ELSE dossier END,
                      number = CASE WHEN excluded.latest_version >= latest_version THEN excluded.number ELSE number END,
                      addressee = CASE WHEN excluded.latest_version >= latest_version THEN excluded.addressee ELSE addressee END)")
        .bind(1, d.id).bind(2, d.version).bind(3, d.meta.title).bind(4, d.meta.date).bind(5, d.meta.dossier)
        .bind(6, d.meta.number).bind(7, d.meta.addressee).run();
    // The full-text row shares the version row's rowid (a lookup by doc_id would scan it all).
    m_db.prepare("DELETE FROM text_search WHERE rowid = (SELECT rowid FROM versions WHERE doc_id = ?1 AND version = ?2)")
        .bind(1, d.id).bind(2, d.version).run();
    m_db.prepare("DELETE FROM versions WHERE doc_id = ?1 AND version = ?2").bind(1, d.id).bind(2, d.version).run();
    m_db.prepare(R"(INSERT INTO versions(doc_id, version, commit_id, committed_at, ingested_at, source, original_name,
                                         original_oid, meta_json, text, effective_date)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11))")
        .bind(1, d.id).bind(2, d.version).bind(3, v.commit).bind(4, static_cast<std::int64_t>(v.committed_at))
        .bind(5, v.ingested_at).bind(6, d.source).bind(7, v.original_name).bind(8, v.original_oid)
        .bind(9, v.meta_json).bind(10, d.text).bind(11, v.effective_date).run();
    m_db.prepare("UPDATE documents SET effective_date = ?3 WHERE id = ?1 AND latest_version = ?2")
        .bind(1, d.id).bind(2, d.version).bind(3, v.effective_date).run();

    auto meta = m_db.prepare("INSERT INTO metadata(doc_id, version, key, value) VALUES (?1, ?2, ?3, ?4)");
    auto put = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        meta.bind(1, d.id).bind(2, d.version).bind(3, key).bind(4, value);
        meta.run();
    };
    put("dossier", d.meta.dossier);
    put("dossier_title", d.meta.dossier_title);
    put("number", d.meta.number);
    put("date", d.meta.date);
    put("addressee", d.meta.addressee);
    put("sender", d.meta.sender);
    put("subject", d.meta.subject);
    put("meeting", d.meta.meeting);
    put("title", d.meta.title);
    std::string signers;
    for (auto& s : d.meta.signers) signers += (signers.empty() ? "" : "; ") + s.role + " (" + s.name + ")";
    put("signers", signers);

    auto cite = m_db.prepare(
        "INSERT INTO citations(doc_id, version, ref, span_begin, span_end, footnote) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (auto& c : d.citations) {
        cite.bind(1, d.id).bind(2, d.version).bind(3, c.ref).bind(4, static_cast<std::int64_t>(c.span.begin))
            .bind(5, static_cast<std::int64_t>(c.span.end)).bind(6, c.footnote);
        cite.run();
    }
    m_db.prepare("INSERT INTO text_search(rowid, doc_id, version, text) SELECT rowid, doc_id, version, text FROM versions "
                 "WHERE doc_id = ?1 AND version = ?2")
        .bind(1, d.id).bind(2, d.version).run();

    m_db.prepare("DELETE FROM fingerprints WHERE doc_id = ?1").bind(1, d.id).run();
    auto fp = m_db.prepare("INSERT INTO fingerprints(hash, doc_id) VALUES (?1, ?2)");
    for (auto h : fingerprints) {
        fp.bind(1, h).bind(2, d.id);
        fp.run();
    }

    auto det = m_db.prepare(R"(INSERT INTO detections(doc_id, version, seq, kind, status, evidence, span_begin, span_end,
                                 member, members, party, actor, made_on, made_in, subject, due, due_text, ref, rule, earlier, confidence)
                               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                                       ?21))");
    int seq = 0;
    for (auto& it : items) {
        det.bind(1, d.id).bind(2, d.version).bind(3, seq++).bind(4, to_string(it.kind)).bind(5, to_string(it.status))
            .bind(6, it.evidence).bind(7, static_cast<std::int64_t>(it.span.begin))
            .bind(8, static_cast<std::int64_t>(it.span.end)).bind(9, it.member).bind(10, json(it.members).dump())
            .bind(11, it.party).bind(12, it.actor).bind(13, it.made_on).bind(14, it.made_in).bind(15, it.subject)
            .bind(16, it.due).bind(17, it.due_text).bind(18, it.ref).bind(19, it.rule).bind(20, it.earlier ? 1 : 0).bind(21, it.confidence);
        det.run();
    }
    tx.commit();
}

void CorpusIndex::add_relation(const std::string& doc_id, const std::string& other_id, const std::string& kind,
                               double score) {
    m_db.prepare("INSERT OR REPLACE INTO relations(doc_id, other_id, kind, score) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, doc_id).bind(2, other_id).bind(3, kind).bind(4, score).run();
}

std::optional<std::pair<std::string, int>> CorpusIndex::version_by_original(const std::string& original_oid) {
    auto st = m_db.prepare("SELECT doc_id, version FROM versions WHERE original_oid = ?1 ORDER BY doc_id, version LIMIT 1");
    st.bind(1, original_oid);
    if (!st.step()) return std::nullopt;
    return std::pair{st.text(0), static_cast<int>(st.integer(1))};
}

std::optional<int> CorpusIndex::version_with_original(const std::string& doc_id, const std::string& original_oid) {
    auto st = m_db.prepare("SELECT version FROM versions WHERE doc_id = ?1 AND original_oid = ?2 ORDER BY version LIMIT 1");
    st.bind(1, doc_id).bind(2, original_oid);
    if (!st.step()) return std::nullopt;
    return static_cast<int>(st.integer(0));
}

namespace {
DocumentRow read_document_row(Statement& st) {
    return DocumentRow{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4), st.text(5), st.text(7), static_cast<int>(st.integer(6))};
}
constexpr const char* k_document_columns =
    "id, title, date, dossier, number, addressee, latest_version, effective_date";
}  // namespace

std::optional<DocumentRow> CorpusIndex::document(const std::string& id) {
    auto st = m_db.prepare(std::string("SELECT ") + k_document_columns + " FROM documents WHERE id = ?1");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return read_document_row(st);
}

std::vector<DocumentRow> CorpusIndex::documents() {
    std::vector<DocumentRow> out;
    auto st = m_db.prepare(std::string("SELECT ") + k_document_columns + " FROM documents ORDER BY date, id");
    while (st.step()) out.push_back(read_document_row(st));
    return out;
}

std::vector<VersionRow> CorpusIndex::versions(const std::string& id) {
    std::vector<VersionRow> out;
    auto st = m_db.prepare(
        "SELECT version, commit_id, ingested_at, source, original_oid, committed_at FROM versions WHERE doc_id = ?1 ORDER BY version");
    st.bind(1, id);
    while (st.step())
        out.push_back(VersionRow{static_cast<int>(st.integer(0)), st.text(1), st.text(2), st.text(3), st.text(4), st.integer(5)});
    return out;
}

std::optional<std::string> CorpusIndex::meta_json(const std::string& id, int version) {
    auto st = m_db.prepare("SELECT meta_json FROM versions WHERE doc_id = ?1 AND version = ?2");
    st.bind(1, id).bind(2, version);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::optional<VersionRecord> CorpusIndex::version(const std::string& id, int version) {
    auto st = m_db.prepare(R"(SELECT commit_id, committed_at, ingested_at, source, original_name, original_oid, meta_json, text
                              FROM versions WHERE doc_id = ?1 AND version = ?2)");
    st.bind(1, id).bind(2, version);
    if (!st.step()) return std::nullopt;
    VersionRecord r;
    r.commit = st.text(0);
    r.committed_at = st.integer(1);
    r.ingested_at = st.text(2);
    r.doc.source = st.text(3);
    r.original_name = st.text(4);
    r.original_oid = st.text(5);
    r.meta_json = st.text(6);
    r.doc.text = st.text(7);
    r.doc.id = id;
    r.doc.version = version;
    return r;
}

std::vector<RelationRow> CorpusIndex::relations(const std::string& id) {
    std::vector<RelationRow> out;
    auto st = m_db.prepare(R"(SELECT other_id, kind, score FROM relations WHERE doc_id = ?1
                              UNION SELECT doc_id, kind, score FROM relations WHERE other_id = ?1 ORDER BY 1)");
    st.bind(1, id);
    while (st.step()) out.push_back(RelationRow{st.text(0), st.text(1), st.real(2)});
    return out;
}

std::vector<std::string> CorpusIndex::documents_citing(const std::string& ref) {
    std::vector<std::string> out;
    auto st = m_db.prepare(R"(SELECT DISTINCT c.doc_id FROM citations c JOIN documents d
                              ON d.id = c.doc_id AND d.latest_version = c.version WHERE c.ref = ?1 ORDER BY 1)");
    st.bind(1, ref);
    while (st.step()) out.push_back(st.text(0));
    return out;
}

DocumentGraph CorpusIndex::document_graph() {
    DocumentGraph g;
    for (auto st = m_db.prepare("SELECT doc_id, version, commit_id, ingested_at, source, original_oid, committed_at FROM versions "
                                "ORDER BY doc_id, version");
         st.step();)
        g.versions[st.text(0)].push_back(
            VersionRow{static_cast<int>(st.integer(1)), st.text(2), st.text(3), st.text(4), st.text(5), st.integer(6)});
    for (auto st = m_db.prepare("SELECT doc_id, other_id, kind, score FROM relations ORDER BY doc_id, other_id, kind"); st.step();) {
        g.relations[st.text(0)].push_back(RelationRow{st.text(1), st.text(2), st.real(3)});
        g.relations[st.text(1)].push_back(RelationRow{st.text(0), st.text(2), st.real(3)});
    }
    for (auto st = m_db.prepare("SELECT doc_id, version, ref FROM citations ORDER BY doc_id, version, span_begin, ref"); st.step();)
        g.cited[{st.text(0), static_cast<int>(st.integer(1))}].push_back(st.text(2));
    return g;
}

std::optional<std::string> CorpusIndex::document_for_ref(const std::string& ref) {
    auto st = m_db.prepare(
        "SELECT id FROM documents WHERE dossier <> '' AND number <> '' AND dossier || ', nr. ' || number = ?1 ORDER BY id LIMIT 1");
    st.bind(1, ref);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

std::vector<DuplicateCandidate> CorpusIndex::near_duplicates(const std::vector<std::int64_t>& fingerprints,
                                                             const std::string& except_id, double threshold) {
    std::vector<DuplicateCandidate> out;
    if (fingerprints.size() < 3) return out;
    // Sentences that stand in many letters are boilerplate ("Hierbij bieden wij ..."), no
    // sign of a near-duplicate: they are left out, which also keeps this query small.
    std::map<std::string, int> shared;
    auto st = m_db.prepare("SELECT doc_id FROM fingerprints WHERE hash = ?1 LIMIT 51");
    for (auto h : fingerprints) {
        st.bind(1, h);
        std::vector<std::string> ids;
        while (st.step()) ids.push_back(st.text(0));
        st.reset();
        if (ids.size() > 50) continue;
        for (auto& id : ids)
            if (id != except_id) ++shared[id];
    }
    auto count = m_db.prepare("SELECT count(*) FROM fingerprints WHERE doc_id = ?1");
    for (auto& [id, n] : shared) {
        if (n < 3) continue;
        count.bind(1, id);
        count.step();
        auto theirs = count.integer(0);
        count.reset();
        // Containment of the smaller text in the larger: a letter sent alone and with its annex.
        double smaller = static_cast<double>(std::min<std::int64_t>(theirs, static_cast<std::int64_t>(fingerprints.size())));
        double c = smaller > 0 ? n / smaller : 0;
        if (c >= threshold) out.push_back(DuplicateCandidate{id, c});
    }
    return out;
}

std::vector<Item> CorpusIndex::detections(const std::string& id, int version) {
    std::vector<Item> out;
    auto st = m_db.prepare(R"(SELECT kind, status, evidence, span_begin, span_end, member, members, party, actor, made_on,
                                     made_in, subject, due, due_text, ref, rule, earlier, confidence
                              FROM detections WHERE doc_id = ?1 AND version = ?2 ORDER BY seq)");
    st.bind(1, id).bind(2, version);
    while (st.step()) {
        Item it;
        it.kind = parse_kind(st.text(0)).value_or(Kind::commitment);
        it.status = parse_status(st.text(1)).value_or(Status::open);
        it.evidence = st.text(2);
        it.span = Span{static_cast<std::size_t>(st.integer(3)), static_cast<std::size_t>(st.integer(4))};
        it.member = st.text(5);
        it.members = json::parse(st.text(6)).get<std::vector<std::string>>();
        it.party = st.text(7);
        it.actor = st.text(8);
        it.made_on = st.text(9);
        it.made_in = st.text(10);
        it.subject = st.text(11);
        it.due = st.text(12);
        it.due_text = st.text(13);
        it.ref = st.text(14);
        it.rule = st.text(15);
        it.earlier = st.integer(16) != 0;
        it.confidence = st.real(17);
        out.push_back(std::move(it));
    }
    return out;
}

std::vector<LetterRecord> CorpusIndex::letters() {
    auto out = letter_heads();
    for (auto& r : out) {
        r.text_size = text_length(r.id, r.version);
        r.items = detections(r.id, r.version);
        if (r.version > 1) r.previous_items = detections(r.id, r.version - 1);
    }
    return out;
}

std::vector<LetterRecord> CorpusIndex::letter_heads() {
    std::vector<LetterRecord> out;
    // Nothing that stands after the text in a version's row (its effective date is kept on the
    // document), and not length(v.text): either makes SQLite read every letter's whole text,
    // and every run reads every letter's head (40% of a weekly ingest at 50,000 letters).
    auto st = m_db.prepare(R"(SELECT d.id, d.dossier, d.date, d.effective_date, d.latest_version, v.source
                              FROM documents d JOIN versions v ON v.doc_id = d.id AND v.version = d.latest_version
                              ORDER BY d.id)");
    while (st.step()) {
        LetterRecord r{st.text(0), st.text(1), st.text(2), st.text(3), st.text(5), static_cast<int>(st.integer(4)),
                       0, {}, {}};
        out.push_back(std::move(r));
    }
    return out;
}

std::size_t CorpusIndex::text_length(const std::string& id, int version) {
    auto st = m_db.prepare("SELECT length(text) FROM versions WHERE doc_id = ?1 AND version = ?2");
    st.bind(1, id).bind(2, version);
    return st.step() ? static_cast<std::size_t>(st.integer(0)) : 0;
}

std::vector<std::pair<std::string, std::string>> CorpusIndex::near_duplicate_pairs() {
    std::vector<std::pair<std::string, std::string>> out;
    auto st = m_db.prepare("SELECT doc_id, other_id FROM relations WHERE kind = 'near-duplicate' ORDER BY 1, 2");
    while (st.step()) out.emplace_back(st.text(0), st.text(1));
    return out;
}

std::optional<std::string> CorpusIndex::state(const std::string& key) {
    auto st = m_db.prepare("SELECT value FROM state WHERE key = ?1");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void CorpusIndex::set_state(const std::string& key, const std::string& value) {
    m_db.prepare("INSERT OR REPLACE INTO state(key, value) VALUES (?1, ?2)").bind(1, key).bind(2, value).run();
}

}  // namespace toezeg::db
