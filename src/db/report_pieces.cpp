#include "db/report_pieces.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace toezeg::db {

namespace {

// Column names cannot be bound: only these are ever put into a query, each with the table
// that holds it ("p.row_html", "x.csv").
std::string qualified_column(std::string_view column) {
    static constexpr std::array<std::string_view, 6> k_pieces = {"event_docs", "row_html",    "group_row_html",
                                                                 "review_html", "found",      "row_json"};
    static constexpr std::array<std::string_view, 3> k_exports = {"export_json", "csv", "search"};
    for (auto c : k_pieces)
        if (c == column) return "p." + std::string(c);
    for (auto c : k_exports)
        if (c == column) return "x." + std::string(c);
    throw std::logic_error("report_pieces has no column " + std::string(column));
}

constexpr const char* k_entry_columns = "e.item_id, e.ordinal, e.date, e.entry_id, e.title, e.summary, e.change";

ReportEntry read_entry(Statement& st) {
    return ReportEntry{st.text(0), static_cast<int>(st.integer(1)), st.text(2), st.text(3), st.text(4), st.text(5),
                       st.text(6)};
}

}  // namespace

void save_report_pieces(Database& db, const std::string& id, const std::string& key, const std::string& generation,
                        const ReportPieces& p) {
    auto st = db.prepare(
        "INSERT OR REPLACE INTO report_pieces(id, row_hash, generation, event_docs, row_html, group_row_html, "
        "review_html, found, row_json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    st.bind(1, id).bind(2, key).bind(3, generation).bind(4, p.event_docs).bind(5, p.row_html);
    st.bind(6, p.group_row_html).bind(7, p.review_html).bind(8, p.found).bind(9, p.row_json);
    st.run();
    if (p.unregistered.empty())
        db.prepare("DELETE FROM report_unregistered WHERE id = ?1").bind(1, id).run();
    else
        db.prepare("INSERT OR REPLACE INTO report_unregistered(id, row) VALUES (?1, ?2)").bind(1, id).bind(2, p.unregistered).run();
    db.prepare("INSERT OR REPLACE INTO report_exports(id, export_json, csv, search) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, id)
        .bind(2, p.export_json)
        .bind(3, p.csv)
        .bind(4, p.search)
        .run();
    db.prepare("DELETE FROM report_entries WHERE item_id = ?1").bind(1, id).run();
    auto entry = db.prepare(
        "INSERT INTO report_entries(item_id, ordinal, date, entry_id, title, summary, change) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (auto& e : p.entries) {
        entry.bind(1, id).bind(2, e.ordinal).bind(3, e.date).bind(4, e.entry_id).bind(5, e.title).bind(6, e.summary);
        entry.bind(7, e.change).run();
    }
}

void drop_gone_report_pieces(Database& db, std::size_t items) {
    // Each of the `items` has its pieces (save_report_pieces writes its rows of every table), and
    // a gone item's rows leave every table at once, here. So when report_pieces and
    // report_exports hold one row per item and no more, and report_entries no more items, no
    // table holds a gone item's rows: the scans below (0.8 s at 76,000 items) are spared.
    auto count = [&](const char* sql) {
        auto st = db.prepare(sql);
        return st.step() ? static_cast<std::size_t>(st.integer(0)) : items + 1;
    };
    if (count("SELECT count(*) FROM report_pieces") == items && count("SELECT count(*) FROM report_exports") == items &&
        count("SELECT count(DISTINCT item_id) FROM report_entries") <= items)
        return;
    db.prepare("DELETE FROM report_pieces WHERE id NOT IN (SELECT id FROM tracked_items)").run();
    db.prepare("DELETE FROM report_exports WHERE id NOT IN (SELECT id FROM tracked_items)").run();
    db.prepare("DELETE FROM report_unregistered WHERE id NOT IN (SELECT id FROM tracked_items)").run();
    db.prepare("DELETE FROM report_entries WHERE item_id NOT IN (SELECT id FROM tracked_items)").run();
}

void for_each_unregistered_row(Database& db,
                               const std::function<void(std::string_view, std::string_view, std::string_view)>& emit) {
    auto st = db.prepare(
        "SELECT t.id, t.first_date, u.row FROM report_unregistered u JOIN tracked_items t ON t.id = u.id "
        "ORDER BY t.first_date, t.id");
    while (st.step()) emit(st.text(0), st.text(1), st.text(2));
}

std::vector<ItemFacts> load_item_facts(Database& db) {
    auto st = db.prepare(
        "SELECT t.id, t.row_hash, t.kind, t.status, t.due, t.made_on, t.first_date, t.last_date, t.actor, t.dossier, "
        "t.review, t.members, t.confidence, t.possible_matches <> '[]', p.row_html, p.event_docs, p.row_hash, p.generation "
        "FROM tracked_items t LEFT JOIN report_pieces p ON p.id = t.id ORDER BY t.first_date, t.id");
    std::vector<ItemFacts> out;
    while (st.step()) {
        ItemFacts f;
        f.id = st.text(0);
        f.row_hash = st.text(1);
        f.kind = parse_kind(st.text(2)).value_or(Kind::commitment);
        f.status = parse_status(st.text(3)).value_or(Status::open);
        f.due = st.text(4);
        f.made_on = st.text(5);
        f.first_date = st.text(6);
        f.last_date = st.text(7);
        f.actor = st.text(8);
        f.dossier = st.text(9);
        f.review = st.text(10);
        f.members = nlohmann::json::parse(st.text(11)).get<std::vector<std::string>>();
        f.confidence = st.real(12);
        f.has_possible = st.integer(13) != 0;
        f.row_html = st.text(14);
        f.event_docs = st.text(15);
        f.pieces_key = st.text(16);
        f.pieces_generation = st.text(17);
        out.push_back(std::move(f));
    }
    return out;
}

std::string report_piece(Database& db, std::string_view column, const std::string& id) {
    std::string qualified = qualified_column(column);
    auto st = db.prepare("SELECT " + qualified + " FROM " +
                         (qualified[0] == 'p' ? "report_pieces p" : "report_exports x") + " WHERE id = ?1");
    st.bind(1, id);
    return st.step() ? st.text(0) : std::string();
}

std::string report_pieces_joined(Database& db, std::string_view column, const std::vector<std::string>& ids) {
    std::string qualified = qualified_column(column);
    auto st = db.prepare("SELECT " + qualified + " FROM json_each(?1) j JOIN " +
                         (qualified[0] == 'p' ? "report_pieces p ON p.id" : "report_exports x ON x.id") +
                         " = j.value ORDER BY j.key");
    st.bind(1, nlohmann::json(ids).dump());
    std::string out;
    while (st.step()) out += st.text(0);
    return out;
}

std::vector<ReportEntry> latest_report_entries_of(Database& db, const std::vector<std::string>& item_ids, int limit) {
    auto st = db.prepare(std::string("SELECT ") + k_entry_columns +
                         " FROM json_each(?1) j JOIN report_entries e ON e.item_id = j.value"
                         " ORDER BY e.date DESC, e.entry_id LIMIT ?2");
    st.bind(1, nlohmann::json(item_ids).dump());
    st.bind(2, limit);
    std::vector<ReportEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

void for_each_report_pieces(Database& db, const std::vector<std::string_view>& columns,
                            const std::function<void(std::string_view, const std::vector<std::string_view>&)>& emit) {
    std::string select = "SELECT t.id";
    bool in_pieces = false, in_exports = false;
    for (auto c : columns) {
        std::string qualified = qualified_column(c);
        (qualified[0] == 'p' ? in_pieces : in_exports) = true;
        select += ", " + qualified;
    }
    select += " FROM tracked_items t";
    if (in_pieces) select += " JOIN report_pieces p ON p.id = t.id";
    if (in_exports) select += " JOIN report_exports x ON x.id = t.id";
    auto st = db.prepare(select + " ORDER BY t.first_date, t.id");
    std::vector<std::string_view> pieces(columns.size());  // SQLite's own bytes of the row, not copied
    while (st.step()) {
        for (std::size_t k = 0; k < columns.size(); ++k) pieces[k] = st.view(static_cast<int>(k + 1));
        emit(st.view(0), pieces);
    }
}

std::vector<ReportEntry> latest_report_entries(Database& db, int limit) {
    auto st = db.prepare(std::string("SELECT ") + k_entry_columns +
                         " FROM report_entries e ORDER BY e.date DESC, e.entry_id LIMIT ?1");
    st.bind(1, limit);
    std::vector<ReportEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

std::vector<ReportEntry> report_entries_of(Database& db, const std::string& item_id) {
    auto st = db.prepare(std::string("SELECT ") + k_entry_columns +
                         " FROM report_entries e WHERE e.item_id = ?1 ORDER BY e.ordinal");
    st.bind(1, item_id);
    std::vector<ReportEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

std::vector<ReportEntry> report_changes_between(Database& db, const std::string& from, const std::string& to) {
    auto st =
        db.prepare(std::string("SELECT ") + k_entry_columns +
                   " FROM report_entries e JOIN tracked_items t ON t.id = e.item_id"
                   " WHERE e.change <> '' AND e.date >= ?1 AND e.date <= ?2 ORDER BY t.first_date, t.id, e.ordinal");
    st.bind(1, from).bind(2, to);
    std::vector<ReportEntry> out;
    while (st.step()) out.push_back(read_entry(st));
    return out;
}

}  // namespace toezeg::db
