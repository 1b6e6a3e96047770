#pragma once
// A letter after ingest: normalised text, footnotes, metadata and citations.
#include <cstddef>
#include <string>
#include <vector>

namespace toezeg {

// Byte offsets [begin, end) into a document's normalised UTF-8 text.
struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t size() const { return end - begin; }
    bool operator==(const Span&) const = default;
};

// A footnote, with the marker in the body that points to it.
struct Footnote {
    int number = 0;
    Span marker;  // the digits in the body; empty when no marker was found
    Span text;    // the footnote's text, without its number
};

// A Kamerstuk reference found in the text, in canonical form ("32 317, nr. 994").
struct Citation {
    std::string ref;
    Span span;
    int footnote = 0;  // number of the footnote it stands in, 0 for the body
};

struct Signer {
    std::string role;  // "minister van Asiel en Migratie"
    std::string name;  // "Bart van den Brink"
};

// What the letter says about itself. Empty strings mean "not in the text".
struct Metadata {
    std::string dossier;        // "32 317"
    std::string dossier_title;  // "JBZ-Raad"
    std::string number;         // ondernummer, "987"
    std::string date;           // letter date, ISO
    std::string addressee;      // "Tweede Kamer" or "Eerste Kamer"
    std::string sender;         // "de ministers van Justitie en Veiligheid en ..."
    std::vector<Signer> signers;
    std::string subject;        // "Betreft ..."
    std::string meeting;        // "JBZ-Raad van 5 en 6 maart 2026"
    std::string title;          // display title derived from the above
    std::string doc_type;       // "motie" for a motion's own document, "brief", or ""
    std::vector<std::string> submitters;  // a motion's submitters, as its document lists them
};

// The result of normalising a letter's raw text.
struct NormalisedText {
    std::string text;           // body paragraphs, then the footnote block
    std::size_t body_end = 0;   // offset where the footnote block starts
    std::vector<Footnote> footnotes;
    std::vector<std::string> warnings;
};

struct Document {
    std::string id;        // "kst-32317-987"
    int version = 0;       // 1-based
    std::string source;    // path as given at ingest
    std::string text;      // normalised text
    std::size_t body_end = 0;
    std::vector<Footnote> footnotes;
    Metadata meta;
    std::vector<Citation> citations;
    std::vector<std::string> warnings;
    std::string format;  // "text", "pdf" or "xml": what the original was

    std::string_view slice(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
};

}  // namespace toezeg
