// End to end through the CLI: the made-up series of tests/data/registers/series (see its README:
// register records following the Toezegging $metadata, letters written for the test) and the
// real EK pages; each register record lands in the right list of `reconcile --json`, a person's
// link / unlink and reject apply, reindex keeps it, and the report's Register page shows it.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "../unit/helpers.hpp"

using namespace toezeg;
using nlohmann::json;

namespace {

struct Store {
    test::TempDir tmp;
    std::string path = (tmp.path / "store").string();
    std::string bin = TOEZEG_BINARY;

    int run(std::vector<std::string> args, std::string* out = nullptr) {
        args.insert(args.begin() + 1, {"--store", path});
        args.insert(args.begin(), bin);
        return test::run_program(args, out);
    }
    json reconcile() {
        std::string out;
        REQUIRE(run({"reconcile", "--json", "--as-of", "2026-12-01"}, &out) == 0);
        return json::parse(out);
    }
};

std::vector<std::string> numbers(const json& list) {
    std::vector<std::string> out;
    for (auto& r : list) out.push_back(r["number"]);
    return out;
}

const json& row(const json& rec, const std::string& number) {
    for (auto& r : rec["all"])
        if (r["number"] == number) return r;
    FAIL("no register record " << number);
    throw std::logic_error("unreachable");
}

bool has_reason(const json& r, const std::string& start) {
    for (auto& why : r["reasons"])
        if (why.get<std::string>().starts_with(start)) return true;
    return false;
}

}  // namespace

TEST_CASE("e2e: a series of letters and register records, each in the right list", "[registers][e2e]") {
    Store s;
    auto data = test::source_dir() / "tests/data/registers/series";
    REQUIRE(s.run({"import", (data / "register").string()}) == 2);  // no store yet: usage error
    REQUIRE(s.run({"init"}) == 0);
    REQUIRE(s.run({"import", (data / "register").string()}) == 0);
    REQUIRE(s.run({"ingest", (data / "letters").string()}) == 0);
    auto rec = s.reconcile();
    CHECK(rec["records"]["tk"] == 4);
    CHECK(rec["records"]["ek"] == 0);

    // Made in a debate, fulfilled by a letter that does not name its number: joined by the
    // debate's date, the Kamerlid and the subject; both sides say fulfilled.
    auto& woo = row(rec, "TZ202403-101");
    CHECK(woo["register_status"] == "fulfilled");
    CHECK(woo["letters_status"] == "fulfilled");
    CHECK(woo["letter"]["doc"] == "brief-2024-06-10-tk-evaluatie-van-de-wet-open-overheid");
    CHECK(has_reason(woo, "toegezegd op dezelfde dag (12 maart 2024)"));
    CHECK(has_reason(woo, "aan hetzelfde Kamerlid (kröger)"));
    CHECK_FALSE(has_reason(woo, "de brief"));  // not by number: the letter names none
    std::string woo_item = woo["item"];
    CHECK(woo_item.starts_with("tz-"));

    // A letter that names the number and fulfils it; the register still holds it open.
    CHECK(numbers(rec["open_but_fulfilled"]) == std::vector<std::string>{"TZ202404-202"});
    auto& brp = rec["open_but_fulfilled"][0];
    CHECK(brp["register_status_text"] == "Openstaand");
    CHECK(brp["letters_status"] == "fulfilled");
    CHECK(brp["letter"]["doc"] == "brief-2024-09-02-tk-kosten-van-de-basisregistratie-personen");
    CHECK(has_reason(
        brp,
        "de brief brief-2024-09-02-tk-kosten-van-de-basisregistratie-personen noemt TZ202404-202 in de passage zelf"));

    // Fulfilled in the register, no letter for it in the store.
    CHECK(numbers(rec["fulfilled_without_letter"]) == std::vector<std::string>{"TZ202401-404"});
    CHECK(rec["fulfilled_without_letter"][0]["register_letter"] == "2024D09876");
    CHECK(rec["fulfilled_without_letter"][0]["item"] == "reg-TZ202401-404");

    // Past the register's deadline while it holds them open (the one fulfilled by a letter too).
    CHECK(numbers(rec["overdue"]) == std::vector<std::string>{"TZ202402-303", "TZ202404-202"});

    // A letter's commitment the register does not hold.
    REQUIRE(rec["not_in_register"].size() == 1);
    auto& fresh = rec["not_in_register"][0];
    CHECK(fresh["doc"] == "brief-2024-09-20-tk-toekomst-van-de-gemeentelijke");
    CHECK(fresh["status"] == "open");
    std::string fresh_item = fresh["item"];

    // Register records no letter holds are tracked commitments of their own.
    std::string out;
    REQUIRE(s.run({"item", "reg-TZ202402-303"}, &out) == 0);
    CHECK(out.find("huurtoeslag voor studenten") != std::string::npos);

    // A person parts the register record from the letter's item: it stands alone, the letter's
    // commitment is then not in the register, and the register calls it fulfilled without a letter.
    REQUIRE(s.run({"unlink", woo_item, "reg-TZ202403-101"}) == 0);
    rec = s.reconcile();
    CHECK(row(rec, "TZ202403-101")["item"] == "reg-TZ202403-101");
    CHECK(numbers(rec["fulfilled_without_letter"]) == std::vector<std::string>{"TZ202401-404", "TZ202403-101"});
    CHECK(rec["not_in_register"].size() == 2);
    // And links them again by hand.
    REQUIRE(s.run({"link", woo_item, "reg-TZ202403-101"}) == 0);
    rec = s.reconcile();
    CHECK(row(rec, "TZ202403-101")["item"] == woo_item);
    CHECK(row(rec, "TZ202403-101")["by_hand"] == true);
    CHECK(s.run({"link", woo_item, "reg-TZ202403-101", "reg-TZ202402-303"}) == 2);  // one record with one item

    // A review decision: the new letter's passage is no commitment; it leaves the list.
    REQUIRE(s.run({"reject", fresh_item}) == 0);
    rec = s.reconcile();
    CHECK(rec["not_in_register"].empty());

    // Importing the same records again changes nothing; reindex rebuilds the same from git.
    REQUIRE(s.run({"import", (data / "register").string()}, &out) == 0);
    CHECK(out.find("0 new, 0 changed, 4 unchanged") != std::string::npos);
    auto before = s.reconcile();
    REQUIRE(s.run({"reindex"}) == 0);
    CHECK(s.reconcile() == before);
}

TEST_CASE("e2e: the real EK pages and committee notes through import, history kept across imports",
          "[registers][e2e]") {
    Store s;
    auto ek = test::source_dir() / "tests/data/registers/ek";
    std::string out;
    // The decisions first, the register page later: the page's record keeps the history.
    REQUIRE(s.run({"import", "--init", (ek / "EK-korte-aantekeningen-KOREL-2016-09-13_vk7gm29v8bw2.txt").string()}) ==
            0);
    REQUIRE(s.run({"import", ek.string()}, &out) == 0);
    auto rec = s.reconcile();
    CHECK(rec["records"]["ek"] == 44);  // 42 numbers from the notes, T01237 and T01970 from the pages
    auto& t01220 = row(rec, "T01220");
    REQUIRE(t01220["history"].size() == 2);
    CHECK(t01220["history"][0]["date"] == "2016-09-13");
    CHECK(t01220["history"][1]["due"] == "2018-01-01");
    CHECK(t01220["due"] == "2018-01-01");
    CHECK(t01220["overdue"] == true);
    auto& t01237 = row(rec, "T01237");
    CHECK(t01237["register_status"] == "open");
    CHECK(t01237["due"] == "2024-01-01");
    CHECK(t01237["item"] == "reg-T01237");
    CHECK(row(rec, "T02853")["register_status"] == "partial");
    CHECK(row(rec, "T02849")["register_status"].is_null());  // an explanation asked: no status decided
}

TEST_CASE("e2e: the report's Register page: the lists a reader sees, every link resolves", "[registers][e2e][report]") {
    Store s;
    auto data = test::source_dir() / "tests/data/registers/series";
    REQUIRE(s.run({"import", "--init", (data / "register").string()}) == 0);
    REQUIRE(s.run({"ingest", (data / "letters").string()}) == 0);
    auto site = s.tmp.path / "site";
    REQUIRE(s.run({"report", "--out", site.string(), "--as-of", "2026-12-01"}) == 0);
    auto page = test::read_source((site / "register.html").string());
    for (auto words :
         {"<h1>Register</h1>", "Open in het register, voldaan volgens een brief (1)",
          "Voldaan volgens het register, geen brief gevonden (1)",
          "Toezeggingen uit brieven die niet in het register staan (1)", "Over de termijn in het register (2)",
          "Alle registeritems (4)", "<code>TZ202404-202</code>", "Openstaand", "2024D09876",
          "noemt TZ202404-202 in de passage zelf", "aan hetzelfde Kamerlid (kröger)", "1 mei 2024"})
        CHECK(page.find(words) != std::string::npos);
    // Every link on the page leads to a file of the site.
    static const RE2 href(R"re(href="([^"#]+)")re");
    re2::StringPiece rest(page);
    std::string target;
    int links = 0;
    while (RE2::FindAndConsume(&rest, href, &target)) {
        INFO(target);
        CHECK(std::filesystem::exists(site / target));
        ++links;
    }
    CHECK(links > 10);
    // The dashboard's navigation leads to it.
    CHECK(test::read_source((site / "index.html").string()).find("href=\"register.html\">Register</a>") !=
          std::string::npos);
}
