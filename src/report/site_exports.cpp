#include "report/site_exports.hpp"

#include <string_view>
#include <vector>

#include "db/report_pieces.hpp"
#include "report/search_index.hpp"

namespace toezeg::report {

namespace {

// True (and every file kept) when search-index.js and each of its parts are as the last run
// left them for this key.
bool keep_search_index(PageWriter& out, const PageKey& key) {
    if (!out.keep_keyed_file("search-index.js", PageKey(key).add("search-index.js"))) return false;
    auto manifest = out.read("search-index.js");
    if (!manifest) return false;
    auto parts = search_index_parts(*manifest);
    if (parts.empty()) return false;
    for (auto& part : parts)
        if (!out.keep_keyed_file(part, PageKey(key).add(part))) return false;
    return true;
}

}  // namespace

Result<void> write_site_exports(const SiteData& site, db::Database& db, PageWriter& out, const std::string& generation,
                                CsvDialect dialect, const std::string& feed_template) {
    // items.json and items.csv stand for every item's row (its pieces key), in order; the
    // search index for those and the documents.
    PageKey items_key;
    items_key.add(generation);
    for (auto& t : site.items) items_key.add(t.id).add(t.row_hash);
    PageKey search_key(items_key);
    search_key.add("search-index.js");
    for (auto& d : site.documents) search_key.add(d.id).add(d.title).add(d.dossier).add(d.number).add(d.date);
    struct Export {
        std::string file, column;
        PageKey key;
        std::string text;
    };
    std::vector<Export> exports = {{"items.json", "export_json", PageKey(items_key).add("items.json"), ""},
                                   {"items.csv", "csv", PageKey(items_key).add("items.csv"), ""}};
    std::erase_if(exports, [&](const Export& e) { return out.keep_keyed_file(e.file, e.key); });
    if (!keep_search_index(out, search_key)) exports.push_back({"search-index.js", "search", search_key, ""});
    std::vector<std::string_view> columns;
    for (auto& e : exports) columns.push_back(e.column);
    if (!columns.empty())
        db::for_each_report_pieces(db, columns, [&](std::string_view, const std::vector<std::string_view>& pieces) {
            for (std::size_t k = 0; k < exports.size(); ++k) {
                if (pieces[k].empty()) continue;
                auto& text = exports[k].text;
                if (exports[k].file == "items.json") text += text.empty() ? "[\n" : ",\n";
                if (exports[k].file == "search-index.js" && !text.empty()) text += '\n';
                text += pieces[k];
            }
        });
    // Each file's text is finished in place and handed over (at 50,000 letters items.json
    // is over 100 MB: a copy would double the run's peak memory).
    for (auto& e : exports) {
        if (e.file == "search-index.js") {
            for (auto& [name, content] : search_index_files(e.text, site.documents))
                out.keyed_file(name, PageKey(e.key).add(name), [&] { return std::move(content); });
            e.text = std::string();
            continue;
        }
        out.keyed_file(e.file, e.key, [&] {
            if (e.file == "items.json") {
                e.text += e.text.empty() ? "[]\n" : "\n]\n";
                return std::move(e.text);
            }
            return csv_start(dialect) + csv_line(tracked_csv_header(), dialect) + e.text;
        });
        e.text = std::string();
    }
    out.put("documents.json", documents_json(site.documents));
    std::vector<AtomEntry> entries;
    for (auto& e : db::latest_report_entries(db, static_cast<int>(k_feed_entries)))
        entries.push_back(AtomEntry{e.date, e.entry_id, e.title, e.item_id, e.summary});
    out.put("feed.xml", AtomWriter(feed_template).render_entries(std::move(entries), AtomWriter::site_feed()));
    return {};
}

}  // namespace toezeg::report
