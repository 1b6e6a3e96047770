// The dashboard's breakdowns as a reader sees them: one row per person.
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "report_site.hpp"

using namespace toezeg;

TEST_CASE("report: the per-Kamerlid breakdown has one row per person, under the most common spelling", "[report]") {
    // Motions of Kostić; one of them (motie-36600-A-47) spells the name "Kostic".
    std::vector<std::string> inputs;
    for (auto& f : std::filesystem::directory_iterator(test::source_dir() / "tests/data/opendata/moties-xml"))
        if (test::slurp(f.path()).find("Kosti") != std::string::npos)
            inputs.push_back(std::filesystem::relative(f.path(), test::source_dir()).string());
    REQUIRE(inputs.size() >= 10);
    test::ReportSite site(inputs);
    site.write("2026-06-01");
    auto index = test::slurp(site.out / "index.html");
    auto from = index.find("id=\"per-kamerlid\"");
    REQUIRE(from != std::string::npos);
    auto table = index.substr(from, index.find("</table>", from) - from);
    // Both spellings lead to one page; it has one row, counting every motion of either spelling.
    std::string name;
    int count = 0;
    REQUIRE(RE2::PartialMatch(table, "<a href=\"kamerlid/kostic.html\">([^<]+)</a></th>(?:<td>\\d+</td>){3}<td>(\\d+)</td>",
                              &name, &count));
    CHECK(name == "Kostić");
    CHECK(count == static_cast<int>(inputs.size()));
    CHECK(table.find("kamerlid/kostic.html", table.find("kamerlid/kostic.html") + 1) == std::string::npos);
    CHECK(table.find(">Kostic<") == std::string::npos);
}
