// What the dashboard shows as a reader sees it: one row per person, motions by their official title.
#include <catch2/catch.hpp>
#include <regex>

#include "report/format.hpp"
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
    std::smatch m;
    REQUIRE(std::regex_search(
        table, m, std::regex("<a href=\"kamerlid/kostic.html\">([^<]+)</a></th>(<td>\\d+</td>){3}<td>(\\d+)</td>")));
    CHECK(m[1].str() == "Kostić");
    CHECK(std::stoi(m[3].str()) == static_cast<int>(inputs.size()));
    CHECK(table.find("kamerlid/kostic.html", table.find("kamerlid/kostic.html") + 1) == std::string::npos);
    CHECK(table.find(">Kostic<") == std::string::npos);
}

TEST_CASE("report: a motion is called by its official title, not by a sentence of the letter that mentions it",
          "[report]") {
    CHECK(report::motion_title_subject(
              "Gewijzigde motie van de leden Ceder en Boomsma over in gesprek gaan met de Respect Foundation "
              "teneinde financiering voor 2025 te organiseren (t.v.v. 36600-XV-77)") ==
          "in gesprek gaan met de Respect Foundation teneinde financiering voor 2025 te organiseren");
    CHECK(report::motion_title_subject("Motie van het lid Kostic een brede maatschappelijke kosten-batenanalyse ") ==
          "Motie van het lid Kostic een brede maatschappelijke kosten-batenanalyse");
    track::TrackedItem t;
    t.kind = Kind::motion;
    t.subject = "Hierbij wordt uw Kamer geïnformeerd over de invulling van de motie";
    CHECK(report::item_summary(t) == t.subject);  // no official records: the detected subject
    OfficialFate fate;
    fate.subject = "Motie van het lid Piri c.s. over de diplomatieke slagkracht middels het postennetwerk in stand houden";
    t.fate = fate;
    CHECK(report::item_summary(t) == "de diplomatieke slagkracht middels het postennetwerk in stand houden");
    t.review = "corrected";  // a subject a person set stays
    CHECK(report::item_summary(t) == t.subject);
}
