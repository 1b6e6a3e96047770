// reconcile --json and the report's register.json: the one writer of a reconciliation as JSON.
#include "track/reconcile.hpp"

namespace toezeg::track {

using nlohmann::json;

namespace {

json status_or_null(const std::optional<Status>& s) { return s ? json(std::string(to_string(*s))) : json(nullptr); }

json row_to_json(const ReconcileRow& row) {
    const auto& r = row.record;
    json history = json::array();
    for (auto& e : r.history)
        history.push_back({{"date", e.date},
                           {"status", status_or_null(e.status)},
                           {"status_text", e.status_text},
                           {"due", e.due},
                           {"what", e.what},
                           {"occasion", e.occasion}});
    json letter = nullptr;
    if (!row.letter_doc.empty())
        letter = {{"doc", row.letter_doc}, {"date", row.letter_date}, {"evidence", row.letter_evidence}};
    return {{"chamber", std::string(to_string(r.chamber))},
            {"number", r.number},
            {"id", r.id},
            {"title", r.title},
            {"text", r.text},
            {"register_status", status_or_null(r.status)},
            {"register_status_text", r.status_text},
            {"made_on", r.made_on},
            {"due", r.due},
            {"minister", r.minister},
            {"members", r.members},
            {"party", r.party},
            {"committee", r.committee},
            {"activity", r.activity},
            {"activity_number", r.activity_number},
            {"made_in", register_made_in(r)},
            {"register_letter", r.letter},
            {"history", history},
            {"item", row.item_id},
            {"letters_status", status_or_null(row.letter_status)},
            {"letter", letter},
            {"score", static_cast<double>(static_cast<int>(row.score * 100 + 0.5)) / 100},
            {"reasons", row.reasons},
            {"by_hand", row.by_hand},
            {"overdue", row.overdue}};
}

json rows(const std::vector<ReconcileRow>& list) {
    json out = json::array();
    for (auto& r : list) out.push_back(row_to_json(r));
    return out;
}

}  // namespace

json reconciliation_to_json(const Reconciliation& r, const std::string& as_of) {
    json missing = json::array();
    for (auto& u : r.not_in_register)
        missing.push_back({{"item", u.item_id},
                           {"status", std::string(to_string(u.status))},
                           {"subject", u.subject},
                           {"actor", u.actor},
                           {"member", u.member},
                           {"made_on", u.made_on},
                           {"due", u.due},
                           {"doc", u.doc},
                           {"date", u.date},
                           {"evidence", u.evidence}});
    return {{"as_of", as_of},
            {"records", {{"tk", r.tk_records}, {"ek", r.ek_records}}},
            {"open_but_fulfilled", rows(r.open_but_fulfilled)},
            {"fulfilled_without_letter", rows(r.fulfilled_without_letter)},
            {"not_in_register", missing},
            {"overdue", rows(r.overdue)},
            {"all", rows(r.all)}};
}

}  // namespace toezeg::track
