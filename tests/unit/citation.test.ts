// @vitest-environment happy-dom
/**
 * Citations and exports: the statement, who asserts it, verbatim quotes and their reports, named as
 * everywhere else and described only as far as the report states; one copy control per claim; the export's
 * words and its CSL-JSON, one item per report, as a CSL processor reads it.
 */
import { createRequire } from 'node:module';
import { h, render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import messages from '../../public/_locales/en/messages.json' with { type: 'json' };
import sourcesFile from '../../seeds/sources.json' with { type: 'json' };
import {
  blockquote,
  citationMarkdown,
  citationOf,
  citationsMarkdown,
  citationText,
  cslItems,
  parseCitation,
  quoted,
  type Citation,
  type CslItem,
} from '../../src/shared/citation.ts';
import {
  citedTitle,
  isPartial,
  MAX_NAME,
  nameReports,
  reportName,
  type IndexedClaim,
} from '../../src/shared/claims.ts';
import { tPlural } from '../../src/shared/i18n.ts';
import { citationLabels, CopyCitation } from '../../src/ui/CopyCitation.tsx';
import { ExportLinks, exportLabel, type ExportLinksProps } from '../../src/ui/ExportLinks.tsx';
import { claimsIndexModule } from './seeds.ts';

/** The UI language the stand-in for browser.i18n reports. */
let uiLanguage = 'en';

function message(key: string, subs?: string | string[]): string {
  const entry = (messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)[
    key
  ];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return list[Number(content.slice(1)) - 1] ?? '';
  });
}

vi.mock('../../src/shared/browser.ts', () => ({
  default: { i18n: { getMessage: message, getUILanguage: () => uiLanguage } },
}));

const { default: index } = await claimsIndexModule();
const labels = citationLabels();
const claim = (id: string): IndexedClaim => {
  const found = index.claims.find((c) => c.id === id);
  if (!found) throw new Error(`no claim ${id} in the seeds`);
  return found;
};
const cite = (c: IndexedClaim): Citation => {
  const citation = citationOf(index, c);
  if (!citation) throw new Error(`no citation for ${c.id}`);
  return citation;
};
const citations = index.claims.map(cite);
const source = (code: string) => {
  const found = index.sources.find((s) => s.file.startsWith(`${code}_`));
  if (!found) throw new Error(`no report ${code}`);
  return found;
};

/** Markdown source back to the text it renders: a backslash before ASCII punctuation escapes it. */
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** Every kind of quotation mark as one, to compare a rendered quote with the stored one. */
const foldMarks = (text: string) => text.replace(/["“”‘’']/g, "'");
/** The deepest nesting of parentheses in `text`. */
const parenDepth = (text: string) => {
  let depth = 0;
  let deepest = 0;
  for (const c of text) {
    if (c === '(') deepest = Math.max(deepest, ++depth);
    if (c === ')') depth--;
  }
  return deepest;
};
/** The quotes of a Markdown document, read back from its blockquotes (a `>` line, or a run of them). */
const blockquotes = (markdown: string) =>
  [...markdown.matchAll(/(?:^>(?: .*)?$\n?)+/gm)].map((m) =>
    unescape(
      m[0]
        .trimEnd()
        .split('\n')
        .map((line) => line.replace(/^> ?/, ''))
        .join('\n'),
    ),
  );
/** The same quote, whitespace aside (which a verbatim quote may differ in). */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

interface CiteModule {
  Cite: {
    async(data: unknown): Promise<{ data: unknown[]; format(type: string, options: Record<string, string>): string }>;
  };
  logger: Record<string, unknown>;
}
const load = createRequire(import.meta.url);
const core = load('@citation-js/core') as CiteModule;
load('@citation-js/plugin-csl');

afterEach(() => {
  uiLanguage = 'en';
  document.body.innerHTML = '';
});

describe('report names', () => {
  it('are the stated publisher or the start of the headline, shipped in the index, one name everywhere', () => {
    expect(index.sources.map(reportName)).toEqual([
      'Cybernews',
      '“TIKTOK Meeting Audio Leaks…”',
      '“Audio files from TikTok meeting…”',
      '“TikTok eases anxieties…”',
      'ClearanceJobs',
    ]);
    for (const [i, s] of index.sources.entries()) {
      // The compiled index carries the name sources.json gives, with no ellipsis in the data.
      expect(s.name).toBe(sourcesFile.sources[i]?.name);
      expect(s.name).not.toMatch(/…|\.\.\.$/);
      expect(s.name.length).toBeLessThanOrEqual(MAX_NAME);
      expect(s.name === s.publisher?.value || s.title.startsWith(s.name)).toBe(true);
      // Captions, the library's filter and `{NNN}` use the same one name.
      expect(nameReports(`{${s.file.slice(0, 3)}}`, index.sources)).toBe(reportName(s));
    }
    expect(new Set(index.sources.map(reportName)).size).toBe(index.sources.length);
  });

  it('reach citations and exports, the same as in attributions', () => {
    const grajek = cite(claim('grajek-ingenious-malware'));
    expect(grajek.attribution).toBe('Garret Grajek, CEO of YouAttest (as reported by ClearanceJobs)');
    expect(grajek.quotes[0].report.name).toBe('ClearanceJobs');
    for (const citation of citations) {
      for (const { report } of citation.quotes) {
        const text = citationText({ ...citation, quotes: [{ quote: 'q', report }] }, labels);
        // A publisher's name stands as it is; a headline's name is the start of the title the line quotes.
        if (report.publisher === report.name) expect(text).toContain(`, ${report.name}`);
        else expect(text).toContain(`— “${report.name.slice(1, -2)}`);
      }
    }
  });

  it('title a report by its headline, or by its opening words where its first line is a paragraph (004)', () => {
    expect(citedTitle(source('000'))).toBe('TikTok employee recordings expose repeated user data breaches - report');
    expect(citedTitle(source('004'))).toBe('The original concept of social media was about sharing…');
    for (const s of index.sources) expect(citedTitle(s).split(/\s+/).length).toBeLessThanOrEqual(20);
  });
});

describe('citations', () => {
  it('carry every quote in full support exactly as stored, the first in the copied text and Markdown', () => {
    for (const c of index.claims) {
      const citation = cite(c);
      const full = c.evidence.filter((e) => !isPartial(e));
      expect(citation.quotes.map((q) => q.quote)).toEqual(full.map((e) => e[1]));
      const [{ quote }] = citation.quotes;
      const text = citationText(citation, labels);
      expect(text).toContain(quoted(quote));
      expect(text.startsWith(`${c.statement}\nAccording to ${c.attribution}\n`)).toBe(true);
      const markdown = citationMarkdown(citation, labels);
      expect(blockquotes(markdown).map(squash)).toEqual([squash(quote)]);
      expect(unescape(markdown)).toContain(`**${c.statement}**`);
    }
  });

  it('nest the quote’s own quotation marks only in the rendering, its words intact', () => {
    const master = cite(claim('master-admin-has-access-to-everything'));
    const stored = master.quotes[0].quote;
    expect(stored.endsWith('everything.”')).toBe(true);
    const text = citationText(master, labels);
    expect(text).toContain('a ‘Master Admin’ who ‘has access to everything.’”');
    for (const citation of citations) {
      for (const { quote } of citation.quotes) {
        const rendered = quoted(quote);
        expect(rendered.slice(1, -1)).toHaveLength(quote.length);
        expect(foldMarks(rendered.slice(1, -1))).toBe(foldMarks(quote));
        // Only double quotation marks change, to single ones.
        for (let i = 0; i < quote.length; i++) {
          const [before, after] = [quote.charAt(i), rendered.charAt(i + 1)];
          if (after !== before) expect(`${before}${after}`).toMatch(/^["“”][‘’]$/);
        }
      }
    }
    // The stored data is untouched.
    expect(master.quotes[0].quote).toBe(stored);
    expect(quoted('He said "no" and “yes.”')).toBe('“He said ‘no’ and ‘yes.’”');
  });

  it('leave out what a report does not state, and never double a quotation mark or nest parentheses', () => {
    const outputs = [
      ...citations.flatMap((c) => [citationText(c, labels), citationMarkdown(c, labels)]),
      citationsMarkdown(citations, 'Claims', labels),
      ...cslItems(citations, labels).flatMap((item) => [item.title, item.note, item['container-title'] ?? '']),
    ];
    for (const output of outputs) {
      expect(output).not.toMatch(/not stated/i);
      expect(output).not.toMatch(/[“”"]{2}/);
      expect(output).not.toContain('(According to');
      expect(parenDepth(output)).toBeLessThanOrEqual(1);
    }
    const silent = cite(claim('master-admin-has-access-to-everything'));
    expect(citationText(silent, labels).split('\n').at(-1)).toBe(
      '— “TIKTOK Meeting Audio Leaks, is it true that China Can Access US User Data”',
    );
    const grajek = citationText(cite(claim('grajek-ingenious-malware')), labels).split('\n');
    expect(grajek[1]).toBe('According to Garret Grajek, CEO of YouAttest (as reported by ClearanceJobs)');
    expect(grajek.at(-1)).toBe(
      '— Peter Suciu, “The original concept of social media was about sharing…”, ClearanceJobs',
    );
    const dated = cite(claim('tiktok-aims-to-fully-pivot-to-oracle'));
    expect(citationText(dated, labels).split('\n').at(-1)).toBe(
      "— “TikTok eases anxieties amid report Chinese workers accessed US users' data”, 2022-06-18",
    );
  });

  it('keep a quote of several paragraphs inside its Markdown blockquote', () => {
    const multi = citations.filter((c) => c.quotes.some((q) => q.quote.includes('\n')));
    expect(multi.length).toBeGreaterThanOrEqual(4);
    for (const citation of multi) {
      for (const { quote } of citation.quotes.filter((q) => q.quote.includes('\n'))) {
        const block = blockquote(quote);
        expect(block.split('\n').every((line) => line === '>' || line.startsWith('> '))).toBe(true);
        expect(block.split('\n').length).toBe(quote.split('\n').length);
        expect(squash(blockquotes(block)[0] ?? '')).toBe(squash(quote));
      }
      const exported = citationsMarkdown([citation], 'Claims', labels);
      expect(blockquotes(exported).map(squash)).toEqual(citation.quotes.map((q) => squash(q.quote)));
    }
    // A line that would open a list or a heading stays text.
    expect(blockquote('One.\n\n- two\n1. three\n# four')).toBe('> One.\n>\n> \\- two\n> 1\\. three\n> \\# four');
  });

  it('keep Markdown’s own characters from changing what the quote says', () => {
    const report = {
      name: 'T_itle',
      title: 'T_itle',
      publisher: null,
      author: null,
      date: null,
      url: null,
      retrieved: null,
    };
    const markdown = citationMarkdown(
      {
        claimId: 'test',
        statement: 'A *bold* claim_with [link](x)',
        attribution: 'a <b>source</b> & co',
        quotes: [{ quote: 'Use #1 | `code` \\ now &amp;', report }],
      },
      labels,
    );
    expect(markdown).toContain('A \\*bold\\* claim\\_with \\[link\\](x)');
    expect(blockquotes(markdown)).toEqual(['Use #1 | `code` \\ now &amp;']);
    expect(unescape(markdown)).toContain('**A *bold* claim_with [link](x)**');
    expect(unescape(markdown)).toContain('According to a <b>source</b> & co');
  });

  it('come through a message only whole', () => {
    const citation = citations[0]!;
    expect(parseCitation(JSON.parse(JSON.stringify(citation)))).toEqual(citation);
    expect(parseCitation({ ...citation, quotes: [] })).toBeNull();
    expect(parseCitation({ ...citation, quotes: [{ ...citation.quotes[0], quote: 42 }] })).toBeNull();
    expect(
      parseCitation({
        ...citation,
        quotes: [{ ...citation.quotes[0], report: { ...citation.quotes[0].report, date: 1 } }],
      }),
    ).toBeNull();
  });
});

describe('exports', () => {
  it('give one CSL-JSON item per report, with the claims it carries in full and their quotes in its note', () => {
    const items = cslItems(citations, labels);
    expect(items).toHaveLength(index.sources.length);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(new Set(items.map((i) => i.title)).size).toBe(items.length);
    for (const s of index.sources) {
      const item = items.find((i) => i.title === citedTitle(s));
      if (!item) throw new Error(`no item for ${reportName(s)}`);
      expect(item.type).toBe('webpage');
      expect(item['container-title']).toBe(s.publisher?.value);
      expect(item.author).toEqual(s.author && [{ literal: s.author.value }]);
      expect(item.issued).toEqual(s.date && { 'date-parts': [[2022, 6, 18]] });
      expect(item.id).not.toMatch(/\d{3}_|\.txt/);
      const at = index.sources.indexOf(s);
      const carried = index.claims.filter((c) => c.evidence.some((e) => e[0] === at && !isPartial(e)));
      expect(item.note.startsWith(`Claimlight: the ${String(carried.length)} claims this report carries in full`)).toBe(
        true,
      );
      for (const c of carried) {
        expect(item.note).toContain(`${c.statement}\nAccording to ${c.attribution}\n`);
        for (const e of c.evidence.filter((e) => e[0] === at && !isPartial(e)))
          expect(item.note).toContain(quoted(e[1]));
      }
    }
  });

  it('import cleanly into a CSL processor (citation-js): a bibliography of one entry per report', async () => {
    const items: CslItem[] = JSON.parse(JSON.stringify(cslItems(citations, labels))) as CslItem[];
    const problems: unknown[][] = [];
    const { logger } = core;
    const saved = { warn: logger['warn'], error: logger['error'] };
    logger['warn'] = (...args: unknown[]) => problems.push(args);
    logger['error'] = (...args: unknown[]) => problems.push(args);
    const consoleSpies = (['warn', 'error'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => problems.push(args)),
    );
    try {
      const cited = await core.Cite.async(items);
      // Every field comes through the import as exported.
      expect(cited.data).toEqual(items.map((item) => expect.objectContaining(item) as unknown));
      const bibliography = cited.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
      const entries = bibliography.trim().split('\n');
      expect(entries).toHaveLength(index.sources.length);
      expect(entries).toContain(
        'Peter Suciu. (n.d.). The original concept of social media was about sharing…. ClearanceJobs.',
      );
      for (const item of items) {
        const entry = entries.find((e) => e.includes(item.title.replace(/'/g, '’')));
        expect(entry, item.title).toBeDefined();
        if (item['container-title']) expect(entry).toContain(item['container-title']);
      }
      expect(entries).toContain(
        'TikTok employee recordings expose repeated user data breaches - report. (n.d.). Cybernews.',
      );
      expect(bibliography).toContain('(2022, June 18)');
      expect(bibliography).not.toMatch(/undefined|null|not stated/);
    } finally {
      Object.assign(logger, saved);
      for (const spy of consoleSpies) spy.mockRestore();
    }
    expect(problems).toEqual([]);
    // citation-js loads its CSL styles and locales on first use: seconds on a busy machine, not the default 5.
  }, 30_000);

  it('say exactly what they export, in the language’s plural forms', () => {
    expect(tPlural('exportLabel', 1)).toBe('Export this claim:');
    expect(tPlural('exportLabel', 12)).toBe('Export these 12 claims:');
    expect(exportLabel({ kind: 'page' }, 11)).toBe('Export the 11 claims this page repeats:');
    expect(exportLabel({ kind: 'page' }, 1)).toBe('Export the claim this page repeats:');
    expect(exportLabel({ kind: 'found' }, 3)).toBe('Export the 3 claims the search finds:');
    expect(exportLabel({ kind: 'about', names: 'TikTok, ByteDance and Oracle' }, 94)).toBe(
      'Export all 94 claims about TikTok, ByteDance and Oracle:',
    );
    expect(tPlural('viewerClaims', 1)).toBe('See the claim that cites this report.');
    expect(tPlural('viewerClaims', 0)).toBe('See the 0 claims that cite this report.');
    // A form the catalogue lacks (Polish "few" for 2) falls back to the "other" form, never to a key.
    uiLanguage = 'pl';
    expect(tPlural('exportLabel', 2)).toBe('Export these 2 claims:');
    uiLanguage = 'en';

    const app = document.createElement('div');
    document.body.append(app);
    URL.createObjectURL = () => 'blob:test';
    URL.revokeObjectURL = () => undefined;
    const links = (props: Omit<ExportLinksProps, 'heading' | 'name'>) =>
      render(h(ExportLinks, { heading: 'Claims', name: 'claims', ...props }), app);
    links({ citations: citations.slice(0, 1) });
    expect(app.querySelector('.export span')?.textContent).toBe('Export this claim:');
    links({ citations: citations.slice(0, 11), scope: { kind: 'page' } });
    expect(app.querySelector('.export span')?.textContent).toBe('Export the 11 claims this page repeats:');
    links({ citations, label: 'Export what you see:' });
    expect(app.querySelector('.export span')?.textContent).toBe('Export what you see:');
    expect([...app.querySelectorAll('.export a')].map((a) => a.getAttribute('download'))).toEqual([
      'claims.md',
      'claims.json',
    ]);
    render(null, app);
  });
});

describe('the copy control', () => {
  let clipboard: { writeText: (text: string) => Promise<void> };
  let written: string[];
  beforeEach(() => {
    written = [];
    clipboard = {
      writeText: (text) => {
        written.push(text);
        return Promise.resolve();
      },
    };
    Object.defineProperty(navigator, 'clipboard', { configurable: true, get: () => clipboard });
  });

  const mount = () => {
    const app = document.createElement('div');
    document.body.append(app);
    const citation = cite(claim('master-admin-has-access-to-everything'));
    render(h(CopyCitation, { citation }), app);
    const q = (selector: string) => {
      const found = app.querySelector<HTMLElement>(selector);
      if (!found) throw new Error(`no ${selector}`);
      return found;
    };
    /** What Tab reaches: buttons not inside something hidden. */
    const tabStops = () => [...app.querySelectorAll('button')].filter((b) => !b.closest('[hidden]'));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    return { app, citation, q, tabStops, settle };
  };

  it('is one tab stop per claim, opening to its formats, which Escape closes', async () => {
    const { q, tabStops, settle } = mount();
    const trigger = q('.copy-citation');
    expect(tabStops()).toEqual([trigger]);
    expect(trigger.textContent).toBe('Copy citation');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    trigger.click();
    await settle();
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(tabStops().map((b) => b.textContent)).toEqual(['Copy citation', 'Plain text', 'Markdown']);
    const formats = q('.cite-formats');
    expect(trigger.getAttribute('aria-controls')).toBe(formats.id);
    expect(formats.getAttribute('aria-label')).toBe('Copy citation as');
    q('.copy-markdown').focus();
    q('.copy-markdown').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(tabStops()).toEqual([trigger]);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(trigger);
  });

  it('copies the format chosen, closes, and says it was copied', async () => {
    const { q, tabStops, settle, citation } = mount();
    q('.copy-citation').click();
    await settle();
    q('.copy-text').click();
    await settle();
    expect(written).toEqual([citationText(citation, labels)]);
    expect(q('.cite-status').textContent).toBe('Copied');
    expect(tabStops()).toHaveLength(1);
    q('.copy-citation').click();
    await settle();
    q('.copy-markdown').click();
    await settle();
    expect(written[1]).toBe(citationMarkdown(citation, labels));
  });

  it('falls back to the copy command where the page refuses the clipboard, and says when that fails too', async () => {
    const { q, settle } = mount();
    clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
    const copies: string[] = [];
    let allowed = true;
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (command: string) => {
        copies.push(`${command}:${document.querySelector('textarea')?.value.slice(0, 5) ?? ''}`);
        return allowed;
      },
    });
    q('.copy-citation').click();
    await settle();
    q('.copy-text').click();
    await settle();
    expect(q('.cite-status').textContent).toBe('Copied');
    expect(copies).toEqual(['copy:A Tik']);
    expect(document.querySelector('textarea')).toBeNull();
    allowed = false;
    q('.copy-citation').click();
    await settle();
    q('.copy-text').click();
    await settle();
    expect(q('.cite-status').textContent).toBe('Could not copy here');
  });
});
