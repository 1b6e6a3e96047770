#include <catch2/catch.hpp>

#include <chrono>

#include "db/tracked_items.hpp"
#include "detect/detector.hpp"
#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"
#include "fetch/sync_feed.hpp"
#include "ingest/kst_xml.hpp"
#include "ingest/pdf_text.hpp"
#include "util/xml_depth.hpp"

using namespace toezeg;

namespace {
std::vector<std::string> summary(const Document& doc) {
    std::vector<std::string> out;
    for (auto& it : detect::detect(doc, detect::default_rules()))
        out.push_back(std::string(to_string(it.kind)) + "|" + std::string(to_string(it.status)) + "|" + it.member + "|" +
                      it.ref + "|" + it.due + "|" + it.made_on);
    return out;
}
}  // namespace

TEST_CASE("a PDF gives the same items as its text", "[formats]") {
    for (auto [pdf, txt] : {std::pair{"tests/data/pdf/l04_ienw_spoor.pdf", "tests/data/letters/l04_ienw_spoor.txt"},
                            std::pair{"tests/data/pdf/003_seed.pdf", "corpus/003_1a1656bf7aee9de2.txt"}}) {
        INFO(pdf);
        auto from_pdf = test::read_letter(pdf);
        auto from_txt = test::read_letter(txt);
        CHECK(from_pdf.format == "pdf");
        CHECK(summary(from_pdf) == summary(from_txt));
        CHECK(from_pdf.meta.date == from_txt.meta.date);
    }
}

TEST_CASE("PDFs without text and broken PDFs are refused with the reason", "[formats]") {
    auto scanned = ingest::read_text_document(test::read_source("tests/data/pdf/scanned.pdf"), "scanned.pdf", {});
    REQUIRE_FALSE(scanned);
    CHECK(scanned.error().message.starts_with("the PDF has no text layer"));
    auto broken = ingest::read_text_document("%PDF-1.4\nthis is no pdf at all", "broken.pdf", {});
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message == "not a readable PDF (damaged or not a PDF)");
}

TEST_CASE("hostile PDFs end at a limit with a clear error, in a reader that cannot take our memory", "[formats]") {
    ingest::PdfLimits limits;
    limits.seconds = 2;
    limits.max_pages = 100;
    auto start = std::chrono::steady_clock::now();
    auto bomb = ingest::pdf_text(test::read_source("tests/data/hostile/bomb-text.pdf"), "bomb-text.pdf", limits);
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE_FALSE(bomb);  // 300 MB of text operators inflated from 850 KB
    CHECK(bomb.error().message.starts_with("reading the PDF took longer than the limit of 2 s; refused"));
    CHECK(took < std::chrono::seconds(30));  // a generous bound: the limit is 2 s, not a timing test
    auto pages = ingest::pdf_text(test::read_source("tests/data/hostile/many-pages.pdf"), "many-pages.pdf", limits);
    REQUIRE_FALSE(pages);
    CHECK(pages.error().message == "the PDF has 200 pages, more than the limit of 100");
    limits.max_pages = 1000;
    limits.max_text_bytes = 1000;  // 200 pages of "Geachte voorzitter" are more than 1,000 bytes
    auto text = ingest::pdf_text(test::read_source("tests/data/hostile/many-pages.pdf"), "many-pages.pdf", limits);
    REQUIRE_FALSE(text);
    CHECK(text.error().message.starts_with("the PDF's text is larger than the limit of"));
    // A real letter reads as before under the default limits.
    auto letter = ingest::pdf_text(test::read_source("tests/data/pdf/l04_ienw_spoor.pdf"), "l04.pdf");
    REQUIRE(letter);
    CHECK(letter->find("spoor") != std::string::npos);
}

TEST_CASE("official XML: a motion document is the birth of a motion", "[formats]") {
    auto doc = test::read_letter("tests/data/xml/kst-36196-12-motie-podt-koekkoek.xml");
    CHECK(doc.format == "xml");
    CHECK(doc.id == "kst-36196-12");
    CHECK(doc.meta.dossier == "36 196");
    CHECK(doc.meta.number == "12");
    CHECK(doc.meta.date == "2024-01-17");
    CHECK(doc.meta.title == "MOTIE VAN DE LEDEN PODT EN KOEKKOEK");
    CHECK(doc.meta.addressee == "Tweede Kamer");
    auto items = detect::detect(doc, detect::default_rules());
    REQUIRE(items.size() == 1);
    CHECK(items[0].kind == Kind::motion);
    CHECK(items[0].members == std::vector<std::string>{"Podt", "Koekkoek"});
    CHECK(items[0].ref == "36 196, nr. 12");
    CHECK(items[0].made_on == "2024-01-17");
    CHECK(items[0].due == "2024-07-01");
    CHECK(items[0].due_text == "voor de zomer van 2024");
    CHECK(items[0].evidence.starts_with("verzoekt het kabinet om zo snel mogelijk een voorstel uit te werken"));
}

TEST_CASE("official XML: a letter answering the motion links to it by its number", "[formats][track]") {
    auto letter = test::read_letter("tests/data/xml/kst-36196-20-brief.xml");
    CHECK(letter.meta.signers.size() == 1);
    CHECK(letter.meta.signers[0].role == "minister van Asiel en Migratie");
    REQUIRE(letter.footnotes.size() == 1);
    CHECK(letter.slice(letter.footnotes[0].text) == "Kamerstuk 36 196, nr. 12.");
    CHECK(letter.text.find("IND & de politie") != std::string::npos);

    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    for (auto* f : {"tests/data/xml/kst-36196-20-brief.xml", "tests/data/xml/kst-36196-12-motie-podt-koekkoek.xml"})
        REQUIRE(pipeline::ingest_file(*store, test::source_dir() / f, {}).outcome == pipeline::Outcome::added);
    std::vector<std::string> warnings;
    REQUIRE(store->retrack(warnings) == 2u);
    auto motion = db::load_tracked_item(store->index().database(), "motie-36196-12");
    REQUIRE(motion);
    CHECK(motion->status == Status::fulfilled);
    REQUIRE(motion->events.size() == 2);
    CHECK(motion->events[0].type == "made");
    CHECK(motion->events[0].doc == "kst-36196-12");
    CHECK(motion->events[1].type == "fulfilled");
    CHECK(motion->events[1].doc == "kst-36196-20");
    // The original PDF or XML is kept in git beside the text.
    CHECK(store->corpus().original(store->index().versions("kst-36196-12")[0].commit, "kst-36196-12", "original.xml"));
}

TEST_CASE("hostile XML: nesting past the limit is a clear error, not a crash", "[formats][limits]") {
    auto nested = [](std::size_t levels, const std::string& inner) {
        std::string open, close;
        for (std::size_t k = 0; k < levels; ++k) {
            open += "<al>";
            close += "</al>";
        }
        return "<?xml version=\"1.0\"?><officiele-publicatie><metadata/><kamerstuk><kamerstukkop/><stuk>" + open + inner +
               close + "</stuk></kamerstuk></officiele-publicatie>";
    };
    pugi::xml_document doc;
    REQUIRE(doc.load_string("<a><b><c/></b><d/></a>"));
    CHECK(xml::depth(doc) == 3);
    CHECK(xml::depth(doc.first_child()) == 2);

    auto deep = ingest::read_kst_xml(nested(100'000, "Ik zal uw Kamer informeren."), "deep.xml");
    REQUIRE_FALSE(deep);
    CHECK(deep.error().describe() == "deep.xml: XML nested deeper than 200 levels; refused (official XML nests under 30)");
    CHECK(ingest::read_kst_xml(nested(150, "Ik zal uw Kamer informeren."), "ok.xml"));

    std::string feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";
    for (int k = 0; k < 100'000; ++k) feed += "<entry>";
    for (int k = 0; k < 100'000; ++k) feed += "</entry>";
    auto page = fetch::parse_feed_page(feed + "</feed>", "feed.xml");
    REQUIRE_FALSE(page);
    CHECK(page.error().describe() == "feed.xml: feed nested deeper than 200 levels; refused");
}
