// toezeg sync against a server on 127.0.0.1 serving the real OData pages of
// tests/data/opendata/odata (a copy of ../shared/opendata): paging, deletions, an
// incremental second run, and the failures that must leave the store as it was.
#include <catch2/catch.hpp>

#include "db/official_records.hpp"
#include "feed_fixtures.hpp"
#include "fetch/odata_query.hpp"
#include "pipeline/import_records.hpp"
#include "pipeline/sync_run.hpp"

using namespace toezeg;
using test::Fixture;

namespace {

const std::string k_pages = "tests/data/opendata/odata/";

// Made up, in the fields of the Toezegging entity of the API's $metadata (no real
// Toezegging record was found); the ids are our own.
const char* k_toezegging_page = R"({"@odata.context": "{{BASE}}/$metadata#Toezegging",
 "value": [{"Id": "7e000000-0000-4000-8000-000000000001", "Nummer": "TZ202401-001", "Tekst": "De minister zegt toe de Kamer voor de zomer te informeren.",
            "Status": "Openstaand", "DatumNakoming": "2024-07-01T00:00:00+02:00", "Ministerie": "Justitie en Veiligheid",
            "Aanmaakdatum": "2024-01-24T00:00:00+01:00", "GewijzigdOp": "2024-01-25T09:00:00+01:00", "Verwijderd": false}]})";

std::string path_of(const std::string& url, const std::string& base) { return url.substr(base.size()); }

// The first page of every entity set, as sync asks for it from `after` (its position).
std::string first_path(test::FixtureServer& server, const std::string& entity, const std::string& after = "") {
    auto q = fetch::entity_query(entity);
    REQUIRE(q);
    return path_of(fetch::entity_url(server.base(), *q, after, ""), server.base());
}

std::string empty_page(const std::string& entity) {
    return R"({"@odata.context": "x/$metadata#)" + entity + R"(", "value": []})";
}

const std::string k_people = "tests/data/registers/people/";

// What a Toezegging names by reference: Activiteit (made up, one a deleted row), Persoon and
// Fractie (real records from the Stemming expansions), one page each.
void serve_people(test::FixtureServer& server) {
    for (std::string entity : {"Activiteit", "Persoon", "Fractie"}) {
        std::string file = entity == "Activiteit" ? "Activiteit.madeup.json" : entity + ".json";
        server.route(first_path(server, entity), {test::read_source(k_people + file), "application/json"});
    }
}

// The recorded pages: Zaak, Document and Besluit as one page each (larger than the page
// size, so the client asks for the rest by $skip: an empty page), Stemming as two pages
// joined by a nextLink on the server, then an empty page by $skip.
void serve_recorded(test::FixtureServer& server) {
    for (std::string entity : {"Zaak", "Document", "Besluit"}) {
        auto first = first_path(server, entity);
        auto page = test::read_source(k_pages + entity + ".json");
        server.route(first, {page, "application/json"});
        auto records = fetch::parse_odata_page(page, entity)->records.size();
        server.route(fetch::skip_url(first, static_cast<long long>(records)), {empty_page(entity), "application/json"});
    }
    auto stemming = first_path(server, "Stemming");
    auto page1 = test::read_source(k_pages + "Stemming.json");
    auto link = page1.find("\"Stemming.page2.json\"");
    REQUIRE(link != std::string::npos);
    page1.replace(link, 21, "\"" + server.base() + "/Stemming/page2\"");
    server.route(stemming, {page1, "application/json"});
    server.route("/Stemming/page2", {test::read_source(k_pages + "Stemming.page2.json"), "application/json"});
    server.route(fetch::skip_url(stemming, 2930), {empty_page("Stemming"), "application/json"});
    server.route(first_path(server, "Toezegging"),
                 {test::with_base(k_toezegging_page, server.base()), "application/json"});
    serve_people(server);
}

pipeline::SyncOptions quick(const std::string& base) {
    pipeline::SyncOptions o;
    o.base_url = base;
    o.http = test::quick(base).http;
    return o;
}

}  // namespace

TEST_CASE("sync: the recorded pages over HTTP, paged by nextLink and $skip, as import keeps them", "[sync]") {
    test::FixtureServer server;
    serve_recorded(server);
    Fixture f;
    auto store = f.open();
    auto report = pipeline::run_sync(store, quick(server.base()));
    REQUIRE(report);
    REQUIRE(report->entities.size() == 8);
    CHECK(report->entities[0].records == 142);   // Zaak
    CHECK(report->entities[0].pages == 2);       // the page, then an empty one by $skip
    CHECK(report->entities[3].records == 2930);  // Stemming over its nextLink
    CHECK(report->entities[3].pages == 3);
    CHECK(server.hits("/Stemming/page2") == 1);
    CHECK(report->saved.added == 142 + 142 + 143 + 2930 + 1 + 3 + 3 + 3);  // the deleted Activiteit is not added
    CHECK(report->requests == 13);
    auto& db = store.index().database();
    CHECK(db::count_official_records(db, "Zaak") == 142);
    CHECK(db::count_official_records(db, "Stemming") == 2930);
    CHECK(db::count_official_records(db, "Activiteit") == 3);
    CHECK(db::count_official_records(db, "Persoon") == 3);
    CHECK(db::count_official_records(db, "Fractie") == 3);
    CHECK(
        store.corpus().read_file(pipeline::official_record_path("Toezegging", "7e000000-0000-4000-8000-000000000001")));
    // The positions: the newest GewijzigdOp of each entity set, kept in git.
    CHECK(pipeline::sync_position(store, server.base(), "Zaak") == "2025-10-03T08:50:05.897+02:00");
    CHECK(pipeline::sync_position(store, server.base(), "Stemming") == "2025-10-03T12:26:37.887+02:00");
    CHECK(pipeline::sync_position(store, server.base(), "Toezegging") == "2024-01-25T09:00:00+01:00");

    // The same pages from files through import give the same store content.
    Fixture g;
    auto imported_store = g.open();
    auto imported = pipeline::import_records(imported_store, {(test::source_dir() / k_pages).string()});
    REQUIRE(imported);
    auto zaak = pipeline::official_record_path("Zaak", "731eda55-b200-4f4d-bd06-c86e0e2d1b56");
    CHECK(store.corpus().read_file(zaak) == imported_store.corpus().read_file(zaak));
    CHECK(db::load_motion_records(db).size() == db::load_motion_records(imported_store.index().database()).size());
}

TEST_CASE("sync: a second run asks only for what changed since, removes a deleted record, then fails cleanly",
          "[sync]") {
    test::FixtureServer server;
    serve_recorded(server);
    Fixture f;
    auto store = f.open();
    REQUIRE(pipeline::run_sync(store, quick(server.base())));
    std::map<std::string, std::string> position;
    for (std::string e : {"Zaak", "Document", "Besluit", "Stemming", "Toezegging", "Activiteit", "Persoon", "Fractie"})
        position[e] = pipeline::sync_position(store, server.base(), e);

    // Upstream since: one Zaak deleted (a deleted row comes first, its fields emptied, as v5
    // gives them) and one Besluit changed. Only these addresses are served: any other request is a 404.
    std::string zaak_id = "731eda55-b200-4f4d-bd06-c86e0e2d1b56";
    auto zaak_path = pipeline::official_record_path("Zaak", zaak_id);
    REQUIRE(store.corpus().read_file(zaak_path));
    server.route(
        first_path(server, "Zaak", position["Zaak"]),
        {R"({"@odata.context": "x/$metadata#Zaak", "value": [{"Id": ")" + zaak_id +
             R"(", "Nummer": null, "Soort": null, "Onderwerp": null, "GewijzigdOp": "2025-11-02T10:00:00+01:00",
                      "Verwijderd": true}]})",
         "application/json"});
    std::string besluit = test::read_source(k_pages + "Besluit.json");
    auto besluit_page = nlohmann::json::parse(besluit);
    nlohmann::json changed = besluit_page["value"][0];
    changed["Status"] = "Besluit gewijzigd";
    changed["GewijzigdOp"] = "2025-11-03T09:30:00.5+01:00";
    server.route(
        first_path(server, "Besluit", position["Besluit"]),
        {nlohmann::json{{"@odata.context", "x/$metadata#Besluit"}, {"value", nlohmann::json::array({changed})}}.dump(),
         "application/json"});
    for (std::string e : {"Document", "Stemming", "Toezegging", "Activiteit", "Persoon", "Fractie"})
        server.route(first_path(server, e, position[e]), {empty_page(e), "application/json"});

    auto before = server.requests().size();
    auto again = pipeline::run_sync(store, quick(server.base()));
    REQUIRE(again);
    auto log = server.requests();
    REQUIRE(log.size() == before + 8);  // one page per entity set, each from its position
    for (std::size_t k = before; k < log.size(); ++k) CHECK(log[k].find("GewijzigdOp%20gt%20") != std::string::npos);
    CHECK(again->saved.deleted == 1);
    CHECK(again->saved.changed == 1);
    CHECK(again->saved.added == 0);
    CHECK_FALSE(store.corpus().read_file(zaak_path));
    CHECK(db::count_official_records(store.index().database(), "Zaak") == 141);
    CHECK(pipeline::sync_position(store, server.base(), "Zaak") == "2025-11-02T10:00:00+01:00");
    CHECK(pipeline::sync_position(store, server.base(), "Besluit") == "2025-11-03T09:30:00.5+01:00");
    CHECK(pipeline::sync_position(store, server.base(), "Document") == position["Document"]);

    // A third run meets a server error on its second entity set: nothing saved, positions kept.
    auto head = store.corpus().head();
    server.route(first_path(server, "Zaak", "2025-11-02T10:00:00+01:00"), {empty_page("Zaak"), "application/json"});
    server.route(first_path(server, "Document", position["Document"]), {"x", "application/json", 10});
    auto failed = pipeline::run_sync(store, quick(server.base()));
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.find("HTTP 500 after 3 tries") != std::string::npos);
    CHECK(failed.error().message.find("nothing was saved") != std::string::npos);
    CHECK(store.corpus().head() == head);
    CHECK(pipeline::sync_position(store, server.base(), "Zaak") == "2025-11-02T10:00:00+01:00");
}

TEST_CASE("sync: a timeout, no network, a nextLink to another host and a paging loop save nothing", "[sync]") {
    Fixture f;
    auto store = f.open();
    auto head = store.corpus().head();
    {
        test::FixtureServer server;
        server.route(first_path(server, "Zaak"), {empty_page("Zaak"), "application/json", 0, 3000});
        auto options = quick(server.base());
        options.entities = {"Zaak"};
        options.http.total_timeout_ms = 300;
        options.http.attempts = 2;
        auto report = pipeline::run_sync(store, options);
        REQUIRE_FALSE(report);
        CHECK(report.error().message.find("Timeout") != std::string::npos);
        CHECK(report.error().message.find("after 2 tries") != std::string::npos);
    }
    auto offline = pipeline::run_sync(store, quick("http://127.0.0.1:9"));
    REQUIRE_FALSE(offline);
    CHECK(offline.error().message.find("cannot reach the service") == 0);
    {
        test::FixtureServer server;
        auto options = quick(server.base());
        options.entities = {"Besluit"};
        auto page = nlohmann::json::parse(test::read_source(k_pages + "Besluit.json"));
        page["@odata.nextLink"] =
            "http://127.0.0.2:" + server.base().substr(server.base().rfind(':') + 1) + "/Besluit?$skiptoken=2";
        server.route(first_path(server, "Besluit"), {page.dump(), "application/json"});
        auto report = pipeline::run_sync(store, options);
        REQUIRE_FALSE(report);
        CHECK(report.error().message.find("refused: it leads to another host (http://127.0.0.2:") != std::string::npos);
        CHECK(server.total_hits() == 1);  // the other host was never asked

        page["@odata.nextLink"] = server.base() + first_path(server, "Besluit");
        server.route(first_path(server, "Besluit"), {page.dump(), "application/json"});
        auto loop = pipeline::run_sync(store, options);
        REQUIRE_FALSE(loop);
        CHECK(loop.error().message.find("leads back to a page read before") != std::string::npos);
    }
    CHECK(store.corpus().head() == head);
    CHECK(pipeline::sync_position(store, "http://127.0.0.1:9", "Zaak").empty());
    CHECK(db::count_official_records(store.index().database(), "Besluit") == 0);
}

TEST_CASE("toezeg sync --max-pages and --max-time: what a user sees", "[sync][cli]") {
    test::FixtureServer server;
    serve_recorded(server);
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    ::setenv("TOEZEG_FETCH_INTERVAL_MS", "0", 1);
    auto sync = [&](std::vector<std::string> more) {
        std::vector<std::string> args = {TOEZEG_BINARY, "sync", "--store", store, "--base-url", server.base(),
                                         "--entity", "Stemming", "--timeout", "5"};
        args.insert(args.end(), more.begin(), more.end());
        std::string out, err;
        int code = test::run_program(args, &out, &err);
        return std::make_tuple(code, out, err);
    };
    REQUIRE(test::run_program({TOEZEG_BINARY, "init", "--store", store}) == 0);
    // Stemming has two pages: one page is not enough, nothing is saved, the position stays.
    auto [code, out, err] = sync({"--max-pages", "1"});
    CHECK(code == 2);
    CHECK(out.empty());
    CHECK(err == "toezeg: error: Stemming page 2: more than 1 pages (--max-pages); raise it, or read less with --since; "
                 "nothing was saved and every position is where it was\n");
    // With room for the pages (the two, and the empty one after a full page), the run reads them.
    auto [code2, out2, err2] = sync({"--max-pages", "3", "--max-time", "60"});  // two pages and the empty third
    CHECK(code2 == 0);
    CHECK(err2.empty());
    CHECK(out2.find("Stemming") != std::string::npos);
    ::unsetenv("TOEZEG_FETCH_INTERVAL_MS");
}

TEST_CASE("odata query: the filter per entity, nextLink checks, timestamps and Dutch midnight", "[sync]") {
    auto zaak = fetch::entity_query("Zaak");
    REQUIRE(zaak);
    CHECK(fetch::entity_url("https://h/OData/v5", *zaak, "2025-10-03T08:50:05.897+02:00", "") ==
          "https://h/OData/v5/Zaak?$filter=Soort%20eq%20'Motie'%20and%20GewijzigdOp%20gt%20"
          "2025-10-03T08:50:05.897%2B02:00&$orderby=GewijzigdOp,Id&$top=100");
    CHECK(fetch::entity_query("Persoon"));  // what a Toezegging names by Id
    CHECK_FALSE(fetch::entity_query("Zaal"));
    std::string resolved;
    CHECK(fetch::resolve_next_link("https://h/OData/v5", "https://H/OData/v5/Zaak?$skiptoken=9", resolved).empty());
    CHECK(fetch::resolve_next_link("https://h/OData/v5", "Zaak?$skiptoken=9", resolved).empty());
    CHECK(resolved == "https://h/OData/v5/Zaak?$skiptoken=9");
    CHECK_FALSE(fetch::resolve_next_link("https://h/OData/v5", "http://h/OData/v5/Zaak", resolved).empty());
    CHECK_FALSE(fetch::resolve_next_link("https://h/OData/v5", "https://h.evil/x", resolved).empty());
    CHECK_FALSE(fetch::resolve_next_link("https://h/OData/v5", "https://user@h/x", resolved).empty());
    CHECK_FALSE(fetch::resolve_next_link("https://h/OData/v5", "file:///etc/passwd", resolved).empty());
    // 10:00 in winter (+01:00) is later than 10:30 the same day in summer offset notation.
    auto winter = fetch::odata_timestamp("2025-11-02T10:00:00+01:00");
    auto summer = fetch::odata_timestamp("2025-11-02T10:30:00+02:00");
    REQUIRE(winter);
    REQUIRE(summer);
    CHECK(winter->instant > summer->instant);
    CHECK(fetch::odata_timestamp("2025-11-02T09:00:00Z")->instant == winter->instant);
    CHECK_FALSE(fetch::odata_timestamp("2025-11-02 10:00"));
    CHECK_FALSE(fetch::odata_timestamp("2025-11-02T10:00:00+01:00' or 1 eq 1"));
    CHECK(fetch::dutch_midnight("2026-08-01") == "2026-08-01T00:00:00+02:00");
    CHECK(fetch::dutch_midnight("2026-01-10") == "2026-01-10T00:00:00+01:00");
    CHECK(fetch::dutch_midnight("2026-03-29") == "2026-03-29T00:00:00+01:00");  // the night summer time starts
    CHECK(fetch::dutch_midnight("2026-03-30") == "2026-03-30T00:00:00+02:00");
    CHECK(fetch::dutch_midnight("2026-10-25") == "2026-10-25T00:00:00+02:00");  // the night it ends
    CHECK(fetch::dutch_midnight("2026-10-26") == "2026-10-26T00:00:00+01:00");
    CHECK_FALSE(fetch::dutch_midnight("gisteren"));
}

TEST_CASE("sync from the command line: a run, then no network and an unknown entity exit 2", "[sync][cli]") {
    test::FixtureServer server;
    serve_recorded(server);
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    ::setenv("TOEZEG_FETCH_INTERVAL_MS", "0", 1);
    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "sync", "--init", "--store", store, "--base-url", server.base(), "--entity",
                             "Toezegging", "--timeout", "5"},
                            &out) == 0);
    CHECK(out.find("Toezegging  1 read") != std::string::npos);
    CHECK(out.find("to 2024-01-25T09:00:00+01:00") != std::string::npos);
    CHECK(out.find("1 new, 0 changed") != std::string::npos);
    CHECK(test::run_program({TOEZEG_BINARY, "sync", "--store", store, "--base-url", "http://127.0.0.1:9"}) == 2);
    CHECK(test::run_program({TOEZEG_BINARY, "sync", "--store", store, "--entity", "Zaal"}) == 2);
    ::unsetenv("TOEZEG_FETCH_INTERVAL_MS");
}

namespace {

// Made up Stemming records in the $metadata's fields: record i changed at second (i + 1) / 2
// after 2025-01-01T00:00:00+01:00, so two records share each GewijzigdOp, one pair across
// the boundary of the 100th page (records 9999 and 10000).
std::string generated_stemming(int i) {
    int k = (i + 1) / 2;
    char stamp[40];
    std::snprintf(stamp, sizeof stamp, "2025-01-01T%02d:%02d:%02d+01:00", k / 3600, (k / 60) % 60, k % 60);
    char id[40];
    std::snprintf(id, sizeof id, "5e000000-0000-4000-8000-%012d", i);
    return std::string(R"({"Id": ")") + id +
           R"(", "Besluit_Id": "be000000-0000-4000-8000-000000000001", "Soort": "Voor",
     "FractieGrootte": 3, "ActorNaam": "SP", "ActorFractie": "SP", "Vergissing": false, "GewijzigdOp": ")" +
           stamp + R"(", "Verwijderd": false})";
}

// Records [from, to) in pages of 100 at `first` and then `prefix`1, `prefix`2, ...
void serve_generated(test::FixtureServer& server, const std::string& first, const std::string& prefix, int from, int to,
                     int missing_page = -1) {
    for (int page = 0; from + page * 100 < to; ++page) {
        std::string body = R"({"@odata.context": "x/$metadata#Stemming", "value": [)";
        for (int i = from + page * 100; i < std::min(to, from + (page + 1) * 100); ++i)
            body += (i == from + page * 100 ? "" : ",") + generated_stemming(i);
        body += "]";
        if (from + (page + 1) * 100 < to)
            body += R"(, "@odata.nextLink": ")" + server.base() + prefix + std::to_string(page + 1) + "\"";
        body += "}";
        if (page != missing_page)
            server.route(page == 0 ? first : prefix + std::to_string(page), {body, "application/json"});
    }
}

}  // namespace

TEST_CASE("sync: a run that fails after 10,000 records keeps what it committed and the next run goes on from there",
          "[sync]") {
    test::FixtureServer server;
    serve_generated(server, first_path(server, "Stemming"), "/Stemming/page/", 0, 12'000, 110);  // page 110: a 404
    Fixture f;
    auto store = f.open();
    auto options = quick(server.base());
    options.entities = {"Stemming"};
    auto failed = pipeline::run_sync(store, options);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().message.find("the next run goes on from there") != std::string::npos);
    // Records 9999 and 10000 share 01:23:20: every record is saved only up to 01:23:19.
    const std::string kept = "2025-01-01T01:23:19+01:00";
    CHECK(pipeline::sync_position(store, server.base(), "Stemming") == kept);
    CHECK(db::count_official_records(store.index().database(), "Stemming") == 10'000);
    CHECK(test::run_program({"git", "--git-dir", (f.paths.root / "corpus.git").string(), "fsck", "--full"}) == 0);

    serve_generated(server, first_path(server, "Stemming", kept), "/Stemming/resume/", 9'999, 12'000);
    auto again = pipeline::run_sync(store, options);
    REQUIRE(again);
    CHECK(again->saved.added == 2'000);
    CHECK(again->saved.unchanged == 1);  // record 9999, read again
    CHECK(db::count_official_records(store.index().database(), "Stemming") == 12'000);
    CHECK(pipeline::sync_position(store, server.base(), "Stemming") == "2025-01-01T01:40:00+01:00");
}

TEST_CASE(
    "sync from the command line: Activiteit, Persoon and Fractie name the debate, Kamerlid and fractie of a "
    "Toezegging that gives only their number and Ids",
    "[sync][people][cli]") {
    test::FixtureServer server;
    // Made-up Toezeggingen (no real record exists) naming a made-up debate and real Persoon and Fractie ids.
    server.route(first_path(server, "Toezegging"),
                 {test::read_source(k_people + "Toezegging.madeup.json"), "application/json"});
    serve_people(server);
    test::TempDir tmp;
    std::string store = (tmp.path / "store").string();
    ::setenv("TOEZEG_FETCH_INTERVAL_MS", "0", 1);
    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "sync", "--init", "--store", store, "--base-url", server.base(), "--entity",
                             "Toezegging", "--entity", "Activiteit", "--entity", "Persoon", "--entity", "Fractie"},
                            &out) == 0);
    ::unsetenv("TOEZEG_FETCH_INTERVAL_MS");
    CHECK(out.find("Activiteit  4 read") != std::string::npos);
    std::string reconciled;
    CHECK(test::run_program({TOEZEG_BINARY, "reconcile", "--store", store, "--as-of", "2024-07-01"}, &reconciled) == 0);
    CHECK(reconciled.find("toegezegd in het commissiedebat Digitale overheid van 15 mei 2024") != std::string::npos);
    CHECK(reconciled.find("toegezegd aan F.H. Bruyning (Nieuw Sociaal Contract)") != std::string::npos);
    CHECK(reconciled.find("toegezegd in het plenaire debat Asielbeleid van 5 juni 2024") != std::string::npos);
}
