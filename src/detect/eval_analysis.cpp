#include "detect/eval_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "detect/confidence.hpp"
#include "detect/sentences.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::detect {

using nlohmann::json;

namespace {

double confidence_in(const json& prediction) {
    auto it = prediction.find("confidence");
    return it != prediction.end() && it->is_number() ? it->get<double>() : 1.0;
}

std::string file_name(const json& j) { return std::filesystem::path(j.value("doc", "")).filename().string(); }

std::string first_anchor(const json& label) {
    auto it = label.find("anchor");
    if (it == label.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
    return "";
}

// The sentence of `text` in which `anchor` stands, found by the gold format's matching key
// (letters and digits only), or "" when the anchor is not in the text.
std::string sentence_holding(const std::string& text, const std::string& anchor) {
    std::string key = utf8::reduce_for_match(anchor);
    if (key.empty()) return "";
    std::string reduced;
    std::vector<std::size_t> origin;  // offset in `text` of each byte of `reduced`
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        utf8::next(text, pos);
        std::string piece = utf8::reduce_for_match(std::string_view(text).substr(start, pos - start));
        reduced += piece;
        origin.insert(origin.end(), piece.size(), start);
    }
    std::size_t at = reduced.find(key);
    if (at == std::string::npos) return "";
    std::size_t from = origin[at], to = origin[at + key.size() - 1];
    // The detector's own splitter, so that "nr. 176" or "jl. 3" does not end the sentence.
    std::size_t begin = from, end = to + 1;
    for (const Sentence& s : split_sentences(text, text.size())) {
        if (s.span.begin <= from && from < s.span.end) begin = s.span.begin;
        if (s.span.begin <= to && to < s.span.end) {
            end = s.span.end;
            break;
        }
    }
    return text.substr(begin, end - begin);
}

// Why the detector passed over a labelled sentence, from the parts of the act found in it.
std::string why_missed(const json& label, const std::string& sentence) {
    if (sentence.empty()) return "miss: anchor not in the letter text";
    Item probe;
    probe.kind = label.value("kind", "") == "motion" ? Kind::motion : Kind::commitment;
    ActParts parts = find_act_parts(probe, sentence);
    if (probe.kind == Kind::motion)
        return parts.act_named ? "miss (motion): named in a form no rule reads (list or table row)"
                               : "miss (motion): named by its subject only";
    if (!parts.act_named && !parts.deliverable) return "miss: no promise words (toezeggen, a deliverable)";
    if (!parts.actor) return parts.third_party ? "miss: third-party actor" : "miss: no government actor";
    if (!parts.addressee) return "miss: no addressee (Kamer, commissie, lid)";
    if (!parts.deliverable) return "miss: no deliverable";
    return "miss: all parts present, no rule read the clause";
}

std::string why_false(const json& prediction) {
    Item probe;
    probe.kind = prediction.value("kind", "") == "motion" ? Kind::motion : Kind::commitment;
    ActParts parts = find_act_parts(probe, prediction.value("evidence", ""));
    if (probe.kind == Kind::motion) return "false positive (motion): not a motion the letter deals with";
    if (parts.third_party && !parts.actor) return "false positive: third-party actor";
    if (!parts.actor) return "false positive: no government actor";
    if (!parts.addressee) return "false positive: no addressee";
    return "false positive: all parts present (a restatement, or a label missing)";
}

// "label d06-c1: status partial, predicted open" -> "wrong status: status words not found".
std::string why_wrong(const std::string& line) {
    std::size_t colon = line.find(": ");
    std::string rest = colon == std::string::npos ? line : line.substr(colon + 2);
    std::string field = rest.substr(0, rest.find(' '));
    bool nothing = rest.ends_with("predicted nothing");
    if (field == "status")
        return rest.ends_with("predicted open") ? "wrong status: status words not found (left open)"
                                                : "wrong status: status words misread";
    if (field == "member") return nothing ? "wrong member: member not found" : "wrong member: another name taken";
    if (field == "made_on") return nothing ? "wrong made_on: date not found" : "wrong made_on: another date taken";
    if (field == "ref") return nothing ? "wrong ref: reference not found" : "wrong ref: another reference taken";
    return "wrong " + field;
}

}  // namespace

std::vector<CurvePoint> confidence_curve(const std::vector<json>& gold, const std::vector<json>& predictions,
                                         double step) {
    std::vector<CurvePoint> curve;
    int steps = static_cast<int>(std::lround(1.0 / step));
    for (int k = 0; k <= steps; ++k) {
        double threshold = k * step;
        std::vector<json> kept;
        for (const auto& p : predictions)
            if (confidence_in(p) + 1e-9 >= threshold) kept.push_back(p);
        curve.push_back({threshold, evaluate(gold, kept)});
    }
    return curve;
}

const CurvePoint& best_point(const std::vector<CurvePoint>& curve) {
    const CurvePoint* best = &curve.front();
    for (const auto& point : curve)
        if (point.report.f1() * point.report.status.rate() >= best->report.f1() * best->report.status.rate() - 1e-12)
            best = &point;
    return *best;
}

std::map<std::string, std::vector<std::string>> explain(const EvalReport& report,
                                                        const std::map<std::string, std::string>& texts) {
    std::map<std::string, std::vector<std::string>> groups;
    for (const auto& label : report.misses) {
        auto text = texts.find(file_name(label));
        std::string sentence = text == texts.end() ? "" : sentence_holding(text->second, first_anchor(label));
        std::string reason = text == texts.end() ? "miss: letter not given" : why_missed(label, sentence);
        groups[reason].push_back(label.value("id", "") + " " + text::shorten(sentence.empty() ? first_anchor(label) : sentence, 140));
    }
    for (const auto& prediction : report.false_positives) {
        char confidence[16];
        std::snprintf(confidence, sizeof confidence, "%.2f", confidence_in(prediction));
        groups[why_false(prediction)].push_back(file_name(prediction) + " (confidence " + confidence + ") " +
                                                text::shorten(prediction.value("evidence", ""), 120));
    }
    for (const auto& line : report.wrong) groups[why_wrong(line)].push_back(line);
    return groups;
}

}  // namespace toezeg::detect
