#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "core/official.hpp"
#include "db/official_records.hpp"
#include "fetch/odata_page.hpp"
#include "helpers.hpp"
#include "pipeline/import_records.hpp"
#include "pipeline/store.hpp"
#include "track/fate.hpp"
#include "track/tracker.hpp"

using namespace toezeg;

namespace {

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
}

// Made-up records in the shape of the API's (ids are GUIDs of our own).
const char* k_zaak_page = R"({"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Zaak",
 "value": [{"Id": "aaaaaaaa-0000-0000-0000-000000000001", "Nummer": "2024Z99901", "Soort": "Motie",
            "Onderwerp": "Motie van het lid Test over proeven", "Kabinetsappreciatie": "Oordeel Kamer",
            "GewijzigdOp": "2024-03-01T10:00:00+01:00", "Verwijderd": false}],
 "@odata.nextLink": "zaak-2.json"})";
const char* k_zaak_page_2 = R"({"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Zaak",
 "value": [{"Id": "aaaaaaaa-0000-0000-0000-000000000002", "Nummer": "2024Z99902", "Soort": "Motie",
            "Onderwerp": "Motie van het lid Proef over testen", "Kabinetsappreciatie": "Ontraden",
            "GewijzigdOp": "2024-03-01T10:00:00+01:00", "Verwijderd": false}]})";

pipeline::Store open_store(const pipeline::StorePaths& paths) {
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    REQUIRE(store);
    return std::move(*store);
}

}  // namespace

TEST_CASE("odata page: entity from the context or the file name, nextLink, Verwijderd", "[import]") {
    auto page = fetch::parse_odata_page(k_zaak_page, "x/zaak-1.json");
    REQUIRE(page);
    CHECK(page->entity == "Zaak");
    CHECK(page->next_link == "zaak-2.json");
    REQUIRE(page->records.size() == 1);
    CHECK(page->records[0].id == "aaaaaaaa-0000-0000-0000-000000000001");
    CHECK_FALSE(page->records[0].deleted);

    auto named =
        fetch::parse_odata_page(R"({"value": [{"Id": "b-1", "Verwijderd": true}]})", "dir/Stemming.page2.json");
    REQUIRE(named);
    CHECK(named->entity == "Stemming");
    CHECK(named->records[0].deleted);
    CHECK(fetch::entity_of_context("https://x/OData/v4/2.0/$metadata#Besluit(Id,BesluitSoort)") == "Besluit");
}

TEST_CASE("odata page: hostile pages fail with the file and the reason", "[import]") {
    auto check = [](const std::string& bytes, const std::string& reason) {
        auto page = fetch::parse_odata_page(bytes, "bad.json");
        REQUIRE_FALSE(page);
        CHECK(page.error().subject == "bad.json");
        CHECK_THAT(page.error().message, Catch::Contains(reason));
    };
    check(R"({"value": [{"Id": "a-1"})", "JSON cut off at byte 25 of 24");
    check("<html>502</html>", "not JSON at byte 1 of 16");
    check("[1, 2]", "top level is not an object");
    check(R"({"@odata.context": "$metadata#Zaak", "values": []})", "no \"value\" array");
    check(R"({"@odata.context": "$metadata#Zaak", "value": [{"Nummer": "x"}]})", "record 1 of 1 has no string \"Id\"");
    check(R"({"@odata.context": "$metadata#Zaak", "value": [{"Id": "../../etc/passwd"}]})", "not a GUID");
    check(R"({"@odata.context": "$metadata#Zaak", "value": [{"Id": "a-1", "Verwijderd": "ja"}]})", "\"Verwijderd\"");
    check(R"({"value": []})", "cannot tell the entity");
}

TEST_CASE("fate: the latest deciding Besluit by GewijzigdOp, votes per fractie, the Kamer's count", "[import]") {
    track::MotionRecords m;
    m.zaak_nummer = "2024Z1";
    m.kamerstukken = {"kst-36410-VIII-58"};
    m.kabinetsappreciatie = "Oordeel Kamer";
    m.besluiten = {
        {"b1", "Stemmen - aangehouden", "Aangehouden.", "2024-03-19T16:00:00+01:00", {}},
        {"b0", "Stemming uitgesteld", "Stemming uitgesteld.", "2024-04-10T16:00:00+02:00", {}},
        {"b2",
         "Stemmen - aangenomen",
         "Aangenomen.",
         "2024-04-03T17:00:00+02:00",
         {{"Voor", "VVD", "2024-04-03T17:00", "", "", 24},
          {"Voor", "PVV", "2024-04-03T17:00", "", "", 37},
          {"Voor", "SP", "2024-04-03T17:00", "", "", 15},
          {"Tegen", "GL-PvdA", "2024-04-03T17:00", "", "", 25},
          {"Tegen", "NSC", "2024-04-03T17:00", "", "", 20},
          {"Tegen", "D66", "2024-04-03T17:00", "", "", 9},
          {"Tegen", "SP", "2024-04-02T10:00", "", "", 15},
          {"Tegen", "BBB", "2024-04-03T17:00", "", "", 20}}},
    };
    auto fate = track::decide_fate(m);
    REQUIRE(fate);
    CHECK(fate->decision == Decision::adopted);
    CHECK(fate->date == "2024-04-03");
    CHECK(fate->besluit_id == "b2");
    CHECK(fate->votes_for == 76);  // SP counted once, by its latest record
    CHECK(fate->votes_against == 74);
    CHECK(fate->seats_voted == 150);
    CHECK(fate->summary() == "aangenomen 3 april 2024, 76-74; Oordeel Kamer");
    CHECK(status_of_decision(fate->decision) == Status::open);

    // A hoofdelijke stemming (made-up records): each member's vote counts one, two of one fractie stay two.
    m.besluiten = {{"h1",
                    "Stemmen - verworpen",
                    "Verworpen.",
                    "2024-04-03T17:00:00+02:00",
                    {{"Voor", "SP", "t", "p-1", "Dijk", 5},
                     {"Tegen", "SP", "t", "p-2", "Kops", 5},
                     {"Tegen", "VVD", "t", "p-3", "Aa", 24}}}};
    fate = track::decide_fate(m);
    REQUIRE(fate);
    CHECK(fate->votes_for == 1);
    CHECK(fate->votes_against == 2);
    CHECK(fate->votes.size() == 3);

    // GewijzigdOp compared as instants: 02:30+01:00 (01:30 UTC) is after 03:10+02:00 (01:10 UTC).
    m.besluiten = {{"late", "Stemmen - verworpen", "Verworpen.", "2024-03-31T02:30:00+01:00", {}},
                   {"early", "Stemmen - aangenomen", "Aangenomen.", "2024-03-31T03:10:00.5+02:00", {}}};
    CHECK(track::decide_fate(m)->besluit_id == "late");

    m.besluiten = {{"b3", "Stemmen - gestaakt", "Gestaakt. (72-72)", "2024-03-05T16:00:00+01:00", {}}};
    fate = track::decide_fate(m);
    REQUIRE(fate);
    CHECK(fate->decision == Decision::tied);
    CHECK(status_of_decision(fate->decision) == Status::rejected);  // a tie does not adopt a motion
    CHECK(fate->summary() == "staking van stemmen 5 maart 2024, 72-72; Oordeel Kamer");

    m.besluiten = {{"b4", "Stemmen - aangehouden", "Aangehouden.", "2024-03-05T16:00:00+01:00", {}}};
    m.successor = "kst-36410-VIII-99";
    m.successor_zaak = "2024Z2";
    m.successor_date = "2024-03-12";
    fate = track::decide_fate(m);
    REQUIRE(fate);
    CHECK(fate->decision == Decision::replaced);
    CHECK(status_of_decision(fate->decision) == Status::lapsed);
    CHECK(fate->summary() == "vervangen 12 maart 2024 door 36410-VIII-99; Oordeel Kamer");

    m.successor.clear();
    m.besluiten = {{"b5", "Stemmen - ingetrokken", "Ingetrokken.", "2024-03-05T16:00:00+01:00", {}}};
    CHECK(status_of_decision(track::decide_fate(m)->decision) == Status::lapsed);
    m.besluiten = {{"b6", "Stemming uitgesteld", "Stemming uitgesteld.", "2024-03-05T16:00:00+01:00", {}}};
    CHECK_FALSE(track::decide_fate(m));

    auto again = track::fate_from_json(track::fate_to_json(*track::decide_fate(track::MotionRecords{
        "Z",
        "",
        "Ontraden",
        {"kst-1-2"},
        {},
        {{"b", "Stemmen - verworpen", "Verworpen.", "2024-01-02T00:00:00+01:00", {{"Voor", "SP", "", "", "", 5}}}},
        "",
        "",
        ""})));
    REQUIRE(again);
    CHECK(again->decision == Decision::rejected);
    CHECK(again->votes.size() == 1);
    CHECK(again->summary() == "verworpen 2 januari 2024, 5-0 (stemmen van 5 van 150 zetels bekend); Ontraden");
}

TEST_CASE("fate: what a motion asks, from its official title", "[import]") {
    using toezeg::track::official_motion_subject;
    // Real titles (../shared/opendata/odata): the lead-in and the "(t.v.v. ...)" go, the rest stays.
    CHECK(official_motion_subject("Motie van het lid Bamenga c.s. over samen met Schiphol op de kortst mogelijke termijn een "
                                  "nachtsluiting realiseren") ==
          "samen met Schiphol op de kortst mogelijke termijn een nachtsluiting realiseren");
    CHECK(official_motion_subject("Motie van de leden Omtzigt en Mutluer over bij de herziening van de Wiv voorstellen dat de "
                                  "CTIVD functioneel toezicht houdt ") ==
          "bij de herziening van de Wiv voorstellen dat de CTIVD functioneel toezicht houdt");
    CHECK(official_motion_subject("Gewijzigde motie van het lid Kostic over een plan van aanpak (t.v.v. 28286-1300)") ==
          "een plan van aanpak");
    CHECK(official_motion_subject("Evaluatie van de Wet  herziening over 2024") == "Evaluatie van de Wet herziening over 2024");
    CHECK(official_motion_subject("Motie van het lid Kostic (t.v.v. 28286-1300)") == "Motie van het lid Kostic");
    CHECK(official_motion_subject("").empty());
}

TEST_CASE("kamerstuk ids: from a motion's reference and back", "[import]") {
    CHECK(kamerstuk_id("36 410 VIII, nr. 58") == "kst-36410-VIII-58");
    CHECK(kamerstuk_id("21 501-20, nr. 2247") == "kst-21501-20-2247");
    CHECK(kamerstuk_id("29 628, nr. 1202") == "kst-29628-1202");
    CHECK(kamerstuk_id("motie Van Zanten") == "");
    for (const char* ref : {"36 410 VIII, nr. 58", "21 501-20, nr. 2247", "29 628, nr. 1202", "36 600 XVI, nr. 154"})
        CHECK(ref_of_kamerstuk(kamerstuk_id(ref)) == ref);
}

TEST_CASE("import: a Verwijderd or Vergissing that is null, a string or a number is not true, never a crash",
          "[import][hostile]") {
    // Found by the odata fuzz harness: "Verwijderd": null passes the page check (null is allowed)
    // and then threw in the index (nlohmann's value() on a field of another type).
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    write_file(tmp.path / "Stemming.json", R"({"@odata.context": "$metadata#Stemming", "value": [
        {"Id": "aaaaaaaa-0000-0000-0000-000000000005", "Verwijderd": null, "Vergissing": null, "Soort": "Voor",
         "FractieGrootte": 15, "ActorFractie": "Test", "Besluit_Id": "bbbbbbbb-0000-0000-0000-000000000001"},
        {"Id": "aaaaaaaa-0000-0000-0000-000000000006", "Vergissing": "ja", "Soort": "Tegen"}]})");
    write_file(tmp.path / "Document.json", R"({"@odata.context": "$metadata#Document", "value": [
        {"Id": "cccccccc-0000-0000-0000-000000000001", "Verwijderd": null, "Soort": "Motie", "Titel": "Motie",
         "HuidigeDocumentVersie": {"Id": "dddddddd-0000-0000-0000-000000000001", "Verwijderd": 1,
           "DocumentPublicatie": [{"Id": "eeeeeeee-0000-0000-0000-000000000001", "Verwijderd": "nee"}]},
         "DocumentActor": [{"Id": "ffffffff-0000-0000-0000-000000000001", "Verwijderd": null, "ActorNaam": "Test"}]}]})");
    write_file(tmp.path / "Persoon.json", R"({"@odata.context": "$metadata#Persoon", "value": [
        {"Id": "abababab-0000-0000-0000-000000000001", "Verwijderd": null, "Achternaam": "Test"}]})");
    auto store = open_store(paths);
    auto done = pipeline::import_records(store, {(tmp.path / "Stemming.json").string(), (tmp.path / "Document.json").string(),
                                                 (tmp.path / "Persoon.json").string()});
    REQUIRE(done);
    CHECK(done->failed.empty());
    CHECK(done->added == 4);
    CHECK(db::count_official_records(store.index().database(), "Stemming") == 2);  // neither is deleted
    CHECK(db::count_official_records(store.index().database(), "Document") == 1);
}

TEST_CASE("import: paging by nextLink, one commit per import, Verwijderd, a malformed file, reindex", "[import]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto pages = tmp.path / "pages";
    write_file(pages / "zaak-1.json", k_zaak_page);
    write_file(pages / "zaak-2.json", k_zaak_page_2);
    write_file(pages / "broken.json", R"({"@odata.context": "$metadata#Besluit", "value": [{"Id": "c-1",)");
    {
        auto store = open_store(paths);
        auto before = store.corpus().history()->size();
        // Only the first page is named: the second is reached by its nextLink.
        auto done =
            pipeline::import_records(store, {(pages / "zaak-1.json").string(), (pages / "broken.json").string()});
        REQUIRE(done);
        REQUIRE(done->pages.size() == 2);
        CHECK(done->pages[1].file == (pages / "zaak-2.json").string());
        CHECK(done->added == 2);
        REQUIRE(done->failed.size() == 1);
        CHECK(done->failed[0].subject == (pages / "broken.json").string());
        CHECK_THAT(done->failed[0].message, Catch::Contains("JSON cut off"));
        CHECK(store.corpus().history()->size() == before + 1);
        CHECK(db::count_official_records(store.index().database(), "Zaak") == 2);
        CHECK(store.corpus().read_file(pipeline::official_record_path("Zaak", "aaaaaaaa-0000-0000-0000-000000000002")));

        // The same pages again: nothing changes, no commit.
        auto again = pipeline::import_records(store, {pages.string()});
        REQUIRE(again);
        CHECK(again->unchanged == 2);
        CHECK(again->commit.empty());
        CHECK(store.corpus().history()->size() == before + 1);
    }
    // A record that changes (its Kabinetsappreciatie) is a new version of its file: one more commit.
    {
        std::string changed = k_zaak_page_2;
        changed.replace(changed.find("Ontraden"), 8, "Oordeel Kamer");
        write_file(tmp.path / "changed" / "Zaak.json", changed);
        auto store = open_store(paths);
        auto done = pipeline::import_records(store, {(tmp.path / "changed").string()});
        REQUIRE(done);
        CHECK(done->changed == 1);
        CHECK(done->added == 0);
        CHECK_THAT(
            *store.corpus().read_file(pipeline::official_record_path("Zaak", "aaaaaaaa-0000-0000-0000-000000000002")),
            Catch::Contains("Oordeel Kamer"));
        auto history = store.corpus().history();
        REQUIRE(history->size() == 2);
        CHECK_THAT(history->back().message, Catch::Contains("0 new, 1 changed, 0 deleted"));
    }
    // A crash between the git commit and the index: the next writer indexes the import from git.
    {
        auto store = open_store(paths);
        REQUIRE(store.corpus().history()->size() == 2);  // the two imports' commits
        store.index().database().exec("DELETE FROM official_zaak");
        store.index().set_state("indexed_head", store.corpus().history()->front().id);
    }
    {
        auto store = open_store(paths);
        CHECK(db::count_official_records(store.index().database(), "Zaak") == 2);
    }
    // The API marks the second Zaak deleted: its file leaves git (its history stays), and the index.
    auto deleted = tmp.path / "deleted";
    write_file(deleted / "Zaak.json",
               R"({"value": [{"Id": "aaaaaaaa-0000-0000-0000-000000000002", "Verwijderd": true}]})");
    {
        auto store = open_store(paths);
        auto done = pipeline::import_records(store, {deleted.string()});
        REQUIRE(done);
        CHECK(done->deleted == 1);
        CHECK(db::count_official_records(store.index().database(), "Zaak") == 1);
        CHECK_FALSE(
            store.corpus().read_file(pipeline::official_record_path("Zaak", "aaaaaaaa-0000-0000-0000-000000000002")));
    }
    // A nextLink to no file is an error of that page; a URL is a warning.
    write_file(tmp.path / "dangling" / "Zaak.json", R"({"value": [], "@odata.nextLink": "Zaak.page9.json"})");
    write_file(tmp.path / "url" / "Zaak.json",
               R"({"value": [], "@odata.nextLink": "https://example.org/Zaak?$skiptoken=1"})");
    {
        auto store = open_store(paths);
        auto done = pipeline::import_records(
            store, {(tmp.path / "dangling").string(), (tmp.path / "url").string(), "/no/such/file.json"});
        REQUIRE(done);
        REQUIRE(done->failed.size() == 2);
        CHECK_THAT(done->failed[0].message, Catch::Contains("no such file"));
        CHECK_THAT(done->failed[1].message, Catch::Contains("'Zaak.page9.json', which is no file next to it"));
        REQUIRE(done->warnings.size() == 1);
        CHECK_THAT(done->warnings[0], Catch::Contains("is a URL"));
    }
    // reindex rebuilds the official tables from git alone.
    REQUIRE(pipeline::Store::reindex(paths));
    auto store = open_store(paths);
    CHECK(db::count_official_records(store.index().database(), "Zaak") == 1);
    auto motions = db::load_motion_records(store.index().database());
    REQUIRE(motions.size() == 1);
    CHECK(motions[0].zaak_nummer == "2024Z99901");
}

TEST_CASE("tracking: the official fate decides whether a motion is an obligation, letters whether it is carried out",
          "[import][track]") {
    auto letter = [](const std::string& id, const std::string& date, const std::string& ref, Status status) {
        track::Letter l;
        l.doc_id = id;
        l.date = date;
        Item motion;
        motion.kind = Kind::motion;
        motion.status = status;
        motion.ref = ref;
        motion.members = {"Bikker"};
        motion.member = "Bikker";
        motion.due = "2024-06-01";
        motion.evidence = "De motie-Bikker (" + ref + ") wordt uitgevoerd.";
        l.items.push_back(motion);
        return l;
    };
    auto fate = [](const std::string& kamerstuk, Decision d) {
        OfficialFate f;
        f.kamerstuk = kamerstuk;
        f.decision = d;
        f.date = "2024-03-19";
        f.zaak = "Z-" + kamerstuk;
        f.subject = "Motie van het lid Bikker over " + kamerstuk;
        return f;
    };
    std::vector<track::Letter> letters = {letter("brief-1", "2024-05-01", "36 410 VIII, nr. 58", Status::fulfilled),
                                          letter("brief-2", "2024-05-01", "36 410 VIII, nr. 59", Status::fulfilled),
                                          letter("brief-3", "2024-05-01", "36 410 VIII, nr. 60", Status::open)};
    std::vector<OfficialFate> fates = {
        fate("kst-36410-VIII-58", Decision::rejected), fate("kst-36410-VIII-59", Decision::adopted),
        fate("kst-36410-VIII-60", Decision::held), fate("kst-36410-VIII-61", Decision::adopted)};
    std::vector<std::string> warnings;
    auto items = track::track(letters, {}, fates, warnings);
    std::map<std::string, track::TrackedItem> by_id;
    for (auto& t : items) by_id[t.id] = t;
    REQUIRE(by_id.size() == 4);
    CHECK(by_id["motie-36410-VIII-58"].status ==
          Status::rejected);  // a letter cannot make a rejected motion carried out
    CHECK_FALSE(track::is_overdue(by_id["motie-36410-VIII-58"], "2026-01-01"));
    CHECK(by_id["motie-36410-VIII-59"].status == Status::fulfilled);  // adopted, and the letter carries it out
    CHECK(by_id["motie-36410-VIII-60"].status == Status::held);
    CHECK_FALSE(track::is_overdue(by_id["motie-36410-VIII-60"], "2026-01-01"));
    // Known only from the records: a motion of its own, open (adopted), with the Zaak's subject.
    auto& only = by_id["motie-36410-VIII-61"];
    CHECK(only.status == Status::open);
    CHECK(only.ref == "36 410 VIII, nr. 61");
    CHECK(only.subject == "kst-36410-VIII-61");  // the title's words after "over" (official_motion_subject)
    REQUIRE(only.events.size() == 1);
    CHECK(only.events[0].type == "decided");
    // The decision is an event in the timeline, in date order (before the letter of May).
    auto& rejected = by_id["motie-36410-VIII-58"].events;
    REQUIRE(rejected.size() == 2);
    CHECK(rejected[0].type == "decided");
    CHECK(rejected[0].evidence == "verworpen 19 maart 2024");
}
