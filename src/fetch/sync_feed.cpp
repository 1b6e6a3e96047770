#include "fetch/sync_feed.hpp"

#include <pugixml.hpp>

#include "core/date.hpp"
#include "util/xml_depth.hpp"
#include "util/xml_encoding.hpp"
#include "util/xml_names.hpp"

namespace toezeg::fetch {

namespace {

using xml::attr_local;
using xml::child_local;
using xml::local;

}  // namespace

std::string skiptoken_of(const std::string& url) {
    auto pos = url.find("skiptoken=");
    if (pos == std::string::npos) return "";
    auto end = url.find('&', pos);
    return url.substr(pos + 10, end == std::string::npos ? std::string::npos : end - pos - 10);
}

Result<FeedPage> parse_feed_page(std::string_view xml, const std::string& source) {
    if (!xml::readable_encoding(xml)) return fail(source, "feed is not valid UTF-8 (and declares no other encoding); refused");
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(xml.data(), xml.size());
    if (!parsed) return fail(source, std::string("feed is not well-formed XML: ") + parsed.description());
    if (xml::depth(doc) > xml::k_max_depth)
        return fail(source, "feed nested deeper than " + std::to_string(xml::k_max_depth) + " levels; refused");
    auto feed = doc.first_child();
    if (local(feed.name()) != "feed") return fail(source, "not an Atom feed (root element is <" + std::string(feed.name()) + ">)");
    FeedPage page;
    for (auto& node : feed.children()) {
        std::string_view name = local(node.name());
        if (name == "link" && std::string_view(node.attribute("rel").value()) == "next") page.next = node.attribute("href").value();
        if (name != "entry") continue;
        auto content = child_local(node, "content");
        for (auto& entity : content.children()) {
            if (local(entity.name()) != "document") continue;  // other entity types are not letters
            FeedDocument d;
            d.id = attr_local(entity, "id");
            d.deleted = attr_local(entity, "verwijderd") == "true";
            d.updated = attr_local(entity, "bijgewerkt");
            d.soort = child_local(entity, "soort").text().get();
            d.number = child_local(entity, "documentNummer").text().get();
            d.title = child_local(entity, "titel").text().get();
            d.subject = child_local(entity, "onderwerp").text().get();
            d.date = iso_date_prefix(child_local(entity, "datum").text().get());
            d.content_type = child_local(entity, "contentType").text().get();
            if (!d.id.empty()) page.documents.push_back(std::move(d));
        }
    }
    return page;
}

}  // namespace toezeg::fetch
