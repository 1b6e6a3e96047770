#include "ingest/pdf_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

namespace toezeg::ingest {

namespace {
void quiet(const std::string&, void*) {}
}  // namespace

Result<std::string> pdf_text(std::string_view bytes, const std::string& source) {
    poppler::set_debug_error_function(quiet, nullptr);
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return fail(source, "not a readable PDF (damaged or not a PDF)");
    if (doc->is_locked()) return fail(source, "the PDF is encrypted; cannot read its text");
    std::string text;
    std::size_t letters = 0;
    for (int i = 0; i < doc->pages(); ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        auto utf8 = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
        if (i > 0) text.push_back('\f');
        text.append(utf8.data(), utf8.size());
        for (char c : utf8) letters += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (letters < 20)
        return fail(source, "the PDF has no text layer (" + std::to_string(doc->pages()) +
                                " page(s), a scan?); run OCR first, toezeg does not guess text");
    return text;
}

}  // namespace toezeg::ingest
