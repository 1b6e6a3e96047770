#include "ingest/read_document.hpp"

#include "core/date.hpp"
#include "ingest/citations.hpp"
#include "ingest/decode.hpp"
#include "ingest/identity.hpp"
#include "ingest/layout.hpp"
#include "ingest/metadata.hpp"

namespace toezeg::ingest {

Result<Document> read_text_document(std::string_view bytes, const std::string& source, const ReadOptions& options) {
    auto decoded = decode_text(bytes, source);
    if (!decoded) return std::unexpected(decoded.error());
    NormalisedText norm = normalise_layout(decoded->text);
    if (norm.body_end == 0 || norm.text.find_first_not_of(" \n") == std::string::npos)
        return fail(source, "no text left after removing page furniture");

    Document doc;
    doc.source = source;
    doc.text = std::move(norm.text);
    doc.body_end = norm.body_end;
    doc.footnotes = std::move(norm.footnotes);
    doc.warnings = std::move(decoded->warnings);
    doc.warnings.insert(doc.warnings.end(), norm.warnings.begin(), norm.warnings.end());
    doc.meta = parse_metadata(doc.text, doc.body_end);
    if (!options.date.empty()) {
        if (!Date::parse_iso(options.date)) return fail(options.date, "--date must be a date as YYYY-MM-DD");
        doc.meta.date = options.date;
    }
    doc.citations = find_citations(doc.text, doc.body_end, doc.footnotes);
    auto id = validate_document_id(options.id.empty() ? derive_document_id(doc.meta, doc.text) : options.id);
    if (!id) return std::unexpected(id.error());
    doc.id = *id;
    return doc;
}

}  // namespace toezeg::ingest
