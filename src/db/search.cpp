// Full-text search over the stored documents (the FTS5 index text_search) and the tracked items.
#include "db/search.hpp"

#include <cctype>

#include "util/text.hpp"

namespace toezeg::db {

std::string fts_query(const std::string& words) {
    std::string out;
    std::size_t at = 0;
    while (at < words.size()) {
        while (at < words.size() && std::isspace(static_cast<unsigned char>(words[at]))) ++at;
        std::size_t end = at;
        while (end < words.size() && !std::isspace(static_cast<unsigned char>(words[end]))) ++end;
        std::string word = words.substr(at, end - at);
        at = end;
        bool prefix = word.size() > 1 && word.back() == '*';
        if (prefix) word.pop_back();
        if (word.empty()) continue;
        std::string quoted = "\"";
        for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += "\"";
        out += (out.empty() ? "" : " ") + quoted + (prefix ? "*" : "");
    }
    return out;
}

namespace {

constexpr const char* k_snippet_args = "'[', ']', '…', 16";

std::string item_text(const track::TrackedItem& t) {
    std::string text = t.subject;
    for (auto& e : t.events)
        if (!e.evidence.empty() && text.find(e.evidence) == std::string::npos)
            text += (text.empty() ? "" : "\n") + e.evidence;
    return text;
}

}  // namespace

std::vector<SearchHit> search(Database& db, const std::vector<track::TrackedItem>& items, const std::string& words,
                              int limit) {
    std::vector<SearchHit> hits;
    std::string query = fts_query(words);
    if (query.empty()) return hits;
    auto docs =
        db.prepare(std::string("SELECT s.doc_id, s.version, d.title, snippet(text_search, 2, ") + k_snippet_args +
                   "), bm25(text_search) FROM text_search s JOIN documents d ON d.id = s.doc_id AND "
                   "d.latest_version = s.version WHERE text_search MATCH ?1 ORDER BY bm25(text_search), "
                   "s.doc_id LIMIT ?2");
    docs.bind(1, query).bind(2, limit);
    while (docs.step())
        hits.push_back(
            {"document", docs.text(0), static_cast<int>(docs.integer(1)), docs.text(2), docs.text(3), docs.real(4)});
    // The items are searched in a temporary index of their words: who, which minister, what.
    db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.item_search USING fts5(id UNINDEXED, title UNINDEXED, text, "
        "people, tokenize = 'unicode61 remove_diacritics 2'); DELETE FROM temp.item_search;");
    {
        Transaction tx(db);
        auto insert = db.prepare("INSERT INTO temp.item_search(id, title, text, people) VALUES (?1, ?2, ?3, ?4)");
        for (auto& t : items) {
            std::string title =
                t.subject.empty() && !t.events.empty() ? text::shorten(t.events.front().evidence, 110) : t.subject;
            insert.bind(1, t.id)
                .bind(2, title)
                .bind(3, item_text(t))
                .bind(4, text::join(t.members, ", ") + " " + t.actor + " " + t.ref + " " + t.id);
            insert.run();
        }
        tx.commit();
    }
    auto found = db.prepare(std::string("SELECT id, title, snippet(item_search, 2, ") + k_snippet_args +
                            "), bm25(item_search), people FROM temp.item_search WHERE item_search MATCH ?1 "
                            "ORDER BY bm25(item_search), id LIMIT ?2");
    found.bind(1, query).bind(2, limit);
    while (found.step()) {
        std::string snippet = found.text(2);
        // Matched only on the people, minister or reference: show those.
        if (snippet.find('[') == std::string::npos)
            snippet = text::shorten(found.text(1), 160) + " (" + text::collapse_spaces(found.text(4)) + ")";
        hits.push_back({"item", found.text(0), 0, found.text(1), snippet, found.real(3)});
    }
    return hits;
}

}  // namespace toezeg::db
