#include <catch2/catch.hpp>

#include <algorithm>

#include "db/tracked_items.hpp"
#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"
#include "util/text.hpp"

using namespace toezeg;

namespace {

// One line per tracked item: kind, status (with "overdue" at `as_of`), due, members, subject.
std::vector<std::string> table(pipeline::Store& store, const std::string& as_of) {
    std::vector<std::string> rows;
    for (auto& t : db::load_tracked_items(store.index().database(), {})) {
        std::string status(to_string(t.status));
        if (track::is_overdue(t, as_of)) status += "+overdue";
        rows.push_back(std::string(to_string(t.kind)) + " | " + status + " | " + (t.due.empty() ? "-" : t.due) + " | " +
                       text::join(t.members, ",") + " | " + t.subject);
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

struct Series {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    Series() { REQUIRE(pipeline::Store::init(paths)); }

    void ingest(const std::string& name, pipeline::IngestOptions options = {}) {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        auto r = pipeline::ingest_file(*store, test::source_dir() / "tests/data/series" / name, options);
        REQUIRE(r.outcome != pipeline::Outcome::failed);
        std::vector<std::string> warnings;
        REQUIRE(store->retrack(warnings));
    }
    std::vector<std::string> rows(const std::string& as_of) {
        auto store = pipeline::Store::open(paths, pipeline::Access::read);
        return table(*store, as_of);
    }
};

}  // namespace

TEST_CASE("tracking a series of letters step by step", "[track]") {
    Series s;
    s.ingest("s1_agenda.txt");  // promises two things, mentions a motion
    CHECK(s.rows("2026-03-15") == std::vector<std::string>{
        "commitment | open | 2026-07-01 |  | de huisvesting van statushouders",
        "commitment | open+overdue | 2026-02-28 |  | de uitkomsten van de evaluatie van de Wet inburgering",
        "motion | open | - | Podt | taalonderwijs voor nieuwkomers"});

    s.ingest("s2_verslag.txt");  // fulfils the first, partly carries out the motion
    CHECK(s.rows("2026-03-15") == std::vector<std::string>{
        "commitment | fulfilled | 2026-02-28 |  | de uitkomsten van de evaluatie van de Wet inburgering",
        "commitment | open | 2026-07-01 |  | de huisvesting van statushouders",
        "motion | partial | - | Podt | taalonderwijs voor nieuwkomers"});
    CHECK(s.rows("2026-08-01")[1] == "commitment | open+overdue | 2026-07-01 |  | de huisvesting van statushouders");

    s.ingest("s3_later.txt");  // fulfils the second after its deadline, and the motion in full
    CHECK(s.rows("2026-09-15") == std::vector<std::string>{
        "commitment | fulfilled | 2026-02-28 |  | de uitkomsten van de evaluatie van de Wet inburgering",
        "commitment | fulfilled | 2026-07-01 |  | de huisvesting van statushouders",
        "motion | fulfilled | - | Podt | taalonderwijs voor nieuwkomers"});

    s.ingest("s4_taaleisen_v1.txt");
    auto before = s.rows("2026-05-15");
    CHECK(std::count(before.begin(), before.end(), "commitment | open+overdue | 2026-04-30 |  | de taaleisen voor nieuwkomers") == 1);
    pipeline::IngestOptions as;
    as.as_id = "brief-2026-03-02-tk-taaleisen-voor-nieuwkomers";
    s.ingest("s4_taaleisen_v2.txt", as);  // reissued with a later deadline
    auto rows = s.rows("2026-05-15");
    REQUIRE(rows.size() == 4);
    CHECK(rows[2] == "commitment | open | 2026-05-31 |  | de taaleisen voor nieuwkomers");

    auto store = pipeline::Store::open(s.paths, pipeline::Access::read);
    auto items = db::load_tracked_items(store->index().database(), {});
    auto taal = std::find_if(items.begin(), items.end(), [](auto& t) { return t.subject == "de taaleisen voor nieuwkomers"; });
    REQUIRE(taal != items.end());
    REQUIRE(taal->events.size() == 2);  // the first version's events are replaced, not doubled
    CHECK(taal->events[0].type == "made");
    CHECK(taal->events[1].type == "deadline changed");
    CHECK(taal->events[1].version == 2);
    auto motion = std::find_if(items.begin(), items.end(), [](auto& t) { return t.kind == Kind::motion; });
    REQUIRE(motion->events.size() == 3);
    CHECK(motion->events[1].type == "partly fulfilled");
    CHECK(motion->events[2].type == "fulfilled");
    CHECK(motion->ref == "32 824, nr. 400");
}

TEST_CASE("the order of ingest does not change the tracked state", "[track]") {
    Series forward, backward;
    for (auto* name : {"s1_agenda.txt", "s2_verslag.txt", "s3_later.txt"}) forward.ingest(name);
    for (auto* name : {"s3_later.txt", "s2_verslag.txt", "s1_agenda.txt"}) backward.ingest(name);
    CHECK(forward.rows("2026-09-15") == backward.rows("2026-09-15"));
    auto a = pipeline::Store::open(forward.paths, pipeline::Access::read);
    auto b = pipeline::Store::open(backward.paths, pipeline::Access::read);
    auto x = db::load_tracked_items(a->index().database(), {});
    auto y = db::load_tracked_items(b->index().database(), {});
    REQUIRE(x.size() == y.size());
    for (std::size_t k = 0; k < x.size(); ++k) CHECK(x[k].id == y[k].id);
}

TEST_CASE("the five seeds: tracked items (000 and 003 counted once)", "[track][e2e]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    auto files = pipeline::expand_inputs({(test::source_dir() / "corpus").string()});
    for (auto& f : *files) pipeline::ingest_file(*store, f, {});
    std::vector<std::string> warnings;
    REQUIRE(store->retrack(warnings));
    CHECK(table(*store, "2026-06-01") ==
          std::vector<std::string>{
              "commitment | fulfilled | - |  | de algemene oriëntatie van de Raad inzake het voorstel voor een "
              "terugkeerverordening",
              "commitment | fulfilled | - |  | de inhoud van het bereikte politieke akkoord over de richtlijn "
              "harmonisatie van bepaalde aspecten…",
              "commitment | fulfilled | - |  | de stand van zaken ten aanzien van de terugkeersamenwerking met derde "
              "landen",
              "commitment | fulfilled | - |  | de stand van zaken van de gesprekken in de Europese kopgroep over "
              "verdragen",
              "commitment | fulfilled | - |  | de toepassing van de EU-lijst veilige landen van herkomst",
              "commitment | fulfilled | - | Kröger | de werkwijze bij besluit- en vertrekmoratoria",
              "commitment | fulfilled | - | Van Toorenburg | de voortgang van deze pilot",
              // "Uw Kamer wordt hierover middels een BNC-fiche geïnformeerd": its section's heading.
              "commitment | open | - |  | Digitale rechtspraak en strategieën voor justitiële opleiding",
              "commitment | open | - |  | de uitvoering van de motie Van Zanten/Boomsma bij relevante ontwikkelingen "
              "geïnformeerd",
              "commitment | open | - |  | de verdere ontwikkelingen",
              "commitment | open | - |  | het instellen van een besluit- en vertrekmoratorium",
              "motion | fulfilled | - | Eerdmans | ",
              "motion | fulfilled | - | Eerdmans | het opstarten van informatiecampagnes en een terugkeerplan gericht "
              "op onwelwillende herkomstlanden",
              "motion | fulfilled | - | Rajkowski,Van Zanten | alles op alles zetten om Dublinclaimanten naar andere "
              "Europese landen terug te sturen",
              "motion | open | - | Ram | organisaties in de keten van mensensmokkel en mensenhandel",
              "motion | open | - | Van Zanten,Boomsma | "});
    // The motions carry their Kamerstuk numbers; the seven items of 000 are not doubled by 003.
    db::TrackedQuery only_motions;
    only_motions.kind = Kind::motion;
    auto motions = db::load_tracked_items(store->index().database(), only_motions);
    std::vector<std::string> refs;
    for (auto& m : motions) refs.push_back(m.ref);
    std::sort(refs.begin(), refs.end());
    CHECK(refs == std::vector<std::string>{"", "21 501-04, nr. 287", "22 112, nr. 4131", "36 704, nr. 63", "36 704, nr. 64"});
}

TEST_CASE("link and unlink are kept in git and survive reindex", "[track]") {
    Series s;
    for (auto* name : {"s1_agenda.txt", "s2_verslag.txt"}) s.ingest(name);
    std::string a, b;
    {
        auto store = pipeline::Store::open(s.paths, pipeline::Access::write);
        auto items = db::load_tracked_items(store->index().database(), {});
        REQUIRE(items.size() == 3);
        a = items[0].id;
        b = items[1].id;
        REQUIRE(store->add_correction(track::Correction{"link", {a, b}, "", "2026-11-22T10:00:00Z", {}, {}}));
        std::vector<std::string> warnings;
        REQUIRE(store->retrack(warnings) == 2u);
        auto merged = db::load_tracked_item(store->index().database(), a);
        REQUIRE(merged);
        CHECK(merged->events.back().type == "linked");
        CHECK_FALSE(db::load_tracked_item(store->index().database(), b));
    }
    REQUIRE(pipeline::Store::reindex(s.paths));
    auto store = pipeline::Store::open(s.paths, pipeline::Access::write);
    CHECK(db::load_tracked_items(store->index().database(), {}).size() == 2);
    auto merged = db::load_tracked_item(store->index().database(), a);
    std::string doc;
    for (auto& e : merged->events)
        if (!e.doc.empty()) doc = e.doc;  // the last letter that spoke of it
    REQUIRE(store->add_correction(track::Correction{"unlink", {a}, doc, "", {}, {}}));
    std::vector<std::string> warnings;
    auto n = store->retrack(warnings);
    CHECK(warnings.empty());
    CHECK(n == 3u);
}

TEST_CASE("an ambiguous item keeps only its five best possible matches", "[track]") {
    // Letters with open motions of Kamerlid Bikker without a Kamerstuk number, on unrelated
    // subjects: from the second letter on, each could be any earlier one, none clearly.
    const char* subjects[] = {"jeugdzorg", "woningbouw", "stikstof", "asielopvang", "pensioenen",
                              "defensie", "onderwijs", "klimaat", "landbouw", "zorgkosten"};
    std::vector<track::Letter> letters;
    for (int n = 0; n < 9; ++n) {
        track::Letter letter;
        letter.doc_id = "brief-" + std::to_string(n);
        letter.date = "2026-0" + std::to_string(n + 1) + "-01";
        for (int m = 0; m < (n == 0 ? 2 : 1); ++m) {
            Item motion;
            motion.kind = Kind::motion;
            motion.member = "Bikker";
            motion.members = {"Bikker"};
            motion.subject = subjects[n + m];
            motion.evidence = std::string("De motie-Bikker over ") + motion.subject + " wordt uitgevoerd.";
            motion.span = Span{static_cast<std::size_t>(100 * m), static_cast<std::size_t>(100 * m + 40)};
            letter.items.push_back(motion);
        }
        letters.push_back(letter);
    }
    std::vector<std::string> warnings;
    auto tracked = track::track(letters, {}, warnings);
    std::size_t most = 0;
    for (auto& t : tracked) {
        most = std::max(most, t.possible_matches.size());
        for (std::size_t k = 1; k < t.possible_matches.size(); ++k) {
            auto &a = t.possible_matches[k - 1], &b = t.possible_matches[k];
            CHECK((a.score > b.score || (a.score == b.score && a.id < b.id)));
        }
    }
    CHECK(most == 5);
    // The order of the letters does not change which five are kept.
    std::reverse(letters.begin(), letters.end());
    auto again = track::track(letters, {}, warnings);
    REQUIRE(again.size() == tracked.size());
    auto ids = [](const std::vector<track::TrackedItem>& items) {
        std::vector<std::string> out;
        for (auto& t : items) {
            std::string row = t.id + ":";
            for (auto& p : t.possible_matches) row += p.id + ",";
            out.push_back(row);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(ids(again) == ids(tracked));
}

namespace {

track::Letter letter_of(const std::string& doc, const std::string& date, std::vector<Item> items) {
    track::Letter letter;
    letter.doc_id = doc;
    letter.date = date;
    letter.items = std::move(items);
    return letter;
}

// A commitment as the detector gives it: made before this letter (`earlier`) or promised in it.
Item commitment(const std::string& actor, const std::string& subject, const std::string& evidence, bool earlier,
                std::vector<std::string> members = {}, const std::string& made_on = "", const std::string& made_in = "") {
    Item it;
    it.kind = Kind::commitment;
    it.actor = actor;
    it.subject = subject;
    it.evidence = evidence;
    it.earlier = earlier;
    it.members = std::move(members);
    it.member = it.members.empty() ? "" : it.members[0];
    it.made_on = made_on;
    it.made_in = made_in;
    return it;
}

// Per tracked item (with events from letters): its letters, in order.
std::vector<std::string> items_by_letters(const std::vector<track::Letter>& letters) {
    std::vector<std::string> warnings;
    std::vector<std::string> out;
    for (auto& t : track::track(letters, {}, warnings)) {
        std::string row;
        for (auto& e : t.events)
            if (!e.doc.empty()) row += (row.empty() ? "" : " ") + e.doc;
        out.push_back(row);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const std::string k_financien = "minister van Financiën";
const std::string k_asiel = "minister van Asiel en Migratie";

}  // namespace

TEST_CASE("commitments to one Kamerlid made the same day join only from the same ministry", "[track][link]") {
    // Made in letter a (Financiën), answered in b: the date and the Kamerlid are shared.
    auto made = commitment(k_financien, "de herstelregeling box 3 voor het mkb",
                           "In het tweeminutendebat van 5 december 2024 zegde ik lid Westra (CDA) toe terug te komen op de "
                           "herstelregeling box 3 voor het mkb.",
                           true, {"Westra"}, "2024-12-05", "tweeminutendebat");
    SECTION("another ministry, another meeting, another subject: two items") {
        auto other = commitment(k_asiel, "de knelpunten rond de aanpak van overlastgevende asielzoekers",
                                "Tijdens het notaoverleg van 5 december 2024 is de heer Westra (CDA) toegezegd dat uw Kamer "
                                "een overzicht van de knelpunten rond de aanpak van overlastgevende asielzoekers ontvangt.",
                                true, {"Westra"}, "2024-12-05", "notaoverleg");
        CHECK(items_by_letters({letter_of("a", "2025-03-26", {made}), letter_of("b", "2025-04-03", {other})}) ==
              std::vector<std::string>{"a", "b"});
    }
    SECTION("the same ministry on the same subject: one item") {
        auto again = commitment(k_financien, "de herstelregeling box 3",
                                "In het debat van 5 december 2024 heb ik het lid Westra toegezegd terug te komen op de "
                                "herstelregeling box 3.",
                                true, {"Westra"}, "2024-12-05", "debat");
        CHECK(items_by_letters({letter_of("a", "2025-03-26", {made}), letter_of("b", "2025-04-03", {again})}) ==
              std::vector<std::string>{"a b"});
    }
}

TEST_CASE("a commitment to a Kamerlid on another subject made the same day is another item", "[track][link]") {
    auto made = commitment(k_financien, "de herstelregeling box 3 voor het mkb",
                           "In het commissiedebat van 5 december 2024 zegde ik lid Westra toe terug te komen op de "
                           "herstelregeling box 3 voor het mkb.",
                           true, {"Westra"}, "2024-12-05", "commissiedebat");
    auto unrelated = commitment(k_financien, "de inning van belastingschulden",
                                "In het commissiedebat van 5 december 2024 heb ik lid Westra toegezegd in te gaan op de "
                                "inning van belastingschulden.",
                                true, {"Westra"}, "2024-12-05", "commissiedebat");
    auto related = commitment(k_financien, "de herstelregeling box 3 voor ondernemers",
                              "Tijdens het commissiedebat van 5 december 2024 heb ik lid Westra toegezegd terug te komen op "
                              "de herstelregeling box 3 voor ondernemers.",
                              true, {"Westra"}, "2024-12-05", "commissiedebat");
    CHECK(items_by_letters({letter_of("a", "2025-03-26", {made}), letter_of("b", "2025-04-03", {unrelated})}) ==
          std::vector<std::string>{"a", "b"});
    CHECK(items_by_letters({letter_of("a", "2025-03-26", {made}), letter_of("b", "2025-04-03", {related})}) ==
          std::vector<std::string>{"a b"});
}

TEST_CASE("a letter's own new promise is a new item unless it repeats one word for word", "[track][link]") {
    auto to_tielen = commitment(k_financien, "de financiën van gemeenten in kleine gemeenten",
                                "In het commissiedebat van 2 oktober 2024 zegde ik lid Tielen (NSC) toe na de zomer terug "
                                "te komen op de financiën van gemeenten in kleine gemeenten.",
                                true, {"Tielen"}, "2024-10-02", "commissiedebat");
    auto promise = commitment(k_financien, "de financiën van gemeenten",
                              "Ik zal uw Kamer in het tweede kwartaal van 2025 informeren over de financiën van gemeenten.",
                              false);
    promise.due = "2025-06-30";
    SECTION("a new promise on the subject of a commitment to a Kamerlid: two items") {
        CHECK(items_by_letters({letter_of("a", "2024-11-01", {to_tielen}), letter_of("b", "2025-01-15", {promise})}) ==
              std::vector<std::string>{"a", "b"});
    }
    SECTION("a new promise with its own deadline on the subject of an open promise: two items") {
        auto later = commitment(k_financien, "een voortgangsrapportage over de financiën van gemeenten",
                                "Uw Kamer ontvangt voor 1 augustus 2025 een voortgangsrapportage over de financiën van gemeenten.",
                                false);
        later.due = "2025-08-01";
        CHECK(items_by_letters({letter_of("b", "2025-01-15", {promise}), letter_of("c", "2025-03-01", {later})}) ==
              std::vector<std::string>{"b", "c"});
    }
    SECTION("the same promise, the same deadline, the same minister in another letter: one item") {
        CHECK(items_by_letters({letter_of("b", "2025-01-15", {promise}), letter_of("c", "2025-03-01", {promise})}) ==
              std::vector<std::string>{"b c"});
    }
    SECTION("the same promise from another ministry: two items") {
        auto theirs = promise;
        theirs.actor = k_asiel;
        CHECK(items_by_letters({letter_of("b", "2025-01-15", {promise}), letter_of("c", "2025-03-01", {theirs})}) ==
              std::vector<std::string>{"b", "c"});
    }
}

TEST_CASE("'in mijn brief van <date> heb ik toegezegd' joins the promise of that letter", "[track][link]") {
    // Letter a of 26 June promises two things; letter c reports on one of them by that date only.
    auto reaction = commitment(k_financien, "een reactie op het rapport over de financiën van gemeenten",
                               "Ik zeg toe uw Kamer op korte termijn een reactie op het rapport over de financiën van "
                               "gemeenten te sturen.",
                               false);
    auto other = commitment(k_financien, "de uitkomsten van het onderzoek naar de digitale overheid",
                            "Uw Kamer ontvangt in het najaar de uitkomsten van het onderzoek naar de digitale overheid.",
                            false);
    auto report = commitment(k_financien, "een reactie op het rapport over de financiën van gemeenten",
                             "In mijn brief van 26 juni 2025 heb ik een reactie op het rapport over de financiën van "
                             "gemeenten toegezegd. Hiermee is de toezegging nagekomen.",
                             true, {}, "2025-06-26");
    report.status = Status::fulfilled;
    SECTION("the same minister: one item, fulfilled") {
        std::vector<std::string> warnings;
        auto tracked = track::track({letter_of("a", "2025-06-26", {reaction, other}), letter_of("c", "2025-09-10", {report})},
                                    {}, warnings);
        REQUIRE(tracked.size() == 2);
        auto joined = std::find_if(tracked.begin(), tracked.end(), [](auto& t) { return t.events.size() == 2; });
        REQUIRE(joined != tracked.end());
        CHECK(joined->subject == "een reactie op het rapport over de financiën van gemeenten");
        CHECK(joined->status == Status::fulfilled);
    }
    SECTION("a letter of that date by another ministry: two items") {
        auto theirs = reaction;
        theirs.actor = k_asiel;
        CHECK(items_by_letters({letter_of("a", "2025-06-26", {theirs}), letter_of("c", "2025-09-10", {report})}) ==
              std::vector<std::string>{"a", "c"});
    }
}

TEST_CASE("motions without a number by one Kamerlid join only on a related subject", "[track][link]") {
    auto motion = [](const std::string& subject) {
        Item it;
        it.kind = Kind::motion;
        it.members = {"Ramdin"};
        it.member = "Ramdin";
        it.subject = subject;
        it.evidence = "De motie-Ramdin over " + subject + " wordt uitgevoerd.";
        return it;
    };
    CHECK(items_by_letters({letter_of("a", "2025-03-01", {motion("de nareis van gezinsleden")}),
                            letter_of("b", "2025-04-01", {motion("het passend onderwijs")})}) ==
          std::vector<std::string>{"a", "b"});
    CHECK(items_by_letters({letter_of("a", "2025-03-01", {motion("de nareis van gezinsleden")}),
                            letter_of("b", "2025-04-01", {motion("de nareis van gezinsleden van statushouders")})}) ==
          std::vector<std::string>{"a b"});
}

TEST_CASE("a Kamerlid of another party with the same name is another Kamerlid", "[track][link]") {
    auto to = [](const std::string& party, const std::string& doc_words) {
        auto it = commitment(k_financien, "het dierenwelzijn in de veehouderij",
                             "In het commissiedebat van 2 februari 2025 zegde ik lid Meijer (" + party +
                                 ") toe na de zomer terug te komen op het dierenwelzijn in de veehouderij" + doc_words + ".",
                             true, {"Meijer"}, "2025-02-02", "commissiedebat");
        it.party = party;
        return it;
    };
    CHECK(items_by_letters({letter_of("a", "2025-03-01", {to("PVV", "")}),
                            letter_of("b", "2025-04-01", {to("D66", " en de stallen")})}) ==
          std::vector<std::string>{"a", "b"});
    CHECK(items_by_letters({letter_of("a", "2025-03-01", {to("PVV", "")}),
                            letter_of("b", "2025-04-01", {to("PVV", " en de stallen")})}) ==
          std::vector<std::string>{"a b"});
}
