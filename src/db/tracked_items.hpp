#pragma once
// Tracked items in SQLite: written after each ingest (only the rows that changed), read with filters.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "db/sqlite.hpp"
#include "track/tracker.hpp"

namespace toezeg::db {

struct TrackedQuery {
    std::optional<Status> status;
    std::optional<Kind> kind;
    bool overdue_only = false;
    std::string as_of;   // ISO date for overdue
    std::string member;  // substring, case-insensitive
    std::string actor;   // substring, case-insensitive
    std::string dossier; // digits compared
    std::string since;   // last event on or after
    std::string id;      // exactly this item
};

// A tracked item without its events: what tables and CSV show.
struct TrackedSummary {
    std::string id, kind, status, member, members, actor, subject, made_on, due, due_text, ref;
    std::string last_date, last_type, last_doc, last_evidence;
    std::string decision;  // a motion's official decision, as its fate's summary, or ""
    bool has_possible_matches = false;
    bool overdue = false;
    std::string confidence;  // "0.70": the lowest detection confidence nobody reviewed
    std::string review;      // "", "accepted", "corrected"
};

// Makes the table hold exactly `items`, rewriting only rows whose content changed.
void replace_tracked_items(Database& db, const std::vector<track::TrackedItem>& items);
// Writes the rows of `items` (as replace_tracked_items would) and deletes those of `removed`;
// the other rows are neither read nor rewritten.
void update_tracked_items(Database& db, const std::vector<track::TrackedItem>& items,
                          const std::vector<std::string>& removed);
// The review column of those of `ids` that have a row: id -> "", "accepted" or "corrected".
std::map<std::string, std::string> tracked_reviews(Database& db, const std::set<std::string>& ids);
std::size_t count_tracked_items(Database& db);
std::vector<track::TrackedItem> load_tracked_items(Database& db, const TrackedQuery& query);
// Each item's row hash (what replace_tracked_items compares): item id -> hash, "" for a row
// not yet written with one.
std::unordered_map<std::string, std::string> tracked_row_hashes(Database& db);
// Items waiting for a person: detection confidence below `threshold`, or possible links
// nobody decided on; newest first.
std::vector<track::TrackedItem> load_review_queue(Database& db, double threshold);
std::optional<track::TrackedItem> load_tracked_item(Database& db, const std::string& id);
// The same selection as JSON objects rendered by SQLite itself (the fast path of
// `status --json`), one per call of `emit`.
std::vector<TrackedSummary> load_tracked_summaries(Database& db, const TrackedQuery& query);
// Every tracked item's status by id: what a run compares with afterwards (no event is read).
std::map<std::string, std::string> load_tracked_statuses(Database& db);
void for_each_tracked_json(Database& db, const TrackedQuery& query, const std::function<void(std::string_view)>& emit);

}  // namespace toezeg::db
