// nppn-impartiality/monitoring: an impartiality monitoring arrangement with someone to do it, a
// cadence, and a last time done on or before the audit date and still within that cadence.
import { day, cadenceMonths, within, list } from './dates.js';

export default (document, options) => {
  const asOf = day(options.asOf);
  const ok = (list(document?.monitoring) ?? []).some((m) => {
    if (m.aspect !== 'impartiality' || (m.by === undefined && m.by_role === undefined)) return false;
    const last = day(m.last_done);
    const months = cadenceMonths(m.cadence);
    return months !== undefined && last !== undefined && last <= asOf && within(last, months, asOf);
  });
  return ok ? [] : [{ message: 'no current impartiality monitoring' }];
};
