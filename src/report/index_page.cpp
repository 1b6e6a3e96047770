#include "report/index_page.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "report/deadlines.hpp"
#include "report/format.hpp"
#include "report/item_pieces.hpp"

namespace toezeg::report {

using nlohmann::json;

mus::data row_on(db::Database& db, const db::ItemFacts& item, const std::string& as_of) {
    json r = json::parse(db::report_piece(db, "row_json", item.id));
    if (is_overdue(item, as_of)) r["late_label"] = days_late_label(days_late(item, as_of));
    return to_mustache(r);
}

namespace {

mus::data breakdown(const std::map<std::string, std::array<int, 4>>& counts,
                           const std::map<std::string, std::string>& pages) {
    mus::data list{mus::data::type::list};
    for (auto& [name, c] : counts) {
        mus::data d;
        d.set("name", name);
        if (auto page = pages.find(name); page != pages.end()) d.set("page", page->second + ".html");
        d.set("open", std::to_string(c[0]));
        d.set("overdue", std::to_string(c[1]));
        d.set("fulfilled", std::to_string(c[2]));
        d.set("total", std::to_string(c[3]));
        list.push_back(d);
    }
    return list;
}

mus::data list_links(const std::vector<ListPage>& pages) {
    mus::data list{mus::data::type::list};
    for (auto& p : pages) {
        mus::data d;
        d.set("label", p.label);
        d.set("file", p.file);
        d.set("count", thousands(p.count));
        list.push_back(d);
    }
    return list;
}

// The months' pages by year, the latest year first.
mus::data month_links(const std::vector<ListPage>& pages) {
    std::map<std::string, std::vector<ListPage>, std::greater<>> years;  // "" (no date) last
    for (auto& p : pages) years[p.part.size() == 7 ? p.part.substr(0, 4) : ""].push_back(p);
    mus::data list{mus::data::type::list};
    for (auto& [year, months] : years) {
        mus::data d;
        d.set("year", year.empty() ? "Zonder datum" : year);
        for (auto& m : months) m.label = year.empty() ? "alle" : m.label.substr(0, m.label.find(' '));
        d.set("months", list_links(months));
        list.push_back(d);
    }
    return list;
}

}  // namespace

Result<void> write_index_page(const SiteData& site, db::Database& db, const ListPages& lists,
                              const ReportOptions& options, PageWriter& out) {
    const std::size_t list_limit = options.index_list_limit;
    mus::data d;
    const auto& items = site.items;
    d.set("title", "Overzicht");
    d.set("total", std::to_string(items.size()));
    d.set("documents", std::to_string(site.documents.size()));
    std::size_t n_items = items.size(), n_docs = site.documents.size();
    d.set("total_label", std::to_string(n_items) +
                             (n_items == 1 ? " gevolgde toezegging of motie" : " gevolgde toezeggingen en moties"));
    d.set("documents_label", std::to_string(n_docs) + (n_docs == 1 ? " document" : " documenten"));
    std::map<Status, std::array<int, 2>> counts;
    mus::data late{mus::data::type::list}, recent{mus::data::type::list};
    std::string rows;
    std::map<std::string, std::array<int, 4>> by_actor, by_member;
    std::set<std::string> actors;
    std::string month_ago = Date::parse_iso(site.as_of)->plus_days(-30).iso();
    std::vector<std::size_t> sorted(items.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) sorted[k] = k;
    // Overdue first, the latest first; then open, then the rest; newest first within each.
    std::vector<long> late_days(sorted.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) late_days[k] = days_late(items[k], site.as_of);
    auto rank = [&](const db::ItemFacts& t) { return is_overdue(t, site.as_of) ? 0 : t.status == Status::open ? 1 : 2; };
    std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
        auto &x = items[a], &y = items[b];
        if (rank(x) != rank(y)) return rank(x) < rank(y);
        if (late_days[a] != late_days[b]) return late_days[a] > late_days[b];
        return x.last_date > y.last_date;
    });
    std::vector<const db::ItemFacts*> long_open;
    int overdue_count = 0, review_count = 0;
    bool whole_table = items.size() <= options.index_table_limit;
    for (auto& t : items) review_count += waits_for_review(t);
    for (std::size_t k : sorted) {
        const db::ItemFacts* t = &items[k];
        ++counts[t->status][t->kind == Kind::commitment ? 0 : 1];
        bool is_late = is_overdue(*t, site.as_of);
        if (whole_table) rows += t->row_html;
        if (is_late && ++overdue_count <= static_cast<int>(list_limit)) late.push_back(row_on(db, *t, site.as_of));
        if (long_open_without_deadline(*t, site.as_of)) long_open.push_back(t);
        if (t->status == Status::fulfilled && t->last_date >= month_ago && t->last_date <= site.as_of) {
            json r = json::parse(db::report_piece(db, "row_json", t->id));
            mus::data f;
            f.set("id", t->id);
            f.set("summary", r.value("summary", t->id));
            f.set("date", date_label(t->last_date));
            recent.push_back(f);
        }
        auto tally = [&](std::array<int, 4>& c) {
            c[0] += t->status == Status::open;
            c[1] += is_late;
            c[2] += t->status == Status::fulfilled;
            c[3] += 1;
        };
        if (!t->actor.empty()) {
            tally(by_actor[t->actor]);
            actors.insert(t->actor);
        }
        // One row per person: every spelling of a Kamerlid counts under the name its page shows.
        std::set<std::string> people;
        for (auto& m : t->members) people.insert(member_name(site.follow, m));
        for (auto& p : people) tally(by_member[p]);
    }
    mus::data count_rows{mus::data::type::list};
    for (Status s : k_all_statuses) {
        mus::data r;
        r.set("label", std::string(dutch_status(s)));
        r.set("class", status_class(s, false));
        r.set("commitments", std::to_string(counts[s][0]));
        r.set("motions", std::to_string(counts[s][1]));
        r.set("total", std::to_string(counts[s][0] + counts[s][1]));
        count_rows.push_back(r);
    }
    mus::data actor_list{mus::data::type::list};
    for (auto& a : actors) {
        mus::data r;
        r.set("name", a);
        actor_list.push_back(r);
    }
    // The longest open first.
    std::stable_sort(long_open.begin(), long_open.end(),
                     [](auto* a, auto* b) { return open_since(*a) < open_since(*b); });
    mus::data long_open_rows{mus::data::type::list};
    for (std::size_t k = 0; k < long_open.size() && k < list_limit; ++k)
        long_open_rows.push_back(row_on(db, *long_open[k], site.as_of));
    d.set("long_open", long_open_rows);
    d.set("has_long_open", !long_open.empty());
    d.set("long_open_count", std::to_string(long_open.size()));
    d.set("long_open_label", long_open_label());
    d.set("long_open_months", std::to_string(k_vague_deadline_months));
    d.set("counts", count_rows);
    d.set("item_rows", rows);
    d.set("whole_table", whole_table);
    d.set("table_limit", thousands(options.index_table_limit));
    d.set("list_limit", std::to_string(list_limit));
    d.set("overdue_cut", overdue_count > static_cast<int>(list_limit));
    d.set("long_open_cut", long_open.size() > list_limit);
    d.set("overdue_pages", list_links(lists.overdue));
    d.set("long_open_pages", list_links(lists.long_open));
    d.set("month_years", month_links(lists.months));
    d.set("overdue", late);
    d.set("has_overdue", overdue_count > 0);
    d.set("overdue_count", std::to_string(overdue_count));
    d.set("recent", recent);
    d.set("has_review", review_count > 0);
    d.set("review_count", std::to_string(review_count));
    d.set("has_recent", !recent.is_empty_list());
    d.set("actors", actor_list);
    d.set("by_actor", breakdown(by_actor, site.follow.actors));
    d.set("by_member", breakdown(by_member, site.follow.members));
    return out.page("index.html", "index.mustache", d, "");
}

}  // namespace toezeg::report
