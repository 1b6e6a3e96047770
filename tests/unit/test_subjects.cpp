// Subjects a reader can place: the object of the sentence, else the section or the letter.
#include <algorithm>
#include <catch2/catch.hpp>

#include "detect/detector.hpp"
#include "detect/fields.hpp"
#include "detect/subject.hpp"
#include "helpers.hpp"

using namespace toezeg;

namespace {

std::string subject_of_item(const std::string& relative, const std::string& evidence_part) {
    for (auto& it : detect::detect(test::read_letter(relative), detect::default_rules()))
        if (it.evidence.find(evidence_part) != std::string::npos) return it.subject;
    FAIL("no item with evidence '" << evidence_part << "' in " << relative);
    return "";
}

}  // namespace

TEST_CASE("subject_of: the object of the promise, not the rest of the clause", "[detect][subject]") {
    // Real sentences (tests/data/real g18, g16, d07 and the seeds): the clause after the matter goes.
    CHECK(detect::subject_of("Ik zal u informeren over studentenhuisvesting en ouderenhuisvesting heeft de toenmalige "
                             "minister van Binnenlandse Zaken toegezegd") ==
          "studentenhuisvesting en ouderenhuisvesting");
    CHECK(detect::subject_of("dat de notitie over artikel 23 Grondwet tevens zou ingaan op een aantal daaraan "
                             "gerelateerde onderwerpen") == "artikel 23 Grondwet");
    CHECK(detect::subject_of("om uw Kamer over de uitkomsten hiervan nog voor het kerstreces te kunnen informeren.") ==
          "de uitkomsten hiervan");
    // "c.s." ends no subject.
    CHECK(detect::subject_of("Ik zal u informeren over hoe de motie van het lid Middendorp c.s. wordt uitgevoerd.") ==
          "hoe de motie van het lid Middendorp c.s.");
    // A motion's ask keeps its infinitive ("terug te sturen").
    CHECK(detect::subject_of("de motie Rajkowski en Van Zanten uit over alles op alles zetten om Dublinclaimanten naar "
                             "andere Europese landen terug te sturen, met hierbij extra aandacht voor België.") ==
          "alles op alles zetten om Dublinclaimanten naar andere Europese landen terug te sturen");
}

TEST_CASE("a subject names its matter: not a bare verb, a pronoun or a generic word", "[detect][subject]") {
    CHECK(detect::names_its_matter("de werktijdverkortingsregeling voor de binnenvaart"));
    CHECK(detect::names_its_matter("Gaswinning"));
    CHECK_FALSE(detect::names_its_matter("informeren"));
    CHECK_FALSE(detect::names_its_matter("de voortgang"));
    CHECK_FALSE(detect::names_its_matter("de uitwerking van de motie"));
    CHECK_FALSE(detect::names_its_matter("motie wordt gevraagd"));
    CHECK_FALSE(detect::names_its_matter("wat toen bekend was over het tragische ongeval"));
    CHECK(detect::refers_outside("Hierover informeer ik u voor de zomer."));
    CHECK(detect::refers_outside("Ik verwacht uw Kamer hierover dit najaar te kunnen informeren."));
    CHECK(detect::refers_outside("We verwachten deze eind oktober te kunnen sturen."));
    CHECK_FALSE(
        detect::refers_outside("Uw Kamer ontvangt in het najaar van 2020 de kabinetsreactie op de initiatiefnota."));
}

TEST_CASE("a sentence that points elsewhere takes its section's heading or the letter's subject", "[detect][subject]") {
    Metadata meta;
    meta.dossier_title = "Gaswinning";
    meta.title = "Gaswinning";
    CHECK(detect::commitment_subject("Hierover informeer ik u voor de zomer.", "Versterkingsopgave Groningen", meta) ==
          "Versterkingsopgave Groningen");
    CHECK(detect::commitment_subject("Hierover informeer ik u voor de zomer.", "", meta) == "Gaswinning");
    // A heading that is a date line, a salutation or a generic word is no context.
    CHECK(detect::commitment_subject("Hierover informeer ik u voor de zomer.", "Den Haag, 3 april 2018", meta) ==
          "Gaswinning");
    CHECK(detect::commitment_subject("Hierover informeer ik u voor de zomer.", "Tot slot", meta) == "Gaswinning");
    // A budget dossier's title says nothing of the matter.
    Metadata budget;
    budget.dossier_title =
        "Vaststelling van de begrotingsstaten van het Ministerie van Defensie (X) voor het jaar 2017";
    CHECK(detect::commitment_subject("Ik zal uw Kamer hierover in januari informeren.", "", budget).empty());
    // A generic object is kept with the context in brackets.
    CHECK(detect::commitment_subject("Ik zal u voor de zomer informeren over de voortgang.", "Veiligheid op school",
                                     meta) == "de voortgang (Veiligheid op school)");
    // A sentence that names its own matter keeps it (shown whole) rather than a title.
    CHECK(detect::commitment_subject(
              "Uw Kamer ontvangt in het najaar van 2020 de kabinetsreactie op de initiatiefnota.", "", meta)
              .empty());
}

TEST_CASE("real letters: 'hierover' resolved to the section or the letter", "[detect][subject]") {
    // Seed 001: "Uw Kamer wordt hierover middels een BNC-fiche geïnformeerd." under the heading
    // "e. Digitale rechtspraak en strategieën voor justitiële" / "opleiding" (broken over two lines).
    CHECK(subject_of_item("corpus/001_0e545a94cc435d19.txt", "middels een BNC-fiche") ==
          "Digitale rechtspraak en strategieën voor justitiële opleiding");
    // i17: "Ik verwacht uw Kamer hierover dit najaar te kunnen informeren." in a letter on Gaswinning.
    CHECK(subject_of_item("tests/data/real/i17_kst-33529-521_kwartaalrapportage-ncg-toekomstperspectief-groningen-dit-"
                          "najaar.txt",
                          "hierover dit najaar") == "Gaswinning");
}
