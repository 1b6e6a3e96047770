#include <catch2/catch.hpp>

#include <fstream>

#include "core/date.hpp"
#include "corpus/corpus_store.hpp"
#include "db/sqlite.hpp"
#include "helpers.hpp"
#include "pipeline/ingest_files.hpp"
#include "pipeline/store.hpp"

using namespace toezeg;

namespace {

// Every table's rows (bar timestamps that differ by nature), for comparing two indexes.
std::string dump(const std::filesystem::path& db_path) {
    auto db = db::Database::open(db_path);
    REQUIRE(db);
    std::string out;
    for (const char* sql : {"SELECT id, latest_version, title, date, dossier, number, addressee FROM documents ORDER BY id",
                            "SELECT doc_id, version, commit_id, committed_at, ingested_at, source, original_oid, meta_json, text FROM versions ORDER BY 1, 2",
                            "SELECT * FROM metadata ORDER BY 1, 2, 3", "SELECT * FROM citations ORDER BY 1, 2, 4",
                            "SELECT * FROM relations ORDER BY 1, 2", "SELECT hash, doc_id FROM fingerprints ORDER BY 1, 2",
                            "SELECT * FROM detections ORDER BY 1, 2, 3", "SELECT doc_id, version, text FROM text_search ORDER BY 1, 2"}) {
        auto st = db->prepare(sql);
        while (st.step()) {
            for (int c = 0; c < 19; ++c) out += st.text(c) + "|";
            out += "\n";
        }
    }
    return out;
}

}  // namespace

TEST_CASE("store: ingest, unchanged re-ingest, new version, reindex, git history", "[store]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto corpus = (test::source_dir() / "corpus").string();
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        auto files = pipeline::expand_inputs({corpus});
        REQUIRE(files->size() == 5);
        for (auto& f : *files) CHECK(pipeline::ingest_file(*store, f, {}).outcome == pipeline::Outcome::added);
        for (auto& f : *files) CHECK(pipeline::ingest_file(*store, f, {}).outcome == pipeline::Outcome::unchanged);
        CHECK(store->index().documents().size() == 5);
        auto related = store->index().relations("doc-" + std::string());
        CHECK(related.empty());
    }
    // A changed letter under the same id is a new version.
    auto changed = tmp.path / "987-v2.txt";
    {
        std::ofstream out(changed);
        out << test::read_source("corpus/001_0e545a94cc435d19.txt") << "\nNaschrift: het kabinet zal uw Kamer voor de zomer informeren.\n";
    }
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        auto r = pipeline::ingest_file(*store, changed, {});
        CHECK(r.outcome == pipeline::Outcome::new_version);
        CHECK(r.id == "kst-32317-987");
        CHECK(r.version == 2);
        CHECK(store->index().versions("kst-32317-987").size() == 2);
        auto dup = store->index().relations("brief-2026-03-18-ek-verslag-jbz-raad-van-5-en-6-maart-2026");
        REQUIRE(dup.size() == 1);
        CHECK(dup[0].kind == "near-duplicate");
    }
    // The git CLI tells the story: one commit per version.
    auto log = test::run_program_output({"git", "--git-dir", paths.git().string(), "log", "--format=%s"});
    CHECK(log.find("Ingest kst-32317-987 version 2\n") == 0);
    CHECK(std::count(log.begin(), log.end(), '\n') == 6);
    auto shown = test::run_program_output({"git", "--git-dir", paths.git().string(), "show", "HEAD:" + corpus::CorpusStore::folder_of("kst-32317-987") + "/text.txt"});
    CHECK(shown.find("Naschrift: het kabinet zal uw Kamer") != std::string::npos);

    // reindex rebuilds the same content from git alone.
    std::string before = dump(paths.index());
    auto n = pipeline::Store::reindex(paths);
    REQUIRE(n);
    CHECK(*n == 6);
    CHECK(dump(paths.index()) == before);
}

TEST_CASE("store: a crash between git commit and index write is repaired on open", "[store]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        pipeline::ingest_file(*store, test::source_dir() / "corpus/004_a4a7fe74bfd62a91.txt", {});
    }
    // Simulate the crash: the index forgets the last commit.
    std::filesystem::remove(paths.index());
    for (const char* s : {"-wal", "-shm"}) std::filesystem::remove(paths.index().string() + s);
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    REQUIRE(store);
    CHECK(store->index().documents().size() == 1);
    CHECK(store->index().document("kst-32317-994").has_value());
}

TEST_CASE("store: bad ids and a second writer are refused clearly", "[store]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    REQUIRE(store);
    pipeline::IngestOptions escape;
    escape.id = "../../etc";
    auto r = pipeline::ingest_file(*store, test::source_dir() / "corpus/004_a4a7fe74bfd62a91.txt", escape);
    CHECK(r.outcome == pipeline::Outcome::failed);
    CHECK(r.error.message == "document id may not start with '.' or '-'");
    ::setenv("TOEZEG_LOCK_TIMEOUT", "0", 1);
    auto second = pipeline::Store::open(paths, pipeline::Access::write);
    ::unsetenv("TOEZEG_LOCK_TIMEOUT");
    REQUIRE_FALSE(second);
    CHECK(second.error().message.find("the store is locked") == 0);
    CHECK_FALSE(pipeline::Store::open(pipeline::StorePaths{tmp.path / "none"}, pipeline::Access::read));
}

TEST_CASE("store: a batch of files reaches git as one pack, a batch cut short leaves nothing behind", "[store]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto files = pipeline::expand_inputs({(test::source_dir() / "corpus").string()});
    REQUIRE(files->size() == 5);
    {
        // Cut short: the git batch and the index transaction both end without committing.
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store->corpus().begin_batch());
        {
            db::Transaction transaction(store->index().database());
            CHECK(pipeline::ingest_file(*store, (*files)[0], {}).outcome == pipeline::Outcome::added);
            CHECK(store->corpus().head().has_value());  // the batch's commit, in memory
        }
        store->corpus().abort_batch();
        CHECK_FALSE(store->corpus().head().has_value());
        CHECK(store->index().documents().empty());
    }
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        std::vector<pipeline::Outcome> outcomes;
        REQUIRE(pipeline::ingest_files(*store, *files, {}, [&](const pipeline::IngestResult& r) { outcomes.push_back(r.outcome); }));
        CHECK(outcomes == std::vector<pipeline::Outcome>(5, pipeline::Outcome::added));
        CHECK(store->index().documents().size() == 5);
    }
    auto git = paths.git().string();
    auto log = test::run_program_output({"git", "--git-dir", git, "log", "--format=%s"});
    CHECK(std::count(log.begin(), log.end(), '\n') == 5);
    CHECK(test::run_program({"git", "--git-dir", git, "fsck", "--no-dangling"}) == 0);
    int packs = 0, loose = 0;
    for (auto& e : std::filesystem::recursive_directory_iterator(paths.git() / "objects")) {
        if (!e.is_regular_file()) continue;
        if (e.path().extension() == ".pack") ++packs;
        else if (e.path().parent_path().filename().string().size() == 2) ++loose;
    }
    CHECK(packs == 1);
    CHECK(loose == 0);
    // Reindex reads the packed history like any other.
    auto n = pipeline::Store::reindex(paths);
    REQUIRE(n);
    CHECK(*n == 5);
}

TEST_CASE("ingest: symbolic links leaving the folder are refused with a reason", "[store][symlink]") {
    test::TempDir tmp;
    auto folder = tmp.path / "letters";
    auto outside = tmp.path / "secret.txt";
    std::filesystem::create_directories(folder / "sub");
    std::filesystem::create_directories(tmp.path / "elsewhere");
    { std::ofstream(folder / "a.txt") << "Den Haag, 4 maart 2026\n\nIk zal uw Kamer informeren.\n"; }
    { std::ofstream(outside) << "root:x:0:0\n"; }
    { std::ofstream(tmp.path / "elsewhere" / "b.txt") << "b\n"; }
    std::filesystem::create_symlink(folder / "a.txt", folder / "sub" / "same.txt");  // inside: the file itself is found
    std::filesystem::create_symlink(outside, folder / "passwd.txt");
    std::filesystem::create_symlink(tmp.path / "elsewhere", folder / "dir");  // folders behind links are not followed
    std::filesystem::create_symlink(tmp.path / "gone.txt", folder / "broken.txt");

    std::vector<Error> refused;
    auto files = pipeline::expand_inputs({folder.string()}, &refused);
    REQUIRE(files);
    CHECK(*files == std::vector<std::filesystem::path>{folder / "a.txt"});
    REQUIRE(refused.size() == 2);
    std::sort(refused.begin(), refused.end(), [](auto& a, auto& b) { return a.subject < b.subject; });
    CHECK(refused[0].subject == (folder / "broken.txt").string());
    CHECK(refused[0].message.find("broken symbolic link") != std::string::npos);
    CHECK(refused[1].subject == (folder / "passwd.txt").string());
    CHECK(refused[1].message.find("outside") != std::string::npos);
    CHECK(refused[1].message.find("--follow-symlinks") != std::string::npos);

    refused.clear();
    auto followed = pipeline::expand_inputs({folder.string()}, &refused, true);
    CHECK(*followed == std::vector<std::filesystem::path>{folder / "a.txt", folder / "passwd.txt"});
    CHECK(refused.size() == 1);  // still the broken one

    // A link given directly is read as given.
    refused.clear();
    auto direct = pipeline::expand_inputs({(folder / "passwd.txt").string()}, &refused);
    CHECK(*direct == std::vector<std::filesystem::path>{folder / "passwd.txt"});
    CHECK(refused.empty());
}

TEST_CASE("store: leftovers of a killed run are removed when the store is opened for writing", "[store][recovery]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    auto letter = test::source_dir() / "corpus";
    auto first = std::filesystem::directory_iterator(letter)->path();
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        REQUIRE(pipeline::ingest_file(*store, first, {}).outcome == pipeline::Outcome::added);
    }
    // What a kill between git's lock and its rename, a pack write, or a download leaves.
    auto master_lock = paths.git() / "refs" / "heads" / "master.lock";
    { std::ofstream(master_lock) << "0123456789abcdef0123456789abcdef01234567\n"; }
    { std::ofstream(paths.git() / "objects" / "pack" / "pack_git2_a1b2c3") << "PACK"; }
    { std::ofstream(paths.root / "download-abc.part") << "half"; }
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        CHECK(store->recovered().size() == 3);
        CHECK_FALSE(std::filesystem::exists(master_lock));
        std::filesystem::path second;
        for (auto& e : std::filesystem::directory_iterator(letter))
            if (e.path() != first && e.path().extension() == ".txt") second = e.path();
        auto r = pipeline::ingest_file(*store, second, {});
        INFO(r.error.describe());
        CHECK(r.outcome == pipeline::Outcome::added);
    }
    // A reader takes no lock and removes nothing.
    { std::ofstream(master_lock) << "x"; }
    {
        auto store = pipeline::Store::open(paths, pipeline::Access::read);
        REQUIRE(store);
        CHECK(store->recovered().empty());
        CHECK(std::filesystem::exists(master_lock));
    }
    std::filesystem::remove(master_lock);
    CHECK(test::run_program({"git", "--git-dir", paths.git().string(), "fsck", "--full"}) == 0);
}

TEST_CASE("remove takes a document out of the tracked state, git keeps its history, reindex the removal", "[store]") {
    test::TempDir tmp;
    std::string store_dir = (tmp.path / "s").string();
    REQUIRE(test::run_program({TOEZEG_BINARY, "ingest", "--init", "--store", store_dir,
                               (test::source_dir() / "corpus").string()}) == 0);
    std::string before;
    REQUIRE(test::run_program({TOEZEG_BINARY, "status", "--store", store_dir, "--json"}, &before) == 0);
    REQUIRE(before.find("\"kst-32317-987\"") != std::string::npos);

    std::string out;
    CHECK(test::run_program({TOEZEG_BINARY, "remove", "--store", store_dir, "kst-32317-987", "geen-brief",
                             "--reason", "test: ingested by mistake"}, &out) == 1);  // one id unknown
    CHECK(out.find("removed kst-32317-987\n") != std::string::npos);
    CHECK(out.find("1 removed, 1 failed\n") != std::string::npos);
    std::string list, status;
    REQUIRE(test::run_program({TOEZEG_BINARY, "list", "--store", store_dir}, &list) == 0);
    CHECK(list.find("kst-32317-987") == std::string::npos);
    REQUIRE(test::run_program({TOEZEG_BINARY, "status", "--store", store_dir, "--json"}, &status) == 0);
    CHECK(status.find("\"kst-32317-987\"") == std::string::npos);  // no event points at it any more
    CHECK(status != before);

    pipeline::StorePaths paths{store_dir};
    auto log = test::run_program_output({"git", "--git-dir", paths.git().string(), "log", "--format=%s%n%b"});
    CHECK(log.find("Remove kst-32317-987\n") == 0);
    CHECK(log.find("test: ingested by mistake") != std::string::npos);
    CHECK(log.find("Ingest kst-32317-987 version 1") != std::string::npos);  // the history stays

    // reindex replays the history, the removal included.
    REQUIRE(test::run_program({TOEZEG_BINARY, "reindex", "--store", store_dir}) == 0);
    REQUIRE(test::run_program({TOEZEG_BINARY, "list", "--store", store_dir}, &list) == 0);
    CHECK(list.find("kst-32317-987") == std::string::npos);

    // Ingesting the file again brings it back, as a new first version.
    REQUIRE(test::run_program({TOEZEG_BINARY, "ingest", "--store", store_dir,
                               (test::source_dir() / "corpus/001_0e545a94cc435d19.txt").string()}, &out) == 0);
    CHECK(out.find("kst-32317-987") != std::string::npos);
    REQUIRE(test::run_program({TOEZEG_BINARY, "status", "--store", store_dir, "--json"}, &status) == 0);
    CHECK(status == before);
}

TEST_CASE("ingest: a version with more items than a letter holds keeps the first and says so", "[store][limits]") {
    test::TempDir tmp;
    pipeline::StorePaths paths{tmp.path / "store"};
    REQUIRE(pipeline::Store::init(paths));
    // One promise repeated: each paragraph is a commitment of its own (a list repeated, or a
    // hostile file), one more than the limit.
    auto file = tmp.path / "herhaald.txt";
    {
        std::ofstream out(file);
        out << "Nr. 20 BRIEF VAN DE MINISTER VAN ASIEL EN MIGRATIE\n\nAan de Voorzitter van de Tweede Kamer der "
               "Staten-Generaal\n\nDen Haag, 20 juni 2024\n\n";
        for (std::size_t k = 0; k <= pipeline::k_max_items_per_version; ++k)
            out << "Ik zal uw Kamer voor 1 juli informeren over de opvang in regio " << k << ".\n\n";
        out << "De Minister van Asiel en Migratie,\n\nM.H.M. Faber\n";
    }
    auto store = pipeline::Store::open(paths, pipeline::Access::write);
    REQUIRE(store);
    auto r = pipeline::ingest_file(*store, file, {});
    REQUIRE(r.outcome == pipeline::Outcome::added);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].starts_with(std::to_string(pipeline::k_max_items_per_version + 1) + " items found, more than the " +
                                    std::to_string(pipeline::k_max_items_per_version)));
    auto db = db::Database::open(paths.index());
    REQUIRE(db);
    auto count = db->prepare("SELECT count(*) FROM detections");
    REQUIRE(count.step());
    CHECK(static_cast<std::size_t>(count.integer(0)) == pipeline::k_max_items_per_version);
}

TEST_CASE("store: commits and ingested_at take $SOURCE_DATE_EPOCH when it is a whole number, else now", "[store]") {
    struct Restore {
        ~Restore() { unsetenv("SOURCE_DATE_EPOCH"); }
    } restore;
    setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
    CHECK(stamp_time() == 1767225600);
    CHECK(utc_now_iso() == "2026-01-01T00:00:00Z");
    // Two stores given the same letters with the same value hold the same commits.
    test::TempDir tmp;
    std::vector<std::string> heads;
    for (auto name : {"one", "two"}) {
        pipeline::StorePaths paths{tmp.path / name};
        REQUIRE(pipeline::Store::init(paths));
        auto store = pipeline::Store::open(paths, pipeline::Access::write);
        REQUIRE(store);
        auto files = pipeline::expand_inputs({(test::source_dir() / "corpus").string()});
        REQUIRE(files);
        for (auto& f : *files) REQUIRE(pipeline::ingest_file(*store, f, {}).outcome == pipeline::Outcome::added);
        auto versions = store->index().versions("kst-32317-987");
        REQUIRE(versions.size() == 1);
        CHECK(versions[0].ingested_at == "2026-01-01T00:00:00Z");
        heads.push_back(versions[0].commit);
    }
    CHECK(heads[0] == heads[1]);
    // Anything but a whole number of seconds is not taken (`man` reports it as an error).
    for (auto bad : {"", "-5", "12abc", "1.5", "99999999999999999999"}) {
        setenv("SOURCE_DATE_EPOCH", bad, 1);
        CHECK(utc_now_iso() != "2026-01-01T00:00:00Z");
        CHECK(stamp_time() > 1767225600);  // now, after the value above
    }
}
