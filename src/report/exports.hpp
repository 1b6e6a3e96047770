#pragma once
// Machine-readable forms of tracked items and documents: JSON, CSV, Atom.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "db/corpus_index.hpp"
#include "track/tracker.hpp"

namespace toezeg::report {

nlohmann::json tracked_to_json(const track::TrackedItem& item, const std::string& as_of);
// CSV as RFC 4180 (commas) or as Dutch Excel opens it by double-click: a UTF-8 byte order
// mark, semicolons, and decimal commas in numbers ("0,85").
enum class CsvDialect { rfc4180, excel_nl };
std::optional<CsvDialect> parse_csv_dialect(std::string_view name);  // "rfc4180", "excel-nl"
std::string csv_field(const std::string& value, CsvDialect dialect = CsvDialect::rfc4180);
std::string csv_start(CsvDialect dialect);  // what precedes the header: "" or the BOM
std::string csv_line(const std::vector<std::string>& cells, CsvDialect dialect);
std::vector<std::string> tracked_csv_header();
std::vector<std::string> tracked_csv_cells(const track::TrackedItem& item, const std::string& as_of);
struct AtomEntry {
    std::string date, id, title, item, summary;
};
// At most this many entries in a feed, the newest.
inline constexpr std::size_t k_feed_entries = 500;
// Atom: an entry per new item and per change of status (an item's own feed: per event),
// with ids that never change; rendered from feed.mustache, compiled once.
class AtomWriter {
public:
    explicit AtomWriter(const std::string& feed_template);
    struct Feed {
        std::string id, title, self, root;  // root: the way from the feed to the site's top folder
        bool every_event = false;           // an item's own feed: every event, not only changes
    };
    std::string render(const std::vector<const track::TrackedItem*>& items, const Feed& feed);
    // The entries `render` takes from one item, each with the ordinal of its event.
    static std::vector<std::pair<int, AtomEntry>> entries_of(const track::TrackedItem& item, bool every_event);
    // A feed of entries taken before: the newest k_feed_entries.
    std::string render_entries(std::vector<AtomEntry> entries, const Feed& feed);
    static Feed site_feed();  // feed.xml
    // Stands for the template's text in a page key.
    const std::string& source_key() const { return m_source_key; }

private:
    kainjow::mustache::mustache m_template;
    std::string m_source_key;
};

std::string document_file(const std::string& id, int version, int latest);  // "kst-32317-987.html"
// An item's object in items.json as it stands there (indented, without the comma).
std::string items_json_piece(const track::TrackedItem& item, const std::string& as_of);
std::string documents_json(const std::vector<db::DocumentRow>& documents);

}  // namespace toezeg::report
