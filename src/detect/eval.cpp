#include "detect/eval.hpp"

#include <filesystem>
#include <fstream>

#include "util/utf8.hpp"

namespace toezeg::detect {

using nlohmann::json;

namespace {

std::string basename_of(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::vector<std::string> anchors(const json& label) {
    std::vector<std::string> out;
    auto it = label.find("anchor");
    if (it == label.end()) return out;
    if (it->is_string()) out.push_back(utf8::reduce_for_match(it->get<std::string>()));
    else if (it->is_array())
        for (auto& a : *it)
            if (a.is_string()) out.push_back(utf8::reduce_for_match(a.get<std::string>()));
    return out;
}

std::string digits(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out.push_back(c);
    return out;
}

bool matches(const json& label, const json& pred, const std::string& reduced_evidence) {
    if (basename_of(str(label, "doc")) != basename_of(str(pred, "doc"))) return false;
    if (str(label, "kind") != str(pred, "kind")) return false;
    if (reduced_evidence.size() > 1200) return false;
    for (auto& a : anchors(label))
        if (!a.empty() && reduced_evidence.find(a) != std::string::npos) return true;
    return false;
}

}  // namespace

Result<std::vector<json>> read_json_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) return fail(path, "cannot open");
    std::vector<json> out;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        json j = json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) return fail(path + ":" + std::to_string(number), "not a JSON object");
        out.push_back(std::move(j));
    }
    return out;
}

EvalReport evaluate(const std::vector<json>& gold, const std::vector<json>& predictions) {
    EvalReport r;
    std::vector<std::string> evidence;
    for (auto& p : predictions) evidence.push_back(utf8::reduce_for_match(str(p, "evidence")));
    std::vector<bool> used(predictions.size(), false);
    std::vector<int> match_of(gold.size(), -1);
    for (int pass = 0; pass < 2; ++pass) {  // non-optional labels first
        for (std::size_t g = 0; g < gold.size(); ++g) {
            bool optional = gold[g].value("optional", false);
            if (optional != (pass == 1)) continue;
            for (std::size_t p = 0; p < predictions.size(); ++p) {
                if (used[p] || !matches(gold[g], predictions[p], evidence[p])) continue;
                used[p] = true;
                match_of[g] = static_cast<int>(p);
                break;
            }
        }
    }
    for (std::size_t g = 0; g < gold.size(); ++g) {
        const json& label = gold[g];
        bool optional = label.value("optional", false);
        if (match_of[g] < 0) {
            if (!optional) {
                ++r.fn;
                r.misses.push_back(label);
            }
            continue;
        }
        if (optional) continue;
        ++r.tp;
        const json& pred = predictions[static_cast<std::size_t>(match_of[g])];
        std::string id = str(label, "id");
        auto check = [&](FieldScore& score, const char* field, bool ok, const std::string& want, const std::string& got) {
            ++score.total;
            if (ok) ++score.right;
            else r.wrong.push_back("label " + id + ": " + field + " " + want + ", predicted " + (got.empty() ? "nothing" : got));
        };
        check(r.status, "status", str(label, "status") == str(pred, "status"), str(label, "status"), str(pred, "status"));
        if (label.contains("member") && label["member"].is_string()) {
            std::string want = utf8::reduce_for_match(label["member"].get<std::string>());
            bool ok = !want.empty() && utf8::reduce_for_match(str(pred, "member")).find(want) != std::string::npos;
            if (!ok && pred.contains("members") && pred["members"].is_array())
                for (auto& m : pred["members"])
                    if (m.is_string() && utf8::reduce_for_match(m.get<std::string>()).find(want) != std::string::npos) ok = true;
            check(r.member, "member", ok, label["member"].get<std::string>(), str(pred, "member"));
        }
        if (label.contains("made_on") && label["made_on"].is_string())
            check(r.made_on, "made_on", str(label, "made_on") == str(pred, "made_on"), str(label, "made_on"), str(pred, "made_on"));
        if (label.contains("ref") && label["ref"].is_string())
            check(r.ref, "ref", digits(str(label, "ref")) == digits(str(pred, "ref")), str(label, "ref"), str(pred, "ref"));
    }
    for (std::size_t p = 0; p < predictions.size(); ++p) {
        if (used[p]) continue;
        ++r.fp;
        r.false_positives.push_back(predictions[p]);
    }
    return r;
}

}  // namespace toezeg::detect
