// End to end through the CLI: the official records of tests/data/opendata (a copy of
// ../shared/opendata; see its README) and the motions' XML give every motion its fate.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../unit/helpers.hpp"

using namespace toezeg;
using nlohmann::json;

namespace {

struct Expected {
    std::string zaak, decision, date, kabinetsappreciatie, besluit_id, successor;
};

std::vector<Expected> read_tsv(const std::string& relative) {
    std::istringstream in(test::read_source(relative));
    std::string line;
    std::getline(in, line);  // header
    std::vector<Expected> out;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            f.push_back(line.substr(start, tab - start));
        f.push_back(line.substr(start));
        REQUIRE(f.size() >= 7);
        out.push_back({f[0], f[2], f[3], f[4], f[5], f.size() > 7 ? f[7] : ""});
    }
    return out;
}

std::vector<json> json_lines(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

std::string expected_status(const std::string& decision) {
    if (decision == "aangenomen") return "open";
    if (decision == "verworpen" || decision == "gestaakt") return "rejected";
    if (decision == "aangehouden") return "held";
    return "lapsed";  // ingetrokken, vervangen
}

// Checks every expected motion against `status --json`; returns the items by Zaak nummer.
std::map<std::string, json> check_fates(const std::vector<json>& items, const std::vector<Expected>& expected) {
    std::map<std::string, json> by_zaak;
    for (auto& it : items)
        if (!it["fate"].is_null()) {
            INFO(it["id"]);
            CHECK(by_zaak.emplace(it["fate"]["zaak"].get<std::string>(), it).second);  // one item per motion
        }
    for (auto& e : expected) {
        INFO("zaak " << e.zaak);
        auto found = by_zaak.find(e.zaak);
        REQUIRE(found != by_zaak.end());
        const json& it = found->second;
        const json& fate = it["fate"];
        INFO(it["id"] << ": " << fate["summary"]);
        CHECK(it["kind"] == "motion");
        CHECK(fate["besluit"] == e.decision);
        CHECK(fate["date"] == e.date);
        CHECK(fate["kabinetsappreciatie"] == e.kabinetsappreciatie);
        if (!e.besluit_id.empty()) CHECK(fate["besluit_id"] == e.besluit_id);
        if (!e.successor.empty()) CHECK(fate["successor_zaak"] == e.successor);
        CHECK(it["status"] == expected_status(e.decision));
        if (e.decision != "aangenomen") CHECK(it["overdue"] == false);
        // Its own tracked item, made from its own document: id and first event are the Kamerstuk's.
        std::string kamerstuk = fate["kamerstuk"];
        CHECK(it["id"] == "motie-" + kamerstuk.substr(4));
        bool own_document = false;
        for (auto& ev : it["events"]) own_document = own_document || (ev["doc"] == kamerstuk && ev["type"] == "made");
        CHECK(own_document);
    }
    return by_zaak;
}

}  // namespace

TEST_CASE("e2e: after import and ingest, all 142 motions have the decision of expected-fate.tsv", "[import][e2e]") {
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    std::string bin = TOEZEG_BINARY;
    auto data = test::source_dir() / "tests/data/opendata";
    REQUIRE(test::run_program({bin, "import", "--init", "--store", store, (data / "odata").string()}) == 0);
    REQUIRE(test::run_program({bin, "ingest", "--store", store, (data / "moties-xml").string()}) == 0);

    auto expected = read_tsv("tests/data/opendata/expected-fate.tsv");
    REQUIRE(expected.size() == 142);
    std::string out;
    REQUIRE(test::run_program({bin, "status", "--store", store, "--json", "--as-of", "2026-12-01"}, &out) == 0);
    auto items = json_lines(out);
    auto by_zaak = check_fates(items, expected);
    CHECK(by_zaak.size() == 142);
    int adopted = 0, rejected = 0;
    for (auto& e : expected) (e.decision == "aangenomen" ? adopted : rejected) += 1;
    CHECK(adopted == 70);
    CHECK(rejected == 72);  // 70 verworpen and 2 gestaakt

    // Not one motion the Kamer did not adopt is open or overdue: in --open, --overdue, the CSV, the report's
    // items.json.
    for (const char* filter : {"--open", "--overdue"}) {
        REQUIRE(test::run_program({bin, "status", "--store", store, "--json", filter, "--as-of", "2026-12-01"}, &out) ==
                0);
        for (auto& it : json_lines(out)) {
            INFO(it["id"]);
            CHECK((it["fate"].is_null() || it["fate"]["decision"] == "adopted"));
        }
    }
    REQUIRE(test::run_program({bin, "status", "--store", store, "--csv", "--as-of", "2026-12-01"}, &out) == 0);
    int rejected_rows = 0;
    std::istringstream csv(out);
    for (std::string line; std::getline(csv, line);)
        if (line.find(",rejected,false,") != std::string::npos) {
            ++rejected_rows;
            CHECK((line.find(",\"verworpen ") != std::string::npos ||
                   line.find(",\"staking van stemmen ") != std::string::npos));
        }
    CHECK(rejected_rows == 72);
    auto site = tmp.path / "site";
    REQUIRE(test::run_program({bin, "report", "--store", store, "--out", site.string(), "--as-of", "2026-12-01"}) == 0);
    auto bytes = files::read(site / "items.json", 1 << 26);
    REQUIRE(bytes);
    auto exported = json::parse(*bytes);
    int exported_rejected = 0;
    for (auto& it : exported)
        if (!it["fate"].is_null() && it["fate"]["decision"] != "adopted") {
            ++exported_rejected;
            CHECK(it["status"] != "open");
            CHECK(it["overdue"] == false);
        }
    CHECK(exported_rejected == 72);
    auto feed = files::read(site / "feed.xml", 1 << 26);
    REQUIRE(feed);
    CHECK_THAT(*feed, Catch::Contains("<title>Motie verworpen 19 maart 2024, 59-91; Ontraden – "));

    // The item view tells the decision and the vote.
    REQUIRE(test::run_program({bin, "item", "--store", store, "motie-29628-1202"}, &out) == 0);
    CHECK_THAT(out, Catch::Contains("verworpen 19 maart 2024, 59-91; Ontraden"));
    CHECK_THAT(out, Catch::Contains("PVV 37"));

    // reindex keeps every fate: the records are in git.
    REQUIRE(test::run_program({bin, "reindex", "--store", store}) == 0);
    std::string after;
    REQUIRE(test::run_program({bin, "status", "--store", store, "--json", "--as-of", "2026-12-01"}, &after) == 0);
    CHECK(json_lines(after) == items);
}

TEST_CASE("e2e: replaced motions (vervangen) are lapsed with their successor linked", "[import][e2e]") {
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    std::string bin = TOEZEG_BINARY;
    auto data = test::source_dir() / "tests/data/opendata/extra";
    REQUIRE(test::run_program({bin, "import", "--init", "--store", store, (data / "odata").string()}) == 0);
    REQUIRE(test::run_program({bin, "ingest", "--store", store, (data / "moties-xml").string()}) == 0);
    auto expected = read_tsv("tests/data/opendata/extra/expected-fate.tsv");
    REQUIRE(expected.size() == 26);
    std::string out;
    REQUIRE(test::run_program({bin, "status", "--store", store, "--json", "--as-of", "2026-12-01"}, &out) == 0);
    auto by_zaak = check_fates(json_lines(out), expected);
    CHECK(by_zaak.at("2024Z05504")["fate"]["summary"] ==
          "vervangen 2 april 2024 door 36488-17; Niet beschikbaar bij gewijzigde moties en/of amendementen");
}
