#pragma once
// What `eval` shows beyond the scores: the precision/recall curve over confidence
// thresholds, and the misses and false positives grouped by the part of the act that failed.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "detect/eval.hpp"

namespace toezeg::detect {

struct CurvePoint {
    double threshold = 0;
    EvalReport report;  // the predictions with confidence >= threshold
};

// One point per threshold 0, step, 2*step, ... 1; a prediction without "confidence" counts as 1.
std::vector<CurvePoint> confidence_curve(const std::vector<nlohmann::json>& gold,
                                         const std::vector<nlohmann::json>& predictions, double step = 0.05);

// The point with the best F1 x status; among equals the highest threshold, so that as many
// items as possible go to review without losing a right one.
const CurvePoint& best_point(const std::vector<CurvePoint>& curve);

// Misses, false positives and wrong fields of `report`, grouped by why: the reason (e.g.
// "miss: no government actor") maps to lines naming the label or prediction. `texts` maps a
// letter's file name to its text, to read the sentence a missed label stands in.
std::map<std::string, std::vector<std::string>> explain(const EvalReport& report,
                                                        const std::map<std::string, std::string>& texts);

}  // namespace toezeg::detect
