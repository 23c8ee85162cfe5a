// iass-2018/annual-report: a report published on or before the audit date, within a year of
// it, sent to the authority or commissioners and to the steering or advisory group.
import { day, within, list } from './dates.js';

export default (document, options) => {
  const asOf = day(options.asOf);
  const reports = list(document?.annual_reports);
  const ok = (reports ?? []).some((r) => {
    const published = day(r.published);
    const to = list(r.distributed_to);
    return published !== undefined && published <= asOf && within(published, 12, asOf) && to &&
      (to.includes('commissioners') || to.includes('local_authority')) &&
      (to.includes('steering_group') || to.includes('advisory_group'));
  });
  return ok ? [] : [{ message: 'no annual report of the last year sent to the authority and the steering group' }];
};
