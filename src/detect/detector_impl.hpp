#pragma once
// The detector's working state for one letter, shared by the files that implement it:
// detector.cpp (the sentence loop and the drafts), detector_commitments.cpp,
// detector_motions.cpp, detector_overviews.cpp (an annex's rows and sections) and
// detector_finish.cpp (an item's fields from its draft). Internal to detect/; pure.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/item.hpp"
#include "detect/dates.hpp"
#include "detect/rules.hpp"
#include "detect/sentences.hpp"

namespace toezeg::detect {

constexpr std::size_t k_max_evidence = 600;
constexpr std::size_t k_anaphor_reach = 4;  // sentences a back-reference may reach

struct Draft {
    Item item;
    std::vector<std::size_t> sentences;  // evidence sentences, first is the primary one
    bool earlier = false;                // a commitment made before this letter
    std::size_t last_sentence = 0;
    std::vector<std::string> key_members;  // motions: submitters as merge key
    std::vector<std::string> own_members;  // commitments: the Kamerleden of its own phrase, when one
                                           // sentence lists several commitments
    bool status_stated = false;            // the status comes from words of this letter, not a rule's default
    std::optional<std::size_t> dated_by;   // the sentence that dates it, when not its own (a list's lead-in)
    bool row = false;                      // a motion read from an overview's row: its row gave its state
};

bool is_all_caps(std::string_view s);
// A motion whose state no words of the letter gave: only named, or only its own request quoted.
bool state_unstated(const Item& it);
int status_rank(Status s);

struct Mention {
    std::size_t begin = 0, end = 0;  // offsets in the document
    int count = 1;
    bool plural = false;
    std::vector<std::string> members;
    std::vector<std::string> refs;
};

struct MotionStatus {
    Status status;
    std::string rule;
    bool weak = false;  // k_weak: only where no other words gave a state
};

class Detector {
public:
    Detector(const Document& doc, const RuleSet& rules);

    std::vector<Item> run();

private:
    // Sentence i as the rules read it: footnote markers blanked, so that "vastgesteld1." and
    // "De Kort1het kabinet" read as words ("vastgesteld", "De Kort").
    std::string_view sentence(std::size_t i) const;

    static std::string without_markers(const Document& doc);

    std::size_t touch_count() const;

    // The drafts (by index, in order) whose last sentence lies at most `reach` (<= the window,
    // k_anaphor_reach) sentences before sentence i: what a back-reference can reach. Kept as a
    // short list so that no sentence of a long letter scans every draft; i never decreases.
    std::vector<std::size_t> recent(std::size_t i, std::size_t reach) const;

    // Sentence i joins draft d (once; sentences arrive in order, so the check is cheap).
    void attach(Draft& d, std::size_t i);

    const CompiledRule* first_match(RuleRole role, std::string_view s) const;

    bool matches(const char* id, std::string_view s) const;

    // ---- commitments ---------------------------------------------------------------------

    bool promiser_is_government(const CompiledRule& rule, std::string_view s) const;
    bool announces_deliverable(const CompiledRule& rule, std::string_view s) const;

    bool has_own_content(std::string_view s) const;

    Status earlier_status(const CompiledRule& rule, std::string_view s, std::string& decided_by) const;

    Draft* recent_earlier_commitment(std::size_t i);

    // "... heb ik toegezegd de planning te delen. Met deze brief geef ik invulling aan de
    // toezegging aan lid Kostić.": the next sentence names the same act by a definite "de
    // toezegging" and adds its Kamerlid or status, it is no second commitment.
    Draft* restated_commitment(std::size_t i, std::string_view s);

    // The earlier commitment a new promise continues: "... heb ik toegezegd X te onderzoeken.
    // Het onderzoek loopt nog; de uitkomsten stuur ik uw Kamer in het voorjaar."
    // Also further on in the same section (no heading between), when no other commitment came
    // between and the earlier one's status was only its rule's default, not words of this
    // letter: "... heeft toegezegd uw Kamer nader te informeren. [the state of affairs] De
    // minister verwacht uw Kamer in het eerste kwartaal nader te kunnen informeren."
    Draft* continued_commitment(std::size_t i, std::string_view s);

    bool addresses_parliament(std::string_view s) const;

    // The government named as such, not as the letter's "ik" or "wij".
    bool government_named(std::string_view s) const;

    // The answer that was due comes later: sentence i or one of the three before says so.
    bool after_delay_notice(std::size_t i) const;

    bool government_acts(std::string_view s) const;

    // A later document or moment the act is tied to: "in het verslag van deze Raad", "in de
    // volgende voortgangsbrief", "zodra het rapport verschijnt", "na afloop van de Raad".
    bool names_future_occasion(std::string_view s) const;
    Draft* moved_announcement(const CompiledRule& rule, Status status, std::size_t i, std::string_view s);

    bool first_person_acts(std::string_view s) const;

    bool is_new_commitment(const CompiledRule& rule, std::size_t i, std::string_view s) const;

    void detect_commitment(std::size_t i, std::string_view s);

    // "Het gaat om de toezegging aan de heer Slootweg om ..., de toezegging aan lid Van
    // Weyenberg om ... en de toezegging aan lid Alkaya om ...": one commitment per phrase,
    // each with its own Kamerlid; m_drafts[target] takes the first.
    void split_enumerated(std::size_t target, std::size_t i, std::string_view s);

    // "Tijdens deze vergadering zijn enkele toezeggingen gedaan. In deze brief ga ik in op de
    // volgende terreinen: • ... • ...": one commitment per listed item, with the lead-in's
    // status and date, instead of one for the lead-in.
    void expand_announced_lists();

    void add_commitment(std::size_t i, Status status, const std::string& rule, bool earlier);

    // ---- motions -------------------------------------------------------------------------

    std::vector<Mention> find_mentions(std::size_t i) const;

    std::optional<MotionStatus> motion_status(std::string_view s) const;

    // Indices, not pointers: m_drafts grows while a sentence's mentions are processed.
    // Only the motions with one of the mention's refs or its members are looked at (an index
    // of them, not every draft: a letter naming thousands of motions stays linear).
    std::vector<std::size_t> group_for(const Mention& m) const;

    void set_motion_ref(std::size_t k, const std::string& ref);

    void detect_motions(std::size_t i, std::string_view s);

    // A row of an overview that starts with its motion ("De motie van het lid Krol; Verzoekt de
    // regering ..." then cells "Kamerstukken II 2019/20, 35300 VII, nr. 34" and "Afgedaan. ..."):
    // the sentences up to the next row or heading.
    std::optional<std::size_t> overview_row_end(std::size_t i, const Mention& m) const;

    // The state an overview's row gives its motion: a cell that opens with it ("Afgedaan."),
    // else the heading of its section ("aanvaarde moties die zijn afgerond").
    std::optional<std::pair<Status, std::string>> row_state(std::size_t first, std::size_t last) const;

    // The Kamerstuk of an overview's row after its motion: a citation, or the Vindplaats cell's
    // "34477, nr. 47" / "35925 VII nr. 165", written as "34 477, nr. 47".
    std::string overview_row_ref(std::size_t mention_end, std::size_t last) const;

    bool take_overview_row(std::size_t i, const Mention& m);

    bool recent_commitment_in(std::size_t i) const;

    // "De eerste motie is hiermee uitgevoerd; de tweede wordt betrokken bij de evaluatie."
    bool apply_ordinals(std::size_t i, std::string_view s);
    // The motion named just before whose asked-for product (a verkenning, a report) this
    // sentence offers the Kamer now; none when there is no such motion.
    Draft* motion_product_delivered(std::size_t i, std::string_view s);

    // ---- fields --------------------------------------------------------------------------

    void fill_evidence(Draft& d) const;

    // "Het lid X heeft mij verzocht uw Kamer te informeren over Y. Deze informatie stuur ik u in
    // mei.": a new promise that names no one, right after a Kamerlid's request in its paragraph
    // or the one before, is made to that Kamerlid.
    std::vector<std::string> requesting_members(std::size_t primary) const;

    // ---- when a commitment was made ----------------------------------------------------------

    // A meeting or letter the sentence refers back to without its date: "tijdens deze
    // behandeling", "in de brief is toegezegd", "zoals tijdens het Algemeen Overleg besproken".
    std::string referred_meeting(std::string_view s) const;

    // The date of the meeting `noun` in the sentences before i ("Op 3 september 2020 werd het
    // wetsvoorstel behandeld. Tijdens deze behandeling heb ik ... toegezegd").
    std::optional<Date> meeting_date_before(std::size_t i, const std::string& noun) const;

    // An earlier promise without a date of its own, right after the dated debate it was made in:
    // "Tijdens de behandeling van de nota op 6 oktober 2003 is ... aan de orde geweest. [...] Ik
    // heb toegezegd ...". Only within the paragraph and two sentences back.
    std::string debate_date_just_before(std::size_t i) const;

    // A new promise that carries on what the government said earlier in the paragraph:
    // "Tijdens de behandeling op 25 mei jl. heb ik aangegeven dat ik met een visie wil komen.
    // ... Ik zal u deze visie in september toesturen." The earliest such statement dates it.
    std::optional<Date> earlier_statement_date(std::size_t i) const;

    // "Uw Kamer heeft via de motie van het lid De Kort het kabinet verzocht om ... en hierover
    // de Kamer in het derde kwartaal te informeren." opening a letter that promises nothing
    // further: the letter is the report the motion asked for.
    bool is_the_requested_report(const Draft& d) const;

    // ---- overviews: sections of an annex that list motions and commitments with their state --

    // The nearest four section titles at or before sentence i, nearest first (overview cells,
    // see m_title, do not count).
    std::vector<std::size_t> headings_before(std::size_t i) const;

    // The heading of the overview section sentence i stands in ("In behandeling zijnde moties",
    // "Afgedane toezeggingen", a table's column heads), looking back over at most four titles.
    std::optional<std::size_t> overview_heading(std::size_t i) const;

    // The state a section's heading gives every item in it whose own words give none.
    std::optional<Status> section_status(std::size_t i) const;

    // Sentences of the paragraph (an overview's row) that sentence i stands in, from i on.
    std::pair<std::size_t, std::size_t> row_of(std::size_t i) const;

    // The Kamerstuk a row gives after the motion's name, before another motion is named:
    // "Motie van Haverkamp over ... 27-02-2008 Spoeddebat (29 628, nr. 77)".
    std::string row_reference(std::size_t i, std::size_t mention_end) const;

    std::optional<Date> row_date(std::size_t i) const;

    std::string made_on_of(const Draft& d) const;

    // The heading of the section a draft's first sentence stands in, "" if none; a heading
    // the layout broke over two lines ("e. Digitale rechtspraak ... justitiële" / "opleiding") whole.
    std::string nearest_heading(const Draft& d) const;
    Item finish(Draft& d);

    const Document& m_doc;
    // The document's citations and footnotes indexed by position (indices into m_doc's lists),
    // so a motion's references are found without a pass over all of them per mention.
    std::vector<std::size_t> m_body_citations;  // footnote 0, by span.begin
    std::vector<std::size_t> m_marked_footnotes;  // with a marker, by marker.begin
    std::vector<std::vector<std::size_t>> m_citations_in_footnote;  // per footnote: the citations in its text
    std::vector<std::size_t> citations_between(std::size_t begin, std::size_t end) const;
    // Of `by_position` (indices sorted by `position_of`), those whose position lies in [begin,
    // end), back in the order of the indices (the document's order).
    template <class PositionOf>
    static std::vector<std::size_t> positioned_between(const std::vector<std::size_t>& by_position, std::size_t begin,
                                                       std::size_t end, PositionOf position_of) {
        auto first = std::lower_bound(by_position.begin(), by_position.end(), begin,
                                      [&](std::size_t k, std::size_t at) { return position_of(k) < at; });
        std::vector<std::size_t> out;
        for (auto it = first; it != by_position.end() && position_of(*it) < end; ++it) out.push_back(*it);
        std::sort(out.begin(), out.end());
        return out;
    }
    const RuleSet& m_rules;
    bool m_foreign_sender = false;    // the letter's heading names a sender outside the government
    std::size_t m_foreign_begin = 0;  // its heading: a government letter may come first, the foreign one as annex
    std::size_t m_foreign_end = static_cast<std::size_t>(-1);  // the first sentence of a government reply after it
    std::optional<Date> m_reference;
    std::string m_plain;  // the text with footnote markers blanked, offsets unchanged
    std::vector<Sentence> m_sentences;
    std::vector<Draft> m_drafts;
    // The motion drafts by ref and by members (group_for); indices into m_drafts.
    std::vector<std::size_t> m_motion_drafts;  // every motion draft, in order (the drafts are only appended while reading)
    std::map<std::string, std::vector<std::size_t>> m_motions_by_ref;
    std::map<std::string, std::vector<std::size_t>> m_rows_by_ref;  // motions of overview rows, by their ref
    std::map<std::vector<std::string>, std::vector<std::size_t>> m_motions_by_members;
    static constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    std::vector<bool> m_title;                        // per sentence: a heading that is no overview cell
    std::vector<std::size_t> m_heading_at_or_before;  // per sentence: the nearest such heading at or before it
    std::size_t m_touches = 0;
    mutable std::vector<std::size_t> m_recent;  // see recent()
    mutable std::size_t m_registered =
        0;  // drafts already considered by recent()  // times a draft took a sentence (attach)
};

}  // namespace toezeg::detect
