#include "report/list_pages.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/date.hpp"
#include "db/report_pieces.hpp"
#include "report/format.hpp"
#include "report/item_pieces.hpp"

namespace toezeg::report {

namespace {

using nlohmann::json;

struct List {
    std::string name;     // "", "verlopen", "lang-open": the pages' prefix under lijst/
    std::string heading;  // "Toezeggingen en moties", ...
    std::map<std::string, std::vector<const db::ItemFacts*>> parts;  // part -> its items, in page order
};

bool is_date(const std::string& iso) { return Date::parse_iso(iso).has_value(); }



std::string file_of(const List& list, const std::string& part) {
    return "lijst/" + (list.name.empty() ? part : list.name + "-" + part) + ".html";
}

Result<std::vector<ListPage>> write_list(const List& list, const std::string& caption, PageWriter& out) {
    std::vector<ListPage> pages;
    for (auto& [part, items] : list.parts) {
        ListPage page{part, part_label(part), file_of(list, part), items.size()};
        PageKey key;
        key.add("list").add(list.name).add(part);
        for (auto* t : items) key.add(t->id).add(t->row_hash);
        auto done = out.keyed_page(page.file, "list.mustache", "../", key, [&] {
            std::string rows;
            std::set<std::string> actors;
            for (auto* t : items) {
                rows += row_one_folder_down(t->row_html);
                if (!t->actor.empty()) actors.insert(t->actor);
            }
            json names = json::array();
            for (auto& a : actors) names.push_back({{"name", a}});
            std::string count = std::to_string(items.size()) +
                                (items.size() == 1 ? " toezegging of motie" : " toezeggingen en moties");
            return json{{"title", list.heading + ", " + page.label},
                        {"heading", list.heading + ", " + page.label},
                        {"caption", caption + ", " + page.label},
                        {"count_label", count},
                        {"actors", names},
                        {"item_rows", std::move(rows)}};
        });
        if (!done) return std::unexpected(done.error());
        pages.push_back(std::move(page));
    }
    return pages;
}

json document_row(const db::DocumentRow& doc) {
    return json{{"id", doc.id},
                {"title", doc.title},
                {"date", doc.effective_date},
                {"date_label", doc.date.empty() ? "(zonder datum)" : date_label(doc.date)},
                {"file", doc.id + ".html"},
                {"versions", std::to_string(doc.versions)}};
}

}  // namespace

Result<void> write_documents_page(const SiteData& site, const ReportOptions& options, PageWriter& out) {
    std::vector<const db::DocumentRow*> docs;
    for (auto& doc : site.documents) docs.push_back(&doc);
    std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) {
        return std::tie(b->effective_date, a->id) < std::tie(a->effective_date, b->id);
    });
    std::map<std::string, std::vector<const db::DocumentRow*>> months;
    for (auto* doc : docs) months[month_part(doc->effective_date)].push_back(doc);
    json links = json::array();
    for (auto& [part, list] : latest_first(std::move(months))) {
        std::string file = "lijst/documenten-" + part + ".html", label = part_label(part);
        PageKey key;
        key.add("documents").add(part);
        for (auto* doc : list) key.add(doc->id).add(doc->title).add(doc->date).add(doc->effective_date).add(std::to_string(doc->versions));
        auto done = out.keyed_page(file, "documents.mustache", "../", key, [&] {
            json rows = json::array();
            for (auto* doc : list) rows.push_back(document_row(*doc));
            return json{{"title", "Documenten, " + label},
                        {"heading", "Documenten, " + label},
                        {"count_label", std::to_string(list.size()) + (list.size() == 1 ? " document" : " documenten")},
                        {"documents", std::move(rows)}};
        });
        if (!done) return std::unexpected(done.error());
        links.push_back({{"file", file}, {"label", label}, {"count", thousands(list.size())}});
    }
    bool whole = docs.size() <= options.index_table_limit;
    std::size_t shown = whole ? docs.size() : std::min(docs.size(), options.index_list_limit);
    mus::data list{mus::data::type::list};
    for (std::size_t k = 0; k < shown; ++k) list.push_back(to_mustache(document_row(*docs[k])));
    mus::data d;
    d.set("title", "Documenten");
    d.set("heading", "Documenten");
    d.set("documents", list);
    d.set("count_label", thousands(docs.size()) + (docs.size() == 1 ? " document" : " documenten") +
                             (whole ? "" : "; hieronder de " + std::to_string(shown) + " nieuwste"));
    d.set("months", to_mustache(links));
    d.set("has_months", !links.empty());
    return out.page("documents.html", "documents.mustache", d, "");
}

Result<std::vector<ListPage>> write_review_months(const std::vector<const db::ItemFacts*>& queue,
                                                  const std::string& threshold, db::Database& db, PageWriter& out) {
    std::map<std::string, std::vector<const db::ItemFacts*>> months;
    for (auto* t : queue) months[month_part(t->last_date)].push_back(t);
    std::vector<ListPage> pages;
    for (auto& [part, items] : latest_first(std::move(months))) {
        ListPage page{part, part_label(part), "lijst/beoordelen-" + part + ".html", items.size()};
        PageKey key;
        key.add("review").add(part).add(threshold);
        for (auto* t : items) key.add(t->id).add(t->row_hash);
        auto done = out.keyed_page(page.file, "review.mustache", "../", key, [&] {
            std::vector<std::string> ids;
            for (auto* t : items) ids.push_back(t->id);
            return json{{"title", "Te beoordelen, " + page.label},
                        {"heading", "Te beoordelen, " + page.label},
                        {"month", true},
                        {"count", thousands(items.size())},
                        {"threshold", threshold},
                        {"item_rows", rows_one_folder_down(db::report_pieces_joined(db, "review_html", ids))},
                        {"has_items", true}};
        });
        if (!done) return std::unexpected(done.error());
        pages.push_back(std::move(page));
    }
    return pages;
}

std::string part_label(const std::string& part) {
    if (part == "zonder-datum") return "zonder datum";
    if (part.size() == 7) return std::string(dutch_month_name(std::stoi(part.substr(5)))) + " " + part.substr(0, 4);
    return part;
}

std::string year_part(const std::string& iso) { return is_date(iso) ? iso.substr(0, 4) : "zonder-datum"; }
std::string month_part(const std::string& iso) { return is_date(iso) ? iso.substr(0, 7) : "zonder-datum"; }

std::string rows_one_folder_down(const std::string& rows_html) {
    // Text in a row is escaped, so `href="` appears only in a link.
    static const std::string link = "href=\"items/";
    std::string out;
    out.reserve(rows_html.size() + rows_html.size() / 20);
    std::size_t from = 0;
    for (auto at = rows_html.find(link); at != std::string::npos; at = rows_html.find(link, from)) {
        out.append(rows_html, from, at - from).append("href=\"../items/");
        from = at + link.size();
    }
    return out.append(rows_html, from, std::string::npos);
}

std::string row_one_folder_down(const std::string& row_html) {
    // The row's one link; text in a row is escaped, so `href="` appears only in a link.
    static const std::string link = "href=\"items/";
    auto at = row_html.find(link);
    if (at == std::string::npos) return row_html;
    return row_html.substr(0, at) + "href=\"../items/" + row_html.substr(at + link.size());
}

Result<ListPages> write_list_pages(const SiteData& site, PageWriter& out) {
    List all{"", "Toezeggingen en moties", {}}, late{"verlopen", "Termijn verlopen", {}},
        long_open{"lang-open", "Lang open zonder termijn", {}};
    for (auto& t : site.items) {  // in the order of the exports: first date, id
        all.parts[month_part(t.first_date)].push_back(&t);
        if (is_overdue(t, site.as_of)) late.parts[year_part(t.due)].push_back(&t);
        if (long_open_without_deadline(t, site.as_of)) long_open.parts[year_part(open_since(t))].push_back(&t);
    }
    // The latest deadline last in each year: the most late first, as on the index.
    for (auto& [part, items] : late.parts)
        std::stable_sort(items.begin(), items.end(), [](auto* a, auto* b) { return a->due < b->due; });
    for (auto& [part, items] : long_open.parts)
        std::stable_sort(items.begin(), items.end(), [](auto* a, auto* b) { return open_since(*a) < open_since(*b); });
    ListPages pages;
    auto months = write_list(all, "Gevolgde toezeggingen en moties, voor het eerst gevonden in", out);
    if (!months) return std::unexpected(months.error());
    auto overdue = write_list(late, "Openstaand met een termijn in", out);
    if (!overdue) return std::unexpected(overdue.error());
    auto longer = write_list(long_open, "Open zonder termijn sinds", out);
    if (!longer) return std::unexpected(longer.error());
    pages.months = std::move(*months);
    pages.overdue = std::move(*overdue);
    pages.long_open = std::move(*longer);
    return pages;
}

}  // namespace toezeg::report
