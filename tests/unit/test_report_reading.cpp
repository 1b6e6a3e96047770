// What a reader sees on the report: lateness, vague deadlines, words a clerk uses, the weekly report.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>

#include "db/search.hpp"
#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"
#include "report/deadlines.hpp"
#include "report/document_html.hpp"
#include "report/site.hpp"
#include "report_site.hpp"

using namespace toezeg;

namespace {

using ReadSite = test::ReportSite;
using test::slurp;

// The visible text of a piece of HTML: tags dropped, runs of spaces as one.
std::string words(std::string_view html) {
    std::string out;
    bool in_tag = false;
    for (char c : html) {
        if (c == '\n') c = ' ';
        if (c == '<')
            in_tag = true;
        else if (c == '>') {
            in_tag = false;
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else if (!in_tag && !(c == ' ' && !out.empty() && out.back() == ' '))
            out += c;
    }
    return out;
}

std::string section(const std::string& html, const std::string& id) {
    auto at = html.find("id=\"" + id + "\"");
    if (at == std::string::npos) return "";
    return html.substr(at, html.find("</section>", at) - at);
}

}  // namespace

TEST_CASE("report reading: overdue items first, the latest first, with days late and open since", "[report]") {
    ReadSite site({"tests/data/letters"});
    site.write("2027-06-30");
    std::string index = slurp(site.out / "index.html");
    std::string late = words(section(index, "verlopen"));
    INFO(late);
    CHECK(late.find("Termijn verlopen (16)") != std::string::npos);
    // Due 30 June 2026, made 12 May 2026: the latest, so the first row.
    auto first = late.find(
        "de uitvoering van de motie-Piri c.s. over wapenexport naar Israël 365 dagen te laat 30 juni 2026 12 mei 2026 "
        "Toezegging");
    CHECK(first != std::string::npos);
    auto least = late.find("de voortgang van de werving van reservisten 30 dagen te laat 31 mei 2027 16 maart 2026");
    CHECK(least != std::string::npos);
    CHECK(first < least);
    // The full table puts the same item first too, and says "toegezegd op", not "gedaan".
    std::string all = words(section(index, "alles"));
    CHECK(all.find("Termijn verlopen Toezegging de uitvoering van de motie-Piri c.s. over wapenexport naar Israël") <
          all.find("Termijn verlopen Toezegging de voortgang van de werving van reservisten"));
    CHECK(all.find("2026 gedaan") == std::string::npos);  // "18 maart 2026 gedaan" read as "done"
    CHECK(all.find("toegezegd op 12 mei 2026") != std::string::npos);
    std::string item = words(slurp(site.out / "items" / "tz-9cb0e17420.html"));
    // The item's page says since when, which stays true on later dates (the page is kept until the item changes).
    CHECK(item.find("Status Termijn verlopen sinds 30 juni 2026") != std::string::npos);
    CHECK(item.find("Open sinds 12 mei 2026") != std::string::npos);
    CHECK(item.find("Toegezegd op 12 mei 2026") != std::string::npos);
    CHECK(item.find("Gedaan op") == std::string::npos);
    CHECK(report::days_late_label(1) == "1 dag te laat");
}

namespace {
// The targets of the links `href="<prefix>...<suffix>"` in `html`, in order.
std::vector<std::string> links(const std::string& html, const std::string& prefix, const std::string& suffix = ".html") {
    std::vector<std::string> out;
    std::string open = "href=\"" + prefix;
    for (auto at = html.find(open); at != std::string::npos; at = html.find(open, at + 1)) {
        auto end = html.find('"', at + open.size());
        std::string target = html.substr(at + 6, end - at - 6);
        if (target.ends_with(suffix)) out.push_back(target);
    }
    return out;
}
}  // namespace

TEST_CASE("report reading: a follow page past its limit shows the newest and links its years' pages", "[report]") {
    ReadSite site({"tests/data/letters"});
    report::ReportOptions limits;
    limits.group_page_limit = 2;
    site.write("2027-06-30", {}, "", limits);
    int cut = 0;
    for (auto& e : std::filesystem::directory_iterator(site.out / "bewindspersoon")) {
        auto name = e.path().filename().string();
        if (e.path().extension() != ".html" || std::count(name.begin(), name.end(), '.') != 1) continue;  // a group's own page
        std::string html = slurp(e.path());
        auto rows = links(html, "../items/");
        auto years = links(html, name.substr(0, name.size() - 5) + ".");
        INFO(name);
        if (years.empty()) {
            CHECK(rows.size() <= 2);
            continue;
        }
        ++cut;
        CHECK(rows.size() == 2);
        CHECK(words(html).find("Hieronder de 2 nieuwste. Alle, per jaar van de laatste gebeurtenis:") != std::string::npos);
        // Every item of the group on exactly one year's page, which leads back.
        std::set<std::string> listed;
        for (auto& year : years) {
            INFO(year);
            REQUIRE(std::filesystem::exists(site.out / "bewindspersoon" / year));
            std::string page = slurp(site.out / "bewindspersoon" / year);
            CHECK(page.find("<a href=\"" + name + "\">Alle jaren van ") != std::string::npos);
            for (auto& item : links(page, "../items/")) CHECK(listed.insert(item).second);
        }
        CHECK(listed.size() > 2);
        for (auto& item : rows) CHECK(listed.contains(item));
        CHECK(words(html).find(std::to_string(listed.size()) + " toezeggingen en moties, ") != std::string::npos);
    }
    CHECK(cut > 0);
    // Under the limit again: the years' pages are gone.
    site.write("2027-06-30");
    for (auto& e : std::filesystem::directory_iterator(site.out / "bewindspersoon")) {
        auto name = e.path().filename().string();
        CHECK(std::count(name.begin(), name.end(), '.') == 1);
    }
}

TEST_CASE("report reading: the review page past its limit shows the newest and links its months' pages", "[report][review]") {
    ReadSite site({"tests/data/letters", "tests/data/letters2"});  // two wait for review
    report::ReportOptions limits;
    limits.review_page_limit = 1;
    site.write("2027-06-30", {}, "", limits);
    std::string review = slurp(site.out / "review.html");
    auto months = links(review, "lijst/beoordelen-");
    REQUIRE(!months.empty());
    CHECK(links(review, "items/").size() <= 2);  // the item, and maybe the item it may be
    CHECK(words(review).find("Hieronder de 1 nieuwste. Alle, per maand van de laatste gebeurtenis:") != std::string::npos);
    auto heading = words(review).substr(words(review).find("Te beoordelen ("));
    std::size_t total = std::stoul(heading.substr(std::string("Te beoordelen (").size()));
    REQUIRE(total > 1);
    std::set<std::string> listed;
    for (auto& page : months) {
        INFO(page);
        REQUIRE(std::filesystem::exists(site.out / page));
        std::string html = slurp(site.out / page);
        CHECK(html.find("<a href=\"../review.html\">Te beoordelen</a>") != std::string::npos);
        for (auto& item : links(html, "../items/")) CHECK(std::filesystem::exists(site.out / "lijst" / item));
        // Each row's first link is its item.
        for (auto at = html.find("<tr><td><a href=\""); at != std::string::npos; at = html.find("<tr><td><a href=\"", at + 1)) {
            auto from = at + std::string("<tr><td><a href=\"").size();
            CHECK(listed.insert(html.substr(from, html.find('"', from) - from)).second);
        }
    }
    CHECK(listed.size() == total);
}

TEST_CASE("report reading: the register's commitments without a record past the limit: the newest, and the months' pages",
          "[report][register]") {
    ReadSite site({"tests/data/letters"});  // no register imported: every commitment is "not in the register"
    report::ReportOptions limits;
    limits.register_page_limit = 3;
    site.write("2027-06-30", {}, "", limits);
    std::string page = slurp(site.out / "register.html");
    auto from = page.find("id=\"niet-in-register\""), to = page.find("id=\"over-termijn\"");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    std::string part = page.substr(from, to - from);
    auto heading = words(part).substr(words(part).find("staan ("));
    std::size_t total = std::stoul(heading.substr(std::string("staan (").size()));
    REQUIRE(total > 3);
    CHECK(words(part).find("Hieronder de 3 nieuwste. Alle, per maand waarin ze werden gedaan:") != std::string::npos);
    auto shown = links(part, "items/");
    CHECK(shown.size() == 3);
    auto months = links(part, "lijst/niet-in-register-");
    REQUIRE(months.size() > 1);
    std::set<std::string> listed;
    std::vector<std::string> in_order;
    for (auto& month : months) {
        INFO(month);
        REQUIRE(std::filesystem::exists(site.out / month));
        std::string html = slurp(site.out / month);
        CHECK(html.find("<a href=\"../register.html#niet-in-register\">Register</a>") != std::string::npos);
        for (auto& item : links(html, "../items/")) {
            CHECK(std::filesystem::exists(site.out / "lijst" / item));
            CHECK(listed.insert(item).second);
            in_order.push_back(item.substr(3));
        }
        for (auto& doc : links(html, "../docs/")) CHECK(std::filesystem::exists(site.out / "lijst" / doc));
    }
    CHECK(listed.size() == total);
    // The page shows the newest three: the first rows of the newest month's page, in that order.
    CHECK(std::vector<std::string>(in_order.begin(), in_order.begin() + 3) == shown);
    // Under the limit again: every row on the page, and the months' pages are gone.
    site.write("2027-06-30");
    page = slurp(site.out / "register.html");
    CHECK(links(page, "lijst/niet-in-register-").empty());
    for (auto& month : months) CHECK_FALSE(std::filesystem::exists(site.out / month));
}

TEST_CASE("report reading: past its limits the index links the lists' pages, and each item is on one month's page",
          "[report]") {
    ReadSite site({"tests/data/letters"});
    report::ReportOptions limits;
    limits.index_table_limit = 5;
    limits.index_list_limit = 3;
    site.write("2027-06-30", {}, "", limits);
    std::string index = slurp(site.out / "index.html");

    // Overdue: the three most late, then the years of the deadlines, whose pages hold all 16.
    std::string late = section(index, "verlopen");
    CHECK(words(late).find("Hierboven de 3 meest verlate. Alle 16, per jaar van de termijn:") != std::string::npos);
    CHECK(links(late, "items/").size() == 3);
    std::set<std::string> overdue;
    for (auto& page : links(late, "lijst/verlopen-")) {
        INFO(page);
        REQUIRE(std::filesystem::exists(site.out / page));
        std::string html = slurp(site.out / page);
        CHECK(html.find("<h1>Termijn verlopen, ") != std::string::npos);
        for (auto& item : links(html, "../items/")) CHECK(overdue.insert(item).second);
    }
    CHECK(overdue.size() == 16);

    // All items: no table past the limit, but every item on exactly one month's page, and
    // every month's link leads to a page.
    std::string all = section(index, "alles");
    CHECK(all.find("id=\"items\"") == std::string::npos);
    CHECK(words(all).find("Meer dan 5: de tabel staat per maand") != std::string::npos);
    std::set<std::string> listed;
    auto months = links(all, "lijst/");
    REQUIRE(!months.empty());
    for (auto& page : months) {
        INFO(page);
        REQUIRE(std::filesystem::exists(site.out / page));
        std::string html = slurp(site.out / page);
        CHECK(html.find("<h1>Toezeggingen en moties, ") != std::string::npos);
        CHECK(html.find("<script src=\"../filter.js\">") != std::string::npos);
        for (auto& item : links(html, "../items/")) {
            CHECK(std::filesystem::exists(site.out / page.substr(0, page.find('/')) / item));
            CHECK(listed.insert(item).second);
        }
    }
    std::set<std::string> pages;
    for (auto& e : std::filesystem::directory_iterator(site.out / "items"))
        if (e.path().extension() == ".html") pages.insert("../items/" + e.path().filename().string());
    CHECK(listed == pages);

    // documents.html: the three newest, and every document on exactly one month's page.
    std::string documents = slurp(site.out / "documents.html");
    CHECK(links(documents, "docs/").size() == 3);
    CHECK(words(documents).find("; hieronder de 3 nieuwste.") != std::string::npos);
    std::set<std::string> listed_docs, doc_pages;
    for (auto& page : links(documents, "lijst/documenten-")) {
        INFO(page);
        REQUIRE(std::filesystem::exists(site.out / page));
        for (auto& doc : links(slurp(site.out / page), "../docs/")) {
            CHECK(std::filesystem::exists(site.out / "lijst" / doc));
            CHECK(listed_docs.insert(doc).second);
        }
    }
    for (auto& e : std::filesystem::directory_iterator(site.out / "docs"))
        if (e.path().extension() == ".html" && e.path().filename().string().find('@') == std::string::npos &&
            slurp(e.path()).find("http-equiv=\"refresh\"") == std::string::npos)  // not an old id's redirect
            doc_pages.insert("../docs/" + e.path().filename().string());
    for (auto& doc : doc_pages) {
        INFO(doc);
        CHECK(listed_docs.contains(doc));
    }
    for (auto& doc : listed_docs) {
        INFO(doc);
        CHECK(doc_pages.contains(doc));
    }

    // Within the limits the index keeps the whole table, and no list is cut.
    site.write("2027-06-30");
    index = slurp(site.out / "index.html");
    CHECK(links(section(index, "alles"), "items/").size() == pages.size());
    CHECK(section(index, "verlopen").find("Hierboven de") == std::string::npos);
}

TEST_CASE("report reading: an item without a date as deadline is flagged after six months", "[report]") {
    ReadSite site({"tests/data/letters"});
    site.write("2027-06-30");
    std::string long_open = words(section(slurp(site.out / "index.html"), "lang-open"));
    INFO(long_open);
    CHECK(long_open.find("Lang open zonder termijn (10)") != std::string::npos);
    // "op korte termijn", made 2 April 2026: open for more than six months on 30 June 2027.
    CHECK(long_open.find("2 april 2026 op korte termijn Toezegging") != std::string::npos);
    // The motion of 30 October 2026 is eight months open; none made after 30 December 2026 is listed.
    CHECK(long_open.find("klimaatfinanciering 30 oktober 2026") != std::string::npos);
    site.write("2026-10-01");  // the same item, five months open: not yet
    long_open = words(section(slurp(site.out / "index.html"), "lang-open"));
    CHECK(long_open.find("2 april 2026 op korte termijn") == std::string::npos);
    CHECK(slurp(site.out / "items" / "tz-744fb22224.html").find("langer dan 6 maanden") == std::string::npos);
    site.write("2026-10-02");  // six months to the day
    CHECK(words(slurp(site.out / "items" / "tz-744fb22224.html"))
              .find("Openstaand langer dan 6 maanden open zonder termijn") != std::string::npos);
}

TEST_CASE("report reading: Termijn verlopen and Vervallen look different and are explained", "[report]") {
    ReadSite site({"tests/data/letters"});
    site.write("2027-06-30");
    std::string index = slurp(site.out / "index.html");
    CHECK(index.find(
              "<span class=\"badge status-overdue\">Termijn verlopen</span> openstaand, en de termijn is voorbij.") !=
          std::string::npos);
    CHECK(index.find("<span class=\"badge status-lapsed\">Vervallen</span> niet meer aan de orde") !=
          std::string::npos);
    std::string css = slurp(site.out / "style.css");
    CHECK(css.find(".status-overdue { color: #fff; background: var(--late);") != std::string::npos);
    CHECK(css.find(".status-lapsed { color: var(--gone); background: transparent; border: 1px dashed") !=
          std::string::npos);
}

TEST_CASE("report reading: the weekly report says what fell overdue, and takes the latest week with documents",
          "[report]") {
    ReadSite site({"corpus"});
    auto stats = site.write("2026-12-04");
    // The last full week before 4 December (W48) has no documents: the week of the latest one, 18 March.
    CHECK(stats.week_page == "week-2026-W12.html");
    std::string week = words(slurp(site.out / "week-2026-W12.html"));
    CHECK(week.find("In week 2026-W48 (de laatste volle week vóór 4 december 2026) kwamen geen documenten binnen; "
                    "dit is de laatste week met documenten, 2026-W12.") != std::string::npos);
    CHECK(week.find("Nieuwe documenten (1) Verslag JBZ-Raad van 5 en 6 maart 2026") != std::string::npos);
    CHECK(site.write("2026-12-04", {}, "2026-W48").week_page == "week-2026-W48.html");  // a week asked for is kept
    CHECK(words(slurp(site.out / "week-2026-W48.html")).find("kwamen geen documenten binnen") == std::string::npos);

    ReadSite letters({"tests/data/letters"});
    letters.write("2026-07-08", {}, "2026-W27");  // 29 June to 5 July: deadlines of 30 June and 1 July passed
    std::string fell = words(section(slurp(letters.out / "week-2026-W27.html"), "deze-week-verlopen"));
    INFO(fell);
    CHECK(fell.find("Deze week termijn verlopen (4)") != std::string::npos);
    CHECK(fell.find("de uitvoering van het Asiel- en Migratiepact – termijn 1 juli 2026, nu 7 dagen te laat") !=
          std::string::npos);
    CHECK(fell.find("de uitvoering van de motie-Piri c.s. over wapenexport naar Israël – termijn 30 juni 2026, nu 8 "
                    "dagen te laat") != std::string::npos);
}

TEST_CASE("report reading: a changed deadline shows the old and the new one", "[report]") {
    ReadSite site({"tests/data/series"});
    site.write("2026-03-10");
    bool found = false;
    for (auto& e : std::filesystem::directory_iterator(site.out / "items")) {
        std::string text = words(slurp(e.path()));
        if (text.find("termijn gewijzigd (van 30 april 2026 naar 31 mei 2026) in brief-2026-03-02-tk-taaleisen") !=
            std::string::npos)
            found = true;
    }
    CHECK(found);
    std::string week = words(slurp(site.out / "week-2026-W10.html"));
    CHECK(week.find("termijn gewijzigd (van 30 april 2026 naar 31 mei 2026)") != std::string::npos);
}

TEST_CASE("report reading: a letter's headings, footnotes and passages link where a reader expects", "[report]") {
    std::string text =
        "Datum 5 maart 2026\n\nMigratie en terugkeer\n\nIk zal uw Kamer voor de zomer informeren over de "
        "terugkeer.1 Dat is het plan van het kabinet voor dit jaar.\n\nD.M. van Weel\n\nDe minister schrijft verder "
        "over het plan en de uitvoering ervan.\n\n1 Kamerstuk 36 704, nr. 63.\n";
    Item it;
    it.span = {text.find("Ik zal"), text.find(".1 Dat") + 1};
    Footnote note{1, Span{text.find(".1 Dat") + 1, text.find(".1 Dat") + 2},
                  Span{text.rfind("Kamerstuk"), text.size() - 1}};
    std::string html =
        report::document_html(text, text.rfind("1 Kamerstuk"), {it}, {},
                              {{it.span.begin, "../items/tz-1.html", "Naar Toezegging: de terugkeer"}}, {note});
    INFO(html);
    CHECK(html.find("<h3>Migratie en terugkeer</h3>") != std::string::npos);
    CHECK(html.find("<h3>Datum") == std::string::npos);          // letterhead
    CHECK(html.find("<h3>D.M. van Weel") == std::string::npos);  // a name under the letter
    CHECK(html.find("terugkeer.</mark> <a class=\"item-ref\" href=\"../items/tz-1.html\" aria-label=\"Naar Toezegging: "
                    "de terugkeer\">[item]</a><a href=\"#fn-1\" id=\"fnref-1\">1</a>") != std::string::npos);
    CHECK(html.find("1 <a class=\"fn-back\" id=\"fn-1\" href=\"#fnref-1\"") != std::string::npos);
}

TEST_CASE("report reading: the diff shows the changed passages with their context only", "[report]") {
    std::string words;
    for (int k = 0; k < 100; ++k) words += "woord" + std::to_string(k) + " ";
    std::string before = words + "voor de zomer " + words + "einde";
    std::string after = words + "in het najaar " + words + "einde";
    std::string html = report::diff_html(before, after, 3);
    INFO(html);
    CHECK(html ==
          "<span class=\"gap\">[…]</span>\nwoord97 woord98 woord99 <del>voor</del><ins>in</ins> "
          "<del>de</del><ins>het</ins> "
          "<del>zomer</del><ins>najaar</ins> woord0 woord1 woord2 <span class=\"gap\">[…]</span>\n");
    CHECK(report::diff_html("dezelfde tekst", "dezelfde tekst").empty());
}

TEST_CASE("search: the user's words become a safe FTS5 query", "[search]") {
    CHECK(db::fts_query("terugkeer  Kröger") == "\"terugkeer\" \"Kröger\"");
    CHECK(db::fts_query("migr* AND \"x") == "\"migr\"* \"AND\" \"\"\"x\"");
    CHECK(db::fts_query("   ").empty());
}
