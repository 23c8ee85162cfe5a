// Dates as ppsaudit reads them (ppsaudit-rules(5), "Dates" and "Cadences"): days in UTC,
// months added on the same day of the month or the month's last day.
export function day(value) {
  if (value instanceof Date) return Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

export function addMonths(time, n) {
  const t = new Date(time);
  const month = t.getUTCMonth() + n;
  const y = t.getUTCFullYear() + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(t.getUTCDate(), last));
}

// months_since(t): whole months from t to the audit date.
export function monthsSince(time, asOf) {
  let n = 0;
  while (addMonths(time, n + 1) <= asOf) n += 1;
  return n;
}

// The months of a cadence counted in months; undefined for one this ruleset cannot judge
// (termly, weeks, days), so that a rule says so rather than guessing.
export function cadenceMonths(cadence) {
  if (cadence && typeof cadence === 'object') cadence = cadence.reading;
  if (typeof cadence !== 'string') return undefined;
  const c = cadence.trim().toLowerCase().replace(/\s+/g, ' ');
  const named = {
    monthly: 1, quarterly: 3, 'twice-yearly': 6, 'half-yearly': 6, 'six-monthly': 6, annually: 12, annual: 12,
    yearly: 12, biennially: 24, biennial: 24, triennially: 36, triennial: 36,
  };
  if (c in named) return named[c];
  const every = /^every (\d+) (month|year)s?$/.exec(c);
  if (every) return Number(every[1]) * (every[2] === 'year' ? 12 : 1);
  return undefined;
}

// within(t, c): the audit date is on or before t plus the cadence.
export function within(time, months, asOf) {
  return asOf <= addMonths(time, months);
}

// Whether a record in force on the audit date: started (if given) on or before it, and not
// left (if given) by it.
export function current(record, asOf) {
  const started = day(record.started);
  const left = day(record.left);
  return (record.started === undefined || started <= asOf) && (record.left === undefined || left > asOf);
}

export function list(value) {
  return Array.isArray(value) ? value : undefined;
}
