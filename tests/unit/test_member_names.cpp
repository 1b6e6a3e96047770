// Kamerleden whose surname starts with a particle ("van Tongeren", "Van der Plas") keep it:
// in the member field, in the item's id and on its pages.
#include <algorithm>
#include <catch2/catch.hpp>

#include "detect/detector.hpp"
#include "detect/people.hpp"
#include "helpers.hpp"

using namespace toezeg;

namespace {

std::vector<Item> motions_in(const std::string& relative) {
    std::vector<Item> out;
    for (auto& it : detect::detect(test::read_letter(relative), detect::default_rules()))
        if (it.kind == Kind::motion) out.push_back(it);
    return out;
}

}  // namespace

TEST_CASE("a particle in lower case after 'het lid' or 'motie-' is part of the name, not a party", "[detect][people]") {
    CHECK(detect::names_a_member("motie van het lid ", "van Tongeren"));
    CHECK(detect::names_a_member("motie-", "van der Plas"));
    CHECK(detect::names_a_member("moties van de leden ", "van der Plas en Van Dijk"));
    CHECK(detect::names_a_member("motie van ", "Van der Plas"));
    // "een motie van de Partij voor de Dieren" names a party.
    CHECK_FALSE(detect::names_a_member("motie van ", "de Partij"));
    CHECK_FALSE(detect::names_a_member("motie ", "van Tongeren"));
    CHECK_FALSE(detect::names_a_member("motie van het lid ", "overigens"));
}

TEST_CASE("real letter i05: 'De motie van het lid van Tongeren' is a motion of Van Tongeren", "[detect][people]") {
    // Bijlage 3 of the 2020 BZK/Koninkrijksrelaties budget, motions done; gold i05-m2.
    auto motions = motions_in("tests/data/real/i05_owb-2020-IV-bijlage-3_koninkrijksrelaties-moties-afgerond.txt");
    auto it = std::find_if(motions.begin(), motions.end(),
                           [](auto& m) { return m.evidence.starts_with("De motie van het lid van Tongeren"); });
    REQUIRE(it != motions.end());
    CHECK(it->member == "Van Tongeren");
    CHECK(it->members == std::vector<std::string>{"Van Tongeren"});
    // The joint motion in the same letter keeps every particle as written.
    auto joint = std::find_if(motions.begin(), motions.end(), [](auto& m) { return m.members.size() == 7; });
    REQUIRE(joint != motions.end());
    CHECK(joint->members == std::vector<std::string>{"Van den Berg", "Diertens", "Bosman", "Van der Graaf",
                                                     "Van Tongeren", "Kuiken", "Van Raak"});
}

TEST_CASE("real sentences: Kamerleden with 'van', 'der', 'den', 'de', 'ter' keep them", "[detect][people]") {
    // From tests/data/real: j16, i08, e03, g03, i04.
    CHECK(detect::find_members("Het lid Van Tongeren vroeg, tijdens het ordedebat van 21 juni 2012, een brief van mij")
              .names == std::vector<std::string>{"Van Tongeren"});
    CHECK(detect::find_members(
              "Tijdens de stemmingen op 6 december 2011 heeft Kamerlid Mevrouw Van der Werf mij verzocht")
              .names == std::vector<std::string>{"Van der Werf"});
    CHECK(detect::find_members("heb ik het lid van der Plas toegezegd de Kamer te informeren").names ==
          std::vector<std::string>{"Van der Plas"});
    CHECK(detect::find_members("zegde de minister het lid Ter Horst toe een brief te sturen").names ==
          std::vector<std::string>{"Ter Horst"});
    CHECK(detect::find_members("de motie van de leden Inge van Dijk en Van der Graaf").names ==
          std::vector<std::string>{"Inge van Dijk", "Van der Graaf"});
    CHECK(detect::split_names("Van den Hul en Van Raan") == std::vector<std::string>{"Van den Hul", "Van Raan"});
}
