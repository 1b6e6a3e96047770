// Constructions of promises and motions, each with look-alikes that are no item (LABELLING.md).
// The sentences are written for these tests, not copied from a labelled letter: they check that a
// rule covers the form of a construction (other verbs, word orders, subjects and times), not one
// letter's wording.
#include <algorithm>
#include <catch2/catch.hpp>

#include "detect/detector.hpp"

using namespace toezeg;

namespace {
std::vector<Item> run(const std::string& text) {
    Document doc;
    doc.meta.date = "2026-03-01";
    doc.text = text + "\n";
    doc.body_end = doc.text.size();
    return detect::detect(doc, detect::default_rules());
}

Item only_item(const std::string& text) {
    auto items = run(text);
    INFO(text);
    REQUIRE(items.size() == 1);
    return items.front();
}
}  // namespace

TEST_CASE("a future communication to the Kamer, in other verbs, word orders and subjects", "[detect]") {
    struct Case {
        const char* text;
        const char* due;
    };
    const Case cases[] = {
        {"Ik verwacht uw Kamer begin volgend jaar de rapportage te kunnen toesturen.", "2027-03-31"},
        {"Het is mijn voornemen uw Kamer in het voorjaar de evaluatie aan te bieden.", "2026-05-31"},
        {"Wij zijn van plan de Kamer voor het zomerreces te informeren over de uitkomsten.", "2026-07-01"},
        {"Mijn streven is om in de derde week van april de monitor toe te sturen.", "2026-04-21"},
        {"Na het zomerreces kom ik met een voorstel voor de nieuwe regeling.", "2026-09-30"},
        {"Het kabinet komt in het najaar met een reactie op het advies.", "2026-11-30"},
        {"Ik zal in het tweede trimester met een nadere uitwerking van het plan komen.", "2026-08-31"},
        {"Uw Kamer kan de kabinetsreactie in de eerste week van mei tegemoet zien.", "2026-05-07"},
        {"U zult de evaluatie nog dit jaar ontvangen.", "2026-12-31"},
        {"De kabinetsreactie zal uiterlijk in juni naar uw Kamer worden gestuurd.", "2026-06-30"},
        {"De uitkomsten van de pilot deel ik in de tweede helft van 2026 met uw Kamer.", "2026-12-31"},
        {"De cijfers worden medio dit jaar met de Kamer gedeeld.", "2026-06-30"},
    };
    for (const auto& c : cases) {
        Item it = only_item(c.text);
        INFO(c.text);
        CHECK(it.kind == Kind::commitment);
        CHECK(it.status == Status::open);
        CHECK(it.due == c.due);
    }
}

TEST_CASE("look-alikes of a future communication: others, the past, requests, no Kamer", "[detect]") {
    const char* none[] = {
        "De Europese Commissie komt in het voorjaar met een voorstel voor een nieuwe richtlijn.",
        "Vorig jaar kwam ik met een beleidsbrief over de aanpak van de wachtlijsten.",
        "De Kamer heeft de regering verzocht voor 1 juli met een notitie te komen.",
        "In april kom ik met de gemeenten tot afspraken over de opvang.",
        "De gemeenten verwachten begin volgend jaar hun plannen aan te bieden.",
        "Het streven van de sector is om in de tweede week van maart de plannen toe te sturen.",
        "Mijn ambtsvoorganger verwachtte in 2020 de evaluatie aan te bieden.",
        "U kunt de rapportage vinden op de website van het ministerie.",
        "Uw Kamer mag van mij verwachten dat ik mij hier voor de zomer voor inzet.",
        "Indien de Raad van State tijdig adviseert, kom ik in mei met een wetsvoorstel.",
        "Ik ben van plan de regeling voor de zomer aan te passen.",
        "De uitkomsten van de pilot heb ik in maart met uw Kamer gedeeld.",
        "Nederland deelt in het voorjaar de kosten met Duitsland.",
        "Zoals de provincies hebben toegezegd, worden de plannen voor de zomer ingediend.",
    };
    for (const char* text : none) {
        INFO(text);
        CHECK(run(text).empty());
    }
}

TEST_CASE("an interim reply: the term is not met, the answer follows", "[detect]") {
    Item it = only_item("De gevraagde termijn blijkt niet haalbaar. De reactie volgt zo spoedig mogelijk.");
    CHECK(it.status == Status::open);
    CHECK(it.due_text == "zo spoedig mogelijk");
    // Without the term missed, a sentence with no actor and no Kamer promises nothing.
    CHECK(run("De termijn is haalbaar gebleken. De reactie volgt zo spoedig mogelijk.").empty());
}

TEST_CASE("a promise kept by this letter, or the first of a promised series", "[detect]") {
    Item kept =
        only_item("Zoals tijdens het commissiedebat van 4 februari jl. toegezegd, stuur ik u hierbij de monitor.");
    CHECK(kept.status == Status::fulfilled);
    Item first = only_item("Deze brief is de eerste van de toegezegde halfjaarlijkse rapportages over de opvang.");
    CHECK(first.status == Status::partial);
    Item series = only_item("Hierbij ontvangt u mijn toegezegde kwartaalrapportages, waarvan dit de eerste is.");
    CHECK(series.status == Status::partial);
}

TEST_CASE("a motion named only by what it asks, unless it restates one named before", "[detect]") {
    auto items =
        run("Op 5 maart is een motie aangenomen die de regering verzoekt de subsidie te verhogen. Ter uitvoering van "
            "de motie heeft het kabinet de regeling aangepast.");
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == Kind::motion);
    CHECK(items[0].status == Status::fulfilled);
    auto restated =
        run("De motie van het lid Jansen (Kamerstuk 36 100, nr. 12) is aangenomen. Deze motie, die de regering "
            "verzoekt de subsidie te verhogen, wordt momenteel uitgewerkt.");
    REQUIRE(restated.size() == 1);
    CHECK(restated[0].member == "Jansen");
    CHECK(restated[0].status == Status::open);
    CHECK(run("De regering is verzocht de subsidie te verhogen.").empty());
    // Definite and far from the motion it restates: still that motion.
    auto far =
        run("De motie van het lid Jansen (Kamerstuk 36 100, nr. 12) is aangenomen. De subsidie is een belangrijk "
            "instrument. Gemeenten gebruiken haar veel. Zij vragen om meer ruimte. Het budget is beperkt. De motie die "
            "de regering verzoekt de subsidie te verhogen, wordt momenteel uitgewerkt.");
    CHECK(std::count_if(far.begin(), far.end(), [](const Item& it) { return it.kind == Kind::motion; }) == 1);
}

TEST_CASE("a motion is carried out when this letter offers what it led to", "[detect]") {
    const std::string named =
        "Naar aanleiding van de motie van het lid Jansen heb ik het planbureau opdracht gegeven een onderzoek "
        "naar de huurprijzen uit te voeren. Het planbureau heeft dat werk inmiddels afgerond. ";
    auto items = run(named + "Hierbij ontvangt u het onderzoek, met mijn eerste reactie.");
    REQUIRE(items.size() == 1);
    CHECK(items[0].status == Status::fulfilled);
    // Another product offered leaves the motion as it was.
    auto other = run(named + "Hierbij ontvangt u ook het jaarverslag van het planbureau.");
    REQUIRE(other.size() == 1);
    CHECK(other[0].status == Status::open);
}

TEST_CASE("the author of a report is no Kamerlid", "[detect]") {
    Item it = only_item(
        "Met de toezending van het rapport van de heer Alders heb ik aangegeven uw Kamer in november te "
        "informeren.");
    CHECK(it.member.empty());
}

TEST_CASE("this letter itself, or what it brings herewith, is offered, not promised", "[detect]") {
    for (const char* text : {
             "Uw Kamer ontvangt deze brief voorafgaand aan het commissiedebat over het cultuurbeleid.",
             "U ontvangt dit verslag in aanloop naar de behandeling van de begroting.",
             "Hierbij ontvangt u de antwoorden op de vragen van de commissie over de regeling.",
             "Bijgaand ontvangt de Tweede Kamer het rapport van de inspectie over de opvang.",
             "De Eerste Kamer ontvangt deze voortgangsrapportage gelijk met de Tweede Kamer.",
         }) {
        INFO(text);
        CHECK(run(text).empty());
    }
    // What the Kamer is still to receive stays a promise.
    for (const char* text : {
             "Uw Kamer ontvangt de evaluatie van de regeling voor de zomer.",
             "U ontvangt deze zomer de volgende voortgangsrapportage over de aanpak.",
         }) {
        auto item = only_item(text);
        CHECK(item.kind == Kind::commitment);
        CHECK(item.status == Status::open);
    }
}

TEST_CASE("a letter sent alongside this one is offered, not promised", "[detect]") {
    CHECK(run("Van de minister van Financiën ontvangt u een brief over de fiscale maatregelen, parallel aan deze brief.")
              .empty());
    CHECK(run("Uw Kamer ontvangt gelijktijdig een brief van de staatssecretaris over de uitvoering.").empty());
}

TEST_CASE("the second of two things kept: 'invulling aan de motie X, die ..., en aan mijn toezegging'", "[detect]") {
    auto items = run(
        "Met deze brief geef ik invulling aan de motie Jansen, die de regering verzoekt om in overleg met de provincies "
        "en de gemeenten te bezien hoe de regeling eenvoudiger kan worden, en aan mijn toezegging in het debat van "
        "3 februari 2026 om u voor de zomer een brief hierover te sturen.");
    auto commitment = std::find_if(items.begin(), items.end(), [](const Item& i) { return i.kind == Kind::commitment; });
    REQUIRE(commitment != items.end());
    CHECK(commitment->status == Status::fulfilled);
    auto motion = std::find_if(items.begin(), items.end(), [](const Item& i) { return i.kind == Kind::motion; });
    REQUIRE(motion != items.end());
    CHECK(motion->status == Status::fulfilled);
}

TEST_CASE("a motion told by its adoption and submitter, a passive sending still to come", "[detect]") {
    for (const char* text : {"In 2023 werd een motie aangenomen van het lid Jansen over de regeling.",
                             "Op 4 april is een motie ingediend van het lid De Vries over de kinderopvang."}) {
        auto item = only_item(text);
        CHECK(item.kind == Kind::motion);
        CHECK_FALSE(item.member.empty());
    }
    CHECK(run("Op 3 maart is een amendement aangenomen van het lid Jansen over de regeling.").empty());
    for (const char* text : {"De ontbrekende gegevens zullen u na de zomer nagestuurd worden.",
                             "De tabellen zullen de Kamer voor 1 mei aangeboden worden."}) {
        auto item = only_item(text);
        CHECK(item.kind == Kind::commitment);
        CHECK(item.status == Status::open);
    }
    CHECK(run("De ontbrekende gegevens zijn u in maart nagestuurd.").empty());
}

TEST_CASE("more time needed: an earlier promise stays open, even beside the words of keeping it", "[detect]") {
    for (const char* text : {
             "In het commissiedebat van 4 februari 2026 heb ik toegezegd u binnen vier weken een brief over de "
             "subsidies te sturen. Ik heb enkele weken extra tijd nodig om aan deze toezegging te kunnen voldoen.",
             "Vorig jaar heb ik toegezegd u in januari de monitor toe te zenden. Voor de monitor geldt dat meer tijd "
             "nodig is gebleken voor overleg met de gemeenten.",
             "In het debat van 3 februari 2026 heb ik toegezegd de Kamer voor 1 maart te informeren over de "
             "wachtlijsten. Het overleg met de zorgaanbieders vergt meer tijd dan voorzien.",
         }) {
        auto item = only_item(text);
        INFO(text);
        CHECK(item.kind == Kind::commitment);
        CHECK(item.status == Status::open);
    }
    // A delay that is over: the promise is kept by this letter.
    auto kept = only_item(
        "In het debat van 3 februari 2026 heb ik toegezegd u een brief over de wachtlijsten te sturen. Met deze brief "
        "voldoe ik aan die toezegging; het overleg met de aanbieders vergde meer tijd dan gepland.");
    CHECK(kept.status == Status::fulfilled);
}

TEST_CASE("answering the Kamer's questions later is a promise, a plan reported earlier is not", "[detect]") {
    for (const char* text : {
             "Omdat de vragen over hetzelfde onderwerp gaan, zal ik deze gelijktijdig beantwoorden.",
             "De schriftelijke vragen van het lid Jansen zal ik voor 1 april beantwoorden.",
         }) {
        auto item = only_item(text);
        INFO(text);
        CHECK(item.kind == Kind::commitment);
        CHECK(item.status == Status::open);
    }
    CHECK(run("Hiermee beantwoord ik de vragen van het lid Jansen.").empty());
    CHECK(run("Het lid Jansen heeft op 3 maart vragen gesteld over de regeling.").empty());
    // What an earlier letter announced: a plan of the government, or something for the Kamer.
    CHECK(run("In mijn brief van 3 februari heb ik u laten weten dat ik in september zou overgaan tot de verzending "
              "van de nieuwe formulieren.")
              .empty());
    auto announced =
        only_item("In mijn brief van 3 februari heb ik u laten weten dat ik de regeling in september zou evalueren.");
    CHECK(announced.status == Status::open);
}
