/**
 * A claim as a reader cites it: the statement, who asserts it, the verbatim quotes that carry all of it (as
 * the build verified them), and their reports, named as everywhere else and with the publisher, author and
 * date only where the document states them (never guessed, never "not stated"). Rendered as plain text or
 * Markdown for the clipboard, and as a Markdown file or CSL-JSON (one item per report) for export, with the
 * words around them given by the caller (the UI's locale).
 */
import { citedTitle, isPartial, reportName, type ClaimsIndex, type IndexedClaim } from './claims.ts';
import { isRecord, isShortText, listOf } from './validate.ts';

/** A report as a citation names it: only what the document states. */
export interface CitedReport {
  /** The report's one name (`reportName`): "Cybernews", "“TikTok eases anxieties…”". */
  name: string;
  /** Its title as cited (`citedTitle`): the headline, or the opening words of a report that has none. */
  title: string;
  publisher: string | null;
  author: string | null;
  /** As the document states it (an ISO date). */
  date: string | null;
  /** Where a claim pack's maker says the text came from, and when they retrieved it (never fetched). */
  url: string | null;
  retrieved: string | null;
}

/** A quote that carries the whole claim, word for word as stored, and its report. */
export interface CitedQuote {
  quote: string;
  report: CitedReport;
}

export interface Citation {
  /** The claim's id. */
  claimId: string;
  statement: string;
  attribution: string;
  /**
   * Every quote that carries the whole claim, in the claim's order. The first is the one a copied citation
   * carries; an export files the claim under the report of each.
   */
  quotes: [CitedQuote, ...CitedQuote[]];
}

/** The words a citation is written with, from the UI's locale. */
export interface CitationLabels {
  according(who: string): string;
  /** The first line of a report's CSL note: how many claims follow, each with its quote. */
  reportNote(claims: number): string;
}

/** The citation of a claim: its quotes in full support (every claim has one; the build checks it). */
export function citationOf(index: ClaimsIndex, claim: IndexedClaim): Citation | null {
  const quotes = claim.evidence.flatMap((item): CitedQuote[] => {
    const source = index.sources[item[0]];
    if (isPartial(item) || !source) return [];
    return [
      {
        quote: item[1],
        report: {
          name: reportName(source),
          title: citedTitle(source),
          publisher: source.publisher?.value ?? null,
          author: source.author?.value ?? null,
          date: source.date?.value ?? null,
          url: source.url ?? null,
          retrieved: source.retrieved ?? null,
        },
      },
    ];
  });
  const [first, ...rest] = quotes;
  if (!first) return null;
  return { claimId: claim.id, statement: claim.statement, attribution: claim.attribution, quotes: [first, ...rest] };
}

/**
 * `text` inside quotation marks: its own double quotation marks become single ones, so that a quote that
 * ends on a quotation mark does not end on two (“… has access to everything.’”). Only the rendering changes;
 * the words, and every other character, are as stored.
 */
export function quoted(text: string): string {
  const nested = text.replace(/["“”]/g, (mark, at: number) => {
    if (mark === '“') return '‘';
    if (mark === '”') return '’';
    // A straight mark opens where it starts the text or follows a space or an opening bracket.
    return at === 0 || /[\s([{‘“—-]/.test(text.charAt(at - 1)) ? '‘' : '’';
  });
  return `“${nested}”`;
}

/** The report's line: author, title, publisher and date, each only where the document states it. */
function reportLine(report: CitedReport, text: (s: string) => string): string {
  const { title, publisher, author, date } = report;
  return [
    author && text(author),
    text(quoted(title)),
    publisher && text(publisher),
    date,
    report.url && text(report.url),
  ]
    .filter((part): part is string => Boolean(part))
    .join(', ');
}

/**
 * A claim in plain text: the statement; who asserts it, on a line of its own (an attribution may hold
 * parentheses of its own, so it is never put in more); the quote in quotation marks; its report.
 */
export function citationText(citation: Citation, labels: CitationLabels): string {
  const [{ quote, report }] = citation.quotes;
  return [
    citation.statement,
    labels.according(citation.attribution),
    quoted(quote),
    `— ${reportLine(report, (s) => s)}`,
  ].join('\n');
}

/** Markdown's own characters in running text, escaped so the text renders exactly as stored. */
export const MARKDOWN_ESCAPED = /[\\`*_[\]<>#|~&]/g;

function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_ESCAPED, (c) => `\\${c}`);
}

/**
 * A quote as a Markdown blockquote: every line starts with `>`, so a quote of several paragraphs stays inside
 * it; a line that would start a list or a heading is escaped, and indentation (whitespace, which a quote may
 * differ in) is dropped so that it never reads as code.
 */
export function blockquote(quote: string): string {
  return quote
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const text = escapeMarkdown(line.trim()).replace(/^([-+=]|\d+(?=[.)]))/, (marker) =>
        /^\d/.test(marker) ? `${marker}\\` : `\\${marker}`,
      );
      return text ? `> ${text}` : '>';
    })
    .join('\n');
}

function quoteMarkdown({ quote, report }: CitedQuote): string {
  return `${blockquote(quote)}\n\n— ${reportLine(report, escapeMarkdown)}`;
}

/** A claim in Markdown: the statement in bold, who asserts it, then the quote, or every quote, with its report. */
function claimMarkdown(citation: Citation, labels: CitationLabels, quotes: readonly CitedQuote[]): string {
  return [
    `**${escapeMarkdown(citation.statement)}**`,
    escapeMarkdown(labels.according(citation.attribution)),
    ...quotes.map(quoteMarkdown),
  ].join('\n\n');
}

/** A claim in Markdown for the clipboard: its first quote and report. */
export function citationMarkdown(citation: Citation, labels: CitationLabels): string {
  return claimMarkdown(citation, labels, citation.quotes.slice(0, 1));
}

/** Several claims as one Markdown document: a heading, then each claim with every quote that carries it. */
export function citationsMarkdown(citations: readonly Citation[], heading: string, labels: CitationLabels): string {
  const body = citations.map((c) => claimMarkdown(c, labels, c.quotes)).join('\n\n---\n\n');
  return `# ${escapeMarkdown(heading)}\n\n${body}\n`;
}

const textOrNull = (value: unknown): string | null | undefined =>
  value === null ? null : isShortText(value) ? value : undefined;

function parseReport(value: unknown): CitedReport | null {
  if (!isRecord(value)) return null;
  const { name, title } = value;
  const publisher = textOrNull(value['publisher']);
  const author = textOrNull(value['author']);
  const date = textOrNull(value['date']);
  const url = textOrNull(value['url']);
  const retrieved = textOrNull(value['retrieved']);
  if (!isShortText(name) || !isShortText(title)) return null;
  if (publisher === undefined || author === undefined || date === undefined) return null;
  if (url === undefined || retrieved === undefined) return null;
  return { name, title, publisher, author, date, url, retrieved };
}

function parseCitedQuote(value: unknown): CitedQuote | null {
  if (!isRecord(value) || !isShortText(value['quote'])) return null;
  const report = parseReport(value['report']);
  return report && { quote: value['quote'], report };
}

export function parseCitation(value: unknown): Citation | null {
  if (!isRecord(value)) return null;
  const { claimId, statement, attribution } = value;
  if (!isShortText(claimId) || !isShortText(statement) || !isShortText(attribution)) return null;
  const [first, ...rest] = listOf(value['quotes'], parseCitedQuote) ?? [];
  return first ? { claimId, statement, attribution, quotes: [first, ...rest] } : null;
}

/** One CSL-JSON item: a report, as Zotero and other reference managers import it. */
export interface CslItem {
  id: string;
  type: 'webpage';
  title: string;
  'container-title'?: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': [[number, number, number]] };
  /** A claim pack's statement of where the text came from, and when. */
  URL?: string;
  accessed?: { 'date-parts': [[number, number, number]] };
  /** The claims the report carries in full, each with who asserts it and its quote as stored. */
  note: string;
}

/** A CSL id from a report's name: "claimlight-cybernews", "claimlight-tiktok-eases-anxieties". */
function cslId(name: string, taken: ReadonlySet<string>): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const base = `claimlight-${slug || 'report'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${String(n)}`;
  return id;
}

/**
 * The export for reference managers: one CSL-JSON item per report (its cited title and, only where the
 * document states them, publisher as `container-title`, author and date), in the order the claims first
 * cite them, with the claims it carries in full in its note: each statement, who asserts it, and the quote
 * as stored.
 */
export function cslItems(citations: readonly Citation[], labels: CitationLabels): CslItem[] {
  const reports = new Map<string, { report: CitedReport; claims: Map<string, string[]> }>();
  for (const citation of citations) {
    for (const { quote, report } of citation.quotes) {
      const key = JSON.stringify(report);
      const filed = reports.get(key) ?? { report, claims: new Map<string, string[]>() };
      reports.set(key, filed);
      const lines = filed.claims.get(citation.claimId) ?? [citation.statement, labels.according(citation.attribution)];
      filed.claims.set(citation.claimId, [...lines, quoted(quote)]);
    }
  }
  const ids = new Set<string>();
  return [...reports.values()].map(({ report, claims }) => {
    const id = cslId(report.name, ids);
    ids.add(id);
    const parts = dateParts(report.date);
    const accessed = dateParts(report.retrieved);
    const entries = [...claims.values()].map((lines) => lines.join('\n'));
    return {
      id,
      type: 'webpage',
      title: report.title,
      ...(report.publisher !== null && { 'container-title': report.publisher }),
      ...(report.author !== null && { author: [{ literal: report.author }] }),
      ...(parts && { issued: { 'date-parts': [parts] } }),
      ...(report.url !== null && { URL: report.url }),
      ...(accessed && { accessed: { 'date-parts': [accessed] } }),
      note: [labels.reportNote(entries.length), ...entries].join('\n\n'),
    };
  });
}

/** An ISO date as CSL's date parts, or null. */
function dateParts(date: string | null): [number, number, number] | null {
  const parts = date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  return parts ? [Number(parts[1]), Number(parts[2]), Number(parts[3])] : null;
}
