// sen-cop-2001/signposts-other-sources: links on the website, or another organisation's
// literature published on or before the audit date.
import { day, list } from './dates.js';

export default (document, options) => {
  const asOf = day(options.asOf);
  const links = list(document?.website_links);
  const literature = (list(document?.publications) ?? []).some(
    (p) => p.source !== 'service' && (p.published === undefined || day(p.published) <= asOf));
  return (links && links.length > 0) || literature ? [] : [{ message: 'no website links or literature from others' }];
};
