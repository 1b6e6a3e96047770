#include "report/exports.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <kainjow/mustache.hpp>

#include "report/format.hpp"
#include "track/fate.hpp"
#include "util/text.hpp"

namespace toezeg::report {

using nlohmann::json;
namespace mus = kainjow::mustache;

json tracked_to_json(const track::TrackedItem& t, const std::string& as_of) {
    auto or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
    json events = json::array();
    for (auto& e : t.events)
        events.push_back({{"date", or_null(e.date)}, {"type", e.type}, {"doc", or_null(e.doc)}, {"version", e.version},
                          {"evidence", e.evidence}, {"confidence", e.confidence}, {"detection", e.detection}});
    json matches = json::array();
    for (auto& p : t.possible_matches) matches.push_back({{"id", p.id}, {"score", p.score}, {"reason", p.reason}});
    return json{{"id", t.id},
                {"kind", std::string(to_string(t.kind))},
                {"status", std::string(to_string(t.status))},
                {"overdue", track::is_overdue(t, as_of)},
                {"member", or_null(t.member)},
                {"members", t.members},
                {"party", or_null(t.party)},
                {"actor", or_null(t.actor)},
                {"subject", or_null(t.subject)},
                {"made_on", or_null(t.made_on)},
                {"made_in", or_null(t.made_in)},
                {"due", or_null(t.due)},
                {"due_text", or_null(t.due_text)},
                {"ref", or_null(t.ref)},
                {"dossier", or_null(t.dossier)},
                {"events", events},
                {"possible_matches", matches},
                {"fate", t.fate ? track::fate_to_json(*t.fate) : json(nullptr)},
                {"confidence", std::round(t.confidence * 100) / 100},
                {"review", or_null(t.review)}};
}

namespace {

std::string confidence_text(double confidence) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", confidence);
    return buf;
}

}  // namespace

std::optional<CsvDialect> parse_csv_dialect(std::string_view name) {
    if (name == "rfc4180") return CsvDialect::rfc4180;
    if (name == "excel-nl") return CsvDialect::excel_nl;
    return std::nullopt;
}

namespace {
bool is_decimal(std::string_view s) {
    auto dot = s.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == s.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != dot && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}
}  // namespace

std::string csv_field(const std::string& value, CsvDialect dialect) {
    char sep = dialect == CsvDialect::excel_nl ? ';' : ',';
    // A cell a spreadsheet would run as a formula gets a leading quote (OWASP CSV injection).
    std::string s = value;
    if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) s.insert(0, "'");
    if (dialect == CsvDialect::excel_nl && is_decimal(s)) s[s.find('.')] = ',';
    if (s.find_first_of(std::string{sep} + "\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_start(CsvDialect dialect) { return dialect == CsvDialect::excel_nl ? "\xEF\xBB\xBF" : ""; }

std::string csv_line(const std::vector<std::string>& cells, CsvDialect dialect) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += dialect == CsvDialect::excel_nl ? ';' : ',';
        out += csv_field(cells[i], dialect);
    }
    return out + "\n";
}

std::vector<std::string> tracked_csv_header() {
    return {"id",  "kind",       "status",   "overdue",  "member",     "members", "actor",  "subject",
            "made_on", "due", "ref", "last_event", "last_doc", "decision", "confidence", "review"};
}

std::vector<std::string> tracked_csv_cells(const track::TrackedItem& t, const std::string& as_of) {
    const track::Event empty;
    const auto& last = t.events.empty() ? empty : t.events.back();
    return {t.id,
            std::string(to_string(t.kind)),
            std::string(to_string(t.status)),
            track::is_overdue(t, as_of) ? "true" : "false",
            t.member,
            text::join(t.members, "; "),
            t.actor,
            t.subject,
            t.made_on,
            t.due,
            t.ref,
            last.type,
            last.doc,
            t.fate ? t.fate->summary() : "",
            confidence_text(t.confidence),
            t.review};
}

std::string document_file(const std::string& id, int version, int latest) {
    return version == latest ? id + ".html" : id + "@v" + std::to_string(version) + ".html";
}

AtomWriter::AtomWriter(const std::string& feed_template)
    : m_template(feed_template), m_source_key(text::hex(text::fnv1a(feed_template))) {}

std::vector<std::pair<int, AtomEntry>> AtomWriter::entries_of(const track::TrackedItem& t, bool every_event) {
    std::vector<std::pair<int, AtomEntry>> out;
    std::string what = item_summary(t);
    for (std::size_t k = 0; k < t.events.size(); ++k) {
        const auto& e = t.events[k];
        bool first = k == 0;
        if ((!first && !every_event && !track::is_status_change(e.type)) || e.date.empty()) continue;
        std::string kind = kind_label(t.kind), change = deadline_change_label(e);
        // The Kamer's decision reads as itself: "Motie verworpen 19 maart 2024, 59-91; Ontraden – ...".
        std::string title = e.type == "decided" ? kind + " " + e.evidence + " – " + what
                            : first             ? "Nieuw: " + kind + " – " + what
                                                : kind + " " + event_label(e.type, t.kind) +
                                          (change.empty() ? "" : " (" + change + ")") + " – " + what;
        out.push_back({static_cast<int>(k),
                       AtomEntry{e.date, "urn:toezeg:" + t.id + ":" + std::to_string(k) + ":" + e.type + ":" + e.doc,
                                 title, t.id, text::shorten(e.evidence, 400)}});
    }
    return out;
}

std::string AtomWriter::render(const std::vector<const track::TrackedItem*>& items, const Feed& feed) {
    std::vector<AtomEntry> entries;
    for (auto* t : items)
        for (auto& [k, e] : entries_of(*t, feed.every_event)) entries.push_back(std::move(e));
    return render_entries(std::move(entries), feed);
}

std::string AtomWriter::render_entries(std::vector<AtomEntry> entries, const Feed& feed) {
    std::sort(entries.begin(), entries.end(),
              [](auto& a, auto& b) { return std::tie(b.date, a.id) < std::tie(a.date, b.id); });
    if (entries.size() > k_feed_entries) entries.resize(k_feed_entries);
    mus::data list{mus::data::type::list};
    for (auto& e : entries) {
        mus::data d;
        d.set("entry_id", e.id);
        d.set("title", e.title);
        d.set("updated", e.date + "T00:00:00Z");
        d.set("item", e.item);
        d.set("summary", e.summary);
        list.push_back(d);
    }
    mus::data root;
    root.set("feed_id", feed.id);
    root.set("feed_title", feed.title);
    root.set("self", feed.self);
    root.set("root", feed.root);
    root.set("updated", (entries.empty() ? std::string("1970-01-01") : entries.front().date) + "T00:00:00Z");
    root.set("entries", list);
    return m_template.render(root);
}

AtomWriter::Feed AtomWriter::site_feed() {
    return {"urn:toezeg:feed", "toezeg: nieuwe toezeggingen, moties en statuswijzigingen", "feed.xml", ""};
}

std::string items_json_piece(const track::TrackedItem& t, const std::string& as_of) {
    // As the object stands in items.json's array (dump(1)): " {\n  ...\n }".
    std::string one = json::array({tracked_to_json(t, as_of)}).dump(1);
    return one.substr(2, one.size() - 4);
}

std::string documents_json(const std::vector<db::DocumentRow>& documents) {
    json docs = json::array();
    for (auto& d : documents)
        docs.push_back({{"id", d.id},
                        {"title", d.title},
                        {"date", d.date},
                        {"versions", d.versions},
                        {"dossier", d.dossier},
                        {"number", d.number},
                        {"addressee", d.addressee},
                        {"page", "docs/" + d.id + ".html"}});
    return docs.dump(1) + "\n";
}

}  // namespace toezeg::report
