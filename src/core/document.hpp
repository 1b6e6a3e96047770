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
// What the Tweede Kamer's own data (a SyncFeed entry, an OData Document record) say about a
// document; it beats what the text parser guesses. Empty fields are unknown.
struct OfficialIdentity {
    std::string guid;            // the Gegevensmagazijn Id of the Document
    std::string number;          // DocumentNummer (v5: Nummer), "2025D20508"
    std::string soort;           // "Brief regering", "Motie"
    std::string title;           // Titel: the dossier's title, "JBZ-Raad"
    std::string subject;         // Onderwerp
    std::string date;            // Datum, ISO
    std::string kamer;           // Kamer ("2": the Tweede Kamer)
    std::string dossier;         // Kamerstukdossier Nummer with its Toevoeging, "36410-VIII"
    std::string ondernummer;     // Volgnummer (v5: Ondernummer), "58"
    std::string ministry;        // from DocumentActor's Functie, "Justitie en Veiligheid"
    std::string bewindspersoon;  // DocumentActor's ActorNaam, "D. Yesilgöz-Zegerius"
    std::string publication;     // "kst-36410-VIII-58" (HuidigeDocumentVersie.ExterneIdentifier, or dossier and nr)
    std::string address;         // the official publication's address
    bool empty() const { return guid.empty() && number.empty() && publication.empty(); }
};

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
    OfficialIdentity official;            // what the Kamer's data say, when the document came from them
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
