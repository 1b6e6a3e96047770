#include "report/list_pages.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/date.hpp"
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

std::string year_of(const std::string& iso) { return is_date(iso) ? iso.substr(0, 4) : "zonder-datum"; }
std::string month_of(const std::string& iso) { return is_date(iso) ? iso.substr(0, 7) : "zonder-datum"; }

std::string part_label(const std::string& part) {
    if (part == "zonder-datum") return "zonder datum";
    if (part.size() == 7) return std::string(dutch_month_name(std::stoi(part.substr(5)))) + " " + part.substr(0, 4);
    return part;
}

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

}  // namespace

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
        all.parts[month_of(t.first_date)].push_back(&t);
        if (is_overdue(t, site.as_of)) late.parts[year_of(t.due)].push_back(&t);
        if (long_open_without_deadline(t, site.as_of)) long_open.parts[year_of(open_since(t))].push_back(&t);
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
