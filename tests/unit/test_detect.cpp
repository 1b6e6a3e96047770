#include <algorithm>
#include <catch2/catch.hpp>
#include <map>

#include "cli/output.hpp"
#include "detect/dates.hpp"
#include "detect/detector.hpp"
#include "detect/eval.hpp"
#include "detect/people.hpp"
#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"

using namespace toezeg;
using toezeg::test::read_letter;

TEST_CASE("every rule compiles, fires on its example and stays silent on its counter-example", "[detect]") {
    const auto& rules = detect::default_rules();
    REQUIRE(rules.all().size() == detect::rule_table().size());
    for (const auto& rule : rules.all()) {
        INFO("rule " << rule.spec->id);
        CHECK(RE2::PartialMatch(rule.spec->fires, *rule.re));
        CHECK_FALSE(RE2::PartialMatch(rule.spec->silent, *rule.re));
        if (rule.spec->also_fires) CHECK(RE2::PartialMatch(rule.spec->also_fires, *rule.re));
        if (rule.spec->also_silent) CHECK_FALSE(RE2::PartialMatch(rule.spec->also_silent, *rule.re));
    }
}

namespace {
detect::EvalReport score(const std::string& gold_file, const std::string& folder) {
    auto gold = detect::read_json_lines((test::source_dir() / gold_file).string());
    REQUIRE(gold);
    std::vector<nlohmann::json> predictions;
    auto files = pipeline::expand_inputs({(test::source_dir() / folder).string()});
    for (auto& f : *files) {
        auto doc = read_letter(std::filesystem::relative(f, test::source_dir()).string());
        for (auto& item : detect::detect(doc, detect::default_rules()))
            predictions.push_back(cli::item_to_json(item, f.string()));
    }
    return detect::evaluate(*gold, predictions);
}
}  // namespace

TEST_CASE("seed letters: F1 1.0 and every status, member, made_on and ref right", "[detect][e2e]") {
    auto r = score("tests/gold/seeds.jsonl", "corpus");
    for (auto& w : r.wrong) UNSCOPED_INFO(w);
    CHECK(r.fp == 0);
    CHECK(r.fn == 0);
    CHECK(r.tp == 22);
    CHECK(r.status.right == r.status.total);
    CHECK(r.member.right == r.member.total);
    CHECK(r.made_on.right == r.made_on.total);
    CHECK(r.ref.right == r.ref.total);
}

TEST_CASE("own labelled letters: F1 and status accuracy at least 0.9", "[detect]") {
    auto r = score("tests/data/letters.jsonl", "tests/data/letters");
    for (auto& w : r.wrong) UNSCOPED_INFO(w);
    CHECK(r.f1() >= 0.95);
    CHECK(r.status.rate() >= 0.9);
    CHECK(r.member.rate() >= 0.9);
}

TEST_CASE("second batch of labelled letters: F1 and status accuracy at least 0.9", "[detect]") {
    auto r = score("tests/data/letters2.jsonl", "tests/data/letters2");
    for (auto& w : r.wrong) UNSCOPED_INFO(w);
    CHECK(r.f1() >= 0.95);
    CHECK(r.status.rate() >= 0.9);
}

TEST_CASE("real letters: the score may not fall below the measured one", "[detect][real]") {
    auto r = score("tests/data/real/gold.jsonl", "tests/data/real");
    for (auto& w : r.wrong) UNSCOPED_INFO(w);
    INFO("F1 " << r.f1() << ", status " << r.status.rate());
    // Measured on sets c-j. Blind, before any rule was written with them in view: set i alone F1
    // 0.839, F1 x status 0.677 (the same with or without the rules written for sets g and h); set j
    // alone F1 0.720, F1 x status 0.560 before detector round 3 and 0.640 after it (set j is still
    // blind: no rule has been written with it in view). Whole folder after round 3: F1 0.967,
    // status 0.994, F1 x status 0.960, member 1.000, made_on 0.946, ref 1.000. After round 4
    // (written with set j's misses in view, so set j is training data now): F1 0.988, status
    // 1.000, F1 x status 0.988, member 1.000, made_on 0.947, ref 1.000.
    // Set k (26 letters, 20 non-optional labels) labelled blind, then scored once: F1 0.821, status
    // 0.625, F1 x status 0.513, with the rules before and after round 4 alike (the same detections,
    // byte for byte): round 4 did not generalise to it. Whole folder c-k after round 4: F1 0.971,
    // status 0.967, F1 x status 0.939, member 1.000, made_on 0.930, ref 1.000. Then (set k in
    // view) this letter itself, or one sent alongside it, is offered, not promised, and the second
    // of two things kept ("invulling aan de motie X, die ..., en aan mijn toezegging"): F1 0.973,
    // status 0.973, F1 x status 0.947. Then a motion told by its adoption and submitter ("is een
    // motie aangenomen van het lid X") and more passive sendings ("zullen u ... nagezonden worden"):
    // F1 0.979, status 0.973, F1 x status 0.952.
    // Set l (26 letters, 19 non-optional labels) labelled blind, then scored once: F1 0.895, status
    // 0.882, F1 x status 0.789; whole folder c-l F1 0.971, F1 x status 0.937. Then (set l in view)
    // "more time needed" keeps an earlier promise open, answering the Kamer's questions later is a
    // promise, and a plan reported earlier is none: c-l F1 0.976, status 0.975, F1 x status 0.952.
    CHECK(r.f1() >= 0.975);
    CHECK(r.f1() * r.status.rate() >= 0.95);
    CHECK(r.member.rate() >= 0.99);
    CHECK(r.made_on.rate() >= 0.93);
    CHECK(r.ref.rate() >= 0.95);
}

TEST_CASE("a motion named in a heading and the body, with its footnote reference", "[detect]") {
    auto items = detect::detect(read_letter("corpus/001_0e545a94cc435d19.txt"), detect::default_rules());
    std::vector<Item> motions;
    for (auto& i : items)
        if (i.kind == Kind::motion) motions.push_back(i);
    REQUIRE(motions.size() == 1);
    CHECK(motions[0].member == "Ram");
    CHECK(motions[0].ref == "21 501-04, nr. 287");
    CHECK(motions[0].status == Status::open);
    CHECK(motions[0].evidence.starts_with("De motie Ram verzoekt de regering"));
}

TEST_CASE("plural motions become one item each, with the references of their footnote", "[detect]") {
    auto items = detect::detect(read_letter("corpus/002_0b783c6c09b9d010.txt"), detect::default_rules());
    std::vector<std::string> refs;
    for (auto& i : items)
        if (i.kind == Kind::motion && i.member == "Eerdmans") {
            refs.push_back(i.ref);
            CHECK(i.status == Status::fulfilled);
        }
    CHECK(refs == std::vector<std::string>{"36 704, nr. 63", "36 704, nr. 64"});
}

TEST_CASE("promises by others and information given before are no commitments", "[detect]") {
    Document doc;
    doc.meta.date = "2026-03-01";
    doc.text =
        "De Europese Commissie heeft toegezegd voor de zomer een voorstel te doen. Frontex zegde toe extra "
        "personeel te leveren. Uw Kamer is op 3 februari jl. geïnformeerd over de stand van zaken. Nederland "
        "zal zich blijven inzetten voor een goede uitkomst. De Kamer wordt jaarlijks geïnformeerd over de "
        "resultaten.\n";
    doc.body_end = doc.text.size();
    CHECK(detect::detect(doc, detect::default_rules()).empty());
}

TEST_CASE("promises in other words, offers, and letters to the government", "[detect]") {
    auto run = [](const std::string& text) {
        Document doc;
        doc.meta.date = "2026-03-01";
        doc.text = text;
        doc.body_end = doc.text.size();
        return detect::detect(doc, detect::default_rules());
    };
    // Promises without a promise word or without a named Kamer.
    auto items =
        run("Ik verwacht u in het najaar een reactie te kunnen geven op het advies. Ik zal de vragen van uw "
            "Kamer zo spoedig mogelijk beantwoorden. Ik ben voornemens voor de zomer te reageren op de motie-"
            "Bikker. Daarom vraag ik uw commissie de termijn te verlengen tot 1 april. In juni kunt u twee "
            "rapporten verwachten: de evaluatie en de monitor.\n");
    REQUIRE(items.size() == 7);  // the last sentence promises two reports; the motion is named
    CHECK(std::count_if(items.begin(), items.end(), [](auto& i) { return i.kind == Kind::commitment; }) == 6);
    for (auto& i : items)
        if (i.evidence.starts_with("Daarom vraag")) CHECK(i.due == "2026-04-01");
    // Offering what comes along or separately today is no promise.
    CHECK(run("Separaat ontvangt uw Kamer vandaag een brief over de kosten. Als bijlage ontvangt u het rapport.\n")
              .empty());
    // The Kamer writing to the minister promises nothing for the government, until the minister's answer.
    auto exchange =
        run("BRIEF AAN DE MINISTER VAN FINANCIËN\n\nDe Kamer ontvangt graag voor 1 mei een overzicht van "
            "de toezeggingen.\n\nBRIEF VAN DE MINISTER VAN FINANCIËN\n\nIk zal uw Kamer voor 1 mei "
            "informeren.\n");
    REQUIRE(exchange.size() == 1);
    CHECK(exchange[0].evidence.starts_with("Ik zal uw Kamer"));
}

TEST_CASE("motion status words of this letter", "[detect]") {
    Document doc;
    doc.meta.date = "2026-03-01";
    doc.text =
        "De motie van het lid Dassen over de heffing beschouw ik als afgedaan. De motie-Van Dijk over "
        "toeslagen wordt meegenomen in de evaluatie. De motie van het lid Grinwis over de bouw kan niet worden "
        "uitgevoerd. De motie van het lid Vijlbrief is ingehaald door de wetswijziging. Hieronder ga ik in op "
        "de motie van het lid Omtzigt.\n";
    doc.body_end = doc.text.size();
    std::map<std::string, Status> status;
    for (auto& i : detect::detect(doc, detect::default_rules())) status[i.member] = i.status;
    CHECK(status == std::map<std::string, Status>{{"Dassen", Status::fulfilled},
                                                  {"Van Dijk", Status::open},
                                                  {"Grinwis", Status::lapsed},
                                                  {"Vijlbrief", Status::lapsed},
                                                  {"Omtzigt", Status::fulfilled}});
}

TEST_CASE("relative dates resolve against the letter date", "[detect]") {
    Date ref{2026, 3, 18};
    CHECK(detect::first_event_date("In het debat van 3 maart jl. zegde", ref)->iso() == "2026-03-03");
    CHECK(detect::first_event_date("In het debat van 20 december jl. zegde", ref)->iso() == "2025-12-20");
    CHECK(detect::first_event_date("d.d. 20 november 2025 is toegezegd", ref)->iso() == "2025-11-20");
    CHECK_FALSE(detect::first_event_date("voor 1 juli 2026 informeren", ref));
}

TEST_CASE("deadline phrases by the convention table", "[detect]") {
    Date ref{2026, 3, 18};
    auto due = [&](const char* s) {
        auto d = detect::find_deadline(s, ref);
        return d ? (d->vague ? "vague:" + d->text : d->due) : std::string("none");
    };
    CHECK(due("Ik zal uw Kamer voor de zomer informeren") == "2026-07-01");
    CHECK(due("voor het zomerreces") == "2026-07-01");
    CHECK(due("na de zomer") == "2026-09-30");
    CHECK(due("in het najaar") == "2026-11-30");
    CHECK(due("voor het einde van het jaar") == "2026-12-31");
    CHECK(due("in het eerste kwartaal van 2027") == "2027-03-31");
    CHECK(due("voor 1 juli 2026") == "2026-06-30");
    CHECK(due("uiterlijk 1 oktober 2026") == "2026-10-01");
    CHECK(due("voor Prinsjesdag") == "2026-09-14");
    CHECK(due("in december 2026") == "2026-12-31");
    CHECK(due("op korte termijn") == "vague:op korte termijn");
    CHECK(due("zonder termijn") == "none");
    CHECK(due("binnen zes weken") == "2026-04-29");
    // Any number a letter writes is at most 1,200 weeks or months (no overflow of the date).
    CHECK(due("binnen 99999999999 maanden") == "2126-03-18");
    CHECK(due("binnen 2147483647 weken") == ref.plus_days(7L * 1200).iso());
    Date december{2025, 12, 17};
    CHECK(detect::find_deadline("voor de zomer", december)->due == "2026-07-01");
}

TEST_CASE("Kamerleden as written", "[detect]") {
    auto m = detect::find_members("beschouwt de toezegging aan lid-Van Toorenburg als afgedaan");
    CHECK(m.names == std::vector<std::string>{"Van Toorenburg"});
    m = detect::find_members("zegde ik de leden De Hoop en Bamenga toe");
    CHECK(m.names == std::vector<std::string>{"De Hoop", "Bamenga"});
    m = detect::find_members("heb ik het lid Kostić (GL-PvdA) toegezegd");
    CHECK(m.names == std::vector<std::string>{"Kostić"});
    CHECK(m.party == "GL-PvdA");
    CHECK(detect::split_names("Van Zanten/Boomsma") == std::vector<std::string>{"Van Zanten", "Boomsma"});
}

TEST_CASE("one sentence naming several motions keeps each (regression: use after reallocation)", "[detect][memory]") {
    const char* text =
        "Hiermee voert het kabinet de motie Kröger de motie Ram uit. Daarnaast voert het kabinet de motie van het lid "
        "Bikker, de motie van het lid Eerdmans en de motie van het lid Van der Plas uit.\n";
    auto doc = ingest::read_text_document(text, "two-motions.txt", {});
    REQUIRE(doc);
    auto items = detect::detect(*doc, detect::default_rules());
    std::vector<std::string> members;
    for (auto& i : items) {
        CHECK(i.kind == Kind::motion);
        CHECK(i.status == Status::fulfilled);
        members.push_back(i.member);
    }
    CHECK(members == std::vector<std::string>{"Kröger", "Ram", "Bikker", "Eerdmans", "Van der Plas"});
}

TEST_CASE("a plural mention makes a bounded number of motions (regression: endless drafts, found by fuzzing)",
          "[detect][memory]") {
    auto detect_text = [](const std::string& body) {
        auto doc = ingest::read_text_document("Geachte voorzitter,\n\n" + body + "\n", "plural.txt", {});
        REQUIRE(doc);
        return detect::detect(*doc, detect::default_rules());
    };
    // "2 moties" with one Kamerstuk number and no Kamerlid: the second motion has nothing it
    // can be found by, so making more never completed the group (2.2 GB, then out of memory).
    auto items = detect_text(
        "In 2020 werden 2 moties2 ingediend waarin de regering werd verzocht om een coördinator van het lid "
        "PaFland3 over boa’s (Kamerstuk 33 566, nr. 57).");
    REQUIRE(items.size() == 2);
    CHECK(items[0].ref == "33 566, nr. 57");
    CHECK(items[1].ref.empty());
    // Any number a letter writes: at most 20 motions for one mention (and no overflow).
    for (std::string count : {"25", "99999999999"}) {
        auto many = detect_text("De " + count + " moties van het lid Ram zijn uitgevoerd.");
        CHECK(many.size() == 20);
        for (auto& m : many) CHECK(m.member == "Ram");
    }
    CHECK(detect_text("De 3 moties van het lid Ram zijn uitgevoerd.").size() == 3);
}

TEST_CASE("interim replies, overview rows, other senders: the kinds of real set g", "[detect]") {
    auto detect_text = [](const std::string& body) {
        std::string text =
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2026\n\n" + body + "\n";
        auto doc = ingest::read_text_document(text, "kinds.txt", {});
        REQUIRE(doc);
        return detect::detect(*doc, detect::default_rules());
    };
    SECTION("a promise reported in main-clause order, its date moved in the next paragraph") {
        auto items = detect_text(
            "Ik heb u in januari bericht dat ik de evaluatie in april aan uw Kamer zou sturen.\n\nHet onderzoek "
            "vergt meer tijd. Ik verwacht u de evaluatie uiterlijk 1 juni te sturen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
        CHECK(items[0].due == "2026-06-01");
    }
    SECTION("after a delay notice the answer that follows is a promise, also without actor or addressee") {
        auto items = detect_text(
            "Het is niet mogelijk de vragen van de commissie binnen de gestelde termijn te beantwoorden. Beantwoording "
            "volgt zo spoedig mogelijk.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].kind == Kind::commitment);
        CHECK(items[0].status == Status::open);
        CHECK(detect_text("Beantwoording volgt zo spoedig mogelijk.").empty());
    }
    SECTION("overview rows in cells: one motion per row, its Kamerstuk and state from its cells") {
        auto items = detect_text(
            "Tabel 3 Aanvaarde moties (stand per 1 juli 2026)\n\nOmschrijving van de motie\n\nVindplaats\n\nStand van "
            "zaken\n\nDe motie van het lid Ram; Verzoekt de regering de regeling te herzien.\n\nKamerstukken II "
            "2024/25, 36600 VII, nr. 12\n\nAfgedaan. De Tweede Kamer is op 3 juli per brief geïnformeerd.\n\nDe motie "
            "van het lid Ram; Verzoekt de regering de subsidie te verlengen.\n\nKamerstukken II 2024/25, 36600 VII nr. "
            "13\n\nIn uitvoering. Het onderzoek loopt.");
        std::vector<Item> motions;
        for (auto& i : items)
            if (i.kind == Kind::motion) motions.push_back(i);
        REQUIRE(motions.size() == 2);
        CHECK(motions[0].member == "Ram");
        CHECK(motions[0].ref == "36 600 VII, nr. 12");
        CHECK(motions[0].status == Status::fulfilled);
        CHECK(motions[1].ref == "36 600 VII, nr. 13");
        CHECK(motions[1].status == Status::open);
    }
    SECTION("a letter of the Algemene Rekenkamer promises nothing for the government") {
        CHECK(detect_text("Nr. 8 BRIEF VAN DE ALGEMENE REKENKAMER\n\nWij verwachten hierover aan uw Kamer te kunnen "
                          "rapporteren in het voorjaar van 2027.")
                  .empty());
        CHECK(detect_text("Nr. 8 BRIEF VAN DE MINISTER VAN FINANCIËN\n\nWij verwachten hierover aan uw Kamer te kunnen "
                          "rapporteren in het voorjaar van 2027.")
                  .size() == 1);
    }
    SECTION("'de Eerste Kamer' is not 'the first' of the motions named before") {
        auto items = detect_text(
            "De motie-Ram is ingetrokken. De motie-Bikker is ingetrokken.\n\nNamens de commissie van "
            "de Eerste Kamer,");
        REQUIRE(items.size() == 2);
        CHECK(items[0].status == Status::lapsed);
        CHECK(items[1].status == Status::lapsed);
    }
    SECTION("'Kamerstuknr.' does not end the sentence; what this letter delivers carries the motion out") {
        auto items = detect_text(
            "Hierbij doe ik u het kabinetsstandpunt toekomen, mede ter uitvoering van de aanvaarde motie-Taverne "
            "(Kamerstuknr. 2015–2016, 21 501-02, nr. 1538) over de Kiesakte.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::fulfilled);
        CHECK(items[0].evidence.ends_with("over de Kiesakte."));
    }
}

TEST_CASE("the kinds a blind set showed: rows with their cells, questions, requests, interim replies", "[detect]") {
    auto detect_text = [](const std::string& body) {
        std::string text =
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2026\n\n" + body + "\n";
        auto doc = ingest::read_text_document(text, "round3.txt", {});
        REQUIRE(doc);
        return detect::detect(*doc, detect::default_rules());
    };
    auto motions_of = [](const std::vector<Item>& items) {
        std::vector<Item> out;
        for (auto& i : items)
            if (i.kind == Kind::motion) out.push_back(i);
        return out;
    };
    SECTION("a row's meeting cell is no section title: the table's title still gives the state") {
        std::string rows =
            "Tabel 5 Aanvaarde moties die zijn afgerond\n\nOmschrijving\n\nVindplaats\n\nStand van zaken";
        for (const char* name : {"Ram", "Bikker", "Kröger"})
            rows += std::string("\n\nDe motie van het lid ") + name +
                    ". Verzoekt de regering de regeling te herzien.\n\nPlenair debat Begroting d.d. 8 november 2025 "
                    "(Handelingen II, 2025/26, nr. 19, item 11)";
        auto motions = motions_of(detect_text(rows));
        REQUIRE(motions.size() == 3);
        for (auto& m : motions) CHECK(m.status == Status::fulfilled);
    }
    SECTION("after 'het lid' a lower-case particle opens the name; 'motie het lid' lacks its 'van'") {
        auto motions = motions_of(detect_text("De motie van het lid van Dijk over de huurtoeslag is uitgevoerd."));
        REQUIRE(motions.size() == 1);
        CHECK(motions[0].member == "Van Dijk");
        CHECK(motions_of(detect_text("De motie het lid Ram over de huurtoeslag is uitgevoerd.")).size() == 1);
        CHECK(motions_of(detect_text("Een motie van de fractie is verworpen.")).empty());
    }
    SECTION("the motion's own request does not undo the state this letter gives it") {
        auto motions = motions_of(
            detect_text("In navolging van de motie van het lid Ram stuur ik u hierbij het advies. De motie van het lid "
                        "Ram verzoekt de regering de gevolgen in kaart te brengen."));
        REQUIRE(motions.size() == 1);
        CHECK(motions[0].status == Status::fulfilled);
    }
    SECTION("a question promises nothing; its answer can") {
        CHECK(detect_text("Wanneer wordt de Kamer geïnformeerd over de resultaten van de pilot?").empty());
        CHECK(detect_text("De Kamer wordt voor de zomer geïnformeerd over de resultaten van de pilot.").size() == 1);
    }
    SECTION("a promise right after a Kamerlid's request is made to that Kamerlid, not after a motion's request") {
        auto items = detect_text(
            "Het lid Bikker heeft mij gevraagd naar de kosten van de regeling. Ik zal de Kamer daarover voor 1 juni "
            "informeren.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].member == "Bikker");
        auto after_motion = detect_text(
            "In de motie van het lid Bikker wordt de regering verzocht de kosten te onderzoeken. Ik zal de Kamer "
            "daarover voor 1 juni informeren.");
        for (auto& i : after_motion)
            if (i.kind == Kind::commitment) CHECK(i.member.empty());
    }
    SECTION("an interim reply: what was promised has not come in, so the earlier commitment stays open") {
        auto items = detect_text(
            "In het commissiedebat van 12 januari 2026 heb ik u toegezegd het advies van de raad toe te sturen.\n\nHet "
            "advies van de raad heb ik nog niet ontvangen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
        CHECK(items[0].made_on == "2026-01-12");
    }
    SECTION("an earlier promise with its own time is kept by the letter's annex") {
        auto items = detect_text(
            "In mijn brief van 5 februari jl. heb ik toegezegd voor de zomer de cijfers met uw Kamer te delen. In de "
            "bijlage bij deze brief vindt u de cijfers.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::fulfilled);
    }
    SECTION("a letter addressed to a minister is the Kamer's, from its address line on") {
        CHECK(detect_text("Aan de Minister van Volksgezondheid, Welzijn en Sport\n\nDe Kamer verneemt graag voor 1 "
                          "mei wat de stand van zaken is. Wij zullen u hierover nader berichten.")
                  .empty());
    }
    SECTION("'hierbij kondig ik aan dat ik ... zal' announces a promise; 'hierbij ontvangt u' delivers") {
        auto items = detect_text("Hierbij kondig ik aan dat ik in het voorjaar een notitie naar uw Kamer zal sturen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
        CHECK(detect_text("Hierbij ontvangt u het jaarverslag van de inspectie.").empty());
    }
    SECTION("a letter announcing the motions and commitments it treats makes no commitment of that") {
        CHECK(detect_text("Met deze brief informeer ik u over de uitvoering van diverse moties en toezeggingen op het "
                          "gebied van wonen.")
                  .empty());
        auto items =
            detect_text("Hiermee is uitvoering gegeven aan enkele toezeggingen en moties op het gebied van wonen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::fulfilled);
    }
}

TEST_CASE("promises in the word orders ministries write, and what is not a promise", "[detect]") {
    auto detect_text = [](const std::string& body) {
        std::string text =
            "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2026\n\n" + body + "\n";
        auto doc = ingest::read_text_document(text, "words.txt", {});
        REQUIRE(doc);
        return detect::detect(*doc, detect::default_rules());
    };
    SECTION("present tense of toezeggen") {
        auto items = detect_text("Ik zeg toe uw Kamer voor 1 juli een appreciatie te sturen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
        CHECK(items[0].due == "2026-06-30");
    }
    SECTION("inversion after a fronted phrase, tied to a later report") {
        auto items =
            detect_text("Over de uitkomst van de onderhandelingen informeer ik uw Kamer in het verslag van deze Raad.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
    }
    SECTION("a predecessor's promise, delivered now") {
        auto items = detect_text(
            "In het debat van 12 januari 2026 zegde mijn ambtsvoorganger toe de evaluatie aan uw Kamer te sturen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::fulfilled);
        CHECK(items[0].made_on == "2026-01-12");
    }
    SECTION("plural: several commitments kept by one letter") {
        auto items = detect_text("Met deze brief doe ik een aantal toezeggingen aan uw Kamer gestand.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::fulfilled);
    }
    SECTION("a motion in an overview row, named without 'het lid'") {
        auto items = detect_text("Motie van Haverkamp over het benadrukken van politiespecifieke elementen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].kind == Kind::motion);
        CHECK(items[0].member == "Haverkamp");
    }
    SECTION("one sentence listing several commitments, each with its own Kamerlid") {
        auto items = detect_text(
            "In het verslag ga ik in op toezeggingen uit het commissiedebat van 9 februari jl. Het gaat hierbij om de "
            "toezegging aan lid Van Weyenberg (D66) om terug te komen op de ruimte voor hervormingen en de toezegging "
            "aan "
            "lid Alkaya (SP) om in het verslag terug te komen op het ontbijt.");
        REQUIRE(items.size() == 2);
        CHECK(items[0].member == "Van Weyenberg");
        CHECK(items[1].member == "Alkaya");
        CHECK(items[1].made_on == "2026-02-09");
    }
    SECTION("a month's end as a deadline, without a named addressee") {
        auto items = detect_text("We verwachten deze eind oktober te kunnen sturen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].due == "2026-10-31");
    }
    SECTION("support the Council promised, explained by the Commission") {
        CHECK(detect_text("De Europese Commissie gaf een toelichting op de steunmaatregelen, die tijdens de Raad "
                          "van maart zijn toegezegd.")
                  .empty());
    }
    SECTION("dated by the meeting a sentence refers back to") {
        auto items = detect_text(
            "Op 3 september 2025 werd het wetsvoorstel in uw Kamer behandeld. Tijdens deze behandeling heb ik u een "
            "brief "
            "toegezegd over het fraudebegrip. Deze toezegging doe ik hierbij gestand.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].made_on == "2025-09-03");
        CHECK(items[0].status == Status::fulfilled);
    }
    SECTION("dated by the promise in the letter named, not the letter before it") {
        auto items = detect_text(
            "In reactie op uw brief van 28 oktober 2024 en toezegging in mijn brief van 31 december 2024 doe ik u deze "
            "brief "
            "toekomen. De toezegging is dat ik u eind 2026 informeer over de gehele uitwerking. Deze brief informeert "
            "u "
            "tussentijds.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].made_on == "2024-12-31");
        CHECK(items[0].status == Status::partial);
    }
    SECTION("a new promise carrying on what was said in a dated debate") {
        auto items = detect_text(
            "Tijdens de behandeling van het wetsvoorstel op 25 februari jl. heb ik aangegeven dat ik met een visie wil "
            "komen. Ik zal u deze visie in september toesturen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
        CHECK(items[0].made_on == "2026-02-25");
    }
    SECTION("a promise renewed further on in its section stays open; a new one after a kept one is new") {
        auto renewed = detect_text(
            "De minister heeft op 9 oktober 2025 toegezegd uw Kamer nader te informeren over het onderzoek.\n\n"
            "Het onderzoek loopt. De partijen zijn in gesprek. De minister verwacht uw Kamer in het eerste kwartaal "
            "nader te kunnen informeren.");
        REQUIRE(renewed.size() == 1);
        CHECK(renewed[0].status == Status::open);
        auto kept_then_new = detect_text(
            "In het debat heb ik het lid Bushoff toegezegd uw Kamer te informeren over de wachttijden. Met deze brief "
            "kom "
            "ik die toezegging na.\n\nDe wachttijden dalen. Ik zal uw Kamer voor 1 oktober informeren over de "
            "aanbesteding.");
        REQUIRE(kept_then_new.size() == 2);
        CHECK(kept_then_new[0].status == Status::fulfilled);
        CHECK(kept_then_new[1].status == Status::open);
    }
    SECTION("how a motion is being carried out is not that it was; a letter answering it is") {
        auto manner = detect_text(
            "Bij brief van 29 januari 2026 is uw Kamer geïnformeerd over de wijze waarop de motie "
            "Ellian c.s. wordt uitgevoerd.");
        REQUIRE(manner.size() == 1);
        CHECK(manner[0].status == Status::open);
        auto answered = detect_text("Daarmee beantwoord ik tevens de motie van het lid De Lange.");
        REQUIRE(answered.size() == 1);
        CHECK(answered[0].status == Status::fulfilled);
    }
    SECTION("an overview: the section heading gives the state, the row its reference and date") {
        auto items = detect_text(
            "Afgedane moties\n\nOmschrijving motie Vindplaats Stand van Zaken\n\nMotie van Jansen over de wachtlijsten "
            "in de "
            "zorg. 12-03-2025 Commissiedebat Zorg (36 600 XVI, nr. 12) Er is een plan gemaakt.\n\nIn behandeling "
            "zijnde "
            "toezeggingen\n\nDe pilot wordt uitgebreid. 11-06-2025 Wetgevingsoverleg De Kamer wordt na de zomer "
            "geïnformeerd over de pilot.");
        REQUIRE(items.size() == 2);
        CHECK(items[0].kind == Kind::motion);
        CHECK(items[0].member == "Jansen");
        CHECK(items[0].status == Status::fulfilled);
        CHECK(items[0].ref == "36 600 XVI, nr. 12");
        CHECK(items[1].kind == Kind::commitment);
        CHECK(items[1].made_on == "2025-06-11");
    }
    SECTION("a list of commitments announced by its lead-in") {
        auto items = detect_text(
            "Op 1 oktober 2025 vergaderde de commissie. Tijdens deze vergadering zijn enkele toezeggingen "
            "gedaan.\n\nIn deze "
            "brief ga ik in op de volgende punten:\n\n• Het overzicht van de uitkeringen.\n\n• De inzet van reserves "
            "door "
            "gemeenten.");
        REQUIRE(items.size() == 2);
        CHECK(items[0].status == Status::fulfilled);
        CHECK(items[1].made_on == "2025-10-01");
        CHECK(items[1].evidence == "• De inzet van reserves door gemeenten.");
    }
    SECTION("an interim reply: an announcement reported, not yet kept, sent later") {
        auto items = detect_text(
            "Tijdens de behandeling van het wetsvoorstel d.d. 19 mei 2025 heb ik aangekondigd dat ik de invoering een "
            "jaar "
            "later zou evalueren.\n\nMet deze brief informeer ik u dat ik momenteel nog niet aan deze toezegging kan "
            "voldoen. "
            "De evaluatiebrief zal in het eerste kwartaal van 2027 aan uw Kamer worden verstuurd.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
        CHECK(items[0].made_on == "2025-05-19");
        CHECK(items[0].due == "2027-03-31");
    }
    SECTION("a motion named by its submitter's pronoun") {
        auto items = detect_text(
            "Tijdens het debat heeft het lid Omtzigt verzocht om een reactie op de door hem ingediende motie. Ik heb "
            "het lid "
            "Omtzigt verzocht de motie aan te houden.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].kind == Kind::motion);
        CHECK(items[0].member == "Omtzigt");
        CHECK(items[0].status == Status::open);
    }
    SECTION("a letter opening with the report a motion asked for, promising nothing more, answers it") {
        auto items = detect_text(
            "Uw Kamer heeft via de motie van het lid De Kort het kabinet verzocht om met de regio's in gesprek te gaan "
            "en "
            "hierover de Kamer in het derde kwartaal te informeren.\n\nHieronder ga ik in op de bevindingen.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::fulfilled);
        auto later = detect_text(
            "Uw Kamer heeft via de motie van het lid De Kort het kabinet verzocht de Kamer te informeren.\n\nIk zal uw "
            "Kamer "
            "voor de zomer informeren over de gesprekken.");
        REQUIRE(later.size() == 2);
        CHECK(later[0].status == Status::open);
    }
    SECTION("confirming now that the promised note will come is not delivering it") {
        auto items = detect_text(
            "Ik bevestig u hierbij dat uw Kamer vóór Prinsjesdag de toegezegde notitie over de belastingheffing "
            "tegemoet kan zien.");
        REQUIRE(items.size() == 1);
        CHECK(items[0].status == Status::open);
    }
    SECTION("a third party's promise and a compound word are nothing") {
        CHECK(detect_text("De Europese Commissie zal de lidstaten en uw Kamer voor de zomer informeren.").empty());
        CHECK(detect_text("De motie Vreemdelingen- en asielbeleid is besproken.").empty());
    }
}
