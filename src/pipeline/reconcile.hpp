#pragma once
// The registers beside the letters over a store: joins made at every retrack, the lists for
// `toezeg reconcile` and the report's Register page.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "db/corpus_index.hpp"
#include "track/reconcile.hpp"

namespace toezeg::pipeline {

// Joins the store's register records to `items` (appending the records no letter holds) and
// writes the joins to the index; `corrections` are the register ones (track::is_register_correction).
void join_store_registers(db::CorpusIndex& index, std::vector<track::TrackedItem>& items,
                          const std::vector<track::Correction>& corrections, std::vector<std::string>& warnings);

// The reconciliation as the index holds it (after the last retrack).
track::Reconciliation load_reconciliation(db::CorpusIndex& index, const std::string& as_of);

}  // namespace toezeg::pipeline
