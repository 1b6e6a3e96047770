#include "report/item_pieces.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/date.hpp"
#include "report/deadlines.hpp"
#include "report/format.hpp"
#include "report/register_page.hpp"
#include "report/search_index.hpp"
#include "report/site_data.hpp"
#include "track/reconcile.hpp"
#include "track/review.hpp"
#include "util/text.hpp"

namespace toezeg::report {

using nlohmann::json;

namespace {

std::string decimal_comma(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

// Its row on review.html ("Te beoordelen").
json review_row(const track::TrackedItem& t, const std::string& as_of) {
    bool low = track::is_low_confidence(t), late = track::is_overdue(t, as_of);
    json r{{"id", t.id},
           {"summary", item_summary(t)},
           {"kind_label", kind_label(t.kind)},
           {"status_label", status_label(t.status, late)},
           {"status_class", status_class(t.status, late)},
           {"low", low},
           {"confidence", decimal_comma(t.confidence)},
           {"match", !low}};
    if (!low && !t.possible_matches.empty()) {
        r["match_id"] = t.possible_matches.front().id;
        r["match_score"] = decimal_comma(t.possible_matches.front().score);
    }
    r["last_label"] = t.last_date().empty() ? "(zonder datum)" : date_label(t.last_date());
    return r;
}

std::string search_entry(const track::TrackedItem& t) {
    std::string text = text::join(t.members, ", ") + " " + t.actor + " " + t.ref + " " + t.id;
    for (auto& e : t.events)
        if (!e.evidence.empty() && text.size() < k_search_text_bytes) text += " " + e.evidence;
    return search_piece(kind_label(t.kind), item_summary(t), "items/" + t.id + ".html",
                        text::shorten(text, k_search_text_bytes));
}

}  // namespace

std::string pieces_generation(CsvDialect dialect, std::uint64_t row_templates_key) {
    return text::hex(PageKey()
                         .add(TOEZEG_VERSION)
                         .add(binary_stamp())
                         .add(dialect == CsvDialect::excel_nl ? "excel-nl" : "rfc4180")
                         .add(text::hex(row_templates_key))
                         .value());
}

Result<db::ReportPieces> make_item_pieces(const track::TrackedItem& t, const std::string& as_of, CsvDialect dialect,
                                          PageWriter& out) {
    db::ReportPieces p;
    json row = item_row(as_of, t);
    drop_empty_strings(row);
    auto html = out.fragment("item_row.mustache", row);
    if (!html) return std::unexpected(html.error());
    p.row_html = std::move(*html);
    auto group_row = out.fragment("group_row.mustache", row);
    if (!group_row) return std::unexpected(group_row.error());
    p.group_row_html = std::move(*group_row);
    p.row_json = row.dump();
    p.export_json = items_json_piece(t, as_of);
    p.csv = csv_line(tracked_csv_cells(t, as_of), dialect);
    p.search = search_entry(t);
    for (auto& e : t.events)
        if (!e.doc.empty())
            p.event_docs += e.doc + "\t" + std::to_string(e.version) + "\t" + std::to_string(e.span.begin) + "\t" +
                            std::to_string(e.span.end) + "\n";
    bool late = track::is_overdue(t, as_of);
    p.found = json{{"id", t.id},
                   {"summary", item_summary(t)},
                   {"kind_label", kind_label(t.kind)},
                   {"status_label", status_label(t.status, late)},
                   {"status_class", status_class(t.status, late)}}
                  .dump();
    if (!track::review_reason(t).empty()) {
        auto review_html = out.fragment("review_row.mustache", review_row(t, as_of));
        if (!review_html) return std::unexpected(review_html.error());
        p.review_html = std::move(*review_html);
    }
    // With no records and no joins the reconciliation lists the item if it is a letters' commitment.
    auto alone = track::reconcile({t}, {}, {}, as_of);
    if (!alone.not_in_register.empty()) p.unregistered = unregistered_row(alone.not_in_register.front(), as_of).dump();
    for (auto& [k, e] : AtomWriter::entries_of(t, false)) {
        db::ReportEntry entry{t.id, k, e.date, e.id, e.title, e.summary, ""};
        const auto& event = t.events[static_cast<std::size_t>(k)];
        if (k > 0) {
            std::string change = deadline_change_label(event);
            entry.change =
                json{{"id", t.id},
                     {"summary", item_summary(t)},
                     {"date", date_label(event.date)},
                     {"event_label", event.type == "decided" ? event.evidence
                                     : change.empty()        ? event_label(event.type, t.kind)
                                                             : event_label(event.type, t.kind) + " (" + change + ")"}}
                    .dump();
        }
        p.entries.push_back(std::move(entry));
    }
    return p;
}

std::string pieces_key(const db::ItemFacts& item, const std::string& as_of) {
    if (is_overdue(item, as_of)) return item.row_hash + "/late";
    if (long_open_without_deadline(item, as_of)) return item.row_hash + "/long-open";
    return item.row_hash;
}

std::vector<EventDoc> event_docs_of(const db::ItemFacts& item) {
    std::vector<EventDoc> out;
    std::string_view rest = item.event_docs;
    while (!rest.empty()) {
        auto end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
        if (t3 == std::string_view::npos) continue;
        EventDoc d;
        d.doc = std::string(line.substr(0, t1));
        d.version = std::stoi(std::string(line.substr(t1 + 1, t2 - t1 - 1)));
        d.begin = std::stoul(std::string(line.substr(t2 + 1, t3 - t2 - 1)));
        d.end = std::stoul(std::string(line.substr(t3 + 1)));
        out.push_back(std::move(d));
    }
    return out;
}

bool is_overdue(const db::ItemFacts& item, const std::string& as_of) {
    return item.status == Status::open && !item.due.empty() && item.due < as_of;
}

long days_late(const db::ItemFacts& item, const std::string& as_of) {
    if (!is_overdue(item, as_of)) return 0;
    auto due = Date::parse_iso(item.due), day = Date::parse_iso(as_of);
    if (!due || !day) return 0;
    return day->days() - due->days();
}

std::string open_since(const db::ItemFacts& item) {
    if (Date::parse_iso(item.made_on)) return item.made_on;
    return item.first_date;
}

bool long_open_without_deadline(const db::ItemFacts& item, const std::string& as_of) {
    if (item.status != Status::open || Date::parse_iso(item.due)) return false;
    auto since = Date::parse_iso(open_since(item)), day = Date::parse_iso(as_of);
    return since && day && since->plus_months(k_vague_deadline_months) <= *day;
}

bool waits_for_review(const db::ItemFacts& item) {
    return item.confidence + 1e-9 < track::k_review_threshold || (item.review.empty() && item.has_possible);
}

}  // namespace toezeg::report
