#include "report/site.hpp"

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "db/tracked_items.hpp"
#include "report/document_html.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/templates.hpp"
#include "util/files.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::report {

namespace fs = std::filesystem;
namespace mus = kainjow::mustache;
using nlohmann::json;

namespace {

struct DocInfo {
    db::DocumentRow row;
    std::string effective_date;
};

class SiteWriter {
public:
    SiteWriter(db::CorpusIndex& index, const ReportOptions& options) : m_index(index), m_opt(options), m_templates(options.templates_dir) {}

    Result<ReportStats> run() {
        std::error_code ec;
        for (auto sub : {"", "items", "docs"}) fs::create_directories(m_opt.out_dir / sub, ec);
        if (ec) return fail(m_opt.out_dir.string(), "cannot create the report folder: " + ec.message());
        m_items = db::load_tracked_items(m_index.database(), {});
        for (auto& row : m_index.documents()) {
            m_latest_version[row.id] = row.versions;
            m_docs.push_back(DocInfo{row, row.date});
        }
        for (auto& l : m_index.letters())
            for (auto& d : m_docs)
                if (d.row.id == l.id) d.effective_date = l.effective_date;
        for (auto& d : m_docs)
            if (!d.row.dossier.empty() && !d.row.number.empty()) m_by_ref[d.row.dossier + ", nr. " + d.row.number] = d.row.id;

        Date as_of = *Date::parse_iso(m_opt.as_of);
        auto week = m_opt.week.empty() ? iso_week_of(as_of.plus_days(-7)) : *parse_iso_week(m_opt.week);
        m_stats.week_page = "week-" + week.label() + ".html";

        using Step = Result<void> (SiteWriter::*)();
        for (Step step : {&SiteWriter::write_assets, &SiteWriter::write_index, &SiteWriter::write_documents_list,
                          &SiteWriter::write_item_pages, &SiteWriter::write_document_pages, &SiteWriter::write_exports}) {
            auto done = (this->*step)();
            if (!done) return std::unexpected(done.error());
        }
        if (auto done = write_week(week); !done) return std::unexpected(done.error());
        remove_stale("items");
        remove_stale("docs");
        return m_stats;
    }

private:
    // ---- output -----------------------------------------------------------------------------

    void put(const std::string& relative, const std::string& content) {
        fs::path path = m_opt.out_dir / relative;
        m_written.insert(relative);
        std::ifstream in(path, std::ios::binary);
        if (in) {
            std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            if (old == content) {
                ++m_stats.unchanged;
                return;
            }
        }
        auto ok = files::write_atomic(path, content);
        if (!ok) throw std::runtime_error(ok.error().describe());
        ++m_stats.written;
    }

    void remove_stale(const std::string& sub) {
        m_stats.removed += files::remove_others(m_opt.out_dir / sub, ".html", sub + "/", m_written);
    }

    Result<std::string> render(const std::string& name, mus::data& data, const std::string& root) {
        auto& tmpl_ptr = m_compiled[name];
        if (!tmpl_ptr) {
            auto tpl = m_templates.get(name);
            if (!tpl) return std::unexpected(tpl.error());
            tmpl_ptr = std::make_unique<mus::mustache>(*tpl);
            if (!tmpl_ptr->is_valid()) return fail("template " + name, tmpl_ptr->error_message());
            for (auto part : {"head", "foot", "item_table_overdue"}) {
                auto text = m_templates.get(std::string(part) + ".mustache");
                if (!text) return std::unexpected(text.error());
                m_partials[part] = *text;
            }
        }
        for (auto& [part, body] : m_partials) {
            const std::string* text = &body;
            data.set(part, mus::partial{[text] { return *text; }});
        }
        data.set("root", root);
        data.set("as_of", date_label(m_opt.as_of));
        data.set("generated_on", date_label(m_opt.as_of));
        data.set("week_page", m_stats.week_page);
        std::string out = tmpl_ptr->render(data);
        if (!tmpl_ptr->is_valid()) return fail("template " + name, tmpl_ptr->error_message());
        return out;
    }

    Result<void> page(const std::string& file, const std::string& tpl, mus::data& data, const std::string& root) {
        auto html = render(tpl, data, root);
        if (!html) return std::unexpected(html.error());
        put(file, *html);
        return {};
    }

    // ---- pieces -----------------------------------------------------------------------------

    bool overdue(const track::TrackedItem& t) const { return track::is_overdue(t, m_opt.as_of); }

    static std::string summary(const track::TrackedItem& t) { return item_summary(t); }

    std::string event_link(const track::Event& e) const {
        auto it = m_latest_version.find(e.doc);
        int latest = it == m_latest_version.end() ? 0 : it->second;
        return document_file(e.doc, e.version, latest) + "#p-" + std::to_string(e.span.begin);
    }

    mus::data item_row(const track::TrackedItem& t) const {
        bool late = overdue(t);
        mus::data d;
        d.set("id", t.id);
        d.set("summary", summary(t));
        d.set("status", std::string(to_string(t.status)));
        d.set("overdue", late ? "true" : "false");
        d.set("status_class", status_class(t.status, late));
        d.set("status_label", status_label(t.status, late));
        d.set("status_sort", std::to_string(late ? 0 : static_cast<int>(t.status) + 1));
        d.set("kind", std::string(to_string(t.kind)));
        d.set("kind_label", kind_label(t.kind));
        d.set("members", text::join(t.members, ", "));
        d.set("members_lower", utf8::to_lower(text::join(t.members, ", ")));
        d.set("actor", t.actor);
        d.set("due", t.due);
        d.set("due_label", t.due.empty() ? t.due_text : date_label(t.due));
        d.set("last_date", t.last_date());
        d.set("last_label", date_label(t.last_date()) + " " + event_label(t.events.empty() ? "" : t.events.back().type));
        d.set("possible", !t.possible_matches.empty());
        return d;
    }

    static mus::data breakdown(const std::map<std::string, std::array<int, 4>>& counts) {
        mus::data list{mus::data::type::list};
        for (auto& [name, c] : counts) {
            mus::data d;
            d.set("name", name);
            d.set("open", std::to_string(c[0]));
            d.set("overdue", std::to_string(c[1]));
            d.set("fulfilled", std::to_string(c[2]));
            d.set("total", std::to_string(c[3]));
            list.push_back(d);
        }
        return list;
    }

    // ---- pages ------------------------------------------------------------------------------

    Result<void> write_assets() {
        for (auto name : {"style.css", "filter.js"}) {
            auto text = m_templates.get(name);
            if (!text) return std::unexpected(text.error());
            put(name, *text);
        }
        return {};
    }

    Result<void> write_index() {
        mus::data d;
        d.set("title", "Overzicht");
        d.set("total", std::to_string(m_items.size()));
        d.set("documents", std::to_string(m_docs.size()));
        std::map<Status, std::array<int, 2>> counts;
        mus::data all{mus::data::type::list}, late{mus::data::type::list}, recent{mus::data::type::list};
        std::map<std::string, std::array<int, 4>> by_actor, by_member;
        std::set<std::string> actors;
        std::string month_ago = Date::parse_iso(m_opt.as_of)->plus_days(-30).iso();
        std::vector<const track::TrackedItem*> sorted;
        for (auto& t : m_items) sorted.push_back(&t);
        // Overdue first, then open, then the rest; newest first within each.
        std::stable_sort(sorted.begin(), sorted.end(), [&](auto* a, auto* b) {
            auto rank = [&](auto* t) { return overdue(*t) ? 0 : t->status == Status::open ? 1 : 2; };
            if (rank(a) != rank(b)) return rank(a) < rank(b);
            return a->last_date() > b->last_date();
        });
        int overdue_count = 0;
        for (auto* t : sorted) {
            ++counts[t->status][t->kind == Kind::commitment ? 0 : 1];
            bool is_late = overdue(*t);
            all.push_back(item_row(*t));
            if (is_late) {
                late.push_back(item_row(*t));
                ++overdue_count;
            }
            if (t->status == Status::fulfilled && t->last_date() >= month_ago && t->last_date() <= m_opt.as_of) {
                mus::data r;
                r.set("id", t->id);
                r.set("summary", summary(*t));
                r.set("date", date_label(t->last_date()));
                recent.push_back(r);
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
            for (auto& m : t->members) tally(by_member[m]);
        }
        mus::data count_rows{mus::data::type::list};
        for (Status s : {Status::open, Status::fulfilled, Status::partial, Status::lapsed}) {
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
        d.set("counts", count_rows);
        d.set("items", all);
        d.set("overdue", late);
        d.set("has_overdue", overdue_count > 0);
        d.set("overdue_count", std::to_string(overdue_count));
        d.set("recent", recent);
        d.set("has_recent", !recent.is_empty_list());
        d.set("actors", actor_list);
        d.set("by_actor", breakdown(by_actor));
        d.set("by_member", breakdown(by_member));
        return page("index.html", "index.mustache", d, "");
    }

    Result<void> write_documents_list() {
        mus::data d, list{mus::data::type::list};
        d.set("title", "Documenten");
        std::vector<const DocInfo*> docs;
        for (auto& doc : m_docs) docs.push_back(&doc);
        std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return std::tie(b->effective_date, a->row.id) < std::tie(a->effective_date, b->row.id); });
        for (auto* doc : docs) {
            mus::data r;
            r.set("id", doc->row.id);
            r.set("title", doc->row.title);
            r.set("date", doc->effective_date);
            r.set("date_label", doc->row.date.empty() ? "(zonder datum)" : date_label(doc->row.date));
            r.set("file", doc->row.id + ".html");
            r.set("versions", std::to_string(doc->row.versions));
            list.push_back(r);
        }
        d.set("documents", list);
        return page("documents.html", "documents.mustache", d, "");
    }

    Result<void> write_item_pages() {
        for (auto& t : m_items) {
            mus::data d = item_row(t);
            d.set("title", kind_label(t.kind) + ": " + summary(t));
            d.set("due_text", t.due.empty() ? "" : t.due_text);
            d.set("party", t.party);
            d.set("made_on_label", date_label(t.made_on));
            d.set("made_in", t.made_in);
            d.set("ref", t.ref);
            mus::data events{mus::data::type::list}, possible{mus::data::type::list};
            for (auto& e : t.events) {
                mus::data r;
                r.set("date_label", e.date.empty() ? "(datum onbekend)" : date_label(e.date));
                r.set("type_label", event_label(e.type));
                r.set("doc", e.doc);
                r.set("version", std::to_string(e.version));
                r.set("link", e.doc.empty() ? "" : event_link(e));
                r.set("evidence", e.evidence);
                r.set("has_evidence", !e.evidence.empty());
                r.set("uncertain", e.confidence < 1.0);
                r.set("confidence", std::to_string(static_cast<int>(e.confidence * 100)) + "%");
                events.push_back(r);
            }
            for (auto& p : t.possible_matches) {
                mus::data r;
                r.set("other", p.id);
                r.set("reason", p.reason);
                r.set("score", std::to_string(static_cast<int>(p.score * 100)) + "%");
                possible.push_back(r);
            }
            d.set("events", events);
            d.set("possible", possible);
            d.set("has_possible", !t.possible_matches.empty());
            if (auto done = page("items/" + t.id + ".html", "item.mustache", d, "../"); !done) return done;
        }
        return {};
    }

    Result<void> write_document_pages() {
        for (auto& doc : m_docs) {
            auto versions = m_index.versions(doc.row.id);
            for (auto& v : versions) {
                auto record = m_index.version(doc.row.id, v.version);
                if (!record) continue;
                json meta = json::parse(record->meta_json, nullptr, false);
                if (meta.is_discarded()) meta = json::object();
                auto m = meta.value("metadata", json::object());
                std::vector<Link> links;
                mus::data related{mus::data::type::list};
                std::set<std::string> seen;
                for (auto& c : meta.value("citations", json::array())) {
                    auto it = m_by_ref.find(c.value("ref", ""));
                    if (it == m_by_ref.end() || it->second == doc.row.id) continue;
                    auto span = c.value("span", json::array({0, 0}));
                    links.push_back(Link{Span{span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()}, it->second + ".html"});
                    if (seen.insert(it->second).second) {
                        mus::data r;
                        r.set("label", "verwijst naar");
                        r.set("id", it->second);
                        r.set("file", it->second + ".html");
                        related.push_back(r);
                    }
                }
                for (auto& rel : m_index.relations(doc.row.id)) {
                    mus::data r;
                    r.set("label", rel.kind == "near-duplicate" ? "bijna gelijk aan" : rel.kind);
                    r.set("id", rel.other_id);
                    r.set("file", rel.other_id + ".html");
                    related.push_back(r);
                }
                if (!doc.row.dossier.empty() && !doc.row.number.empty())
                    for (auto& citing : m_index.documents_citing(doc.row.dossier + ", nr. " + doc.row.number))
                        if (citing != doc.row.id) {
                            mus::data r;
                            r.set("label", "wordt genoemd in");
                            r.set("id", citing);
                            r.set("file", citing + ".html");
                            related.push_back(r);
                        }
                mus::data d;
                d.set("title", m.value("title", doc.row.title));
                d.set("id", doc.row.id);
                d.set("version", std::to_string(v.version));
                d.set("versions_count", std::to_string(versions.size()));
                d.set("date_label", date_label(m.value("date", "")));
                for (auto key : {"addressee", "dossier", "dossier_title", "number", "sender", "meeting"}) d.set(key, m.value(key, ""));
                mus::data signers{mus::data::type::list};
                for (auto& s : m.value("signers", json::array())) {
                    mus::data r;
                    r.set("role", s.value("role", ""));
                    r.set("name", s.value("name", ""));
                    signers.push_back(r);
                }
                d.set("signers", signers);
                d.set("related", related);
                d.set("has_related", !related.is_empty_list());
                mus::data version_list{mus::data::type::list};
                for (auto& other : versions) {
                    mus::data r;
                    r.set("version", std::to_string(other.version));
                    r.set("current", other.version == v.version);
                    r.set("file", document_file(doc.row.id, other.version, doc.row.versions));
                    r.set("ingested", other.ingested_at.substr(0, 10));
                    r.set("source", other.source);
                    version_list.push_back(r);
                }
                d.set("versions", version_list);
                if (v.version > 1) {
                    if (auto before = m_index.version(doc.row.id, v.version - 1)) {
                        mus::data diff;
                        diff.set("from", std::to_string(v.version - 1));
                        diff.set("html", diff_html(before->doc.text, record->doc.text));
                        d.set("diff", diff);
                    }
                }
                std::size_t body_end = meta.value("body_end", record->doc.text.size());
                d.set("text_html", document_html(record->doc.text, body_end, m_index.detections(doc.row.id, v.version), links));
                auto file = "docs/" + document_file(doc.row.id, v.version, doc.row.versions);
                if (auto done = page(file, "document.mustache", d, "../"); !done) return done;
            }
        }
        return {};
    }

    Result<void> write_week(const IsoWeek& week) {
        Date start = week.monday, end = week.monday.plus_days(6);
        std::string from = start.iso(), to = end.iso();
        Date as_of = *Date::parse_iso(m_opt.as_of);
        std::string horizon = as_of.plus_days(28).iso();
        mus::data d, docs{mus::data::type::list}, fresh{mus::data::type::list}, changes{mus::data::type::list},
            upcoming{mus::data::type::list};
        int n_docs = 0, n_new = 0, n_changes = 0, n_upcoming = 0;
        for (auto& doc : m_docs)
            if (doc.effective_date >= from && doc.effective_date <= to) {
                mus::data r;
                r.set("id", doc.row.id);
                r.set("title", doc.row.title);
                r.set("date", date_label(doc.effective_date));
                r.set("file", doc.row.id + ".html");
                docs.push_back(r);
                ++n_docs;
            }
        for (auto& t : m_items) {
            if (t.first_date() >= from && t.first_date() <= to) {
                fresh.push_back(item_row(t));
                ++n_new;
            }
            for (std::size_t k = 1; k < t.events.size(); ++k) {
                auto& e = t.events[k];
                bool change = e.type == "fulfilled" || e.type == "partly fulfilled" || e.type == "lapsed" || e.type == "deadline changed";
                if (!change || e.date < from || e.date > to) continue;
                mus::data r;
                r.set("id", t.id);
                r.set("summary", summary(t));
                r.set("date", date_label(e.date));
                r.set("event_label", event_label(e.type));
                changes.push_back(r);
                ++n_changes;
            }
            if (t.status == Status::open && !t.due.empty() && t.due >= m_opt.as_of && t.due <= horizon) {
                mus::data r = item_row(t);
                upcoming.push_back(r);
                ++n_upcoming;
            }
        }
        d.set("title", "Weekrapport " + week.label());
        d.set("week_label", week.label());
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
        return page(m_stats.week_page, "week.mustache", d, "");
    }

    Result<void> write_exports() {
        auto feed = m_templates.get("feed.mustache");
        if (!feed) return std::unexpected(feed.error());
        std::vector<db::DocumentRow> rows;
        for (auto& doc : m_docs) rows.push_back(doc.row);
        for (auto& [file, content] : export_files(m_items, rows, m_opt.as_of, *feed)) put(file, content);
        return {};
    }

    db::CorpusIndex& m_index;
    const ReportOptions& m_opt;
    Templates m_templates;
    std::vector<track::TrackedItem> m_items;
    std::vector<DocInfo> m_docs;
    std::map<std::string, std::string> m_by_ref;
    std::map<std::string, int> m_latest_version;
    std::map<std::string, std::unique_ptr<mus::mustache>> m_compiled;  // templates parsed once
    std::map<std::string, std::string> m_partials;
    std::set<std::string> m_written;
    ReportStats m_stats;
};

}  // namespace

Result<ReportStats> write_report(db::CorpusIndex& index, const ReportOptions& options) {
    if (!Date::parse_iso(options.as_of)) return fail("--as-of", "must be a date as YYYY-MM-DD");
    if (!options.week.empty() && !parse_iso_week(options.week))
        return fail("--week", "must be an ISO week as YYYY-Www, e.g. 2026-W12");
    try {
        return SiteWriter(index, options).run();
    } catch (const std::exception& e) {
        return fail(options.out_dir.string(), e.what());
    }
}

}  // namespace toezeg::report
