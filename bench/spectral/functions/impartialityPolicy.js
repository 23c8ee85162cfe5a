// An impartiality policy in force on the audit date (adopted, if given, on or before it).
// Without 'covers': the finding is that there is none. With 'covers': a rule that applies only
// when one is in force (ppsaudit's "when"), and finds when none in force covers the matter.
import { day, list } from './dates.js';

export default (document, options) => {
  const asOf = day(options.asOf);
  const inForce = (list(document?.policies) ?? []).filter(
    (p) => p.kind === 'impartiality' && (p.adopted === undefined || day(p.adopted) <= asOf));
  if (options.covers === undefined) {
    return inForce.length > 0 ? [] : [{ message: 'no impartiality policy in force' }];
  }
  if (inForce.length === 0) return [];
  return inForce.some((p) => (list(p.covers) ?? []).includes(options.covers))
    ? [] : [{ message: `the impartiality policy does not cover ${options.covers}` }];
};
