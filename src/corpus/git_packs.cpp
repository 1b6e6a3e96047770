#include "corpus/git_packs.hpp"

#include <fcntl.h>
#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <unistd.h>

#include <mutex>
#include <system_error>

#include "util/files.hpp"

namespace toezeg::corpus {

namespace fs = std::filesystem;

namespace {

template <class T, void (*Free)(T*)>
struct Owned {
    T* ptr = nullptr;
    Owned() = default;
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() {
        if (ptr) Free(ptr);
    }
};

std::string git_error_text(const std::string& what) {
    const git_error* e = git_error_last();
    return what + ": " + (e && e->message ? e->message : "unknown libgit2 error");
}

bool is_hex(const std::string& s) { return s.find_first_not_of("0123456789abcdef") == std::string::npos; }

Result<void> sync_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail(path.string(), "cannot open to sync: " + std::error_code(errno, std::generic_category()).message());
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0)
        return fail(path.string(), "cannot sync: " + std::error_code(saved, std::generic_category()).message());
    return {};
}

// Every object named by a reference (commits with their history, trees and blobs) goes into `pb`.
Result<void> insert_reachable(git_repository* repo, git_packbuilder* pb) {
    Owned<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.ptr, repo) != 0) return fail("git", git_error_text("walk the history"));
    Owned<git_reference_iterator, git_reference_iterator_free> refs;
    if (git_reference_iterator_new(&refs.ptr, repo) != 0) return fail("git", git_error_text("list the references"));
    git_reference* ref = nullptr;
    while (git_reference_next(&ref, refs.ptr) == 0) {
        Owned<git_reference, git_reference_free> owned;
        owned.ptr = ref;
        Owned<git_reference, git_reference_free> resolved;
        if (git_reference_resolve(&resolved.ptr, ref) != 0) continue;  // a symbolic reference to nothing
        const git_oid* id = git_reference_target(resolved.ptr);
        Owned<git_object, git_object_free> object;
        if (!id || git_object_lookup(&object.ptr, repo, id, GIT_OBJECT_ANY) != 0)
            return fail(git_reference_name(ref), git_error_text("names a missing object"));
        int rc = git_object_type(object.ptr) == GIT_OBJECT_COMMIT ? git_revwalk_push(walk.ptr, id)
                                                                  : git_packbuilder_insert_recur(pb, id, nullptr);
        if (rc != 0) return fail(git_reference_name(ref), git_error_text("cannot be packed"));
    }
    if (git_packbuilder_insert_walk(pb, walk.ptr) != 0) return fail("git", git_error_text("pack the history"));
    return {};
}

// Removes pack-<x>.idx first (git then no longer sees the pack), then its other files.
void remove_pack(const fs::path& dir, const std::string& stem) {
    std::error_code ec;
    fs::remove(dir / (stem + ".idx"), ec);
    for (const char* ext : {".pack", ".rev", ".bitmap", ".mtimes", ".promisor"}) fs::remove(dir / (stem + ext), ec);
}

}  // namespace

std::size_t auto_pack_limit(const fs::path& git_dir) {
    static std::once_flag init;
    std::call_once(init, [] { git_libgit2_init(); });
    Owned<git_repository, git_repository_free> repo;
    if (git_repository_open_bare(&repo.ptr, git_dir.c_str()) != 0) return k_default_auto_pack_limit;
    Owned<git_config, git_config_free> config;
    if (git_repository_config_snapshot(&config.ptr, repo.ptr) != 0) return k_default_auto_pack_limit;
    int32_t value = 0;
    if (git_config_get_int32(&value, config.ptr, "gc.autoPackLimit") != 0 || value < 0) return k_default_auto_pack_limit;
    return static_cast<std::size_t>(value);
}

PackCount count_packs(const fs::path& git_dir) {
    PackCount count;
    std::error_code ec;
    fs::path objects = git_dir / "objects";
    for (auto& e : fs::directory_iterator(objects / "pack", ec)) {
        auto name = e.path().filename().string();
        if (name.starts_with("pack-") && e.path().extension() == ".idx" &&
            fs::exists(objects / "pack" / (e.path().stem().string() + ".pack"), ec))
            ++count.packs;
    }
    for (auto& d : fs::directory_iterator(objects, ec)) {
        auto name = d.path().filename().string();
        if (name.size() != 2 || !is_hex(name) || !d.is_directory(ec)) continue;
        for (auto& f : fs::directory_iterator(d.path(), ec))
            if (f.is_regular_file(ec) && is_hex(f.path().filename().string())) ++count.loose;
    }
    return count;
}

Result<Consolidation> consolidate_packs(const fs::path& git_dir) {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
    Consolidation result;
    result.before = count_packs(git_dir);
    result.after = result.before;
    if (result.before.packs <= 1 && result.before.loose == 0) return result;

    Owned<git_repository, git_repository_free> repo;
    if (git_repository_open_bare(&repo.ptr, git_dir.c_str()) != 0)
        return fail(git_dir.string(), git_error_text("cannot open git repository"));
    Owned<git_packbuilder, git_packbuilder_free> pb;
    if (git_packbuilder_new(&pb.ptr, repo.ptr) != 0) return fail("git", git_error_text("pack builder"));
    git_packbuilder_set_threads(pb.ptr, 0);  // delta search on every core
    if (auto inserted = insert_reachable(repo.ptr, pb.ptr); !inserted) return std::unexpected(inserted.error());
    result.objects = git_packbuilder_object_count(pb.ptr);
    if (result.objects == 0) return result;

    // The new pack and its index: written by libgit2's indexer (a temporary file renamed into
    // place), then synced with their folder before anything old is removed.
    fs::path dir = git_dir / "objects" / "pack";
    if (git_packbuilder_write(pb.ptr, dir.c_str(), 0, nullptr, nullptr) != 0)
        return fail(dir.string(), git_error_text("cannot write the consolidated pack"));
    std::string stem = std::string("pack-") + git_packbuilder_name(pb.ptr);
    for (const char* ext : {".pack", ".idx"})
        if (auto synced = sync_file(dir / (stem + ext)); !synced) return std::unexpected(synced.error());
    if (auto synced = files::sync_directory(dir); !synced) return std::unexpected(synced.error());
    git_odb_backend* fresh = nullptr;
    if (git_odb_backend_one_pack(&fresh, (dir / (stem + ".idx")).c_str()) != 0)
        return fail((dir / (stem + ".idx")).string(), git_error_text("the consolidated pack cannot be read back"));
    result.pack = stem + ".pack";

    // Old packs: every pack-*.idx but the new one (and any .pack whose index a crash took).
    std::error_code ec;
    std::vector<std::string> old;
    for (auto& e : fs::directory_iterator(dir, ec)) {
        auto name = e.path().filename().string();
        auto file_stem = e.path().stem().string();
        if (!name.starts_with("pack-") || file_stem == stem) continue;
        if ((e.path().extension() == ".idx" || e.path().extension() == ".pack") &&
            !fs::exists(dir / (file_stem + ".keep"), ec))
            old.push_back(file_stem);
    }
    for (auto& s : old) remove_pack(dir, s);
    // Loose objects the new pack holds (unreachable ones stay: git's own gc decides those).
    for (auto& d : fs::directory_iterator(git_dir / "objects", ec)) {
        auto name = d.path().filename().string();
        if (name.size() != 2 || !is_hex(name) || !d.is_directory(ec)) continue;
        for (auto& f : fs::directory_iterator(d.path(), ec)) {
            git_oid id;
            if (git_oid_fromstr(&id, (name + f.path().filename().string()).c_str()) != 0) continue;
            if (fresh->exists(fresh, &id)) fs::remove(f.path(), ec);
        }
        fs::remove(d.path(), ec);  // only when empty
    }
    fresh->free(fresh);
    if (auto synced = files::sync_directory(dir); !synced) return std::unexpected(synced.error());
    result.after = count_packs(git_dir);
    return result;
}

}  // namespace toezeg::corpus
