#pragma once
// Detection rules as data: one table of RE2 patterns, compiled once and checked at start-up.
#include <re2/re2.h>

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/item.hpp"

namespace toezeg::detect {

enum class RuleRole {
    earlier_commitment,  // a commitment made before this letter, answered or referred to here
    closure,             // a sentence that declares a commitment kept ("Hiermee is de toezegging nagekomen")
    new_commitment,      // a commitment made in this letter
    commitment_status,   // modifies the status of an earlier commitment in the same sentence
    motion_status,       // the status a sentence gives the motions it mentions
    motion_mention,      // names one or more motions
    motion_anaphor,      // refers back to motions named before ("deze motie")
    exclude,             // the sentence is no commitment to parliament
    foreign_sender,      // a heading naming a sender outside the government (checked on the letter's heading)
    delay_notice,        // the answer that was due comes later (makes an interim reply's promise)
    motion_cell,         // the state cell of an overview's row ("Afgedaan.")
    government_sender,   // a heading naming a government sender: ends a foreign sender's part of the letter
    announces_future,   // the letter announces now a later act ("kondig ik aan dat ik ... zal"): exclusions do not hold
    kamer_request,      // a Kamerlid's request; a promise right after it that names no one answers it
    motion_request,     // a request made by a motion ("in de motie ... wordt de regering verzocht"), not in person
    contents_overview,  // the letter announces it treats a collection of motions and commitments: no commitment itself
};
inline constexpr std::size_t k_rule_roles = static_cast<std::size_t>(RuleRole::contents_overview) + 1;

// What a rule needs of its sentence besides its pattern (checked by the detector).
enum RuleFlag : unsigned {
    k_addressee_implied = 1u << 0,    // the Kamer need not be named ("kom ik hierop terug", "zeg ik toe")
    k_needs_deadline = 1u << 1,       // only a promise with a time ("ik informeer uw Kamer voor de zomer")
    k_implied_by_deadline = 1u << 2,  // a first-person act with a time needs no named addressee
    k_decisive = 1u << 3,             // a status rule that, when it matches, decides over higher-ranked ones
    k_after_delay = 1u << 4,          // only after a delay notice, and then without a named actor or addressee
    k_weak = 1u << 5,                 // a status that never replaces one other words of the letter gave
};

struct RuleSpec {
    const char* id;
    RuleRole role;
    std::optional<Status> status;  // the status it implies, if any
    const char* pattern;           // RE2 syntax, matched against one sentence
    const char* fires;             // a sentence it must match
    const char* silent;            // a sentence it must not match
    const char* note;
    unsigned flags = 0;  // RuleFlag bits
    // A second pair of examples, written for a rule made general (a new alternative of its
    // pattern); never copied from a labelled letter. Null when the rule has none.
    const char* also_fires = nullptr;
    const char* also_silent = nullptr;
};

struct CompiledRule {
    const RuleSpec* spec;
    std::unique_ptr<RE2> re;
};

class RuleSet {
public:
    // Compiles every rule; fails naming the first rule whose pattern RE2 rejects.
    static Result<RuleSet> compile(std::span<const RuleSpec> specs);
    // The rules of one role in table order (computed once, at compile()).
    const std::vector<const CompiledRule*>& with_role(RuleRole role) const;
    const std::vector<CompiledRule>& all() const { return m_rules; }

private:
    std::vector<CompiledRule> m_rules;
    std::array<std::vector<const CompiledRule*>, k_rule_roles> m_by_role;
};

std::span<const RuleSpec> rule_table();
// The built-in rules, compiled on first use (a bad pattern is a bug: it throws).
const RuleSet& default_rules();
std::string_view to_string(RuleRole role);

}  // namespace toezeg::detect
