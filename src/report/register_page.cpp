#include "report/register_page.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "report/format.hpp"
#include "report/list_pages.hpp"
#include "util/text.hpp"

namespace toezeg::report {

using nlohmann::json;

namespace {

std::string register_label(const RegisterRecord& r) { return r.status_text.empty() ? "geen status" : r.status_text; }

std::string number_of(const RegisterRecord& r) { return r.number.empty() ? r.id : r.number; }

json row_data(const track::ReconcileRow& row, const std::string& as_of) {
    const auto& r = row.record;
    json d = {{"number", number_of(r)},
              {"chamber", std::string(dutch_chamber(r.chamber))},
              {"about", text::shorten(!r.title.empty() ? r.title : r.text, 200)},
              {"register_status", register_label(r)},
              {"item", row.item_id},
              {"reasons", row.reasons}};
    if (!r.due.empty()) d["due"] = date_label(r.due);
    if (!r.minister.empty()) d["minister"] = r.minister;
    if (auto made_in = register_made_in(r); !made_in.empty()) d["made_in"] = made_in;
    if (auto made_to = register_made_to(r); !made_to.empty()) d["made_to"] = made_to;
    if (!r.letter.empty()) d["register_letter"] = r.letter;
    if (row.letter_status) {
        d["letters_status"] =
            status_label(*row.letter_status, row.letter_status == Status::open && !r.due.empty() && r.due < as_of);
        d["letters_class"] = status_class(*row.letter_status, false);
    }
    if (!row.letter_doc.empty()) {
        d["letter_doc"] = row.letter_doc;
        d["letter_date"] = date_label(row.letter_date);
        d["letter_evidence"] = text::shorten(row.letter_evidence, 300);
    }
    if (row.by_hand) d["by_hand"] = true;
    return d;
}

json rows_data(const std::vector<track::ReconcileRow>& list, const std::string& as_of) {
    json out = json::array();
    for (auto& row : list) out.push_back(row_data(row, as_of));
    return out;
}

}  // namespace

json unregistered_row(const track::UnregisteredCommitment& u, const std::string& as_of) {
    bool late = u.status == Status::open && !u.due.empty() && u.due < as_of;
    json m = {{"item", u.item_id},
              {"about", text::shorten(u.subject.empty() ? u.evidence : u.subject, 200)},
              {"status", status_label(u.status, late)},
              {"status_class", status_class(u.status, late)}};
    if (!u.doc.empty()) {
        m["doc"] = u.doc;
        m["date"] = date_label(u.date);
    }
    return m;
}

namespace {

// The rows as the page shows them, parsed only for the rows rendered.
template <class It>
json parsed_rows(It from, It to) {
    json rows = json::array();
    for (auto it = from; it != to; ++it) {
        const UnregisteredPiece& piece = *it;
        rows.push_back(json::parse(piece.row));
    }
    return rows;
}

// lijst/niet-in-register-<yyyy-mm>.html for every month of `rows` (newest first); their links.
Result<json> write_unregistered_months(const std::vector<UnregisteredPiece>& rows, PageWriter& out) {
    std::map<std::string, std::vector<std::reference_wrapper<const UnregisteredPiece>>> months;  // not copied
    for (auto& r : rows) months[month_part(r.date)].push_back(std::cref(r));
    json links = json::array();
    for (auto& [part, list] : latest_first(std::move(months))) {
        std::string file = "lijst/niet-in-register-" + part + ".html";
        PageKey key;
        key.add("unregistered").add(part);
        for (const UnregisteredPiece& r : list) key.add(r.item).add(r.row);
        auto done = out.keyed_page(file, "unregistered.mustache", "../", key, [&] {
            json d = {{"title", "Niet in het register, " + part_label(part)},
                      {"label", part_label(part)},
                      {"count", thousands(list.size())},
                      {"not_in_register", parsed_rows(list.begin(), list.end())}};
            return d;
        });
        if (!done) return std::unexpected(done.error());
        links.push_back({{"file", file}, {"label", part_label(part)}, {"count", thousands(list.size())}});
    }
    return links;
}

}  // namespace

Result<void> write_register_page(const track::Reconciliation& r, const std::string& as_of, PageWriter& out,
                                 std::vector<UnregisteredPiece> more_unregistered, std::size_t limit) {
    json d = {{"title", "Register"},
              {"as_of", date_label(as_of)},
              {"tk_records", std::to_string(r.tk_records)},
              {"ek_records", std::to_string(r.ek_records)},
              {"has_records", r.tk_records + r.ek_records > 0},
              {"open_but_fulfilled", rows_data(r.open_but_fulfilled, as_of)},
              {"open_but_fulfilled_count", std::to_string(r.open_but_fulfilled.size())},
              {"fulfilled_without_letter", rows_data(r.fulfilled_without_letter, as_of)},
              {"fulfilled_without_letter_count", std::to_string(r.fulfilled_without_letter.size())},
              {"overdue", rows_data(r.overdue, as_of)},
              {"overdue_count", std::to_string(r.overdue.size())},
              {"all", rows_data(r.all, as_of)},
              {"all_count", std::to_string(r.all.size())}};
    auto& missing = more_unregistered;
    for (auto& u : r.not_in_register) missing.push_back({u.item_id, u.date, unregistered_row(u, as_of).dump()});
    // Newest first, undated last; the same date in the order given (the kept rows come so).
    if (!r.not_in_register.empty())
        std::stable_sort(missing.begin(), missing.end(), [](const UnregisteredPiece& a, const UnregisteredPiece& b) {
            bool a_dated = month_part(a.date) != "zonder-datum", b_dated = month_part(b.date) != "zonder-datum";
            if (a_dated != b_dated) return a_dated;
            return a.date > b.date;
        });
    std::size_t shown = std::min(missing.size(), limit);
    if (missing.size() > limit) {
        auto months = write_unregistered_months(missing, out);
        if (!months) return std::unexpected(months.error());
        d["unregistered_months"] = std::move(*months);
        d["has_unregistered_months"] = true;
        d["unregistered_shown"] = thousands(shown);
    }
    d["not_in_register_count"] = thousands(missing.size());
    d["not_in_register"] = parsed_rows(missing.begin(), missing.begin() + static_cast<std::ptrdiff_t>(shown));
    for (auto key : {"open_but_fulfilled", "fulfilled_without_letter", "overdue", "all", "not_in_register"})
        d[std::string("has_") + key] = !d[key].empty();
    auto data = to_mustache(d);
    return out.page("register.html", "register.mustache", data, "");
}

}  // namespace toezeg::report
