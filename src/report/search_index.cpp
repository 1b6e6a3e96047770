// The report's search without a server: every item and document as a prebuilt index in a script.
#include "report/search_index.hpp"

#include <nlohmann/json.hpp>

#include "report/format.hpp"

namespace toezeg::report {

std::string script_safe(const std::string& json_text) {
    // JSON is JavaScript; "</" is written "<\/" so the text can never end a script element.
    std::string out;
    out.reserve(json_text.size() + 8);
    for (std::size_t i = 0; i < json_text.size(); ++i) {
        out += json_text[i];
        if (json_text[i] == '<' && i + 1 < json_text.size() && json_text[i + 1] == '/') out += '\\';
    }
    return out;
}

std::string search_index_script(std::string_view item_entries, const std::vector<db::DocumentRow>& documents) {
    std::string out = "window.toezegSearchIndex = [";
    out += item_entries;
    bool first = item_entries.empty();
    auto add = [&](std::string_view entry) {
        if (!first) out += ',';
        first = false;
        out += entry;
    };
    for (auto& d : documents) {
        nlohmann::json entry{
            {"type", "Document"},
            {"id", d.id},
            {"title", d.title.empty() ? d.id : d.title},
            {"text", d.id + " " + d.dossier + (d.number.empty() ? "" : ", nr. " + d.number) + " " + date_label(d.date)},
            {"page", "docs/" + d.id + ".html"}};
        add(script_safe(entry.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
    }
    return out + "];\n";
}

}  // namespace toezeg::report
