#include "corpus/git_repository.hpp"

#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>

#include <cstring>
#include <mutex>
#include <optional>
#include <unordered_set>

#include "core/date.hpp"
#include "corpus/pack_writer.hpp"

namespace toezeg::corpus {

namespace {

// RAII holders for libgit2 objects.
template <class T, void (*Free)(T*)>
struct Handle {
    T* ptr = nullptr;
    Handle() = default;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    ~Handle() { reset(); }
    void reset() {
        if (ptr) Free(ptr);
        ptr = nullptr;
    }
    T** out() { return &ptr; }
    T* get() const { return ptr; }
};
using Repo = Handle<git_repository, git_repository_free>;
using Tree = Handle<git_tree, git_tree_free>;
using TreeBuilder = Handle<git_treebuilder, git_treebuilder_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Signature = Handle<git_signature, git_signature_free>;
using Revwalk = Handle<git_revwalk, git_revwalk_free>;
using Blob = Handle<git_blob, git_blob_free>;
using Entry = Handle<git_tree_entry, git_tree_entry_free>;
using Diff = Handle<git_diff, git_diff_free>;
using Odb = Handle<git_odb, git_odb_free>;
using Packbuilder = Handle<git_packbuilder, git_packbuilder_free>;
using Reference = Handle<git_reference, git_reference_free>;

void ensure_init() {
    static std::once_flag once;
    std::call_once(once, [] { git_libgit2_init(); });
}

std::string last_error(const std::string& what) {
    const git_error* e = git_error_last();
    return what + ": " + (e && e->message ? e->message : "unknown libgit2 error");
}

std::string hex(const git_oid* oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, oid);
    return buf;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start < path.size()) {
        auto slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        if (slash > start) parts.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

}  // namespace

struct GitRepository::Impl {
    Repo repo;
    // While a batch is open: the repository's own object database, the in-memory one
    // that takes the batch's writes, and the newest commit (not yet on any branch).
    Odb disk_odb, batch_odb;
    git_odb_backend* mempack = nullptr;  // owned by batch_odb
    std::optional<git_oid> pending_tip;
    std::vector<git_oid> batch_objects;                               // every object written in the batch
    std::vector<std::pair<git_oid, std::string_view>> ready_entries;  // blobs the caller deflated (commit_paths)

    void written(const git_oid& id) {
        if (batch_odb.get()) batch_objects.push_back(id);
    }

    // The trees of `tree_id` that are not on disk yet (the changed paths of a tree libgit2
    // updated in a batch), recorded as written; unchanged subtrees are not descended.
    void written_trees(const git_oid& tree_id) {
        if (git_odb_exists(disk_odb.get(), &tree_id)) return;
        batch_objects.push_back(tree_id);
        Tree tree;
        if (git_tree_lookup(tree.out(), repo.get(), &tree_id) != 0) return;
        for (std::size_t k = 0, n = git_tree_entrycount(tree.get()); k < n; ++k) {
            const git_tree_entry* e = git_tree_entry_byindex(tree.get(), k);
            if (git_tree_entry_type(e) == GIT_OBJECT_TREE) written_trees(*git_tree_entry_id(e));
        }
    }

    bool tip(git_oid& out) const {
        if (pending_tip) {
            out = *pending_tip;
            return true;
        }
        return git_reference_name_to_id(&out, repo.get(), "HEAD") == 0;
    }

    // Tree at `parts[0..depth)` below `base` (may be null) or nullptr when absent.
    Result<git_oid> write_path(const git_tree* base, const std::vector<std::string>& parts, std::size_t depth,
                               const git_oid& leaf, git_filemode_t leaf_mode) {
        TreeBuilder builder;
        if (git_treebuilder_new(builder.out(), repo.get(), base) != 0) return fail("git", last_error("tree builder"));
        const std::string& name = parts[depth];
        git_oid child;
        if (depth + 1 == parts.size()) {
            child = leaf;
        } else {
            Tree sub;
            if (base) {
                const git_tree_entry* e = git_tree_entry_byname(base, name.c_str());
                if (e && git_tree_entry_type(e) == GIT_OBJECT_TREE)
                    git_tree_lookup(sub.out(), repo.get(), git_tree_entry_id(e));
            }
            auto r = write_path(sub.get(), parts, depth + 1, leaf, leaf_mode);
            if (!r) return r;
            child = *r;
        }
        git_filemode_t mode = depth + 1 == parts.size() ? leaf_mode : GIT_FILEMODE_TREE;
        if (git_treebuilder_insert(nullptr, builder.get(), name.c_str(), &child, mode) != 0)
            return fail("git", last_error("tree insert"));
        git_oid out;
        if (git_treebuilder_write(&out, builder.get()) != 0) return fail("git", last_error("tree write"));
        written(out);
        return out;
    }

    Result<std::string> commit_tree(const git_oid& tree_id, const std::string& message) {
        Tree tree;
        if (git_tree_lookup(tree.out(), repo.get(), &tree_id) != 0) return fail("git", last_error("tree lookup"));
        Signature sig;
        if (git_signature_new(sig.out(), "toezeg", "toezeg@localhost", static_cast<git_time_t>(stamp_time()), 0) != 0)
            return fail("git", last_error("signature"));
        Commit parent;
        git_oid parent_id;
        bool has_parent = tip(parent_id);
        if (has_parent && git_commit_lookup(parent.out(), repo.get(), &parent_id) != 0)
            return fail("git", last_error("parent lookup"));
        const git_commit* parents[1] = {parent.get()};
        git_oid commit_id;
        // In a batch the branch moves only when the batch's objects are on disk.
        const char* update_ref = batch_odb.get() ? nullptr : "HEAD";
        if (git_commit_create(&commit_id, repo.get(), update_ref, sig.get(), sig.get(), "UTF-8", message.c_str(),
                              tree.get(), has_parent ? 1 : 0, parents) != 0)
            return fail("git", last_error("commit"));
        if (batch_odb.get()) pending_tip = commit_id;
        written(commit_id);
        return hex(&commit_id);
    }

    // The tree at `folder` below `root` into `sub` (left empty when there is no such folder).
    Result<void> subtree(const git_tree* root, const std::string& folder, Tree& sub) const {
        Entry entry;
        if (git_tree_entry_bypath(entry.out(), root, folder.c_str()) != 0) return {};
        if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return {};
        if (git_tree_lookup(sub.out(), repo.get(), git_tree_entry_id(entry.get())) != 0)
            return fail("git", last_error("tree lookup"));
        return {};
    }

    Result<void> end_batch(bool deltas);
    void abort_batch();

    // The batch's objects as one pack without delta search (PackWriter): records of a sync are
    // small and many, and libgit2's pack builder spent most of a sync looking for deltas.
    Result<void> write_plain_pack() {
        PackWriter pack(k_record_pack_level);
        auto raw_id = [](const git_oid& id) {
            ObjectId raw;
            std::memcpy(raw.data(), id.id, raw.size());
            return raw;
        };
        for (auto& [id, entry] : ready_entries) pack.add_entry(raw_id(id), entry);
        for (auto& id : batch_objects) {
            ObjectId raw = raw_id(id);
            if (pack.contains(raw)) continue;
            void* data = nullptr;
            std::size_t size = 0;
            git_object_t type = GIT_OBJECT_INVALID;
            if (mempack->read(&data, &size, &type, mempack, &id) != 0)
                return fail("git", last_error("read an object of the batch"));
            PackObjectType kind = type == GIT_OBJECT_COMMIT ? PackObjectType::commit
                                  : type == GIT_OBJECT_TREE ? PackObjectType::tree
                                                            : PackObjectType::blob;
            bool known = type == GIT_OBJECT_COMMIT || type == GIT_OBJECT_TREE || type == GIT_OBJECT_BLOB;
            if (known) pack.add(raw, kind, std::string_view(static_cast<const char*>(data), size));
            git_odb_backend_data_free(mempack, data);
            if (!known) return fail("git", "an object of the batch is neither commit, tree nor blob");
        }
        auto folder = std::filesystem::path(git_repository_path(repo.get())) / "objects" / "pack";
        auto written = pack.finish(folder);
        if (!written) return std::unexpected(written.error());
        git_odb_refresh(disk_odb.get());
        return {};
    }

    void head_tree(Tree& tree) const {
        git_oid head_id;
        if (!tip(head_id)) return;
        Commit head;
        if (git_commit_lookup(head.out(), repo.get(), &head_id) != 0) return;
        git_commit_tree(tree.out(), head.get());
    }
};

GitRepository::GitRepository(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
GitRepository::GitRepository(GitRepository&&) noexcept = default;
GitRepository& GitRepository::operator=(GitRepository&&) noexcept = default;
GitRepository::~GitRepository() = default;

Result<GitRepository> GitRepository::init_bare(const std::filesystem::path& path) {
    ensure_init();
    auto impl = std::make_unique<Impl>();
    if (git_repository_init(impl->repo.out(), path.c_str(), 1) != 0)
        return fail(path.string(), last_error("cannot create git repository"));
    return GitRepository(std::move(impl));
}

Result<GitRepository> GitRepository::open(const std::filesystem::path& path) {
    ensure_init();
    auto impl = std::make_unique<Impl>();
    if (git_repository_open_bare(impl->repo.out(), path.c_str()) != 0)
        return fail(path.string(), last_error("cannot open git repository"));
    return GitRepository(std::move(impl));
}

std::optional<std::string> GitRepository::head() const {
    git_oid id;
    if (!m_impl->tip(id)) return std::nullopt;
    return hex(&id);
}

Result<void> GitRepository::begin_batch() {
    auto& m = *m_impl;
    if (m.batch_odb.get()) return {};
    // Half set up, nothing is kept: the repository goes on writing to disk.
    auto undo = [&m](const char* what) -> Result<void> {
        auto error = fail("git", last_error(what));
        if (m.mempack) m.mempack->free(m.mempack);
        m.mempack = nullptr;
        m.batch_odb.reset();
        m.disk_odb.reset();
        return error;
    };
    if (git_repository_odb(m.disk_odb.out(), m.repo.get()) != 0) return undo("object database");
    std::string objects = std::string(git_repository_path(m.repo.get())) + "objects";
    if (git_odb_open(m.batch_odb.out(), objects.c_str()) != 0) return undo("object database");
    if (git_mempack_new(&m.mempack) != 0) return undo("in-memory pack");
    if (git_odb_add_backend(m.batch_odb.get(), m.mempack, 999) != 0) return undo("in-memory pack");
    if (git_repository_set_odb(m.repo.get(), m.batch_odb.get()) != 0) {
        m.mempack = nullptr;  // owned by batch_odb now
        return undo("object database");
    }
    return {};
}

Result<void> GitRepository::end_batch() { return m_impl->end_batch(true); }

Result<void> GitRepository::Impl::end_batch(bool deltas) {
    auto& m = *this;
    if (!m.batch_odb.get()) return {};
    Result<void> result;
    if (m.pending_tip && !deltas) {
        result = m.write_plain_pack();
    } else if (m.pending_tip) {
        // One pack file of the objects the batch wrote (not whole trees: unchanged parts
        // are on disk already), written by libgit2's indexer to a temporary file renamed
        // into place; then the branch is moved to the batch's last commit.
        git_buf pack = GIT_BUF_INIT;
        git_odb_writepack* writer = nullptr;
        git_indexer_progress progress{};
        Packbuilder builder;
        bool built = git_packbuilder_new(builder.out(), m.repo.get()) == 0;
        if (built) git_packbuilder_set_threads(builder.get(), 0);  // delta search on every core
        for (auto& id : m.batch_objects) built = built && git_packbuilder_insert(builder.get(), &id, nullptr) == 0;
        if (!built || git_packbuilder_write_buf(&pack, builder.get()) != 0)
            result = fail("git", last_error("pack the batch"));
        else if (git_odb_write_pack(&writer, m.disk_odb.get(), nullptr, nullptr) != 0 ||
                 writer->append(writer, pack.ptr, pack.size, &progress) != 0 || writer->commit(writer, &progress) != 0)
            result = fail("git", last_error("write the batch's pack"));
        if (writer) writer->free(writer);
        git_buf_dispose(&pack);
    }
    if (m.pending_tip && result) {
        Reference head, moved;
        const char* branch = "refs/heads/master";
        if (git_reference_lookup(head.out(), m.repo.get(), "HEAD") == 0 &&
            git_reference_type(head.get()) == GIT_REFERENCE_SYMBOLIC)
            branch = git_reference_symbolic_target(head.get());
        if (git_reference_create(moved.out(), m.repo.get(), branch, &*m.pending_tip, 1, "toezeg batch") != 0)
            result = fail("git", last_error("move the branch"));
    }
    m.abort_batch();
    return result;
}

void GitRepository::abort_batch() { m_impl->abort_batch(); }

void GitRepository::Impl::abort_batch() {
    auto& m = *this;
    if (!m.batch_odb.get()) return;
    // Back to the repository's own object database; what the batch held in memory is gone.
    git_repository_set_odb(m.repo.get(), m.disk_odb.get());
    m.batch_odb.reset();
    m.disk_odb.reset();
    m.mempack = nullptr;
    m.pending_tip.reset();
    m.batch_objects.clear();
    m.ready_entries.clear();
}

long long GitRepository::commit_time(const std::string& commit) const {
    git_oid id;
    if (git_oid_fromstr(&id, commit.c_str()) != 0) return 0;
    Commit c;
    if (git_commit_lookup(c.out(), m_impl->repo.get(), &id) != 0) return 0;
    return static_cast<long long>(git_commit_time(c.get()));
}

Result<std::string> GitRepository::commit_folder(const std::string& folder, const std::vector<FileToWrite>& files,
                                                 const std::string& message) {
    TreeBuilder leaf;
    if (git_treebuilder_new(leaf.out(), m_impl->repo.get(), nullptr) != 0)
        return fail("git", last_error("tree builder"));
    for (auto& f : files) {
        git_oid blob;
        if (git_blob_create_from_buffer(&blob, m_impl->repo.get(), f.content.data(), f.content.size()) != 0)
            return fail("git", last_error("blob"));
        m_impl->written(blob);
        if (git_treebuilder_insert(nullptr, leaf.get(), f.name.c_str(), &blob, GIT_FILEMODE_BLOB) != 0)
            return fail("git", last_error("tree insert"));
    }
    git_oid leaf_id;
    if (git_treebuilder_write(&leaf_id, leaf.get()) != 0) return fail("git", last_error("tree write"));
    m_impl->written(leaf_id);
    Tree base;
    m_impl->head_tree(base);
    auto root = m_impl->write_path(base.get(), split_path(folder), 0, leaf_id, GIT_FILEMODE_TREE);
    if (!root) return std::unexpected(root.error());
    return m_impl->commit_tree(*root, message);
}

Result<std::string> GitRepository::commit_file(const std::string& path, const std::string& content,
                                               const std::string& message) {
    git_oid blob;
    if (git_blob_create_from_buffer(&blob, m_impl->repo.get(), content.data(), content.size()) != 0)
        return fail("git", last_error("blob"));
    m_impl->written(blob);
    Tree base;
    m_impl->head_tree(base);
    auto root = m_impl->write_path(base.get(), split_path(path), 0, blob, GIT_FILEMODE_BLOB);
    if (!root) return std::unexpected(root.error());
    return m_impl->commit_tree(*root, message);
}

Result<std::string> GitRepository::commit_paths(const std::vector<PathChange>& changes, const std::string& message) {
    auto& m = *m_impl;
    if (m.batch_odb.get()) return fail("git", "commit_paths inside a batch");
    // Many files (a sync of 100,000 records) are written as one pack, as a batch is, instead
    // of one loose object file each, which costs most of the time on ext4.
    constexpr std::size_t k_pack_from = 256;
    bool packed = changes.size() >= k_pack_from;
    if (packed)
        if (auto begun = begin_batch(); !begun) return std::unexpected(begun.error());
    auto commit = [&]() -> Result<std::string> {
        Tree base;
        m.head_tree(base);
        std::vector<git_tree_update> updates;
        updates.reserve(changes.size());
        for (auto& c : changes) {
            git_tree_update u{};
            u.path = c.path.c_str();
            if (c.content) {
                if (m.mempack) {
                    // Straight into the batch's memory: git_blob_create would first look for
                    // the object on disk and, not finding it, rescan the pack folder each time.
                    bool known = c.blob_id.size() == GIT_OID_HEXSZ && git_oid_fromstr(&u.id, c.blob_id.c_str()) == 0;
                    if ((!known && git_odb_hash(&u.id, c.content->data(), c.content->size(), GIT_OBJECT_BLOB) != 0) ||
                        m.mempack->write(m.mempack, &u.id, c.content->data(), c.content->size(), GIT_OBJECT_BLOB) != 0)
                        return fail("git", last_error("blob"));
                } else if (git_blob_create_from_buffer(&u.id, m.repo.get(), c.content->data(), c.content->size()) !=
                           0) {
                    return fail("git", last_error("blob"));
                }
                m.written(u.id);
                if (m.mempack && !c.pack_entry.empty()) m.ready_entries.emplace_back(u.id, c.pack_entry);
                u.action = GIT_TREE_UPDATE_UPSERT;
                u.filemode = GIT_FILEMODE_BLOB;
            } else {
                Entry present;
                if (!base.get() || git_tree_entry_bypath(present.out(), base.get(), c.path.c_str()) != 0) continue;
                u.action = GIT_TREE_UPDATE_REMOVE;
            }
            updates.push_back(u);
        }
        git_oid root;
        if (base.get()) {
            if (git_tree_create_updated(&root, m.repo.get(), base.get(), updates.size(), updates.data()) != 0)
                return fail("git", last_error("update tree"));
        } else {
            // An empty repository: start from an empty tree.
            TreeBuilder empty;
            git_oid empty_id;
            if (git_treebuilder_new(empty.out(), m.repo.get(), nullptr) != 0 ||
                git_treebuilder_write(&empty_id, empty.get()) != 0)
                return fail("git", last_error("empty tree"));
            Tree empty_tree;
            if (git_tree_lookup(empty_tree.out(), m.repo.get(), &empty_id) != 0 ||
                git_tree_create_updated(&root, m.repo.get(), empty_tree.get(), updates.size(), updates.data()) != 0)
                return fail("git", last_error("update tree"));
        }
        if (m.batch_odb.get()) m.written_trees(root);
        return m.commit_tree(root, message);
    }();
    if (!packed) return commit;
    if (!commit) {
        m.abort_batch();
        return commit;
    }
    if (auto written = m.end_batch(false); !written) return std::unexpected(written.error());
    return commit;
}

Result<std::vector<std::pair<std::string, std::string>>> GitRepository::read_folder(const std::string& commit,
                                                                                    const std::string& folder) const {
    std::vector<std::pair<std::string, std::string>> out;
    git_oid id;
    if (git_oid_fromstr(&id, commit.c_str()) != 0) return fail("git", "not a commit id: " + commit);
    Commit c;
    Tree root;
    if (git_commit_lookup(c.out(), m_impl->repo.get(), &id) != 0 || git_commit_tree(root.out(), c.get()) != 0)
        return fail("git", last_error("commit lookup"));
    Tree sub;
    if (auto found = m_impl->subtree(root.get(), folder, sub); !found) return std::unexpected(found.error());
    if (!sub.get()) return out;
    struct Walk {
        git_repository* repo;
        std::string folder;
        std::vector<std::pair<std::string, std::string>>* out;
        bool failed = false;
    } walk{m_impl->repo.get(), folder, &out};
    auto visit = [](const char* dir, const git_tree_entry* e, void* payload) -> int {
        auto* w = static_cast<Walk*>(payload);
        if (git_tree_entry_type(e) != GIT_OBJECT_BLOB) return 0;
        Blob blob;
        if (git_blob_lookup(blob.out(), w->repo, git_tree_entry_id(e)) != 0) {
            w->failed = true;
            return -1;
        }
        auto size = static_cast<std::size_t>(git_blob_rawsize(blob.get()));
        w->out->emplace_back(w->folder + "/" + dir + git_tree_entry_name(e),
                             std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())), size));
        return 0;
    };
    if (git_tree_walk(sub.get(), GIT_TREEWALK_PRE, visit, &walk) != 0 || walk.failed)
        return fail("git", last_error("read " + folder));
    return out;
}

Result<std::unordered_map<std::string, std::string>> GitRepository::blob_ids(const std::string& folder) const {
    std::unordered_map<std::string, std::string> out;
    Tree root;
    m_impl->head_tree(root);
    if (!root.get()) return out;
    Tree sub;
    if (auto found = m_impl->subtree(root.get(), folder, sub); !found) return std::unexpected(found.error());
    if (!sub.get()) return out;
    struct Walk {
        std::string folder;
        std::unordered_map<std::string, std::string>* out;
    } walk{folder, &out};
    auto visit = [](const char* dir, const git_tree_entry* e, void* payload) -> int {
        auto* w = static_cast<Walk*>(payload);
        if (git_tree_entry_type(e) == GIT_OBJECT_BLOB)
            w->out->emplace(w->folder + "/" + dir + git_tree_entry_name(e), hex(git_tree_entry_id(e)));
        return 0;
    };
    if (git_tree_walk(sub.get(), GIT_TREEWALK_PRE, visit, &walk) != 0) return fail("git", last_error("list " + folder));
    return out;
}

std::optional<std::string> GitRepository::read(const std::string& commit, const std::string& path) const {
    git_oid id;
    if (git_oid_fromstr(&id, commit.c_str()) != 0) return std::nullopt;
    Commit c;
    if (git_commit_lookup(c.out(), m_impl->repo.get(), &id) != 0) return std::nullopt;
    Tree tree;
    if (git_commit_tree(tree.out(), c.get()) != 0) return std::nullopt;
    Entry entry;
    if (git_tree_entry_bypath(entry.out(), tree.get(), path.c_str()) != 0) return std::nullopt;
    Blob blob;
    if (git_blob_lookup(blob.out(), m_impl->repo.get(), git_tree_entry_id(entry.get())) != 0) return std::nullopt;
    auto size = static_cast<std::size_t>(git_blob_rawsize(blob.get()));
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())), size);
}

std::string GitRepository::blob_id(std::string_view content) {
    ensure_init();
    git_oid id;
    git_odb_hash(&id, content.data(), content.size(), GIT_OBJECT_BLOB);
    return hex(&id);
}

Result<std::vector<CommitInfo>> GitRepository::history() const {
    std::vector<CommitInfo> out;
    Revwalk walk;
    if (git_revwalk_new(walk.out(), m_impl->repo.get()) != 0) return fail("git", last_error("revwalk"));
    git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    git_oid tip;
    if (!m_impl->tip(tip) || git_revwalk_push(walk.get(), &tip) != 0) return out;  // empty repository
    git_oid id;
    while (git_revwalk_next(&id, walk.get()) == 0) {
        Commit c;
        if (git_commit_lookup(c.out(), m_impl->repo.get(), &id) != 0) return fail("git", last_error("commit lookup"));
        out.push_back(
            CommitInfo{hex(&id), git_commit_message(c.get()), static_cast<long long>(git_commit_time(c.get()))});
    }
    return out;
}

}  // namespace toezeg::corpus
