#include "pipeline/reconcile.hpp"

#include "db/register_records.hpp"
#include "db/tracked_items.hpp"
#include "ingest/register_pages.hpp"

namespace toezeg::pipeline {

void join_store_registers(db::CorpusIndex& index, std::vector<track::TrackedItem>& items,
                          const std::vector<track::Correction>& corrections, std::vector<std::string>& warnings) {
    auto& db = index.database();
    auto records = db::load_register_records(db);
    if (records.empty() && db::load_register_joins(db).empty()) return;  // no registers: nothing to write
    std::vector<track::NumberCitation> citations;
    if (!records.empty())
        for (auto& [doc, text] : db::texts_naming_register_numbers(db))
            for (auto& c : ingest::find_register_numbers(text)) citations.push_back({doc, c.number, c.offset});
    auto joins = track::join_registers(items, records, citations, corrections, warnings);
    db::replace_register_joins(db, joins);
}

track::Reconciliation load_reconciliation(db::CorpusIndex& index, const std::string& as_of) {
    auto& db = index.database();
    return track::reconcile(db::load_tracked_items(db, {}), db::load_register_records(db), db::load_register_joins(db),
                            as_of);
}

}  // namespace toezeg::pipeline
