#include "detect/rules.hpp"

#include <stdexcept>

namespace toezeg::detect {

Result<RuleSet> RuleSet::compile(std::span<const RuleSpec> specs) {
    RuleSet set;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);  // the name grammar makes large automata
    for (const auto& spec : specs) {
        auto re = std::make_unique<RE2>(spec.pattern, options);
        if (!re->ok()) return fail(std::string("rule ") + spec.id, "bad pattern: " + re->error());
        set.m_rules.push_back(CompiledRule{&spec, std::move(re)});
    }
    // Pointers into m_rules, taken once it is complete (a move of the set keeps its buffer).
    for (auto& r : set.m_rules) set.m_by_role[static_cast<std::size_t>(r.spec->role)].push_back(&r);
    return set;
}

const std::vector<const CompiledRule*>& RuleSet::with_role(RuleRole role) const {
    return m_by_role[static_cast<std::size_t>(role)];
}

const RuleSet& default_rules() {
    static const RuleSet k_rules = [] {
        auto compiled = RuleSet::compile(rule_table());
        if (!compiled) throw std::logic_error(compiled.error().describe());
        return std::move(*compiled);
    }();
    return k_rules;
}

std::string_view to_string(RuleRole role) {
    switch (role) {
        case RuleRole::earlier_commitment:
            return "earlier-commitment";
        case RuleRole::closure:
            return "closure";
        case RuleRole::new_commitment:
            return "new-commitment";
        case RuleRole::commitment_status:
            return "commitment-status";
        case RuleRole::motion_status:
            return "motion-status";
        case RuleRole::motion_mention:
            return "motion-mention";
        case RuleRole::motion_anaphor:
            return "motion-anaphor";
        case RuleRole::exclude:
            return "exclude";
        case RuleRole::foreign_sender:
            return "foreign-sender";
        case RuleRole::delay_notice:
            return "delay-notice";
        case RuleRole::motion_cell:
            return "motion-cell";
        case RuleRole::government_sender:
            return "government-sender";
        case RuleRole::announces_future:
            return "announces-future";
        case RuleRole::kamer_request:
            return "kamer-request";
        case RuleRole::motion_request:
            return "motion-request";
        case RuleRole::contents_overview:
            return "contents-overview";
    }
    return "?";
}

}  // namespace toezeg::detect
