#include "report/register_page.hpp"

#include "report/format.hpp"
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

Result<void> write_register_page(const track::Reconciliation& r, const std::string& as_of, PageWriter& out,
                                 const json& more_unregistered) {
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
    json missing = json::array();
    for (auto& u : r.not_in_register) missing.push_back(unregistered_row(u, as_of));
    for (auto& m : more_unregistered) missing.push_back(m);
    d["not_in_register_count"] = std::to_string(missing.size());
    d["not_in_register"] = std::move(missing);
    for (auto key : {"open_but_fulfilled", "fulfilled_without_letter", "overdue", "all", "not_in_register"})
        d[std::string("has_") + key] = !d[key].empty();
    auto data = to_mustache(d);
    return out.page("register.html", "register.mustache", data, "");
}

}  // namespace toezeg::report
