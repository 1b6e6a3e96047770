// Linking onto a kept LinkState (track_more) gives what linking all letters at once gives.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "track/link_state.hpp"
#include "track/tracker.hpp"

using namespace toezeg;

namespace {

// Made-up letters: motions with and without numbers, commitments made in debates and
// answered later, new promises repeated with other deadlines, by a few Kamerleden and
// ministers, so that items link, compete and get possible matches.
std::vector<track::Letter> made_up_letters(int count) {
    const char* members[] = {"Bikker", "Podt", "Omtzigt", "Dassen", "Flach"};
    const char* actors[] = {"minister van Justitie en Veiligheid", "minister van Financiën", "kabinet"};
    const char* subjects[] = {"de wachttijden in de ggz", "het lerarentekort", "de beslistermijnen bij de IND",
                              "de digitale weerbaarheid", "de kosten van de energietransitie"};
    std::mt19937 rnd(13);
    auto pick = [&](int n) { return static_cast<int>(rnd() % static_cast<unsigned>(n)); };
    std::vector<track::Letter> letters;
    for (int n = 0; n < count; ++n) {
        track::Letter letter;
        letter.doc_id = "brief-" + std::to_string(1000 + n);
        letter.date = "2026-" + std::string(n / 28 < 9 ? "0" : "") + std::to_string(n / 28 + 1) + "-" +
                      (n % 28 < 9 ? "0" : "") + std::to_string(n % 28 + 1);
        for (int m = 0, items = 1 + pick(3); m < items; ++m) {
            Item it;
            it.subject = subjects[pick(5)];
            it.actor = actors[pick(3)];
            it.span = Span{static_cast<std::size_t>(100 * m), static_cast<std::size_t>(100 * m + 60)};
            int family = pick(4);
            if (family == 0) {
                it.kind = Kind::motion;
                it.members = {members[pick(5)]};
                it.member = it.members[0];
                if (pick(2)) it.ref = "36 600 VI, nr. " + std::to_string(10 + pick(12));
                it.status = pick(3) == 0 ? Status::fulfilled : Status::open;
                it.evidence = "De motie-" + it.member + " over " + it.subject + " wordt uitgevoerd.";
            } else if (family == 1) {
                it.kind = Kind::commitment;
                it.earlier = true;
                it.members = {members[pick(5)]};
                it.member = it.members[0];
                it.made_on = "2026-01-" + std::to_string(10 + pick(5));
                it.status = Status::fulfilled;
                it.evidence = "In het debat zegde de minister het lid " + it.member + " toe terug te komen op " +
                              it.subject + ".";
            } else {
                it.kind = Kind::commitment;
                it.due = pick(2) ? "2026-07-01" : "2026-12-31";
                it.evidence = "Ik zal uw Kamer voor de zomer informeren over " + it.subject + ".";
            }
            it.confidence = 0.5 + 0.1 * pick(5);
            letter.items.push_back(it);
        }
        letters.push_back(letter);
    }
    return letters;
}

std::vector<std::string> dump(const std::vector<track::TrackedItem>& items) {
    std::vector<std::string> out;
    for (auto& t : items)
        out.push_back(t.id + " " + std::string(to_string(t.status)) + " " + t.due + " " + t.actor + " " + t.ref +
                      track::events_to_json(t.events).dump() + track::matches_to_json(t.possible_matches).dump() +
                      std::to_string(t.confidence) + t.review);
    return out;
}

}  // namespace

TEST_CASE("linking new letters onto the kept state equals linking all letters", "[track][incremental]") {
    auto letters = made_up_letters(120);
    std::vector<track::Correction> corrections = {
        {"reject", {"x"}, "", "2026-02-01T00:00:00Z", {{letters[5].doc_id, letters[5].items[0].evidence}}, {}},
        {"correct",
         {"y"},
         "",
         "2026-02-02T00:00:00Z",
         {{letters[9].doc_id, letters[9].items[0].evidence}},
         {{"status", "lapsed"}}}};
    std::vector<std::string> warnings;
    auto all = track::track(letters, corrections, {}, warnings);
    REQUIRE(all.size() > 20);
    for (std::size_t split : {std::size_t{1}, std::size_t{40}, std::size_t{77}, std::size_t{119}}) {
        track::LinkState state;
        std::vector<std::string> w;
        track::track_more(state, {letters.begin(), letters.begin() + static_cast<long>(split)}, corrections, {}, w);
        CHECK(state.last_letter == track::letter_order_key(letters[split - 1]));
        // What is kept in SQLite is the JSON of each entry: the state comes back from it.
        track::LinkState kept;
        kept.next_suffix = state.next_suffix;
        kept.last_letter = state.last_letter;
        kept.count = state.count;
        REQUIRE(state.entries.size() == state.count);  // from nothing, every entry is new
        for (auto& [k, e] : state.entries)
            kept.entries.emplace(k, track::entry_from_json(nlohmann::json::parse(track::entry_to_json(e).dump())));
        auto more =
            track::track_more(kept, {letters.begin() + static_cast<long>(split), letters.end()}, corrections, {}, w);
        CHECK(dump(more) == dump(all));
        CHECK_FALSE(kept.changed.empty());
        // The entries the last letter did not touch are not rewritten.
        if (split == letters.size() - 1) CHECK(kept.changed.size() < kept.count / 4);
    }
}

TEST_CASE("taking back the letters from one on and linking them again equals linking all letters",
          "[track][incremental]") {
    auto letters = made_up_letters(120);
    std::vector<std::string> warnings;
    auto all = track::track(letters, {}, {}, warnings);
    for (std::size_t from : {std::size_t{1}, std::size_t{50}, std::size_t{99}}) {
        track::LinkState state;
        track::track_more(state, {letters.begin(), letters.begin() + 100}, {}, {}, warnings);
        REQUIRE(state.undo.size() == 100);
        std::vector<track::LetterUndo> back(state.undo.begin() + static_cast<long>(from), state.undo.end());
        std::reverse(back.begin(), back.end());  // newest first
        // Through JSON, as the index keeps them.
        for (auto& u : back) u = track::undo_from_json(nlohmann::json::parse(track::undo_to_json(u).dump()));
        track::roll_back(state, back, track::letter_order_key(letters[from - 1]));
        auto again =
            track::track_more(state, {letters.begin() + static_cast<long>(from), letters.end()}, {}, {}, warnings);
        CHECK(dump(again) == dump(all));
    }
}

namespace {

// What db/link_state keeps: every entry by ordinal, and per candidate key its entries.
struct KeptEntries {
    std::map<std::size_t, track::LinkEntry> entries;
    std::map<std::string, std::set<std::size_t>> keys;
    void put(std::size_t k, const track::LinkEntry& e) {
        if (auto old = entries.find(k); old != entries.end())
            for (auto& key : old->second.keys) keys[key].erase(k);
        entries[k] = track::entry_from_json(nlohmann::json::parse(track::entry_to_json(e).dump()));
        for (auto& key : e.keys) keys[key].insert(k);
    }
    // As db::link_entries_within: the newest `limit` under each key, the newest of all.
    std::set<std::size_t> within(const track::LetterReach& reach, std::size_t below) const {
        std::set<std::size_t> out;
        for (auto& key : reach.keys) {
            auto it = keys.find(key.key);
            if (it == keys.end()) continue;
            std::size_t n = 0;
            for (auto k = it->second.rbegin(); k != it->second.rend() && n < key.limit; ++k)
                if (*k < below) out.insert(*k), ++n;
        }
        for (std::size_t k = below; k > 0 && below - k < reach.newest; --k) out.insert(k - 1);
        return out;
    }
};

}  // namespace

TEST_CASE("linking onto only the entries the new letters can touch equals linking all letters",
          "[track][incremental]") {
    auto letters = made_up_letters(160);
    std::vector<std::string> warnings;
    auto all = track::track(letters, {}, {}, warnings);
    KeptEntries kept;
    track::LinkState state;
    std::size_t start = 0;
    std::size_t loaded = 0, stored = 0;
    for (std::size_t end : {std::size_t{60}, std::size_t{61}, std::size_t{100}, std::size_t{130}, std::size_t{160}}) {
        std::vector<track::Letter> batch(letters.begin() + static_cast<long>(start),
                                         letters.begin() + static_cast<long>(end));
        auto reach = track::reach_of(batch);
        track::LinkState part;
        part.count = state.count;
        part.next_suffix = state.next_suffix;
        part.last_letter = state.last_letter;
        for (std::size_t k : kept.within(reach, state.count)) part.entries.emplace(k, kept.entries.at(k));
        if (end == start + 1) {  // one letter: only what its mentions are looked up under
            loaded = part.entries.size();
            stored = state.count;
        }
        part.id_in_use = [&](const std::string& id) {
            return std::any_of(kept.entries.begin(), kept.entries.end(),
                               [&](auto& e) { return e.second.item.id == id; });
        };
        track::Linker linker(std::move(part), warnings);
        linker.link(batch, {});
        state = linker.state();
        for (auto& [k, e] : state.entries) kept.put(k, e);
        // The changed entries beside the others as kept give every item.
        linker.add_stored(kept.entries);
        CHECK(linker.missing().empty());
        auto items = linker.finish({}, {});
        if (end == letters.size()) CHECK(dump(items) == dump(all));
        start = end;
    }
    CHECK(loaded < stored);
    CHECK(loaded > 0);
}

TEST_CASE("an undo record keeps no events or possible matches of the entry before", "[track][incremental]") {
    auto letters = made_up_letters(120);
    track::LinkState state;
    std::vector<std::string> warnings;
    track::track_more(state, letters, {}, {}, warnings);
    std::size_t recorded = 0;
    for (auto& u : state.undo) {
        auto j = track::undo_to_json(u);
        for (auto& step : j["steps"]) {
            REQUIRE(step.is_array());
            if (step[0] == 1) {
                ++recorded;
                CHECK_FALSE(step[2].contains("events"));
                CHECK_FALSE(step[2].contains("possible_matches"));
                CHECK(step[2].contains("id"));
            }
        }
    }
    CHECK(recorded > 50);
}
