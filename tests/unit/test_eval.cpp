#include <catch2/catch.hpp>

#include "detect/confidence.hpp"
#include "detect/eval_analysis.hpp"

using namespace toezeg;
using nlohmann::json;

namespace {
json label(const std::string& id, const std::string& anchor) {
    return {{"id", id}, {"doc", "a.txt"}, {"kind", "commitment"}, {"anchor", anchor}, {"status", "open"}};
}
json prediction(const std::string& evidence, double confidence) {
    return {{"doc", "dir/a.txt"}, {"kind", "commitment"}, {"evidence", evidence}, {"status", "open"}, {"confidence", confidence}};
}
}  // namespace

TEST_CASE("a complete act is more certain than a bare mention", "[detect][confidence]") {
    Item it;
    it.rule = "commitment.promises-now";
    it.due = "2026-07-01";
    double full = detect::confidence_of(
        Kind::commitment, detect::find_act_parts(it, "Ik zeg toe uw Kamer voor 1 juli een appreciatie te sturen."));
    Item bare;
    double thin = detect::confidence_of(Kind::commitment, detect::find_act_parts(bare, "Er komt nog iets."));
    CHECK(full == Approx(1.0));
    CHECK(thin < 0.5);
    CHECK(detect::find_act_parts(bare, "De Europese Commissie zegde toe een voorstel te doen.").third_party);
}

TEST_CASE("the curve drops items below each threshold and marks the best", "[detect][eval]") {
    std::vector<json> gold{label("a-c1", "stuur ik u een brief")};
    std::vector<json> preds{prediction("Voor de zomer stuur ik u een brief.", 0.9),
                            prediction("Het kabinet kijkt ernaar.", 0.3)};
    auto curve = detect::confidence_curve(gold, preds, 0.25);
    REQUIRE(curve.size() == 5);
    CHECK(curve[0].report.fp == 1);  // threshold 0: both kept
    CHECK(curve[2].report.fp == 0);  // threshold 0.5: the weak one is dropped
    CHECK(curve[2].report.tp == 1);
    CHECK(curve[4].report.tp == 0);  // threshold 1: nothing kept
    // 0.5 and 0.75 score alike; the higher one sends more to review without losing a right item.
    CHECK(detect::best_point(curve).threshold == Approx(0.75));
}

TEST_CASE("explain names the part of the act that failed", "[detect][eval]") {
    detect::EvalReport report;
    report.misses = {label("a-c1", "zal de Europese Commissie een voorstel"), label("a-c2", "ergens anders")};
    report.false_positives = {prediction("Het kabinet zal de gemeenten een brief sturen.", 0.7)};
    report.wrong = {"label a-c3: status partial, predicted open", "label a-c4: member Kröger, predicted nothing"};
    std::map<std::string, std::string> texts{
        {"a.txt", "Inleiding.\n\nIn het voorjaar zal de Europese Commissie een voorstel doen. Dan kijken we verder."}};
    auto groups = detect::explain(report, texts);
    REQUIRE(groups.contains("miss: third-party actor"));
    CHECK(groups["miss: third-party actor"].front() == "a-c1 In het voorjaar zal de Europese Commissie een voorstel doen.");
    CHECK(groups.contains("miss: anchor not in the letter text"));
    CHECK(groups.contains("false positive: no addressee"));
    CHECK(groups.contains("wrong status: status words not found (left open)"));
    CHECK(groups.contains("wrong member: member not found"));
}
