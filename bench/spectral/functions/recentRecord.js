// A record of a list dated on or before the audit date and recent enough: within a cadence
// of 'months' (within(), mode "within") or fewer than 'months' whole months old
// (months_since(), mode "months_since"). With 'require', each entry {field, in} needs such a
// record whose field is one of 'in'. A missing list is a finding: ppsaudit calls it not
// assessable, never met.
import { day, monthsSince, within, list } from './dates.js';

export default (document, options) => {
  const asOf = day(options.asOf);
  const records = list(document?.[options.list]);
  if (!records) return [{ message: `the file does not record ${options.list}` }];
  const recent = (r) => {
    const d = day(r?.[options.dateField]);
    if (d === undefined || d > asOf) return false;
    return options.mode === 'months_since' ? monthsSince(d, asOf) < options.months : within(d, options.months, asOf);
  };
  const needs = options.require ?? [{}];
  const missing = needs.filter((need) =>
    !records.some((r) => recent(r) && (need.field === undefined || need.in.includes(r[need.field]))));
  if (missing.length === 0) return [];
  return [{ message: `no recent ${options.list} record${needs.length > 1 ? ' for ' + missing.map((n) => n.in.join('/')).join(', ') : ''}` }];
};
