#include "report/page_writer.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>

#include "report/format.hpp"
#include "util/files.hpp"

namespace toezeg::report {

namespace fs = std::filesystem;
using nlohmann::json;

mus::data to_mustache(const json& value) {
    switch (value.type()) {
        case json::value_t::object: {
            mus::data out;
            for (auto& [key, v] : value.items()) out.set(key, to_mustache(v));
            return out;
        }
        case json::value_t::array: {
            mus::data out{mus::data::type::list};
            for (auto& v : value) out.push_back(to_mustache(v));
            return out;
        }
        case json::value_t::string: return mus::data(value.get_ref<const std::string&>());
        case json::value_t::boolean: return mus::data(value.get<bool>());
        case json::value_t::null: return mus::data(false);
        default: return mus::data(value.dump());
    }
}

namespace {

// The folders of pages that come and go with items, documents, follow pages and lists.
const std::vector<std::string> k_page_folders = {"items",   "docs",  "kamerlid", "bewindspersoon",
                                                 "dossier", "lijst", "zoek"};

// The partials every page template uses, inlined as text before compiling: kainjow
// parses a partial again on every use, which dominated rendering thousands of pages.
const char* const k_partials[] = {"head", "foot", "item_table_overdue", "unregistered_table"};

std::string inline_partials(std::string text, const Templates& templates) {
    for (auto name : k_partials) {
        std::string tag = std::string("{{>") + name + "}}";
        auto body = templates.get(std::string(name) + ".mustache");
        if (!body) continue;  // reported when a template using it renders
        for (std::size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + body->size())) {
            std::size_t len = tag.size();
            // A tag alone on its line replaces the line, as Mustache's standalone rule says.
            bool line_start = at == 0 || text[at - 1] == '\n';
            if (line_start && at + len < text.size() && text[at + len] == '\n') ++len;
            text.replace(at, len, *body);
        }
    }
    return text;
}

}  // namespace

PageWriter::PageWriter(const ReportOptions& options, std::string week_page) : m_opt(options), m_templates(options.templates_dir) {
    m_stats.week_page = std::move(week_page);
}

Result<void> PageWriter::start() {
    std::error_code ec;
    fs::create_directories(m_opt.out_dir, ec);
    for (auto& sub : k_page_folders) fs::create_directories(m_opt.out_dir / sub, ec);
    if (ec) return fail(m_opt.out_dir.string(), "cannot create the report folder: " + ec.message());
    std::string stamp = binary_stamp();
    // Without a stamp of the binary nothing can be trusted from an earlier run. (The
    // templates are in each page's key.)
    if (stamp.empty()) stamp = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
    // Not --as-of: a page kept from an earlier run is as true on a later date (what the date
    // changes in an item is in its pieces_key, which every page showing it has in its key).
    auto generation = PageKey().add(TOEZEG_VERSION).add(stamp).value();
    m_cache = PageCache::load(m_opt.out_dir, generation, k_page_folders);
    return {};
}

Result<PageWriter::Compiled*> PageWriter::compiled(const std::string& name) {
    std::lock_guard lock(m_mutex);
    auto& slot = m_compiled[{std::this_thread::get_id(), name}];
    if (!slot.tmpl) {
        auto text = m_templates.get(name);
        if (!text) return std::unexpected(text.error());
        std::string source = inline_partials(*text, m_templates);
        slot.source_key = PageKey().add(source).value();
        slot.tmpl = std::make_unique<mus::mustache>(source);
        if (!slot.tmpl->is_valid()) return fail("template " + name, slot.tmpl->error_message());
    }
    return &slot;
}

Result<std::string> PageWriter::render(const std::string& tpl, mus::data& data, const std::string* root) {
    auto c = compiled(tpl);
    if (!c) return std::unexpected(c.error());
    if (root) {
        data.set("root", *root);
        data.set("as_of", date_label(m_opt.as_of));
        data.set("generated_on", date_label(m_opt.as_of));
    }
    std::string html = (*c)->tmpl->render(data);
    if (!(*c)->tmpl->is_valid()) return fail("template " + tpl, (*c)->tmpl->error_message());
    return html;
}

Result<void> PageWriter::page(const std::string& relative, const std::string& tpl, mus::data& data, const std::string& root) {
    auto html = render(tpl, data, &root);
    if (!html) return std::unexpected(html.error());
    write_content(relative, *html, std::nullopt);
    return {};
}

Result<void> PageWriter::keyed_page(const std::string& relative, const std::string& tpl, const std::string& root, PageKey key,
                                    const std::function<json()>& make) {
    auto c = compiled(tpl);
    if (!c) return std::unexpected(c.error());
    std::uint64_t value = key.add(text::hex((*c)->source_key)).add(root).value();
    if (reuse(relative, value)) return {};
    mus::data d = to_mustache(make());
    d.set("kept", true);  // its footer says it is made again only when it changes
    auto html = render(tpl, d, &root);
    if (!html) return std::unexpected(html.error());
    write_content(relative, *html, value);
    return {};
}

void PageWriter::keyed_file(const std::string& relative, PageKey key, const std::function<std::string()>& make) {
    std::uint64_t value = key.add("file").value();
    if (!reuse(relative, value)) write_content(relative, make(), value);
}

Result<bool> PageWriter::keep_keyed_page(const std::string& relative, const std::string& tpl, const std::string& root,
                                         PageKey key) {
    auto c = compiled(tpl);
    if (!c) return std::unexpected(c.error());
    return reuse(relative, key.add(text::hex((*c)->source_key)).add(root).value());
}

bool PageWriter::keep_keyed_file(const std::string& relative, PageKey key) {
    return reuse(relative, key.add("file").value());
}

Result<std::uint64_t> PageWriter::template_key(const std::string& tpl) {
    auto c = compiled(tpl);
    if (!c) return std::unexpected(c.error());
    return (*c)->source_key;
}

bool PageWriter::reuse(const std::string& relative, std::uint64_t key) {
    auto size = m_cache->fresh(relative, key);
    if (!size) return false;
    std::lock_guard lock(m_mutex);
    m_written.insert(relative);
    m_cache->record(relative, key, *size);
    ++m_stats.unchanged;
    ++m_stats.reused;
    return true;
}

Result<std::string> PageWriter::fragment(const std::string& tpl, const json& data) {
    mus::data d = to_mustache(data);
    return render(tpl, d, nullptr);
}

std::optional<std::string> PageWriter::read(const std::string& relative) const {
    auto text = files::read(m_opt.out_dir / relative, std::size_t{1} << 30);
    return text ? std::optional<std::string>(std::move(*text)) : std::nullopt;
}

void PageWriter::put(const std::string& relative, const std::string& content) { write_content(relative, content, std::nullopt); }

void PageWriter::write_content(const std::string& relative, const std::string& content, std::optional<std::uint64_t> key) {
    fs::path path = m_opt.out_dir / relative;
    {
        std::lock_guard lock(m_mutex);
        m_written.insert(relative);
        m_cache->record(relative, key.value_or(0), content.size());  // 0: written, never kept unrendered
    }
    std::error_code ec;
    if (fs::file_size(path, ec) == content.size() && !ec) {
        std::ifstream in(path, std::ios::binary);
        std::string old(content.size(), '\0');
        if (in.read(old.data(), static_cast<std::streamsize>(old.size())) && old == content) {
            std::lock_guard lock(m_mutex);
            ++m_stats.unchanged;
            return;
        }
    }
    // An existing page is replaced atomically, so a reader never sees half of it; a new
    // one is written in place (half a new page after a crash is not in the manifest and
    // is rendered again by the next run).
    auto ok = ec ? files::write(path, content) : files::write_atomic(path, content);
    if (!ok) throw std::runtime_error(ok.error().describe());
    std::lock_guard lock(m_mutex);
    ++m_stats.written;
}

Result<ReportStats> PageWriter::finish() {
    // Pages of items, documents, Kamerleden, bewindspersonen and dossiers no longer there, and their feeds.
    const auto& folders = k_page_folders;
    if (m_cache->known()) {
        for (auto& path : m_cache->dropped()) {
            auto slash = path.find('/');
            if (slash == std::string::npos ||
                std::find(folders.begin(), folders.end(), path.substr(0, slash)) == folders.end())
                continue;  // earlier weeks' reports stay
            std::error_code ec;
            m_stats.removed += fs::remove(m_opt.out_dir / path, ec) ? 1 : 0;
        }
    } else {
        for (const std::string& sub : folders)
            for (std::string ext : {".html", ".xml", ".js"})
                m_stats.removed += files::remove_others(m_opt.out_dir / sub, ext, sub + "/", m_written);
    }
    if (auto saved = m_cache->save(); !saved) return std::unexpected(saved.error());
    return m_stats;
}

}  // namespace toezeg::report
