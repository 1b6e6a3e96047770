// The report's search without a server: every item and document as a prebuilt index in a script.
#include "report/search_index.hpp"

#include <nlohmann/json.hpp>

#include "report/format.hpp"
#include "report/site_data.hpp"
#include "util/text.hpp"

namespace toezeg::report {

std::string search_index_script(const SiteData& site) {
    nlohmann::json all = nlohmann::json::array();
    for (auto& t : site.items) {
        std::string text = text::join(t.members, ", ") + " " + t.actor + " " + t.ref + " " + t.id;
        for (auto& e : t.events)
            if (!e.evidence.empty() && text.size() < k_search_text_bytes) text += " " + e.evidence;
        all.push_back({{"type", kind_label(t.kind)},
                       {"id", t.id},
                       {"title", item_summary(t)},
                       {"text", text::shorten(text, k_search_text_bytes)},
                       {"page", "items/" + t.id + ".html"}});
    }
    for (auto& d : site.documents)
        all.push_back({{"type", "Document"},
                       {"id", d.id},
                       {"title", d.title.empty() ? d.id : d.title},
                       {"text", d.id + " " + d.dossier + (d.number.empty() ? "" : ", nr. " + d.number) + " " +
                                    date_label(d.date)},
                       {"page", "docs/" + d.id + ".html"}});
    // JSON is JavaScript; "</" is written "<\/" so the text can never end a script element.
    std::string json = all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string out = "window.toezegSearchIndex = ";
    out.reserve(json.size() + 40);
    for (std::size_t i = 0; i < json.size(); ++i) {
        out += json[i];
        if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
    }
    return out + ";\n";
}

}  // namespace toezeg::report
