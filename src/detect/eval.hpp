#pragma once
// Scores predictions against gold labels by the matching rules of tests/gold/FORMAT.md.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace toezeg::detect {

struct FieldScore {
    int right = 0, total = 0;
    double rate() const { return total ? static_cast<double>(right) / total : 1.0; }
};

struct EvalReport {
    int tp = 0, fp = 0, fn = 0;
    FieldScore status, member, made_on, ref;
    std::vector<nlohmann::json> misses;           // unmatched non-optional labels
    std::vector<nlohmann::json> false_positives;  // predictions matched to nothing
    std::vector<std::string> wrong;               // "label s001-m1: status open, predicted fulfilled"
    double precision() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 1.0; }
    double f1() const {
        double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

// Reads JSON Lines; fails naming the file and line of the first bad line.
Result<std::vector<nlohmann::json>> read_json_lines(const std::string& path);
EvalReport evaluate(const std::vector<nlohmann::json>& gold, const std::vector<nlohmann::json>& predictions);

}  // namespace toezeg::detect
