#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "ingest/citations.hpp"
#include "ingest/decode.hpp"
#include "ingest/identity.hpp"
#include "ingest/letter_check.hpp"
#include "ingest/layout.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

using namespace toezeg;
using toezeg::test::read_letter;

TEST_CASE("metadata of the five seed letters", "[ingest]") {
    auto s000 = read_letter("corpus/000_88d01e7557168bc8.txt");
    CHECK(s000.meta.date == "2026-03-18");
    CHECK(s000.meta.addressee == "Eerste Kamer");
    CHECK(s000.meta.dossier.empty());
    CHECK(s000.meta.meeting == "JBZ-Raad van 5 en 6 maart 2026");
    REQUIRE(s000.meta.signers.size() == 3);
    CHECK(s000.meta.signers[1].role == "minister van Asiel en Migratie");
    CHECK(s000.meta.signers[1].name == "Bart van den Brink");

    auto s001 = read_letter("corpus/001_0e545a94cc435d19.txt");
    CHECK(s001.id == "kst-32317-987");
    CHECK(s001.meta.dossier == "32 317");
    CHECK(s001.meta.dossier_title == "JBZ-Raad");
    CHECK(s001.meta.number == "987");
    CHECK(s001.meta.date == "2025-12-17");
    CHECK(s001.meta.addressee == "Tweede Kamer");
    CHECK(s001.meta.sender ==
          "de ministers van Justitie en Veiligheid en van Buitenlandse Zaken en van de staatssecretaris van Justitie en Veiligheid");
    CHECK(s001.meta.meeting == "JBZ-Raad op 8 en 9 december 2025");

    auto s002 = read_letter("corpus/002_0b783c6c09b9d010.txt");
    CHECK(s002.meta.number == "975");
    CHECK(s002.meta.dossier.empty());  // not in the text: never guessed
    CHECK(s002.meta.date == "2025-11-03");
    CHECK(s002.meta.signers.size() == 2);

    auto s003 = read_letter("corpus/003_1a1656bf7aee9de2.txt");
    CHECK(s003.meta.date.empty());
    CHECK(s003.meta.addressee.empty());
    CHECK(s003.id.starts_with("doc-"));

    auto s004 = read_letter("corpus/004_a4a7fe74bfd62a91.txt");
    CHECK(s004.id == "kst-32317-994");
    CHECK(s004.meta.date == "2026-02-03");
    CHECK(s004.meta.meeting == "iJBZ-Raad op 22 en 23 januari 2026");
}

TEST_CASE("footnotes are separated and tied to their markers", "[ingest]") {
    auto doc = read_letter("corpus/003_1a1656bf7aee9de2.txt");
    REQUIRE(doc.footnotes.size() == 4);
    auto& fn4 = doc.footnotes[3];
    CHECK(fn4.number == 4);
    CHECK(doc.slice(fn4.text) == "Kamerstukken II, vergaderjaar 2025-2026. 22 112, nr. 4131.");
    CHECK(doc.slice({fn4.marker.begin - 8, fn4.marker.end}) == "België.4");
    CHECK(fn4.marker.end <= doc.body_end);
    // The page break inside footnote 1's paragraph is joined again.
    CHECK(doc.text.find("in dialoog te gaan met mogelijke partnerlanden.") != std::string::npos);
    CHECK(doc.text.find("29754 nr. 773.\n2 Kamerstukken") != std::string::npos);
}

TEST_CASE("spaced footnote markers and missing footnotes", "[ingest]") {
    auto doc = read_letter("corpus/001_0e545a94cc435d19.txt");
    REQUIRE(doc.footnotes.size() == 12);
    CHECK(doc.slice(doc.footnotes[8].marker) == "9");
    CHECK(doc.text.substr(doc.footnotes[8].marker.begin - 14, 15) == "geïnformeerd 9");
    auto s004 = read_letter("corpus/004_a4a7fe74bfd62a91.txt");  // footnotes 1 and 2 were lost in extraction
    REQUIRE(s004.footnotes.size() == 2);
    CHECK(s004.footnotes[0].number == 3);
}

TEST_CASE("hyphens at line ends: real ones kept, artefacts joined", "[ingest]") {
    auto norm = ingest::normalise_layout(
        "De Afdeling oordeelde dat een niet-\nkwetsbare asielzoeker in EU-\nwetgeving en het Europese asiel-\n"
        "en migratiesysteem de terug-\nkeer regelt. De terugkeer is van belang.\n");
    CHECK(norm.text.find("niet-kwetsbare") != std::string::npos);
    CHECK(norm.text.find("EU-wetgeving") != std::string::npos);
    CHECK(norm.text.find("asiel- en migratiesysteem") != std::string::npos);
    CHECK(norm.text.find("de terugkeer regelt") != std::string::npos);
}

TEST_CASE("page furniture is dropped", "[ingest]") {
    auto norm = ingest::normalise_layout(
        "> Retouradres Postbus 20301 2500 EH Den Haag\nHet kabinet zal uw Kamer informeren over de\n"
        "\fTweede Kamer, vergaderjaar 2025–2026, 29 911, nr. 431 2\nvoortgang van het plan.\n\n3\n");
    CHECK(norm.text == "Het kabinet zal uw Kamer informeren over de voortgang van het plan.\n");
}

TEST_CASE("double-spaced extractions are read as single-spaced", "[ingest]") {
    auto doc = read_letter("corpus/002_0b783c6c09b9d010.txt");
    CHECK(doc.text.find("Conform de toezegging in het debat Vreemdelingen- en Asielbeleid van 2 oktober jl. wordt u hierbij "
                        "geïnformeerd") != std::string::npos);
}

TEST_CASE("Kamerstuk citations in their written forms", "[ingest]") {
    auto ref = [](const char* text) {
        auto r = ingest::parse_kamerstuk(text);
        return r ? r->canonical() : std::string("none");
    };
    CHECK(ref("Kamerstuk 32 317, nr. 973") == "32 317, nr. 973");
    CHECK(ref("Kamerstukken II, 2025-26, 29754 nr. 773") == "29 754, nr. 773");
    CHECK(ref("Kamerstukken II, 2025-2026, 36704-63") == "36 704, nr. 63");
    CHECK(ref("Motie Tweede Kamer, 21 501-04, nr. 287.") == "21 501-04, nr. 287");
    CHECK(ref("Kamerstuk 36 800 VI, nr. 38") == "36 800 VI, nr. 38");
    CHECK(ref("Tweede Kamer, vergaderjaar 2024-2025, KST 32735, nr. 400") == "32 735, nr. 400");
    CHECK(ref("op 3 maart 2026 is gesproken") == "none");
    CHECK(ingest::parse_kamerstuk("21 501-04, nr. 287")->id() == "kst-21501-04-287");
    // Eerste Kamer stukken by letter, also joint ones.
    CHECK(ref("de motie-Essers c.s. (Kamerstuk 30 306/30 307, letter D) aanvaard") == "30 306/30 307, letter D");
    CHECK(ref("Kamerstukken I 2014/15, 34 000 XIII, letter H") == "34 000 XIII, letter H");
    CHECK(ingest::parse_kamerstuk("Kamerstuk 30 306/30 307, letter D")->id() == "kst-30306-D");
}

TEST_CASE("decode: bad input is refused with a reason, Windows-1252 is read", "[ingest]") {
    CHECK(ingest::decode_text("", "x.txt").error().message == "empty file (no text to ingest)");
    CHECK(ingest::decode_text("  \n\n ", "x.txt").error().message == "empty file (no text to ingest)");
    CHECK(ingest::decode_text(std::string("ab\0cd", 5), "x.txt").error().message.starts_with("binary file"));
    auto latin = ingest::decode_text("Caf\xe9 \x93quote\x94\r\nnext", "x.txt");
    REQUIRE(latin);
    CHECK(latin->text == "Café “quote”\nnext");
    REQUIRE(latin->warnings.size() == 1);
    CHECK(latin->warnings[0] == "not valid UTF-8; read as Windows-1252");
    auto nfc = ingest::decode_text("gei\xcc\x88nformeerd", "x.txt");  // decomposed
    CHECK(nfc->text == "geïnformeerd");
}

TEST_CASE("slugs: marks stripped, cut at a word boundary, old ids still found", "[ingest]") {
    CHECK(text::slug("Verslag JBZ-Raad op 13 en 14 oktober 2025", 40) == "verslag-jbz-raad-op-13-en-14-oktober");
    CHECK(text::legacy_slug("Verslag JBZ-Raad op 13 en 14 oktober 2025", 40) == "verslag-jbz-raad-op-13-en-14-oktober-202");
    CHECK(text::slug("Motie Şahin en Kröger", 40) == "motie-sahin-en-kroger");
    CHECK(text::legacy_slug("Şahin", 40) == "ahin");
    CHECK(text::slug("Łódź, Straße, Ærø", 40) == "lodz-strasse-aero");
    CHECK(text::slug("Onderzoeksraadvoorveiligheidsrapportages", 10) == "onderzoeks");  // one long word is cut
    CHECK(text::slug("a b", 1) == "a");
    CHECK(text::slug("«»", 40).empty());
    CHECK(utf8::strip_marks("café ﬁets") == "cafe fiets");

    Metadata meta;
    meta.date = "2025-11-03";
    meta.addressee = "Tweede Kamer";
    meta.title = "Verslag JBZ-Raad op 13 en 14 oktober 2025";
    CHECK(ingest::derive_document_id(meta, "") == "brief-2025-11-03-tk-verslag-jbz-raad-op-13-en-14-oktober");
    CHECK(ingest::legacy_document_id(meta) == "brief-2025-11-03-tk-verslag-jbz-raad-op-13-en-14-oktober-202");
    meta.title = "Taaleisen voor nieuwkomers";  // the same either way: no legacy id
    CHECK_FALSE(ingest::legacy_document_id(meta));
}

TEST_CASE("only parliamentary documents are letters", "[ingest]") {
    for (auto& entry : std::filesystem::directory_iterator(test::source_dir() / "corpus")) {
        INFO(entry.path());
        CHECK(ingest::parliamentary_mark(read_letter("corpus/" + entry.path().filename().string())));
    }
    Document readme;
    readme.format = "text";
    readme.text = "# toezeg\n\nBuild with cmake. Ik zeg toe dat dit werkt voor 1 juli.\n";
    CHECK_FALSE(ingest::parliamentary_mark(readme));
    readme.text = "vm\n";
    CHECK_FALSE(ingest::parliamentary_mark(readme));
    Document letterhead = readme;
    letterhead.text = "Ministerie van Financiën\n\nHierbij stuur ik u het verslag.\n";
    CHECK(ingest::parliamentary_mark(letterhead) == "letterhead of a ministry or the Kamer");
    Document motion = readme;
    motion.format = "xml";
    CHECK(ingest::parliamentary_mark(motion) == "official XML");
}
