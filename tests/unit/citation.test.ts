/** Citations: the statement, who asserts it, a verbatim quote and its report, as far as the report states it. */
import { describe, expect, it } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };
import {
  citationMarkdown,
  citationOf,
  citationsMarkdown,
  citationText,
  cslItems,
  parseCitation,
  type CitationLabels,
} from '../../src/shared/citation.ts';
import { isPartial } from '../../src/shared/claims.ts';
import { claimsIndexModule } from './seeds.ts';

const { default: index } = await claimsIndexModule();
const labels: CitationLabels = {
  according: (who) => messages.claimAttribution.message.replace('$WHO$', who),
  publisherNotStated: messages.citePublisherNotStated.message,
  authorNotStated: messages.citeAuthorNotStated.message,
  dateNotStated: messages.citeDateNotStated.message,
};
/** Markdown source back to the text it renders (our escaping is a backslash before a punctuation mark). */
const unescape = (markdown: string) => markdown.replace(/\\([\\`*_[\]<>#|~])/g, '$1');
const bySource = (file: string) =>
  index.claims.find((c) => index.sources[c.evidence[0]?.[0] ?? -1]?.file.startsWith(file));

describe('citations', () => {
  it('carry, for every claim, a quote in full support exactly as stored, in text and in Markdown', () => {
    for (const claim of index.claims) {
      const citation = citationOf(index, claim);
      if (!citation) throw new Error(`no citation for ${claim.id}`);
      const full = claim.evidence.filter((e) => !isPartial(e)).map((e) => e[1]);
      expect(full, claim.id).toContain(citation.quote);
      const text = citationText(citation, labels);
      expect(text).toContain(`“${citation.quote}”`);
      expect(text).toContain(claim.statement);
      expect(text).toContain(`According to ${claim.attribution}`);
      const markdown = citationMarkdown(citation, labels);
      expect(unescape(markdown)).toContain(`> ${citation.quote}`);
      expect(unescape(markdown)).toContain(`**${claim.statement}**`);
    }
  });

  it('name the publisher, author and date only where the report states them', () => {
    const claim = bySource('004');
    if (!claim) throw new Error('no claim quoting report 004');
    const stated = citationOf(index, claim);
    expect(stated?.report).toMatchObject({ publisher: 'ClearanceJobs', author: 'Peter Suciu', date: null });
    expect(citationText(stated!, labels)).toMatch(/, ClearanceJobs, Peter Suciu, date not stated$/);
    const silent = bySource('001');
    if (!silent) throw new Error('no claim quoting report 001');
    const none = citationOf(index, silent);
    expect(none?.report).toMatchObject({ publisher: null, author: null, date: null });
    expect(citationText(none!, labels)).toMatch(/, publisher not stated, author not stated, date not stated$/);
    const dated = bySource('003');
    expect(citationOf(index, dated!)?.report.date).toBe('2022-06-18');
  });

  it('keep Markdown’s own characters from changing what the quote says', () => {
    const markdown = citationMarkdown(
      {
        claimId: 'test',
        statement: 'A *bold* claim_with [link](x)',
        attribution: 'a <b>source</b>',
        quote: 'Use #1 | `code` \\ now',
        report: { title: 'T_itle', publisher: null, author: null, date: null },
      },
      labels,
    );
    expect(markdown).toContain('A \\*bold\\* claim\\_with \\[link\\](x)');
    expect(unescape(markdown)).toContain('> Use #1 | `code` \\ now');
    expect(unescape(markdown)).toContain('**A *bold* claim_with [link](x)**');
  });

  it('come through a message only whole', () => {
    const citation = citationOf(index, index.claims[0]!);
    expect(parseCitation(JSON.parse(JSON.stringify(citation)))).toEqual(citation);
    expect(parseCitation({ ...citation, quote: 42 })).toBeNull();
    expect(parseCitation({ ...citation, report: { ...citation?.report, publisher: undefined } })).toBeNull();
  });

  it('export as Markdown and as CSL-JSON with each quote as stored, and report facts only where stated', () => {
    const citations = index.claims.flatMap((claim) => citationOf(index, claim) ?? []);
    const markdown = unescape(citationsMarkdown(citations, 'Claims', labels));
    expect(markdown.startsWith('# Claims\n')).toBe(true);
    for (const c of citations) expect(markdown).toContain(`> ${c.quote}`);
    const items = cslItems(citations, labels);
    expect(items).toHaveLength(citations.length);
    for (const [i, item] of items.entries()) {
      const c = citations[i]!;
      expect(item.id).toBe(`claimlight-${c.claimId}`);
      expect(item.title).toBe(c.report.title);
      expect(item.note).toContain(`“${c.quote}”`);
      expect(item['container-title']).toBe(c.report.publisher ?? undefined);
      expect(item.author).toEqual(c.report.author === null ? undefined : [{ literal: c.report.author }]);
    }
    const dated = items.find((item) => item.issued);
    expect(dated?.issued).toEqual({ 'date-parts': [[2022, 6, 18]] });
    expect(
      items
        .filter((item) => item.issued)
        .every((item) => citations.find((c) => `claimlight-${c.claimId}` === item.id)?.report.date === '2022-06-18'),
    ).toBe(true);
  });
});
