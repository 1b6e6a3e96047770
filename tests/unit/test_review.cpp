// Review decisions: accept, reject and correct, on tracked items (pure) and through a store.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "db/tracked_items.hpp"
#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"
#include "track/review.hpp"
#include "util/files.hpp"

using namespace toezeg;

namespace {

const std::string k_promise = "Ik zal uw Kamer voor 1 juli 2026 informeren over de evaluatie van de Wet inburgering.";
const std::string k_other = "Ik zeg toe uw Kamer voor de zomer een brief te sturen over de huisvesting van statushouders.";

Item commitment(const std::string& evidence, const std::string& subject, double confidence, Status status = Status::open) {
    Item it;
    it.kind = Kind::commitment;
    it.status = status;
    it.evidence = evidence;
    it.subject = subject;
    it.confidence = confidence;
    it.rule = "test";
    return it;
}

std::vector<track::Letter> two_letters() {
    return {track::Letter{"brief-a", 1, "2026-01-10", "", {commitment(k_promise, "de evaluatie van de Wet inburgering", 0.30)}, {}, ""},
            track::Letter{"brief-b", 1, "2026-02-10", "", {commitment(k_other, "de huisvesting van statushouders", 0.90)}, {}, ""}};
}

track::Correction decision(const std::string& op, const std::string& doc, const std::string& evidence,
                           std::map<std::string, std::string> fields = {}) {
    return track::Correction{op, {"x"}, "", "2026-03-01T10:00:00Z", {track::Passage{doc, evidence}}, std::move(fields)};
}

const track::TrackedItem* about(const std::vector<track::TrackedItem>& items, const std::string& subject) {
    auto it = std::find_if(items.begin(), items.end(), [&](auto& t) { return t.subject == subject; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("a low-confidence detection waits for review until a person decides", "[review]") {
    std::vector<std::string> warnings;
    auto items = track::track(two_letters(), {}, warnings);
    REQUIRE(items.size() == 2);
    auto* low = about(items, "de evaluatie van de Wet inburgering");
    REQUIRE(low);
    CHECK(low->confidence == Approx(0.30));
    CHECK(track::review_reason(*low) == "low confidence 0.30");
    CHECK(track::review_reason(*about(items, "de huisvesting van statushouders")).empty());

    auto accepted = track::track(two_letters(), {decision("accept", "brief-a", k_promise)}, warnings);
    auto* now = about(accepted, "de evaluatie van de Wet inburgering");
    REQUIRE(now);
    CHECK(now->review == "accepted");
    CHECK(now->confidence == Approx(1.0));  // its only passage is reviewed
    CHECK(track::review_reason(*now).empty());
    CHECK(warnings.empty());
}

TEST_CASE("a rejected passage never becomes a tracked item, also in a later version of its letter", "[review]") {
    std::vector<std::string> warnings;
    auto reject = decision("reject", "brief-a", k_promise);
    auto items = track::track(two_letters(), {reject}, warnings);
    CHECK(items.size() == 1);
    CHECK_FALSE(about(items, "de evaluatie van de Wet inburgering"));

    // Version 2: the sentence now reads on, the detector takes a longer passage.
    auto letters = two_letters();
    letters[0].version = 2;
    letters[0].items[0].evidence = k_promise + " Dat doe ik samen met de VNG.";
    CHECK(track::track(letters, {reject}, warnings).size() == 1);

    // Another letter with the same words is another passage: not rejected.
    letters[1].items.push_back(commitment(k_promise, "de evaluatie van de Wet inburgering", 0.3));
    CHECK(track::track(letters, {reject}, warnings).size() == 2);
}

TEST_CASE("a correction sets the fields, until a newer letter says otherwise", "[review]") {
    std::vector<std::string> warnings;
    auto fix = decision("correct", "brief-a", k_promise, {{"status", "fulfilled"}, {"member", "Kröger"}, {"due", "2026-09-01"}});
    auto items = track::track(two_letters(), {fix}, warnings);
    auto* t = about(items, "de evaluatie van de Wet inburgering");
    REQUIRE(t);
    CHECK(t->status == Status::fulfilled);
    CHECK(t->member == "Kröger");
    CHECK(t->members.front() == "Kröger");
    CHECK(t->due == "2026-09-01");
    CHECK(t->review == "corrected");
    CHECK(t->events.back().type == "corrected");
    CHECK(t->events.back().evidence.find("status fulfilled") != std::string::npos);

    // A letter of April repeats the promise with a new deadline: the status is its own again.
    auto letters = two_letters();
    auto again = commitment("Zoals toegezegd zal ik uw Kamer voor 1 oktober 2026 informeren over de evaluatie van de Wet "
                            "inburgering.",
                            "de evaluatie van de Wet inburgering", 0.9);
    again.earlier = true;
    again.made_on = "2026-01-10";  // "zoals toegezegd in mijn brief van 10 januari"
    letters.push_back(track::Letter{"brief-c", 1, "2026-04-01", "", {again}, {}, ""});
    auto later = track::track(letters, {fix}, warnings);
    auto* u = about(later, "de evaluatie van de Wet inburgering");
    REQUIRE(u);
    REQUIRE(std::any_of(u->events.begin(), u->events.end(), [](auto& e) { return e.doc == "brief-c"; }));
    CHECK(u->status == Status::open);
    CHECK(u->member == "Kröger");  // fields other than the status stay corrected
}

TEST_CASE("a decision on a passage no longer detected is kept and reported", "[review]") {
    std::vector<std::string> warnings;
    track::track(two_letters(), {decision("accept", "brief-x", "Een zin die niemand vond.")}, warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("no longer detected") != std::string::npos);
}

TEST_CASE("correctable fields are checked", "[review]") {
    CHECK_FALSE(track::invalid_correction("status", "fulfilled"));
    CHECK(track::invalid_correction("status", "done"));
    CHECK(track::invalid_correction("due", "1 juli"));
    CHECK_FALSE(track::invalid_correction("due", "2026-07-01"));
    CHECK(track::invalid_correction("colour", "red"));
    CHECK(track::invalid_correction("member", ""));
}

TEST_CASE("review decisions live in git and survive reindex and a new version of the letter", "[review][e2e]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto letter = test::source_dir() / "tests/data/real/c01_kst-21501-32-404_lvr-verslag-conform-toezegging.txt";
    auto copy = tmp.path / "c01.txt";
    std::filesystem::copy_file(letter, copy);
    std::vector<std::string> warnings;
    std::string id;
    std::size_t before = 0;
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        REQUIRE(pipeline::ingest_file(*store, copy, {}).outcome != pipeline::Outcome::failed);
        REQUIRE(store->retrack(warnings));
        auto items = db::load_tracked_items(store->index().database(), {});
        REQUIRE(!items.empty());
        before = items.size();
        id = items.front().id;
        std::vector<track::Passage> passages;
        for (auto& e : items.front().events)
            if (!e.doc.empty()) passages.push_back({e.doc, e.evidence});
        REQUIRE(store->add_correction(track::Correction{"reject", {id}, "", "", passages, {}}));
        REQUIRE(store->retrack(warnings));
        CHECK(db::load_tracked_items(store->index().database(), {}).size() == before - 1);
        CHECK_FALSE(db::load_tracked_item(store->index().database(), id));
    }
    // A new version of the letter: a sentence added at the end.
    auto text = files::read(copy, 1 << 24);
    REQUIRE(text);
    {
        std::ofstream out(copy, std::ios::app);
        out << "\nDeze brief is ook aan de Eerste Kamer gezonden.\n";
    }
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        auto r = pipeline::ingest_file(*store, copy, {});
        REQUIRE(r.outcome != pipeline::Outcome::failed);
        REQUIRE(store->retrack(warnings));
        CHECK_FALSE(db::load_tracked_item(store->index().database(), id));
        CHECK(db::load_tracked_items(store->index().database(), {}).size() == before - 1);
        CHECK(store->corrections().size() == 1);
        CHECK(store->corrections()[0].passages.size() >= 1);
    }
}
