#include "pipeline/ci_run.hpp"

#include "report/site.hpp"
#include "util/step_timer.hpp"

namespace toezeg::pipeline {

CiRun run_ci(Store& store, const CiOptions& options) {
    CiRun run;
    timing::Step whole("ci");
    run.status_before = db::load_tracked_statuses(store.index().database());
    if (options.fetch) {
        auto fetched = run_fetch(store, *options.fetch);
        if (!fetched) {
            run.errors.push_back(fetched.error());
        } else {
            run.results = fetched->ingested;
            run.errors.insert(run.errors.end(), fetched->errors.begin(), fetched->errors.end());
            run.fetch_stopped = fetched->stopped;
            run.fetch_pending = fetched->pending;
            for (auto& id : fetched->given_up) run.errors.push_back(given_up_error(id));
        }
    }
    std::vector<Error> refused;
    auto files = expand_inputs(options.folders, &refused);
    run.errors.insert(run.errors.end(), refused.begin(), refused.end());
    if (!files) {
        run.errors.push_back(files.error());
    } else {
        timing::Step step("ci: ingest");
        auto ingested = ingest_files(store, *files, options.ingest, [&](const IngestResult& r) {
            if (r.outcome == Outcome::failed) run.errors.push_back(r.error);
            run.results.push_back(r);
        });
        if (!ingested) run.errors.push_back(ingested.error());
    }
    {
        timing::Step step("ci: retrack");
        if (auto tracked = store.retrack(run.tracking_warnings); !tracked)
            run.errors.push_back(
                Error{"tracking", "could not recompute the tracked items: " + tracked.error().describe()});
    }
    report::ReportOptions report_options;
    report_options.out_dir = options.report_dir;
    report_options.as_of = options.as_of;
    {
        timing::Step step("ci: report");
        if (auto written = report::write_report(store.index(), report_options); !written)
            run.errors.push_back(written.error());
    }
    db::TrackedQuery all;
    all.as_of = options.as_of;
    run.after = db::load_tracked_summaries(store.index().database(), all);
    run.report_index = options.report_dir / "index.html";
    return run;
}

}  // namespace toezeg::pipeline
