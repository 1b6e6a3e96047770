#pragma once
// Renders report pages from Mustache templates into the output folder: partials inlined
// once, a page skipped when its key says its inputs are unchanged, a file written only
// when its content differs, pages of items and documents that are gone removed.
// Pages may be written from several threads at once.
#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <optional>
#include <set>
#include <string>

#include "core/error.hpp"
#include "report/page_cache.hpp"
#include "report/site.hpp"
#include "report/templates.hpp"

namespace toezeg::report {

namespace mus = kainjow::mustache;

// JSON data as Mustache data: objects, lists, strings, booleans; numbers become strings.
mus::data to_mustache(const nlohmann::json& value);

class PageWriter {
public:
    PageWriter(const ReportOptions& options, std::string week_page);
    // Creates the folders and reads the manifest of the previous run.
    Result<void> start();

    // Renders `tpl` into `relative`, with `root` the way back to the site's top folder.
    Result<void> page(const std::string& relative, const std::string& tpl, mus::data& data, const std::string& root);
    // The same for a page whose inputs `key` stands for (with the template and `root` added
    // here): left as it is, without building its data, when the last run recorded that key;
    // else rendered from what `make` returns.
    Result<void> keyed_page(const std::string& relative, const std::string& tpl, const std::string& root, PageKey key,
                            const std::function<nlohmann::json()>& make);
    // A file (not a template's page) whose inputs `key` stands for: kept when the last run
    // recorded that key, else written with what `make` returns.
    void keyed_file(const std::string& relative, PageKey key, const std::function<std::string()>& make);
    // True (and the page kept) when keyed_page with these arguments would keep it; false
    // when it is to be rendered (by keyed_page).
    Result<bool> keep_keyed_page(const std::string& relative, const std::string& tpl, const std::string& root,
                                 PageKey key);
    // The same for keyed_file.
    bool keep_keyed_file(const std::string& relative, PageKey key);
    // Stands for a template's text (its partials inlined) in a key.
    Result<std::uint64_t> template_key(const std::string& tpl);
    // A piece of a page (e.g. one table row) rendered from `tpl`, for a page to include.
    Result<std::string> fragment(const std::string& tpl, const nlohmann::json& data);
    // The content of a file of the site as it is on disk (a part kept from the last run), if any.
    std::optional<std::string> read(const std::string& relative) const;
    // Writes `content` unless the file already holds exactly that.
    void put(const std::string& relative, const std::string& content);
    Result<std::string> asset(const std::string& name) const { return m_templates.get(name); }

    // Removes the pages of items, documents and follow pages the last run wrote and this one
    // did not (from the manifest; a folder is listed only when there is none), and saves the manifest.
    Result<ReportStats> finish();

private:
    struct Compiled {
        std::unique_ptr<mus::mustache> tmpl;
        std::uint64_t source_key = 0;  // of the template's text with its partials inlined
    };
    Result<Compiled*> compiled(const std::string& name);
    // `data` rendered by template `tpl`, with the site-wide values when `root` is given.
    Result<std::string> render(const std::string& tpl, mus::data& data, const std::string* root);
    void write_content(const std::string& relative, const std::string& content, std::optional<std::uint64_t> key);
    // True (and counted as reused) when the last run recorded `key` for `relative` and the file is as it left it.
    bool reuse(const std::string& relative, std::uint64_t key);

    const ReportOptions& m_opt;
    Templates m_templates;
    std::mutex m_mutex;  // guards what follows: compiled templates, cache records, written files, stats
    // Compiled per thread: rendering changes a template's error state.
    std::map<std::pair<std::thread::id, std::string>, Compiled> m_compiled;
    std::optional<PageCache> m_cache;
    std::set<std::string> m_written;
    ReportStats m_stats;
};

}  // namespace toezeg::report
