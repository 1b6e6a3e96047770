// Activiteit, Persoon and Fractie records (issue 12, point 1): imported and kept like the other
// official records, indexed by migration 009, and used to resolve what a Toezegging names only by
// reference: its debate (ActiviteitNummer, or the SyncFeed's activiteit Id) and the Kamerlid and
// fractie it was made to (Ids). The Persoon and Fractie records of tests/data/registers/people
// are real (from the expansions of the real Stemming records); the Activiteit and Toezegging
// records there are MADE UP in the fields of the API's $metadata: no real ones exist in ../shared.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/register.hpp"
#include "helpers.hpp"

using namespace toezeg;

namespace {

const std::string k_people = "tests/data/registers/people/";

std::string data(const std::string& relative) { return (test::source_dir() / relative).string(); }

std::string reconcile(const std::string& store) {
    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "reconcile", "--store", store, "--as-of", "2024-07-01"}, &out) == 0);
    return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("register_made_in: the debate with its article and date, or nothing", "[people]") {
    RegisterRecord r;
    CHECK(register_made_in(r).empty());
    r.activity_kind = "Commissiedebat";
    r.activity_subject = "Wet open overheid";
    r.made_on = "2024-03-12";
    CHECK(register_made_in(r) == "toegezegd in het commissiedebat Wet open overheid van 12 maart 2024");
    r.activity_kind = "Plenair debat (tweeminutendebat)";
    CHECK(register_made_in(r) == "toegezegd in het plenaire debat Wet open overheid van 12 maart 2024");
    r.activity_kind = "Procedurevergadering";
    r.activity_subject.clear();
    r.made_on.clear();
    CHECK(register_made_in(r) == "toegezegd in de procedurevergadering");
    RegisterRecord ek;
    ek.chamber = Chamber::ek;
    ek.activity = "Mondeling overleg";
    ek.made_on = "2009-04-07";
    CHECK(register_made_in(ek) == "toegezegd in het mondeling overleg van 7 april 2009");
    RegisterRecord to;
    CHECK(register_made_to(to).empty());
    to.members = {"F.H. Bruyning"};
    to.party = "Nieuw Sociaal Contract";
    CHECK(register_made_to(to) == "F.H. Bruyning (Nieuw Sociaal Contract)");
}

TEST_CASE(
    "import: a Toezegging's debate, Kamerlid and fractie resolved from Activiteit, Persoon and Fractie records, "
    "in whatever order they arrive",
    "[people][cli]") {
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    // The Toezeggingen first: they name their debate by number and the Kamerlid by Id only.
    REQUIRE(test::run_program(
                {TOEZEG_BINARY, "import", "--init", "--store", store, data(k_people + "Toezegging.madeup.json")}) == 0);
    std::string before = reconcile(store);
    CHECK(has(before, "TZ202405-901"));
    CHECK_FALSE(has(before, "toegezegd in"));
    CHECK_FALSE(has(before, "toegezegd aan"));

    // Then the folder with the Activiteit (one a deleted row), Persoon and Fractie pages.
    std::string out;
    REQUIRE(test::run_program({TOEZEG_BINARY, "import", "--store", store, data(k_people)}, &out) == 0);
    std::string after = reconcile(store);
    CHECK(has(after, "toegezegd in het commissiedebat Digitale overheid van 15 mei 2024"));
    CHECK(has(after, "toegezegd aan F.H. Bruyning (Nieuw Sociaal Contract)"));
    CHECK(has(after, "toegezegd in het plenaire debat Asielbeleid van 5 juni 2024"));
    CHECK(has(after, "toegezegd aan C. Martens-America"));

    // Kept in git like every official record; the deleted Activiteit is not.
    std::string git = (tmp.path / "store" / "corpus.git").string();
    CHECK(test::run_program({"git", "--git-dir", git, "cat-file", "-e",
                             "HEAD:official/Activiteit/0e/0e0f0a02-0000-4000-8000-000000000901.json"}) == 0);
    CHECK(test::run_program({"git", "--git-dir", git, "cat-file", "-e",
                             "HEAD:official/Persoon/00/0099298f-7327-4a49-823e-79e1435bb149.json"}) == 0);
    CHECK(test::run_program({"git", "--git-dir", git, "cat-file", "-e",
                             "HEAD:official/Activiteit/0e/0e0f0a02-0000-4000-8000-000000000903.json"}) != 0);

    // reconcile --json: the phrase and the resolved names, the same after a reindex from git.
    std::string json_out;
    REQUIRE(test::run_program({TOEZEG_BINARY, "reconcile", "--store", store, "--json", "--as-of", "2024-07-01"},
                              &json_out) == 0);
    auto j = nlohmann::json::parse(json_out);
    bool found = false;
    for (auto& row : j["all"])
        if (row["number"] == "TZ202405-901") {
            found = true;
            CHECK(row["made_on"] == "2024-05-15");
            CHECK(row["made_in"] == "toegezegd in het commissiedebat Digitale overheid van 15 mei 2024");
            CHECK(row["members"] == nlohmann::json::array({"F.H. Bruyning"}));
            CHECK(row["party"] == "Nieuw Sociaal Contract");
            CHECK(row["committee"] == "vaste commissie voor Digitale Zaken");
        }
    CHECK(found);
    REQUIRE(test::run_program({TOEZEG_BINARY, "reindex", "--store", store}) == 0);
    CHECK(reconcile(store) == after);
}

TEST_CASE("import: the SyncFeed's toezegging names its debate by Id, the Activiteit record gives it a date",
          "[people][cli]") {
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    REQUIRE(test::run_program({TOEZEG_BINARY, "import", "--init", "--store", store,
                               data("tests/data/registers/tk/syncfeed-toezegging.madeup.xml"),
                               data(k_people + "Activiteit.madeup.json")}) == 0);
    std::string out = reconcile(store);
    CHECK(has(out, "TZ202404-505"));
    CHECK(has(out, "toegezegd in het commissiedebat Digitale identiteit van 24 april 2024"));
    // Its Kamerlid's and fractie's Ids name no record here: nothing is made up for them.
    CHECK_FALSE(has(out, "toegezegd aan"));
}
