// stone-2004/interests-declared: everyone in post on the audit date has made a declaration of
// interests dated on or before it.
import { day, current, list } from './dates.js';

export default (document, options) => {
  const asOf = day(options.asOf);
  const people = list(document?.people);
  if (!people) return [{ message: 'the file does not record people' }];
  const without = people.filter(
    (p) => current(p, asOf) && !(list(p.declarations) ?? []).some((d) => day(d.date) <= asOf));
  return without.length === 0 ? [] : [{ message: `no declaration from ${without.map((p) => p.id).join(', ')}` }];
};
