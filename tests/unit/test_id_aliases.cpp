// Old ids that keep working: aliases found when tracked items change id (pure), kept in git
// and the index through retrack and reindex, corrections under old ids, redirect pages.
#include <algorithm>
#include <catch2/catch.hpp>

#include "db/id_aliases.hpp"
#include "db/tracked_items.hpp"
#include "helpers.hpp"
#include "pipeline/id_aliases.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"
#include "report/site.hpp"
#include "track/link_scoring.hpp"
#include "util/files.hpp"

using namespace toezeg;

namespace {

track::TrackedItem item(const std::string& id, std::vector<std::pair<std::string, std::string>> passages) {
    track::TrackedItem t;
    t.id = id;
    for (auto& [doc, evidence] : passages) {
        track::Event e;
        e.type = "made";
        e.doc = doc;
        e.evidence = evidence;
        t.events.push_back(e);
    }
    return t;
}

const std::string k_a = "Ik zal uw Kamer voor de zomer informeren over de evaluatie van de Wet inburgering.";
const std::string k_b = "Ik zeg toe uw Kamer voor 1 juli een brief te sturen over de huisvesting van statushouders.";
const std::string k_c = "De regering verzoekt de Kamer de motie aan te houden tot na het commissiedebat.";

}  // namespace

TEST_CASE("an item under a new id is renamed, one merged into an existing item is merged, a gone one has no alias",
          "[aliases]") {
    pipeline::PreviousItems previous = {
        {"motie-kroger-dijkstra-vvd-0a1b2c", {{"brief-1", k_a}}},  // the members' slug before names were cleaned
        {"tz-2222", {{"brief-2", k_b}}},                           // merged into tz-1111 by a link
        {"tz-3333", {{"brief-3", k_c}}},                           // its letter was removed
        {"tz-1111", {{"brief-1", "Andere passage die blijft."}}},
    };
    std::set<std::string> previous_live = {"motie-kroger-dijkstra-vvd-0a1b2c", "tz-2222", "tz-3333", "tz-1111"};
    std::vector<track::TrackedItem> current = {
        item("motie-kroger-dijkstra-0a1b2c", {{"brief-1", k_a}}),
        item("tz-1111", {{"brief-1", "Andere passage die blijft."}, {"brief-2", "  " + k_b}}),  // spacing differs
    };
    auto found = pipeline::find_item_aliases(previous, previous_live, current);
    std::sort(found.begin(), found.end(), [](auto& x, auto& y) { return x.alias < y.alias; });
    REQUIRE(found.size() == 2);
    CHECK(found[0].alias == "motie-kroger-dijkstra-vvd-0a1b2c");
    CHECK(found[0].target == "motie-kroger-dijkstra-0a1b2c");
    CHECK(found[0].why == "renamed");
    CHECK(found[1].alias == "tz-2222");
    CHECK(found[1].target == "tz-1111");
    CHECK(found[1].why == "merged");
}

TEST_CASE("link and unlink corrections follow renamed ids only, review decisions keep their passages", "[aliases]") {
    std::vector<track::Correction> corrections = {
        {"link", {"old-a", "old-b"}, "", "", {}, {}},
        {"unlink", {"old-a"}, "brief-1", "", {}, {}},
        {"link", {"tz-1", "tz-2"}, "", "", {}, {}},  // tz-2 merged into tz-1 by this very link: not followed
        {"accept", {"old-a"}, "", "", {{"brief-1", k_a}}, {}},
    };
    std::map<std::string, std::string> renamed = {{"old-a", "mid-a"}, {"mid-a", "new-a"}, {"old-b", "new-b"}};
    auto now = pipeline::with_current_ids(corrections, renamed);
    CHECK(now[0].items == std::vector<std::string>{"new-a", "new-b"});
    CHECK(now[1].items == std::vector<std::string>{"new-a"});
    CHECK(now[2].items == std::vector<std::string>{"tz-1", "tz-2"});
    CHECK(now[3].items == std::vector<std::string>{"old-a"});

    std::map<std::string, db::StoredAlias> aliases = {{"a", {"b", "renamed"}},
                                                      {"b", {"c", "merged"}},
                                                      {"loop-1", {"loop-2", "renamed"}},
                                                      {"loop-2", {"loop-1", "renamed"}}};
    auto live = [](const std::string& id) { return id == "c"; };
    auto to = db::follow_alias(aliases, "a", live);
    REQUIRE(to);
    CHECK(to->first == "c");
    CHECK(to->second == "merged");
    CHECK_FALSE(db::follow_alias(aliases, "loop-1", live));
    CHECK_FALSE(db::follow_alias(aliases, "c", live));
}

TEST_CASE("ids that changed keep working: corrections in git under an old id apply after retrack and reindex",
          "[aliases][e2e]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto copy = tmp.path / "001.txt";  // a letter with several commitments
    std::filesystem::copy_file(test::source_dir() / "corpus/001_0e545a94cc435d19.txt", copy);
    std::vector<std::string> warnings;
    std::string a, b;
    std::size_t before = 0;
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        REQUIRE(pipeline::ingest_file(*store, copy, {}).outcome != pipeline::Outcome::failed);
        REQUIRE(store->retrack(warnings));
        auto items = db::load_tracked_items(store->index().database(), {});
        REQUIRE(items.size() >= 2);
        before = items.size();
        a = items[0].id;
        b = items[1].id;
        // The index as an earlier toezeg left it: item a had another id, under which a person
        // linked b into it (the correction in git names the old id).
        store->index()
            .database()
            .prepare("UPDATE tracked_items SET id = 'tz-old-id-rule' WHERE id = ?1")
            .bind(1, a)
            .run();
        store->index().database().prepare("DELETE FROM tracked_items WHERE id = ?1").bind(1, b).run();
        REQUIRE(store->add_correction(track::Correction{"link", {"tz-old-id-rule", b}, "", "", {}, {}}));
        warnings.clear();
        REQUIRE(store->retrack(warnings));
        CHECK(warnings.empty());
        auto& db = store->index().database();
        auto merged = db::load_tracked_item(db, a);
        REQUIRE(merged);
        CHECK(std::any_of(merged->events.begin(), merged->events.end(), [](auto& e) { return e.type == "linked"; }));
        CHECK_FALSE(db::load_tracked_item(db, b));
        CHECK(db::load_tracked_items(db, {}).size() == before - 1);
        auto alias = db::find_alias(db, "item", "tz-old-id-rule");
        REQUIRE(alias);
        CHECK(alias->target == a);
        CHECK(alias->why == "renamed");
        auto of_b = db::find_alias(db, "item", b);
        REQUIRE(of_b);
        CHECK(of_b->target == a);
        CHECK(of_b->why == "merged");
        // Kept in git.
        auto kept = store->item_aliases();
        CHECK(kept.contains("tz-old-id-rule"));
        CHECK(kept.contains(b));
    }
    // reindex rebuilds the index from git alone: the aliases and the link under the old id hold.
    REQUIRE(pipeline::Store::reindex(paths));
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::read);
        REQUIRE(store);
        auto& db = store->index().database();
        CHECK(db::load_tracked_items(db, {}).size() == before - 1);
        CHECK_FALSE(db::load_tracked_item(db, b));
        auto alias = db::find_alias(db, "item", "tz-old-id-rule");
        REQUIRE(alias);
        CHECK(alias->target == a);
        // The report keeps a page at the old address that leads to the item.
        report::ReportOptions options;
        options.out_dir = tmp.path / "report";
        options.as_of = "2026-06-01";
        REQUIRE(report::write_report(store->index(), options));
        auto page = files::read(options.out_dir / "items" / "tz-old-id-rule.html", 1 << 20);
        REQUIRE(page);
        CHECK(page->find("<meta http-equiv=\"refresh\" content=\"0; url=" + a + ".html\">") != std::string::npos);
        CHECK(page->find("<a href=\"" + a + ".html\">" + a + "</a>") != std::string::npos);
        CHECK(std::filesystem::exists(options.out_dir / "items" / (b + ".html")));
        CHECK(std::filesystem::exists(options.out_dir / "items" / (a + ".html")));
        // The old item feed goes on (a feed reader follows no meta refresh): the item's entries
        // under the old feed id, and an entry that names the new id and its feed.
        auto feed = files::read(options.out_dir / "items" / "tz-old-id-rule.xml", 1 << 20);
        REQUIRE(feed);
        auto current = files::read(options.out_dir / "items" / (a + ".xml"), 1 << 20);
        REQUIRE(current);
        CHECK(feed->find("<id>urn:toezeg:item:tz-old-id-rule</id>") != std::string::npos);
        CHECK(feed->find("<link rel=\"self\" href=\"tz-old-id-rule.xml\"/>") != std::string::npos);
        CHECK(feed->find("<title>Het item tz-old-id-rule heet nu " + a + "</title>") != std::string::npos);
        CHECK(feed->find("volg voortaan " + a + ".xml.") != std::string::npos);
        CHECK(feed->find("<link href=\"../items/" + a + ".html\"/>") != std::string::npos);
        auto first_entry = current->find("<entry>");
        REQUIRE(first_entry != std::string::npos);
        auto entry_id = current->substr(current->find("<id>", first_entry),
                                        current->find("</id>", first_entry) - current->find("<id>", first_entry));
        CHECK(feed->find(entry_id) != std::string::npos);
        CHECK(std::count(feed->begin(), feed->end(), '\n') > std::count(current->begin(), current->end(), '\n'));
        // A second report keeps it unrendered, a fresh one writes it again byte for byte.
        auto again = report::write_report(store->index(), options);
        REQUIRE(again);
        auto kept = files::read(options.out_dir / "items" / "tz-old-id-rule.xml", 1 << 20);
        REQUIRE(kept);
        CHECK(*kept == *feed);
    }
}

TEST_CASE("reindex over an index of an earlier id rule keeps the old ids as aliases", "[aliases][e2e]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto copy = tmp.path / "c01.txt";
    std::filesystem::copy_file(
        test::source_dir() / "tests/data/real/c01_kst-21501-32-404_lvr-verslag-conform-toezegging.txt", copy);
    std::vector<std::string> warnings;
    std::string a;
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        REQUIRE(pipeline::ingest_file(*store, copy, {}).outcome != pipeline::Outcome::failed);
        REQUIRE(store->retrack(warnings));
        auto items = db::load_tracked_items(store->index().database(), {});
        REQUIRE(!items.empty());
        a = items[0].id;
        store->index()
            .database()
            .prepare("UPDATE tracked_items SET id = 'tz-before-reindex' WHERE id = ?1")
            .bind(1, a)
            .run();
    }
    REQUIRE(pipeline::Store::reindex(paths));
    auto store = pipeline::Store::open(paths, pipeline::Access::read);
    REQUIRE(store);
    auto alias = db::find_alias(store->index().database(), "item", "tz-before-reindex");
    REQUIRE(alias);
    CHECK(alias->target == a);
    CHECK(store->item_aliases().at("tz-before-reindex").target == a);
}

TEST_CASE("a motion on a joint Kamerstuk is named after its first dossier, the old id leads to it", "[aliases][e2e]") {
    // "de motie-Essers c.s. (Kamerstuk 30 306/30 307, letter D)" gave motie-3030630-307-D.
    CHECK(track::digits_and_dashes("30 306/30 307, letter D") == "30306-D");
    CHECK(track::digits_and_dashes("36 200 XIV/36 201, nr. 5") == "36200-XIV-5");
    CHECK(track::digits_and_dashes("21 501-02, nr. 1538") == "21501-02-1538");
    CHECK(track::digits_and_dashes("33 000 VIII, nr. 55") == "33000-VIII-55");
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto copy = tmp.path / "d07.txt";
    std::filesystem::copy_file(test::source_dir() /
                                   "tests/data/real/"
                                   "d07_kst-30804-F_ek-toegezegde-notitie-belastingheffing-overheidsbedrijven.txt",
                               copy);
    std::vector<std::string> warnings;
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        REQUIRE(pipeline::ingest_file(*store, copy, {}).outcome != pipeline::Outcome::failed);
        REQUIRE(store->retrack(warnings));
        auto& db = store->index().database();
        auto motion = db::load_tracked_item(db, "motie-30306-D");
        REQUIRE(motion);
        CHECK(motion->ref == "30 306/30 307, letter D");
        CHECK(motion->members == std::vector<std::string>{"Essers"});
        // The index as the earlier id rule left it.
        db.prepare("UPDATE tracked_items SET id = 'motie-3030630-307-D' WHERE id = 'motie-30306-D'").run();
    }
    REQUIRE(pipeline::Store::reindex(paths));
    auto store = pipeline::Store::open(paths, pipeline::Access::read);
    REQUIRE(store);
    auto alias = db::find_alias(store->index().database(), "item", "motie-3030630-307-D");
    REQUIRE(alias);
    CHECK(alias->target == "motie-30306-D");
}
