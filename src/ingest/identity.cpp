#include "ingest/identity.hpp"

#include "ingest/citations.hpp"
#include "util/text.hpp"

namespace toezeg::ingest {

namespace {
// "brief-2025-11-03-tk-<slug>" for a dated letter without a Kamerstuk number.
std::string dated_letter_id(const Metadata& meta, const std::string& slug) {
    std::string kamer = meta.addressee == "Eerste Kamer" ? "ek" : meta.addressee == "Tweede Kamer" ? "tk" : "x";
    std::string id = "brief-" + meta.date + "-" + kamer;
    if (!slug.empty()) id += "-" + slug;
    return id;
}
}  // namespace

std::string derive_document_id(const Metadata& meta, std::string_view normalised_text) {
    if (!meta.dossier.empty() && !meta.number.empty()) {
        std::string dossier = meta.dossier, sub;
        if (auto dash = dossier.find('-'); dash != std::string::npos) {
            sub = dossier.substr(dash + 1);
            dossier.resize(dash);
        } else if (auto sp = dossier.find(' ', 3); sp != std::string::npos) {
            sub = dossier.substr(sp + 1);
            dossier.resize(sp);
        }
        KamerstukRef ref;
        ref.dossier = dossier;
        ref.sub = sub;
        ref.number = meta.number;
        return ref.id();
    }
    if (!meta.date.empty()) return dated_letter_id(meta, text::slug(meta.title, 40));
    return "doc-" + text::hex(text::fnv1a(normalised_text)).substr(0, 12);
}

std::optional<std::string> legacy_document_id(const Metadata& meta) {
    if ((!meta.dossier.empty() && !meta.number.empty()) || meta.date.empty()) return std::nullopt;
    std::string old = dated_letter_id(meta, text::legacy_slug(meta.title, 40));
    if (old == dated_letter_id(meta, text::slug(meta.title, 40))) return std::nullopt;
    return old;
}

Result<std::string> validate_document_id(std::string_view id) {
    if (id.empty()) return fail("", "document id is empty");
    if (id.size() > 120) return fail(std::string(id), "document id is longer than 120 characters");
    if (id[0] == '.' || id[0] == '-') return fail(std::string(id), "document id may not start with '.' or '-'");
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_' || c == '.';
        if (!ok)
            return fail(std::string(id),
                        "document id may only hold letters, digits, '-', '_' and '.' (it names a folder in the store)");
    }
    if (id.find("..") != std::string_view::npos) return fail(std::string(id), "document id may not contain '..'");
    return std::string(id);
}

}  // namespace toezeg::ingest
