#include "report/site.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <future>
#include <map>
#include <set>

#include "db/register_records.hpp"
#include "db/tracked_items.hpp"
#include "report/alias_pages.hpp"
#include "report/deadlines.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/page_writer.hpp"
#include "report/search_index.hpp"
#include "report/register_page.hpp"
#include "report/site_data.hpp"
#include "track/review.hpp"

namespace toezeg::report {

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

class SiteWriter {
public:
    SiteWriter(db::CorpusIndex& index, const ReportOptions& options, std::vector<db::DocumentRow> documents,
               const WeekChoice& week)
        : m_index(index), m_opt(options), m_week(week.week), m_week_note(week.note),
          m_out(options, "week-" + week.week.label() + ".html") {
        m_site.documents = std::move(documents);
    }

    Result<ReportStats> run() {
        if (auto started = m_out.start(); !started) return std::unexpected(started.error());
        m_site.as_of = m_opt.as_of;
        m_site.items = db::load_tracked_items(m_index.database(), {});
        m_site.row_hash = db::tracked_row_hashes(m_index.database());
        for (auto& d : m_site.documents) {
            m_site.latest_version[d.id] = d.versions;
            if (d.effective_date.empty()) d.effective_date = d.date;
            if (!d.dossier.empty() && !d.number.empty()) m_site.by_ref[d.dossier + ", nr. " + d.number] = d.id;
        }
        m_out.put("search-index.js", search_index_script(m_site));
        for (auto name : {"style.css", "filter.js"}) {
            auto text = m_out.asset(name);
            if (!text) return std::unexpected(text.error());
            m_out.put(name, *text);
        }
        m_site.follow = follow_pages_of(m_site.items);
        for (auto& t : m_site.items)
            for (auto& e : t.events)
                if (!e.doc.empty() && e.span.end > e.span.begin)
                    m_site.passages[e.doc].push_back({e.version, e.span.begin, &t});
        // Item pages need nothing from the index: they render on a second thread while
        // this one does the rest (the index's connection stays on this thread).
        // The index comes last: it holds the table rows rendered on the item thread.
        auto items = std::async(std::launch::async, [this] { return write_item_pages(m_site, m_out, m_rows); });
        auto rest = write_the_rest();
        auto items_done = items.get();  // rethrows what the item thread threw
        if (!rest) return std::unexpected(rest.error());
        if (!items_done) return std::unexpected(items_done.error());
        if (auto done = write_index(); !done) return std::unexpected(done.error());
        if (auto done = write_alias_pages(m_site, m_index.database(), m_out); !done) return std::unexpected(done.error());
        auto stats = m_out.finish();
        if (stats) stats->week_note = m_week_note;
        return stats;
    }

private:
    Result<void> write_the_rest() {
        for (auto step : {&SiteWriter::write_documents_list, &SiteWriter::write_week, &SiteWriter::write_review,
                          &SiteWriter::write_search, &SiteWriter::write_register, &SiteWriter::write_exports}) {
            if (auto done = (this->*step)(); !done) return done;
        }
        auto feed = m_out.asset("feed.mustache");
        if (!feed) return std::unexpected(feed.error());
        AtomWriter atom(*feed);
        if (auto done = write_follow_pages(m_site, m_out, atom); !done) return done;
        return write_document_pages(m_site, m_index, m_out);
    }

    mus::data row(const track::TrackedItem& t) const {
        auto r = item_row(m_site, t);
        drop_empty_strings(r);
        return to_mustache(r);
    }

    static mus::data breakdown(const std::map<std::string, std::array<int, 4>>& counts,
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

    Result<void> write_index() {
        mus::data d;
        d.set("title", "Overzicht");
        d.set("total", std::to_string(m_site.items.size()));
        d.set("documents", std::to_string(m_site.documents.size()));
        std::size_t n_items = m_site.items.size(), n_docs = m_site.documents.size();
        d.set("total_label", std::to_string(n_items) +
                                 (n_items == 1 ? " gevolgde toezegging of motie" : " gevolgde toezeggingen en moties"));
        d.set("documents_label", std::to_string(n_docs) + (n_docs == 1 ? " document" : " documenten"));
        std::map<Status, std::array<int, 2>> counts;
        mus::data late{mus::data::type::list}, recent{mus::data::type::list};
        std::string rows;
        std::map<std::string, std::array<int, 4>> by_actor, by_member;
        std::set<std::string> actors;
        std::string month_ago = Date::parse_iso(m_opt.as_of)->plus_days(-30).iso();
        std::vector<std::size_t> sorted(m_site.items.size());
        for (std::size_t k = 0; k < sorted.size(); ++k) sorted[k] = k;
        // Overdue first, the latest first; then open, then the rest; newest first within each.
        std::vector<long> late_days(sorted.size());
        for (std::size_t k = 0; k < sorted.size(); ++k) late_days[k] = days_late(m_site.items[k], m_opt.as_of);
        auto rank = [&](const track::TrackedItem& t) {
            return m_site.overdue(t) ? 0 : t.status == Status::open ? 1 : 2;
        };
        std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) {
            auto &x = m_site.items[a], &y = m_site.items[b];
            if (rank(x) != rank(y)) return rank(x) < rank(y);
            if (late_days[a] != late_days[b]) return late_days[a] > late_days[b];
            return x.last_date() > y.last_date();
        });
        std::vector<const track::TrackedItem*> long_open;
        int overdue_count = 0, review_count = 0;
        for (auto& t : m_site.items) review_count += !track::review_reason(t).empty();
        for (std::size_t k : sorted) {
            const track::TrackedItem* t = &m_site.items[k];
            ++counts[t->status][t->kind == Kind::commitment ? 0 : 1];
            bool is_late = m_site.overdue(*t);
            rows += m_rows[k];
            if (is_late) {
                late.push_back(row(*t));
                ++overdue_count;
            }
            if (long_open_without_deadline(*t, m_opt.as_of)) long_open.push_back(t);
            if (t->status == Status::fulfilled && t->last_date() >= month_ago && t->last_date() <= m_opt.as_of) {
                mus::data f;
                f.set("id", t->id);
                f.set("summary", item_summary(*t));
                f.set("date", date_label(t->last_date()));
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
            for (auto& m : t->members) people.insert(member_name(m_site.follow, m));
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
        for (auto* t : long_open) long_open_rows.push_back(row(*t));
        d.set("long_open", long_open_rows);
        d.set("has_long_open", !long_open.empty());
        d.set("long_open_count", std::to_string(long_open.size()));
        d.set("long_open_label", long_open_label());
        d.set("long_open_months", std::to_string(k_vague_deadline_months));
        d.set("counts", count_rows);
        d.set("item_rows", rows);
        d.set("overdue", late);
        d.set("has_overdue", overdue_count > 0);
        d.set("overdue_count", std::to_string(overdue_count));
        d.set("recent", recent);
        d.set("has_review", review_count > 0);
        d.set("review_count", std::to_string(review_count));
        d.set("has_recent", !recent.is_empty_list());
        d.set("actors", actor_list);
        d.set("by_actor", breakdown(by_actor, m_site.follow.actors));
        d.set("by_member", breakdown(by_member, m_site.follow.members));
        return m_out.page("index.html", "index.mustache", d, "");
    }

    Result<void> write_documents_list() {
        mus::data d, list{mus::data::type::list};
        d.set("title", "Documenten");
        std::vector<const db::DocumentRow*> docs;
        for (auto& doc : m_site.documents) docs.push_back(&doc);
        std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) {
            return std::tie(b->effective_date, a->id) < std::tie(a->effective_date, b->id);
        });
        for (auto* doc : docs) {
            mus::data r;
            r.set("id", doc->id);
            r.set("title", doc->title);
            r.set("date", doc->effective_date);
            r.set("date_label", doc->date.empty() ? "(zonder datum)" : date_label(doc->date));
            r.set("file", doc->id + ".html");
            r.set("versions", std::to_string(doc->versions));
            list.push_back(r);
        }
        d.set("documents", list);
        return m_out.page("documents.html", "documents.mustache", d, "");
    }

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
            if (t.first_date() >= from && t.first_date() <= to) {
                fresh.push_back(row(t));
                ++n_new;
            }
            for (std::size_t k = 1; k < t.events.size(); ++k) {
                auto& e = t.events[k];
                if (!track::is_status_change(e.type) || e.date < from || e.date > to) continue;
                mus::data r;
                r.set("id", t.id);
                r.set("summary", item_summary(t));
                r.set("date", date_label(e.date));
                std::string change = deadline_change_label(e);
                r.set("event_label", e.type == "decided" ? e.evidence
                                     : change.empty()    ? event_label(e.type, t.kind)
                                                         : event_label(e.type, t.kind) + " (" + change + ")");
                changes.push_back(r);
                ++n_changes;
            }
            // Fell overdue this week: the day after its deadline lies in the week, and it is overdue now.
            if (m_site.overdue(t) && t.due >= before_from && t.due < to) {
                fell_overdue.push_back(row(t));
                ++n_fell_overdue;
            }
            if (t.status == Status::open && !t.due.empty() && t.due >= m_opt.as_of && t.due <= horizon) {
                upcoming.push_back(row(t));
                ++n_upcoming;
            }
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
        return m_out.page("week-" + m_week.label() + ".html", "week.mustache", d, "");
    }

    // "Te beoordelen": the review queue of `toezeg review`, newest first.
    Result<void> write_review() {
        mus::data d, list{mus::data::type::list};
        std::vector<const track::TrackedItem*> queue;
        for (auto& t : m_site.items)
            if (!track::review_reason(t).empty()) queue.push_back(&t);
        std::stable_sort(queue.begin(), queue.end(), [](auto* a, auto* b) { return a->last_date() > b->last_date(); });
        auto decimal = [](double v) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%.2f", v);
            std::string s = buf;
            std::replace(s.begin(), s.end(), '.', ',');
            return s;
        };
        for (auto* t : queue) {
            mus::data r;
            bool low = track::is_low_confidence(*t);
            r.set("id", t->id);
            r.set("summary", item_summary(*t));
            r.set("kind_label", kind_label(t->kind));
            r.set("status_label", status_label(t->status, m_site.overdue(*t)));
            r.set("status_class", status_class(t->status, m_site.overdue(*t)));
            r.set("low", low);
            r.set("confidence", decimal(t->confidence));
            r.set("match", !low);
            if (!low && !t->possible_matches.empty()) {
                r.set("match_id", t->possible_matches.front().id);
                r.set("match_score", decimal(t->possible_matches.front().score));
            }
            r.set("last_label", t->last_date().empty() ? "(zonder datum)" : date_label(t->last_date()));
            list.push_back(r);
        }
        d.set("title", "Te beoordelen");
        d.set("count", std::to_string(queue.size()));
        d.set("threshold", decimal(track::k_review_threshold));
        d.set("items", list);
        d.set("has_items", !queue.empty());
        return m_out.page("review.html", "review.mustache", d, "");
    }

    Result<void> write_search() {
        mus::data d;
        d.set("title", "Zoeken");
        return m_out.page("search.html", "search.mustache", d, "");
    }

    Result<void> write_register() {
        auto& db = m_index.database();
        auto reconciliation = track::reconcile(m_site.items, db::load_register_records(db), db::load_register_joins(db),
                                               m_opt.as_of);
        return write_register_page(reconciliation, m_opt.as_of, m_out);
    }

    Result<void> write_exports() {
        auto feed = m_out.asset("feed.mustache");
        if (!feed) return std::unexpected(feed.error());
        for (auto& [file, content] : export_files(m_site.items, m_site.documents, m_opt.as_of, *feed, m_opt.csv_dialect))
            m_out.put(file, content);
        return {};
    }

    db::CorpusIndex& m_index;
    const ReportOptions& m_opt;
    IsoWeek m_week;
    std::string m_week_note;
    PageWriter m_out;
    SiteData m_site;
    std::vector<std::string> m_rows;  // each item's row of the index's table, as HTML
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
