#include "report/site.hpp"

#include <algorithm>
#include <cstdio>
#include <future>
#include <set>
#include <unordered_map>

#include "db/register_records.hpp"
#include "db/tracked_items.hpp"
#include "report/alias_pages.hpp"
#include "report/deadlines.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/index_page.hpp"
#include "report/item_pieces.hpp"
#include "report/list_pages.hpp"
#include "report/page_writer.hpp"
#include "report/register_page.hpp"
#include "report/site_exports.hpp"
#include "report/site_data.hpp"
#include "track/review.hpp"
#include "util/step_timer.hpp"

namespace toezeg::report {

using timing::timed;

namespace {

struct WeekChoice {
    IsoWeek week;
    std::string note;  // why this week and not the default, or ""
};

// The week given, else the last full week before as_of; when that default week has no
// documents, the week of the latest document dated on or before as_of, saying so.
WeekChoice choose_week(const std::vector<db::DocumentRow>& documents, const ReportOptions& options) {
    if (!options.week.empty()) return {*parse_iso_week(options.week), ""};
    IsoWeek week = iso_week_of(Date::parse_iso(options.as_of)->plus_days(-7));
    std::string from = week.monday.iso(), to = week.monday.plus_days(6).iso(), latest;
    for (auto& d : documents) {
        if (d.effective_date >= from && d.effective_date <= to) return {week, ""};
        if (d.effective_date <= options.as_of && d.effective_date > latest && Date::parse_iso(d.effective_date))
            latest = d.effective_date;
    }
    if (latest.empty()) return {week, ""};
    IsoWeek chosen = iso_week_of(*Date::parse_iso(latest));
    return {chosen, "In week " + week.label() + " (de laatste volle week vóór " + date_label(options.as_of) +
                        ") kwamen geen documenten binnen; dit is de laatste week met documenten, " + chosen.label() +
                        "."};
}

using nlohmann::json;

// Tracked items read whole, by id: each alone when few, else all at once.
void load_whole(db::Database& db, const std::set<std::string>& ids,
                std::unordered_map<std::string, track::TrackedItem>& into) {
    if (ids.size() > 2000) {
        for (auto& t : db::load_tracked_items(db, {}))
            if (ids.contains(t.id) && !into.contains(t.id)) into.emplace(t.id, std::move(t));
        return;
    }
    for (auto& id : ids)
        if (!into.contains(id))
            if (auto t = db::load_tracked_item(db, id)) into.emplace(id, std::move(*t));
}

class SiteWriter {
public:
    SiteWriter(db::CorpusIndex& index, const ReportOptions& options, std::vector<db::DocumentRow> documents,
               const WeekChoice& week)
        : m_index(index),
          m_db(index.database()),
          m_opt(options),
          m_week(week.week),
          m_week_note(week.note),
          m_out(options, "week-" + week.week.label() + ".html") {
        m_site.documents = std::move(documents);
    }

    Result<ReportStats> run() {
        if (auto started = m_out.start(); !started) return std::unexpected(started.error());
        m_site.as_of = m_opt.as_of;
        if (auto kept = timed("report: pieces", [&] { return keep_pieces(); }); !kept)
            return std::unexpected(kept.error());
        for (auto& d : m_site.documents)
            if (d.effective_date.empty()) d.effective_date = d.date;
        auto feed = m_out.asset("feed.mustache");
        if (!feed) return std::unexpected(feed.error());
        m_feed_template = *feed;
        // The exports read every item's pieces and write some 200 MB at 50,000 letters: on a
        // thread of their own, with a read connection of their own, from here on, when
        // everything they read is committed (else on this thread, after the rest). From here
        // on nothing changes the items' facts or the documents they read.
        std::filesystem::path file = m_db.file();
        bool exports_apart = !file.empty() && !m_db.in_transaction();
        std::future<Result<void>> exports;
        if (exports_apart)
            exports = std::async(std::launch::async, [&]() -> Result<void> {
                timing::Step step("report: exports (third thread)");
                auto db = db::Database::open(file);
                if (!db) return std::unexpected(db.error());
                return write_site_exports(m_site, *db, m_out, m_generation, m_opt.csv_dialect, m_feed_template);
            });
        {
            timing::Step step("report: site data");
            for (auto& d : m_site.documents) {
                m_site.latest_version[d.id] = d.versions;
                if (!d.dossier.empty() && !d.number.empty()) m_site.by_ref[d.dossier + ", nr. " + d.number] = d.id;
            }
            for (auto name : {"style.css", "filter.js"}) {
                auto text = m_out.asset(name);
                if (!text) return std::unexpected(text.error());
                m_out.put(name, *text);
            }
            m_site.follow = follow_pages_of(m_site.items);
            for (std::size_t k = 0; k < m_site.items.size(); ++k)
                for (auto& e : event_docs_of(m_site.items[k]))
                    if (e.end > e.begin) m_site.passages[e.doc].push_back({e.version, e.begin, k});
        }
        auto jobs = timed("report: item page keys", [&] { return item_page_jobs(); });
        if (!jobs) return std::unexpected(jobs.error());
        // Item pages need nothing from the index: they render on a second thread while
        // this one does the rest (the index's connection stays on this thread).
        auto items = std::async(std::launch::async, [&] {
            timing::Step step("report: item pages (second thread)");
            return write_item_pages(m_site, m_out, *jobs, m_feed_template);
        });
        auto rest = write_the_rest();
        if (rest && !exports_apart) rest = timed("report: exports", [&] { return write_exports(); });
        auto items_done = items.get();  // rethrows what the item thread threw
        auto exports_done = exports_apart ? exports.get() : Result<void>{};
        if (!rest) return std::unexpected(rest.error());
        if (!items_done) return std::unexpected(items_done.error());
        if (!exports_done) return std::unexpected(exports_done.error());
        auto lists = timed("report: list pages", [&] { return write_list_pages(m_site, m_out); });
        if (!lists) return std::unexpected(lists.error());
        if (auto done = timed("report: index", [&] { return write_index_page(m_site, m_db, *lists, m_opt, m_out); }); !done)
            return std::unexpected(done.error());
        if (auto done = timed("report: alias pages",
                              [&] { return write_alias_pages(m_site, m_index.database(), m_out, m_feed_template); });
            !done)
            return std::unexpected(done.error());
        timing::Step step("report: finish");
        auto stats = m_out.finish();
        if (stats) stats->week_note = m_week_note;
        return stats;
    }

private:
    // Reads every item's facts, makes the pieces of each whose key (pieces_key: its row, and
    // whether it is overdue or open too long on --as-of) or generation is not what they were
    // made from, and drops those of items gone. Each item's row_hash then holds its key, so
    // every page's key built from it covers what --as-of changes in the item.
    Result<void> keep_pieces() {
        PageKey row_templates;
        for (auto name : {"item_row.mustache", "group_row.mustache", "review_row.mustache"}) {
            auto key = m_out.template_key(name);
            if (!key) return std::unexpected(key.error());
            row_templates.add(text::hex(*key));
        }
        m_generation = pieces_generation(m_opt.csv_dialect, row_templates.value());
        m_site.items = db::load_item_facts(m_db);
        std::vector<std::size_t> stale;
        std::set<std::string> ids;
        for (std::size_t k = 0; k < m_site.items.size(); ++k) {
            auto& f = m_site.items[k];
            std::string key = pieces_key(f, m_opt.as_of);
            if (f.row_hash.empty() || f.pieces_key != key || f.pieces_generation != m_generation) {
                stale.push_back(k);
                ids.insert(f.id);
            }
            f.row_hash = std::move(key);
        }
        load_whole(m_db, ids, m_whole);
        db::Transaction tx(m_db);
        for (std::size_t k : stale) {
            auto& f = m_site.items[k];
            auto pieces = make_item_pieces(m_whole.at(f.id), m_opt.as_of, m_opt.csv_dialect, m_out);
            if (!pieces) return std::unexpected(pieces.error());
            db::save_report_pieces(m_db, f.id, f.row_hash, m_generation, *pieces);
            f.row_html = pieces->row_html;
            f.event_docs = pieces->event_docs;
        }
        db::drop_gone_report_pieces(m_db, m_site.items.size());
        tx.commit();
        return {};
    }

    // The items whose page or feed is not as the last run left it, read whole.
    Result<std::vector<ItemPageJob>> item_page_jobs() {
        AtomWriter atom(m_feed_template);
        std::vector<ItemPageJob> jobs;
        std::set<std::string> ids;
        for (auto& f : m_site.items) {
            PageKey key;
            add_item_inputs(m_site, f, key);
            auto page_kept = m_out.keep_keyed_page("items/" + f.id + ".html", "item.mustache", "../", key);
            if (!page_kept) return std::unexpected(page_kept.error());
            bool feed_kept = m_out.keep_keyed_file("items/" + f.id + ".xml", item_feed_key(f, atom));
            if (*page_kept && feed_kept) continue;
            jobs.push_back({&f, nullptr, !*page_kept, !feed_kept});
            ids.insert(f.id);
        }
        load_whole(m_db, ids, m_whole);
        for (auto& job : jobs) job.item = &m_whole.at(job.facts->id);
        return jobs;
    }

    Result<void> write_the_rest() {
        using Step = Result<void> (SiteWriter::*)();
        const std::pair<const char*, Step> steps[] = {{"report: documents list", &SiteWriter::write_documents_list},
                                                      {"report: week", &SiteWriter::write_week},
                                                      {"report: review", &SiteWriter::write_review},
                                                      {"report: search", &SiteWriter::write_search},
                                                      {"report: register", &SiteWriter::write_register}};
        for (auto& [name, step] : steps) {
            timing::Step step_time(name);
            if (auto done = (this->*step)(); !done) return done;
        }
        AtomWriter atom(m_feed_template);
        if (auto done = timed("report: follow pages", [&] { return write_follow_pages(m_site, m_db, m_out, atom, m_opt.group_page_limit); });
            !done)
            return done;
        timing::Step step("report: document pages");
        return write_document_pages(m_site, m_index, m_out);
    }

    // An item's row as the item tables other than the index's show it, with how many days
    // late it is on --as-of (these tables are rendered on every run; the kept pieces leave it out).
    mus::data row(const db::ItemFacts& t) const { return row_on(m_db, t, m_opt.as_of); }

    bool overdue(const db::ItemFacts& t) const { return is_overdue(t, m_opt.as_of); }

    Result<void> write_documents_list() { return write_documents_page(m_site, m_opt, m_out); }

    Result<void> write_week() {
        Date start = m_week.monday, end = m_week.monday.plus_days(6);
        std::string from = start.iso(), to = end.iso();
        Date as_of = *Date::parse_iso(m_opt.as_of);
        std::string horizon = as_of.plus_days(28).iso();
        std::string before_from = start.plus_days(-1).iso();
        mus::data d, docs{mus::data::type::list}, fresh{mus::data::type::list}, changes{mus::data::type::list},
            upcoming{mus::data::type::list}, fell_overdue{mus::data::type::list};
        int n_docs = 0, n_new = 0, n_changes = 0, n_upcoming = 0, n_fell_overdue = 0;
        for (auto& doc : m_site.documents)
            if (doc.effective_date >= from && doc.effective_date <= to) {
                mus::data r;
                r.set("id", doc.id);
                r.set("title", doc.title);
                r.set("date", date_label(doc.effective_date));
                r.set("file", doc.id + ".html");
                docs.push_back(r);
                ++n_docs;
            }
        for (auto& t : m_site.items) {
            if (t.first_date >= from && t.first_date <= to) {
                fresh.push_back(row(t));
                ++n_new;
            }
            // Fell overdue this week: the day after its deadline lies in the week, and it is overdue now.
            if (overdue(t) && t.due >= before_from && t.due < to) {
                fell_overdue.push_back(row(t));
                ++n_fell_overdue;
            }
            if (t.status == Status::open && !t.due.empty() && t.due >= m_opt.as_of && t.due <= horizon) {
                upcoming.push_back(row(t));
                ++n_upcoming;
            }
        }
        // Changes of status dated in the week, as each item kept them.
        for (auto& e : db::report_changes_between(m_db, from, to)) {
            changes.push_back(to_mustache(json::parse(e.change)));
            ++n_changes;
        }
        d.set("title", "Weekrapport " + m_week.label());
        d.set("week_label", m_week.label());
        d.set("week_start_label", date_label(from));
        d.set("week_end_label", date_label(to));
        d.set("horizon_label", date_label(horizon));
        d.set("documents", docs);
        d.set("has_documents", n_docs > 0);
        d.set("has_new_items", n_new > 0);
        d.set("has_changes", n_changes > 0);
        d.set("has_upcoming", n_upcoming > 0);
        d.set("documents_count", std::to_string(n_docs));
        d.set("new_items", fresh);
        d.set("new_count", std::to_string(n_new));
        d.set("changes", changes);
        d.set("changes_count", std::to_string(n_changes));
        d.set("upcoming", upcoming);
        d.set("upcoming_count", std::to_string(n_upcoming));
        d.set("fell_overdue", fell_overdue);
        d.set("has_fell_overdue", n_fell_overdue > 0);
        d.set("fell_overdue_count", std::to_string(n_fell_overdue));
        if (!m_week_note.empty()) d.set("week_note", m_week_note);
        // Kept as week-<week>.html beside those of earlier weeks, and as week.html, where every page's menu leads.
        if (auto done = m_out.page("week-" + m_week.label() + ".html", "week.mustache", d, ""); !done) return done;
        return m_out.page("week.html", "week.mustache", d, "");
    }

    // "Te beoordelen": the review queue of `toezeg review`, newest first; kept when its items' rows
    // are. Past the limit: the newest, and the months' pages (lijst/beoordelen-<yyyy-mm>.html).
    Result<void> write_review() {
        std::vector<const db::ItemFacts*> queue;
        for (auto& t : m_site.items)
            if (waits_for_review(t)) queue.push_back(&t);
        std::stable_sort(queue.begin(), queue.end(), [](auto* a, auto* b) { return a->last_date > b->last_date; });
        char threshold[16];
        std::snprintf(threshold, sizeof threshold, "%.2f", track::k_review_threshold);
        std::string comma = threshold;
        std::replace(comma.begin(), comma.end(), '.', ',');
        json months = json::array();
        if (queue.size() > m_opt.review_page_limit) {
            auto pages = write_review_months(queue, comma, m_db, m_out);
            if (!pages) return std::unexpected(pages.error());
            for (auto& p : *pages) months.push_back({{"file", p.file}, {"label", p.label}, {"count", thousands(p.count)}});
        }
        std::vector<const db::ItemFacts*> shown(queue.begin(),
                                                queue.begin() + std::min(queue.size(), m_opt.review_page_limit));
        PageKey key;
        key.add("review").add(months.dump());
        for (auto* t : queue) key.add(t->id).add(t->row_hash);
        return m_out.keyed_page("review.html", "review.mustache", "", key, [&] {
            std::vector<std::string> ids;
            for (auto* t : shown) ids.push_back(t->id);
            json d{{"title", "Te beoordelen"},
                   {"heading", "Te beoordelen"},
                   {"count", thousands(queue.size())},
                   {"threshold", comma},
                   {"item_rows", db::report_pieces_joined(m_db, "review_html", ids)},
                   {"has_items", !queue.empty()}};
            if (!months.empty()) {
                d["has_months"] = true;
                d["months"] = months;
                d["shown"] = thousands(shown.size());
            }
            return d;
        });
    }

    Result<void> write_search() {
        mus::data d;
        d.set("title", "Zoeken");
        return m_out.page("search.html", "search.mustache", d, "");
    }

    // The register's records beside the items they are joined to (read whole); the letters'
    // commitments no record joins, as each item kept its row.
    Result<void> write_register() {
        auto records = db::load_register_records(m_db);
        auto joins = db::load_register_joins(m_db);
        std::set<std::string> joined;
        for (auto& j : joins) joined.insert(j.item_id);
        std::vector<track::TrackedItem> items;
        for (auto& id : joined)
            if (auto t = db::load_tracked_item(m_db, id)) items.push_back(std::move(*t));
        auto reconciliation = track::reconcile(items, records, joins, m_opt.as_of);
        std::vector<UnregisteredPiece> more;  // in the order of first date and id
        db::for_each_unregistered_row(m_db, [&](std::string_view id, std::string_view first_date, std::string_view row) {
            if (!joined.contains(std::string(id))) more.push_back({std::string(id), std::string(first_date), std::string(row)});
        });
        std::reverse(more.begin(), more.end());  // newest first; the page's sort keeps that order within a date
        return write_register_page(reconciliation, m_opt.as_of, m_out, std::move(more), m_opt.register_page_limit);
    }

    Result<void> write_exports() {
        return write_site_exports(m_site, m_db, m_out, m_generation, m_opt.csv_dialect, m_feed_template);
    }

    db::CorpusIndex& m_index;
    db::Database& m_db;
    const ReportOptions& m_opt;
    IsoWeek m_week;
    std::string m_week_note;
    PageWriter m_out;
    SiteData m_site;
    std::string m_generation;                                     // of the items' pieces
    std::string m_feed_template;                                  // feed.mustache
    std::unordered_map<std::string, track::TrackedItem> m_whole;  // the items read whole in this run, by id
};

}  // namespace

Result<ReportStats> write_report(db::CorpusIndex& index, const ReportOptions& options) {
    if (!Date::parse_iso(options.as_of)) return fail("--as-of", "must be a date as YYYY-MM-DD");
    if (!options.week.empty() && !parse_iso_week(options.week))
        return fail("--week", "must be an ISO week as YYYY-Www, e.g. 2026-W12");
    try {
        auto documents = index.documents();
        for (auto& d : documents)
            if (d.effective_date.empty()) d.effective_date = d.date;
        auto week = choose_week(documents, options);
        return SiteWriter(index, options, std::move(documents), week).run();
    } catch (const std::exception& e) {
        return fail(options.out_dir.string(), e.what());
    }
}

}  // namespace toezeg::report
