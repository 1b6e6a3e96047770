// The submitters of real motions (tests/data/opendata/moties-xml, a copy of ../shared/opendata)
// and one Kamerlid page per person.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "helpers.hpp"
#include "ingest/kst_xml.hpp"
#include "report/follow_pages.hpp"

using namespace toezeg;

namespace {
ingest::XmlDocument read_motion(const std::string& name) {
    std::string relative = "tests/data/opendata/moties-xml/" + name;
    auto xml = ingest::read_kst_xml(test::read_source(relative), relative);
    REQUIRE(xml);
    return *xml;
}
}  // namespace

TEST_CASE("motion XML: the submitters are the names after the motion's last sentence", "[formats]") {
    // An <al-groep> of two clauses in the text, and "Teunissen," among the 14 names.
    auto mh17 = read_motion("2024Z11440_0f2971fb-8b9c-4c79-ba57-fabf6b7abdc5.xml");
    CHECK(mh17.submitters.size() == 14);
    CHECK(mh17.submitters.front() == "Paternotte");
    CHECK(mh17.submitters[10] == "Teunissen");
    CHECK(mh17.text.text.find("verzoekt de regering op 17") != std::string::npos);
    // Clauses broken over lines in <al-groep>s: one paragraph each, in the text, not names.
    auto dab = read_motion("2025Z13782_3cc3733f-1ffc-4cdd-8090-1e1bd37fe853.xml");
    CHECK(dab.submitters == std::vector<std::string>{"Postma", "Idsinga"});
    CHECK(dab.text.text.find("leidt tot gedeeld gebruik van frequenties door publieke") != std::string::npos);
    CHECK(dab.text.text.find("goed te ontvangen zijn,") != std::string::npos);
    // A single submitter in an <al> of its own.
    auto one = read_motion("2024Z02559_10bab390-70d7-47ce-b885-08d1d8b6e967.xml");
    CHECK(one.submitters.size() == 1);
}

TEST_CASE("motion XML: every submitter of the 142 real motions is a name", "[formats]") {
    static const RE2 k_name(R"(^\p{Lu}[\p{L}'’-]*(?: [\p{L}'’-]+){0,3}$)");
    std::size_t motions = 0, names = 0;
    for (auto& e : std::filesystem::directory_iterator(test::source_dir() / "tests/data/opendata/moties-xml")) {
        auto xml = read_motion(e.path().filename().string());
        INFO(e.path().filename().string());
        CHECK_FALSE(xml.submitters.empty());
        for (auto& s : xml.submitters) {
            INFO(s);
            CHECK(RE2::FullMatch(s, k_name));
        }
        ++motions;
        names += xml.submitters.size();
    }
    CHECK(motions == 142);
    CHECK(names >= 300);
}

TEST_CASE("submitter_name keeps names and drops clauses", "[formats]") {
    CHECK(ingest::submitter_name("Teunissen,") == "Teunissen");
    CHECK(ingest::submitter_name("Diederik van Dijk") == "Diederik van Dijk");
    CHECK(ingest::submitter_name("Yeşilgöz-Zegerius") == "Yeşilgöz-Zegerius");
    CHECK_FALSE(ingest::submitter_name("en gaat over tot de orde van de dag."));
    CHECK_FALSE(ingest::submitter_name("verzoekt de regering:"));
    CHECK_FALSE(ingest::submitter_name("zijn,"));
    CHECK_FALSE(ingest::submitter_name("€ 73,88 is, terwijl dit in de rest van Nederland € 121 is;"));
}

TEST_CASE("follow pages: one Kamerlid written differently has one page", "[report]") {
    std::vector<track::TrackedItem> items(5);
    items[0].members = {"Bontenbal"};
    items[1].members = {"J.A. Bontenbal"};
    items[2].members = {"bontenbal", "Kostić"};
    items[3].members = {"Kostic", "Inge van Dijk"};
    items[4].members = {"Dijk", "Kostić"};
    auto pages = report::follow_pages_of(items);
    CHECK(pages.members.at("Bontenbal") == "kamerlid/bontenbal");
    CHECK(pages.members.at("J.A. Bontenbal") == "kamerlid/bontenbal");
    CHECK(pages.members.at("bontenbal") == "kamerlid/bontenbal");
    CHECK(pages.titles.at("kamerlid/bontenbal") == "Bontenbal");
    CHECK(pages.members.at("Kostic") == pages.members.at("Kostić"));
    CHECK(pages.titles.at(pages.members.at("Kostic")) == "Kostić");
    CHECK(pages.members.at("Dijk") != pages.members.at("Inge van Dijk"));
}
