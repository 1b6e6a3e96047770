// A document's official identity: what the feed and the OData records say is kept in its
// metadata and beats the parser; its source is the official address; its page links there.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/official.hpp"
#include "corpus/document_json.hpp"
#include "feed_fixtures.hpp"
#include "helpers.hpp"
#include "fetch/official_identity.hpp"
#include "pipeline/import_records.hpp"
#include "report/site.hpp"

using namespace toezeg;

namespace {

// Made up (no real record of these feed fixtures exists): an OData Document record of the
// feed's third entry, the PDF letter, in the fields of the API's $metadata (v4/2.0 names),
// with its Kamerstukdossier and DocumentActor expanded.
const char* k_document_page =
    R"({"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Document",
 "value": [{"Id": "0b1c2d3e-0000-4000-8000-000000000003", "Soort": "Brief regering", "DocumentNummer": "2026D11000",
   "Titel": "Vreemdelingenbeleid", "Onderwerp": "Voortgang van de aanpak van overlast", "Datum": "2026-03-17T00:00:00+01:00",
   "Kamer": 2, "Volgnummer": 12, "GewijzigdOp": "2026-03-18T10:00:00+01:00", "Verwijderd": false,
   "Kamerstukdossier": [{"Id": "d0551e00-0000-4000-8000-000000000001", "Nummer": 36600, "Toevoeging": "VI", "Verwijderd": false}],
   "DocumentActor": [{"Id": "ac000000-0000-4000-8000-000000000001", "ActorNaam": "D.M. van Weel",
                      "Functie": "minister van Justitie en Veiligheid", "Relatie": "Ondertekenaar", "Verwijderd": false}]}]})";

// The stored document of a version, its metadata read from its meta.json in git.
Document stored(pipeline::Store& store, const std::string& id) {
    auto v = store.index().version(id, 1);
    REQUIRE(v);
    auto doc = corpus::document_from_json(nlohmann::json::parse(v->meta_json), v->doc.text);
    REQUIRE(doc);
    return *doc;
}

using test::slurp;

}  // namespace

TEST_CASE("official identity: from an OData Document record, v4 and v5 names", "[identity]") {
    auto page = nlohmann::json::parse(k_document_page);
    auto id = fetch::identity_of_record(page["value"][0]);
    CHECK(id.number == "2026D11000");
    CHECK(id.dossier == "36600-VI");
    CHECK(id.ondernummer == "12");
    CHECK(id.publication == "kst-36600-VI-12");
    CHECK(id.ministry == "Justitie en Veiligheid");
    CHECK(id.bewindspersoon == "D.M. van Weel");
    CHECK(id.address == "https://zoek.officielebekendmakingen.nl/kst-36600-VI-12.html");
    // v5: Nummer and Ondernummer (-1 is no number); the version's ExterneIdentifier wins.
    auto v5 = fetch::identity_of_record(nlohmann::json::parse(
        R"({"Id": "x", "Nummer": "2026D20000", "Ondernummer": -1, "Kamerstukdossier": {"Nummer": 21501, "Toevoeging": "02"},
            "HuidigeDocumentVersie": {"ExterneIdentifier": "kst-21501-02-3001"}})"));
    CHECK(v5.number == "2026D20000");
    CHECK(v5.ondernummer.empty());
    CHECK(v5.publication == "kst-21501-02-3001");
    auto plain = fetch::identity_of_record(nlohmann::json::parse(R"({"Id": "x", "Nummer": "2026D20001"})"));
    CHECK(plain.address == "https://www.tweedekamer.nl/kamerstukken/detail?id=2026D20001&did=2026D20001");
    // Hostile values give no address.
    OfficialIdentity hostile;
    hostile.publication = "kst-1234-5\"><script>";
    hostile.number = "2026D1 <b>";
    CHECK(official_address(hostile).empty());
}

TEST_CASE("fetch: official metadata, id and source, the document page links to the publication", "[identity][fetch]") {
    test::FixtureServer server;
    test::serve_feed(server);
    test::Fixture f;
    {
        auto store = f.open();
        test::TempDir pages;
        std::ofstream(pages.path / "Document.json") << k_document_page;
        auto imported = pipeline::import_records(store, {(pages.path / "Document.json").string()});
        REQUIRE(imported);
        REQUIRE(imported->added == 1);
        auto report = pipeline::run_fetch(store, test::quick(server.base()));
        REQUIRE(report);
        REQUIRE(report->ingested.size() == 4);
        CHECK(report->ingested[0].id == "kst-32317-994");
        CHECK(report->ingested[2].id == "kst-36600-VI-12");  // the OData record's Kamerstuk, not the parser's id

        auto letter = stored(store, "kst-32317-994");
        CHECK(letter.source == "https://www.tweedekamer.nl/kamerstukken/detail?id=2026D04400&did=2026D04400");
        CHECK(letter.meta.official.number == "2026D04400");
        CHECK(letter.meta.official.soort == "Brief regering");
        CHECK(letter.meta.date == "2026-02-03");
        auto pdf = stored(store, "kst-36600-VI-12");
        CHECK(pdf.source == "https://zoek.officielebekendmakingen.nl/kst-36600-VI-12.html");
        CHECK(pdf.meta.date == "2026-03-17");
        CHECK(pdf.meta.dossier == "36 600 VI");
        CHECK(pdf.meta.number == "12");
        CHECK(pdf.meta.official.bewindspersoon == "D.M. van Weel");
        CHECK(pdf.meta.official.ministry == "Justitie en Veiligheid");
        std::vector<std::string> warnings;
        REQUIRE(store.retrack(warnings));  // as the fetch command does
        for (auto& r : report->ingested) {
            auto v = store.index().version(r.id, 1);
            REQUIRE(v);
            CHECK(v->doc.source.starts_with("https://"));  // never the temporary download path
        }
    }
    auto store = pipeline::Store::open(f.paths, pipeline::Access::read);
    REQUIRE(store);
    test::TempDir out;
    report::ReportOptions options;
    options.out_dir = out.path;
    options.as_of = "2026-03-20";
    REQUIRE(report::write_report(store->index(), options));
    std::string pdf_page = slurp(out.path / "docs" / "kst-36600-VI-12.html");
    CHECK(
        pdf_page.find(
            R"(<a href="https://zoek.officielebekendmakingen.nl/kst-36600-VI-12.html">officielebekendmakingen.nl</a>)") !=
        std::string::npos);
    CHECK(pdf_page.find("D.M. van Weel (ministerie van Justitie en Veiligheid)") != std::string::npos);
    CHECK(pdf_page.find("2026D11000 (Brief regering)") != std::string::npos);
    std::string letter_page = slurp(out.path / "docs" / "kst-32317-994.html");
    CHECK(letter_page.find(R"(<a href="https://zoek.officielebekendmakingen.nl/kst-32317-994.html">)") !=
          std::string::npos);
    // An item page links each event's Kamerstuk to its official publication.
    bool linked = false;
    for (auto& e : std::filesystem::directory_iterator(out.path / "items"))
        linked |=
            slurp(e.path()).find(
                R"((<a href="https://zoek.officielebekendmakingen.nl/kst-36196-12.html">officiële publicatie</a>))") !=
            std::string::npos;
    CHECK(linked);
}
