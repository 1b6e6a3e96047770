#include "pipeline/id_aliases.hpp"

#include <algorithm>
#include <unordered_map>

#include "util/text.hpp"

namespace toezeg::pipeline {

namespace {

constexpr int k_max_chain = 16;

std::string passage_key(const std::string& doc, const std::string& evidence) {
    return doc + '\x1f' + text::collapse_spaces(evidence);
}

}  // namespace

std::vector<IdAlias> find_item_aliases(const PreviousItems& previous, const std::set<std::string>& previous_live,
                                       const std::vector<track::TrackedItem>& current) {
    std::set<std::string> live;
    for (auto& t : current) live.insert(t.id);
    std::vector<std::pair<const std::string*, const std::vector<track::Passage>*>> gone;
    for (auto& [id, passages] : previous)
        if (!live.contains(id) && !passages.empty()) gone.emplace_back(&id, &passages);
    std::vector<IdAlias> out;
    if (gone.empty()) return out;
    // Only the passages the gone items held are looked up in the current items.
    std::unordered_map<std::string, std::vector<std::size_t>> holders;
    for (auto& [id, passages] : gone)
        for (auto& passage : *passages) holders.try_emplace(passage_key(passage.doc, passage.evidence));
    for (std::size_t k = 0; k < current.size(); ++k)
        for (auto& e : current[k].events) {
            if (e.doc.empty()) continue;
            auto it = holders.find(passage_key(e.doc, e.evidence));
            if (it != holders.end() && (it->second.empty() || it->second.back() != k)) it->second.push_back(k);
        }
    for (auto& [id, passages] : gone) {
        std::map<std::size_t, std::size_t> count;
        for (auto& passage : *passages)
            for (auto k : holders[passage_key(passage.doc, passage.evidence)]) ++count[k];
        if (count.empty()) continue;
        auto& first = holders[passage_key(passages->front().doc, passages->front().evidence)];
        std::size_t best = count.begin()->first;
        if (!first.empty())
            best = first.front();
        else
            for (auto& [k, n] : count)
                if (n > count[best]) best = k;
        const std::string& target = current[best].id;
        out.push_back(IdAlias{*id, target, previous_live.contains(target) ? "merged" : "renamed"});
    }
    return out;
}

std::vector<track::Correction> with_current_ids(std::vector<track::Correction> corrections,
                                                const std::map<std::string, std::string>& renamed) {
    if (renamed.empty()) return corrections;
    for (auto& c : corrections) {
        if (c.op != "link" && c.op != "unlink") continue;
        for (auto& id : c.items)
            for (int step = 0; step < k_max_chain; ++step) {
                auto it = renamed.find(id);
                if (it == renamed.end() || it->second == id) break;
                id = it->second;
            }
    }
    return corrections;
}

}  // namespace toezeg::pipeline
