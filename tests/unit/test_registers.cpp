// The commitments registers: EK pages and korte aantekeningen (real, tests/data/registers/ek),
// TK Toezegging records (real partial rows and made-up records following $metadata / the XSD),
// the status vocabulary, and the join of register records to letters' commitments.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "fetch/toezegging_feed.hpp"
#include "helpers.hpp"
#include "ingest/register_pages.hpp"
#include "ingest/register_records.hpp"
#include "track/reconcile.hpp"

using namespace toezeg;
using nlohmann::json;

namespace {

json reference(const std::string& name) {
    return json::parse(test::read_source("tests/data/registers/ek-renderings/" + name));
}

ingest::EkPageRecords page(const std::string& name) {
    std::string file = "tests/data/registers/ek/" + name;
    auto text = test::read_source(file);
    REQUIRE(ingest::sniff_register_page(text) == ingest::RegisterPageKind::ek_register);
    auto parsed = ingest::parse_ek_register_page(text, file);
    REQUIRE(parsed);
    return *parsed;
}

}  // namespace

TEST_CASE("register status words of both Kamers map to one vocabulary", "[registers]") {
    CHECK(parse_register_status("Openstaand") == Status::open);
    CHECK(parse_register_status("openstaand") == Status::open);
    CHECK(parse_register_status("Afgedaan") == Status::fulfilled);
    CHECK(parse_register_status("Voldaan") == Status::fulfilled);
    CHECK(parse_register_status("\"voldaan\"") == Status::fulfilled);
    CHECK(parse_register_status("\u201cdeels voldaan\u201d") == Status::partial);
    CHECK(parse_register_status("Deels Afgedaan") == Status::partial);
    CHECK(parse_register_status("Deels Voldaan") == Status::partial);
    CHECK(parse_register_status("Vervallen") == Status::lapsed);
    CHECK_FALSE(parse_register_status(""));
    CHECK_FALSE(parse_register_status("Nagekomen"));  // named by a third party only; not guessed
}

TEST_CASE("EK rappel page with Label Value lines: T01237 as the page gives it, the cut-off T02615 skipped",
          "[registers]") {
    auto p = page("EK-rappel-BZK-2025-09_vmqtf141wdrz.txt");
    REQUIRE(p.records.size() == 1);
    REQUIRE(p.skipped.size() == 1);
    CHECK(p.skipped[0].starts_with("T02615: the page is cut off"));
    auto& r = p.records[0];
    auto ref = reference("EK-T01237.json");
    for (auto key : {"Nummer", "Titel", "Tekst", "Status", "Datum toezegging", "Deadline",
                     "Voormalige Verantwoordelijke(n)", "Huidige Verantwoordelijke(n)", "Commissie", "Soort activiteit",
                     "Categorie", "Onderwerpen", "Kamerstukken", "Uit de stukken", "Opmerking"}) {
        INFO(key);
        CHECK(r[key] == ref[key]);
    }
    auto record = ingest::register_from_ek(r);
    CHECK(record.number == "T01237");
    CHECK(record.status == Status::open);
    CHECK(record.made_on == "2009-04-07");
    CHECK(record.due == "2024-01-01");
    CHECK(record.minister == "Minister van Binnenlandse Zaken en Koninkrijksrelaties");  // the current one
    CHECK(record.members.empty());
}

TEST_CASE("EK rappel page with a pipe table: T01970 with its six Kamerleden", "[registers]") {
    auto p = page("EK-rappel-BZK_vm6skvfv89i3.txt");
    REQUIRE(p.records.size() == 1);
    auto& r = p.records[0];
    auto ref = reference("EK-T01970.json");
    for (auto key : {"Nummer", "Titel", "Tekst", "Status", "Datum toezegging", "Deadline", "Verantwoordelijke(n)",
                     "Kamerleden", "Commissie", "Soort activiteit", "Categorie", "Kamerstukken"}) {
        INFO(key);
        CHECK(r[key] == ref[key]);
    }
    CHECK(r["Onderwerpen"] == json::array({ref["Onderwerpen"]}));  // one flattened cell, as the rendering keeps it
    REQUIRE(r["Uit de stukken"].size() == 1);
    CHECK(r["Uit de stukken"][0]["bron"] == ref["Uit de stukken"][0]["bron"]);
    CHECK(r["Uit de stukken"][0]["tekst"].get<std::string>().starts_with(
        "Mevrouw Van Bijsterveld (CDA): Het tweede punt"));
    auto record = ingest::register_from_ek(r);
    CHECK(record.status == Status::partial);
    CHECK(record.status_text == "deels voldaan");
    CHECK(record.due == "2025-07-01");
    CHECK(record.members.size() == 6);
}

TEST_CASE("EK page saved as HTML reads as its text (made-up markup around T01970's real values)", "[registers]") {
    std::string html =
        "<!DOCTYPE html><html><head><title>Rappel</title><style>td{x:y}</style></head><body>"
        "<h2>Toezegging Schrappen artikel 5, tweede lid, sub d van de Algemene wet gelijke behandeling (33.344) "
        "(T01970)</h2>"
        "<p>De Minister van Binnenlandse Zaken en Koninkrijksrelaties zegt de Kamer toe om &hellip; te schrappen.</p>"
        "<h3>Kerngegevens</h3><table><tr><th>Nummer</th><td>T01970</td></tr><tr><th>Status</th><td>deels "
        "voldaan</td></tr>"
        "<tr><th>Datum toezegging</th><td>27 mei 2014</td></tr><tr><th>Deadline</th><td>1 juli 2025</td></tr>"
        "<tr><th>Kamerleden</th><td>prof. dr. S.C. van Bijsterveld (CDA) Mr.drs. M.M. de Boer (GroenLinks)</td></tr>"
        "</table></body></html>";
    auto text = ingest::html_to_text(html);
    REQUIRE(ingest::sniff_register_page(text) == ingest::RegisterPageKind::ek_register);
    auto p = ingest::parse_ek_register_page(text, "page.html");
    REQUIRE(p);
    REQUIRE(p->records.size() == 1);
    auto& r = p->records[0];
    CHECK(r["Nummer"] == "T01970");
    CHECK(r["Status"] == "deels voldaan");
    CHECK(r["Deadline"] == "1 juli 2025");
    CHECK(r["Kamerleden"] ==
          json::array({"prof. dr. S.C. van Bijsterveld (CDA)", "Mr.drs. M.M. de Boer (GroenLinks)"}));
    CHECK(r["Tekst"].get<std::string>().find("&hellip;") != std::string::npos);  // unknown entities stay as written
}

TEST_CASE("EK korte aantekeningen: every committee decision of the four real pages", "[registers]") {
    std::vector<ingest::EkDecision> all;
    for (auto name : {"EK-korte-aantekeningen-IWO-EZK-LNV-2021-11-23_vlo5pt0e91wx.txt",
                      "EK-korte-aantekeningen-KOREL-2016-09-13_vk7gm29v8bw2.txt",
                      "EK-korte-aantekeningen-KOREL-2017-03-21_vkcplt6j2vha.txt",
                      "EK-korte-aantekeningen-covid-2022-01-18_vlpqgculnus8.txt"}) {
        std::string file = std::string("tests/data/registers/ek/") + name;
        auto text = test::read_source(file);
        REQUIRE(ingest::sniff_register_page(text) == ingest::RegisterPageKind::ek_decisions);
        auto d = ingest::parse_ek_decisions(text, file);
        REQUIRE(d);
        all.insert(all.end(), d->begin(), d->end());
    }
    // The reference: EK-status-besluiten.json, derived by hand from the same pages (45 events, 42 numbers).
    auto ref = reference("EK-status-besluiten.json")["events"];
    REQUIRE(ref.size() == 45);
    std::set<std::tuple<std::string, std::string, std::string, std::string>> got, want;
    std::set<std::string> numbers;
    for (auto& d : all) {
        got.insert({d.number, d.event.date, d.event.status_text, d.event.due});
        numbers.insert(d.number);
    }
    for (auto& e : ref)
        want.insert({e["Nummer"], e["vergaderdatum"],
                     e["besluit_status"].is_null() ? "" : e["besluit_status"].get<std::string>(),
                     ingest::iso_of_dutch_date(e.value("nieuwe_deadline", ""))});
    CHECK(all.size() == 45);
    CHECK(numbers.size() == 42);
    CHECK(got == want);
    auto t02881 = std::find_if(all.begin(), all.end(), [](auto& d) { return d.number == "T02881"; });
    REQUIRE(t02881 != all.end());
    CHECK(t02881->event.status == Status::partial);
    CHECK(t02881->event.due == "2023-01-01");
    CHECK(t02881->committee.find("Infrastructuur, Waterstaat en Omgeving") != std::string::npos);
    CHECK(t02881->event.occasion.find("12 november 2021") != std::string::npos);
}

TEST_CASE("EK record from decisions alone: the latest decision gives status and deadline", "[registers]") {
    json r = {{"Id", "T01220"}, {"Nummer", "T01220"}};
    ingest::EkDecision later{"T01220", "commissie Koninkrijksrelaties (KOREL)",
                             RegisterEvent{"2017-03-21", Status::open, "openstaand", "2018-01-01", "blijft", "", "b"}};
    ingest::EkDecision earlier{"T01220", "commissie Koninkrijksrelaties (KOREL)",
                               RegisterEvent{"2016-09-13", Status::open, "openstaand", "", "blijft", "", "a"}};
    CHECK(ingest::add_ek_decision(r, later));
    CHECK(ingest::add_ek_decision(r, earlier));
    CHECK_FALSE(ingest::add_ek_decision(r, earlier));  // the same decision again changes nothing
    auto record = ingest::register_from_ek(r);
    REQUIRE(record.history.size() == 2);
    CHECK(record.history[0].date == "2016-09-13");
    CHECK(record.status == Status::open);
    CHECK(record.due == "2018-01-01");
    CHECK(record.committee == "commissie Koninkrijksrelaties (KOREL)");
}

TEST_CASE("TK Toezegging: the real partial rows, and a made-up complete record in $metadata names", "[registers]") {
    auto real = fetch::parse_odata_page(test::read_source("tests/data/registers/tk/Toezegging.real.json"), "real");
    REQUIRE(real);
    CHECK(real->entity == "Toezegging");
    REQUIRE(real->records.size() == 2);
    auto a = ingest::register_from_tk(real->records[0].fields);
    CHECK(a.number == "TZ202504-057");
    CHECK(a.status == Status::fulfilled);  // "Afgedaan"
    CHECK(a.minister == "Minister van Infrastructuur en Waterstaat");
    CHECK(a.person == "Madlener, B.");
    CHECK(a.made_on.empty());  // no Activiteit in the real row: no date is made up

    // Made up (no complete real record exists): follows $metadata exactly.
    auto made_up =
        fetch::parse_odata_page(test::read_source("tests/data/registers/series/register/Toezegging.json"), "m");
    REQUIRE(made_up);
    auto b = ingest::register_from_tk(made_up->records[0].fields);
    CHECK(b.number == "TZ202403-101");
    CHECK(b.made_on == "2024-03-12");
    CHECK(b.activity == "Commissiedebat: Wet open overheid");
    CHECK(b.due == "2024-07-01");
    CHECK(b.letter == "2024D25001");
    CHECK(b.members == std::vector<std::string>{"A.H. Kröger"});
    CHECK(b.party == "GL-PvdA");
    auto c = ingest::register_from_tk(made_up->records[1].fields);
    CHECK(c.relations == std::vector<std::string>{"IsHerhalingVan TZ202401-404"});
}

TEST_CASE("TK SyncFeed toezegging XML becomes a record with the OData names (made-up entity per the XSD)",
          "[registers]") {
    auto xml = test::read_source("tests/data/registers/tk/syncfeed-toezegging.madeup.xml");
    REQUIRE(fetch::looks_like_toezegging_xml(xml));
    auto records = fetch::parse_toezegging_xml(xml, "feed.xml");
    REQUIRE(records);
    REQUIRE(records->size() == 1);
    auto& f = (*records)[0].fields;
    CHECK(f["Id"] == "0e0f0a01-0000-4000-8000-000000000505");
    CHECK(f["Nummer"] == "TZ202404-505");
    CHECK(f["Status"] == "Deels Afgedaan");
    CHECK(f["DatumNakoming"] == "2024-12-31T00:00:00+01:00");
    CHECK(f["KamerbriefNakoming"] == "2024D18000");
    CHECK(f["Tussenvoegsel"].is_null());
    CHECK(f["Activiteit"] == json::array({{{"Id", "0e0f0a02-0000-4000-8000-000000000505"}}}));
    CHECK(f["ToegezegdAanPersoon"][0]["Id"] == "0e0f0a03-0000-4000-8000-000000000505");
    CHECK(f["IsHerhalingVan"][0]["Id"] == "0e0f0a01-0000-4000-8000-000000000404");
    CHECK(f["GewijzigdOp"] == "2024-05-02T08:00:00Z");
    auto r = ingest::register_from_tk(f);
    CHECK(r.status == Status::partial);
    CHECK(r.relations == std::vector<std::string>{"IsHerhalingVan 0e0f0a01-0000-4000-8000-000000000404"});

    // The live feed sends kamerbriefNakoming twice for some toezeggingen (against the XSD): both are kept.
    std::string twice =
        R"(<toezegging xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="0e0f0a01-0000-4000-8000-000000000606">)"
        "<kamerbriefNakoming>2024D1</kamerbriefNakoming><kamerbriefNakoming>2024D2</kamerbriefNakoming></toezegging>";
    auto two = fetch::parse_toezegging_xml(twice, "two.xml");
    REQUIRE(two);
    CHECK((*two)[0].fields["KamerbriefNakoming"] == json::array({"2024D1", "2024D2"}));
    CHECK_FALSE(fetch::parse_toezegging_xml("<toezegging id=\"../x\"/>", "bad.xml"));
    CHECK_FALSE(fetch::parse_toezegging_xml("<feed/>", "none.xml"));
}

TEST_CASE("a toezegging whose element is first a value, then a reference, is refused with the reason",
          "[registers][hostile]") {
    // Found by the feed fuzzer (tests/fuzz/regressions/feed/toezegging-value-then-reference): an
    // element <Activiteit> (a value: no navigation of that spelling) and then <activiteit ref=...>.
    std::string xml =
        R"(<toezegging xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" id="0e0f0a01-0000-4000-8000-000000000707">)"
        R"(<Activiteit ref="0e0f0a02-0000-4000-8000-000000000707"/>)"
        R"(<activiteit ref="0e0f0a02-0000-4000-8000-000000000708"/></toezegging>)";
    auto records = fetch::parse_toezegging_xml(xml, "page.xml");
    REQUIRE_FALSE(records);
    CHECK(records.error().describe().find("page.xml") != std::string::npos);
    CHECK(records.error().message.find("'Activiteit' both as a value and as a reference; refused") != std::string::npos);
}

TEST_CASE("register numbers cited in a text", "[registers]") {
    auto found = ingest::find_register_numbers("toezegging T01237 en TZ202412-116, niet T0123 of XT01237");
    REQUIRE(found.size() == 2);
    CHECK(found[0].number == "T01237");
    CHECK(found[0].offset == 11);
    CHECK(found[1].number == "TZ202412-116");
}

TEST_CASE("joining a register record: by its number, by hand, refused by hand", "[registers]") {
    auto letter_item = [](std::string id, std::string doc, std::string evidence, Status status) {
        track::TrackedItem t;
        t.id = std::move(id);
        t.status = status;
        t.subject = "kosten basisregistratie personen";
        track::Event e;
        e.date = "2024-09-02";
        e.type = status == Status::fulfilled ? "fulfilled" : "made";
        e.doc = std::move(doc);
        e.evidence = std::move(evidence);
        e.span = {100, 200};
        t.events.push_back(e);
        return t;
    };
    RegisterRecord r;
    r.id = "g1";
    r.number = "TZ202404-202";
    r.status = Status::open;
    r.status_text = "Openstaand";
    r.text = "De minister stuurt de Kamer een overzicht van de kosten.";
    std::vector<track::TrackedItem> items{
        letter_item("tz-a", "brief-a", "Met deze brief doe ik TZ202404-202 gestand.", Status::fulfilled),
        letter_item("tz-b", "brief-b", "Iets anders.", Status::open)};
    std::vector<std::string> warnings;
    std::vector<track::NumberCitation> cites{{"brief-a", "TZ202404-202", 120}};
    auto joins = track::join_registers(items, {r}, cites, {}, warnings);
    REQUIRE(joins.size() == 1);
    CHECK(joins[0].item_id == "tz-a");
    REQUIRE_FALSE(joins[0].reasons.empty());
    CHECK(joins[0].reasons[0] == "de brief brief-a noemt TZ202404-202 in de passage zelf");
    CHECK(items.size() == 2);  // joined: no item of its own

    auto rec = track::reconcile(items, {r}, joins, "2026-01-01");
    REQUIRE(rec.open_but_fulfilled.size() == 1);
    CHECK(rec.open_but_fulfilled[0].letter_doc == "brief-a");
    REQUIRE(rec.not_in_register.size() == 1);
    CHECK(rec.not_in_register[0].item_id == "tz-b");

    // A person says it is not tz-a's: it becomes a commitment of its own.
    auto items2 = std::vector<track::TrackedItem>{items[0], items[1]};
    track::Correction no{"unlink", {"tz-a"}, "reg-TZ202404-202", "", {}, {}};
    CHECK(track::is_register_correction(no));
    joins = track::join_registers(items2, {r}, cites, {no}, warnings);
    CHECK(joins[0].item_id == "reg-TZ202404-202");
    REQUIRE(items2.size() == 3);
    CHECK(items2[2].status == Status::open);
    // And that it is tz-b's after all.
    auto items3 = std::vector<track::TrackedItem>{items[0], items[1]};
    track::Correction yes{"link", {"tz-b", "reg-TZ202404-202"}, "", "", {}, {}};
    joins = track::join_registers(items3, {r}, cites, {no, yes}, warnings);
    CHECK(joins[0].item_id == "tz-b");
    CHECK(joins[0].by_hand);
    CHECK(warnings.empty());
}
