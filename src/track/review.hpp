#pragma once
// A person's review decisions on detected passages (kept in git with the other corrections):
// "reject" drops a passage before tracking, so it never becomes a fact; "accept" and
// "correct" mark, and change, the tracked item that holds the passage.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "track/tracker.hpp"

namespace toezeg::track {

// Items below this detection confidence wait for review (chosen with `eval --curve`).
inline constexpr double k_review_threshold = 0.40;

bool is_review(const Correction& c);
bool same_passage(const Passage& p, const std::string& doc, const std::string& evidence);

// Removes from `letters` every item whose passage a "reject" names.
void drop_rejected(std::vector<Letter>& letters, const std::vector<Correction>& corrections);

// Applies "accept" and "correct" to the tracked items holding their passages, and sets each
// item's confidence to the lowest detection confidence of its passages nobody reviewed.
// `reviewed_elsewhere`: ids of reviewed items not in `items` (when `items` is a part of all).
void apply_reviews(std::vector<TrackedItem>& items, const std::vector<Correction>& corrections,
                   std::vector<std::string>& warnings, const std::set<std::string>& reviewed_elsewhere = {});

// Whether the detector was less sure of the item than `threshold` (one comparison for the
// CLI, the report and the queue query).
inline bool is_low_confidence(const TrackedItem& item, double threshold = k_review_threshold) {
    return item.confidence + 1e-9 < threshold;
}

// Why a tracked item waits for review ("" when it does not).
std::string review_reason(const TrackedItem& item, double threshold = k_review_threshold);

// The fields `correct` may set; an error message when `value` is not valid for `field`.
std::optional<std::string> invalid_correction(const std::string& field, const std::string& value);

}  // namespace toezeg::track
