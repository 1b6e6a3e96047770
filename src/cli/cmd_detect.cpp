// detect, eval: the detector as a linter on files, and its score against gold labels.
#include <atomic>
#include <cstdio>
#include <optional>
#include <thread>
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "detect/detector.hpp"
#include "detect/eval.hpp"
#include "detect/eval_analysis.hpp"
#include "ingest/read_document.hpp"
#include "pipeline/ingest_files.hpp"
#include "util/files.hpp"
#include "util/text.hpp"

namespace toezeg::cli {

using nlohmann::json;

namespace {

// Detects items in every file, on all cores, reporting in input order; failures are
// reported and counted. `texts`, when given, receives each letter's normalised text by file name.
int detect_files(const std::vector<std::string>& inputs, const std::string& date,
                 const std::function<void(const std::string&, const Item&)>& emit,
                 std::map<std::string, std::string>* texts = nullptr) {
    std::vector<Error> refused;
    auto files = pipeline::expand_inputs(inputs, &refused);
    for (auto& r : refused) print_error(r);
    struct Outcome {
        std::vector<Item> items;
        std::string text;
        std::optional<Error> error;
    };
    std::vector<Outcome> outcomes(files->size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t k = next++; k < files->size(); k = next++) {
            const auto& file = (*files)[k];
            auto bytes = files::read(file, 20 * 1000 * 1000);
            if (!bytes) {
                outcomes[k].error = bytes.error();
                continue;
            }
            ingest::ReadOptions read_options;
            read_options.date = date;
            auto doc = ingest::read_text_document(*bytes, file.string(), read_options);
            if (!doc) {
                outcomes[k].error = doc.error();
                continue;
            }
            outcomes[k].items = detect::detect(*doc, detect::default_rules());
            if (texts) outcomes[k].text = std::move(doc->text);
        }
    };
    detect::default_rules();  // compile once before the workers start
    unsigned workers = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(files->size())));
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    int failed = static_cast<int>(refused.size());
    for (std::size_t k = 0; k < files->size(); ++k) {
        if (outcomes[k].error) {
            print_error(*outcomes[k].error);
            ++failed;
            continue;
        }
        for (auto& item : outcomes[k].items) emit((*files)[k].string(), item);
        if (texts) (*texts)[(*files)[k].filename().string()] = std::move(outcomes[k].text);
    }
    return failed;
}

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

json scores_to_json(const detect::EvalReport& r) {
    return json{{"tp", r.tp}, {"fp", r.fp}, {"fn", r.fn}, {"precision", r.precision()},
                {"recall", r.recall()}, {"f1", r.f1()}, {"status_accuracy", r.status.rate()},
                {"member_accuracy", r.member.rate()}, {"made_on_accuracy", r.made_on.rate()},
                {"ref_accuracy", r.ref.rate()}, {"f1_x_status", r.f1() * r.status.rate()}};
}

void print_curve(const std::vector<detect::CurvePoint>& curve) {
    const detect::CurvePoint& best = detect::best_point(curve);
    std::vector<std::vector<std::string>> rows{{"THRESHOLD", "KEPT", "PRECISION", "RECALL", "F1", "STATUS", "F1xSTATUS", ""}};
    for (const auto& point : curve) {
        const auto& r = point.report;
        rows.push_back({percent(point.threshold).substr(0, 4), std::to_string(r.tp + r.fp), percent(r.precision()),
                        percent(r.recall()), percent(r.f1()), percent(r.status.rate()),
                        percent(r.f1() * r.status.rate()), &point == &best ? "<- best" : ""});
    }
    std::cout << "\nconfidence curve\n" << format_table(rows);
}

void print_explanation(const std::map<std::string, std::vector<std::string>>& groups) {
    std::cout << "\nwhy\n";
    if (groups.empty()) std::cout << "nothing to explain: no misses, false positives or wrong fields\n";
    for (const auto& [reason, lines] : groups) {
        std::cout << reason << " (" << lines.size() << ")\n";
        for (const auto& line : lines) std::cout << "  " << line << "\n";
    }
}

}  // namespace

void setup_detect(CLI::App& app, Runner& run) {
    struct Options {
        std::vector<std::string> files;
        bool json_out = false;
        std::string date;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("detect", "Find commitments and motions in letters (no store needed)");
    cmd->add_option("files", o->files, "Letters (files or folders)")->required();
    cmd->add_flag("--json", o->json_out, "JSON Lines, one item per line");
    cmd->add_option("--date", o->date, "Letter date (YYYY-MM-DD) for letters that carry none");
    cmd->callback([&run, o] {
        run = [o] {
            std::vector<std::vector<std::string>> rows;
            if (!o->json_out) rows.push_back({"DOC", "KIND", "STATUS", "MEMBER", "DUE", "REF", "EVIDENCE"});
            int failed = detect_files(o->files, o->date, [&](const std::string& doc, const Item& it) {
                if (o->json_out) {
                    std::cout << item_to_json(it, doc).dump() << "\n";
                    return;
                }
                std::string due = it.due.empty() ? (it.due_text.empty() ? "-" : it.due_text) : it.due;
                rows.push_back({std::filesystem::path(doc).filename().string(), std::string(to_string(it.kind)),
                                std::string(to_string(it.status)), it.member.empty() ? "-" : it.member, due,
                                it.ref.empty() ? "-" : it.ref, text::shorten(it.evidence, 70)});
            });
            if (!o->json_out) std::cout << format_table(rows);
            return failed ? k_exit_some_failed : k_exit_ok;
        };
    });
}

void setup_eval(CLI::App& app, Runner& run) {
    struct Options {
        std::string gold, pred;
        std::vector<std::string> letters;
        bool json_out = false;
        bool quiet = false;
        bool curve = false;
        bool explain = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("eval", "Score detections against gold labels (tests/gold/FORMAT.md)");
    cmd->add_option("--gold", o->gold, "Gold labels, JSON Lines")->required();
    cmd->add_option("--pred", o->pred, "Predictions, JSON Lines (as from `detect --json`)");
    cmd->add_option("letters", o->letters, "Letters to detect on when --pred is not given");
    cmd->add_flag("--json", o->json_out, "Print the scores as one JSON object");
    cmd->add_flag("--quiet", o->quiet, "Only the scores, not the misses and false positives");
    cmd->add_flag("--curve", o->curve,
                  "Also score the items at or above each confidence threshold (0 to 1, step 0.05) and mark the best");
    cmd->add_flag("--explain", o->explain,
                  "Group misses, false positives and wrong fields by the part of the act that failed");
    cmd->callback([&run, o] {
        run = [o] {
            auto gold = detect::read_json_lines(o->gold);
            if (!gold) {
                print_error(gold.error());
                return k_exit_fatal;
            }
            std::vector<json> predictions;
            std::map<std::string, std::string> texts;
            if (!o->pred.empty()) {
                auto p = detect::read_json_lines(o->pred);
                if (!p) {
                    print_error(p.error());
                    return k_exit_fatal;
                }
                predictions = std::move(*p);
            } else if (!o->letters.empty()) {
                if (detect_files(o->letters, "", [&](const std::string& doc, const Item& it) {
                        predictions.push_back(item_to_json(it, doc));
                    }, &texts))
                    return k_exit_some_failed;
            } else {
                print_error(Error{"eval", "give --pred FILE or the letters to detect on"});
                return k_exit_fatal;
            }
            auto r = detect::evaluate(*gold, predictions);
            if (o->json_out) {
                json out = scores_to_json(r);
                out["wrong"] = r.wrong;
                if (o->explain) out["explain"] = detect::explain(r, texts);
                if (o->curve) {
                    auto curve = detect::confidence_curve(*gold, predictions);
                    out["best_threshold"] = detect::best_point(curve).threshold;
                    for (const auto& point : curve) {
                        json row = scores_to_json(point.report);
                        row["threshold"] = point.threshold;
                        out["curve"].push_back(row);
                    }
                }
                std::cout << out.dump() << "\n";
                return k_exit_ok;
            }
            std::cout << format_table({
                {"TP", std::to_string(r.tp)}, {"FP", std::to_string(r.fp)}, {"FN", std::to_string(r.fn)},
                {"precision", percent(r.precision())}, {"recall", percent(r.recall())}, {"F1", percent(r.f1())},
                {"status accuracy", percent(r.status.rate()) + " (" + std::to_string(r.status.right) + "/" + std::to_string(r.status.total) + ")"},
                {"member accuracy", percent(r.member.rate()) + " (" + std::to_string(r.member.right) + "/" + std::to_string(r.member.total) + ")"},
                {"made_on accuracy", percent(r.made_on.rate()) + " (" + std::to_string(r.made_on.right) + "/" + std::to_string(r.made_on.total) + ")"},
                {"ref accuracy", percent(r.ref.rate()) + " (" + std::to_string(r.ref.right) + "/" + std::to_string(r.ref.total) + ")"},
                {"F1 x status", percent(r.f1() * r.status.rate())}});
            if (!o->quiet) {
                for (auto& m : r.misses) std::cout << "miss: " << m.value("id", "") << " " << m.value("doc", "") << " " << m["anchor"].dump() << "\n";  // dump() quotes it once
                for (auto& p : r.false_positives)
                    std::cout << "false positive: " << std::filesystem::path(p.value("doc", "")).filename().string() << " "
                              << p.value("kind", "") << " \"" << text::shorten(p.value("evidence", ""), 120) << "\"\n";
                for (auto& w : r.wrong) std::cout << "wrong: " << w << "\n";
            }
            if (o->explain) print_explanation(detect::explain(r, texts));
            if (o->curve) print_curve(detect::confidence_curve(*gold, predictions));
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
