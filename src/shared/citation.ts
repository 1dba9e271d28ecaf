/**
 * A claim as a reader cites it: the statement, who asserts it, a verbatim
 * quote that carries all of it (as the build verified it), and its report,
 * with the publisher, author and date exactly as far as the document states
 * them (never guessed). Rendered as plain text or Markdown for the clipboard,
 * with the words around it given by the caller (the UI's locale).
 */
import { isPartial, type ClaimsIndex, type IndexedClaim } from './claims.ts';
import { isRecord, isShortText } from './validate.ts';

export interface Citation {
  /** The claim's id: the export's reference key. */
  claimId: string;
  statement: string;
  attribution: string;
  /** A quote that carries the whole claim, word for word as stored. */
  quote: string;
  report: {
    /** The document's first line. */
    title: string;
    publisher: string | null;
    author: string | null;
    /** As the document states it (an ISO date). */
    date: string | null;
  };
}

/** The words a citation is written with, from the UI's locale. */
export interface CitationLabels {
  according(who: string): string;
  publisherNotStated: string;
  authorNotStated: string;
  dateNotStated: string;
}

/** The citation of a claim: its first quote in full support (every claim has one; the build checks it). */
export function citationOf(index: ClaimsIndex, claim: IndexedClaim): Citation | null {
  const evidence = claim.evidence.find((item) => !isPartial(item));
  const source = evidence && index.sources[evidence[0]];
  if (!evidence || !source) return null;
  return {
    claimId: claim.id,
    statement: claim.statement,
    attribution: claim.attribution,
    quote: evidence[1],
    report: {
      title: source.title.trim(),
      publisher: source.publisher?.value ?? null,
      author: source.author?.value ?? null,
      date: source.date?.value ?? null,
    },
  };
}

/** The report's line: its title, then publisher, author and date, each said to be missing where it is. */
function reportLine(
  { title, publisher, author, date }: Citation['report'],
  labels: CitationLabels,
  asTitle: (s: string) => string,
): string {
  return [
    asTitle(title),
    publisher ?? labels.publisherNotStated,
    author ?? labels.authorNotStated,
    date ?? labels.dateNotStated,
  ].join(', ');
}

export function citationText(citation: Citation, labels: CitationLabels): string {
  return [
    `${citation.statement} (${labels.according(citation.attribution)})`,
    `“${citation.quote}”`,
    `— ${reportLine(citation.report, labels, (title) => `“${title}”`)}`,
  ].join('\n');
}

/** Markdown's own characters in running text, escaped so the quote renders exactly as stored. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}

export function citationMarkdown(citation: Citation, labels: CitationLabels): string {
  return [
    `**${escapeMarkdown(citation.statement)}** (${escapeMarkdown(labels.according(citation.attribution))})`,
    '',
    `> ${escapeMarkdown(citation.quote)}`,
    '',
    `— ${reportLine(
      {
        title: citation.report.title,
        publisher: citation.report.publisher && escapeMarkdown(citation.report.publisher),
        author: citation.report.author && escapeMarkdown(citation.report.author),
        date: citation.report.date,
      },
      labels,
      (title) => `*${escapeMarkdown(title)}*`,
    )}`,
  ].join('\n');
}

const textOrNull = (value: unknown): string | null | undefined =>
  value === null ? null : isShortText(value) ? value : undefined;

export function parseCitation(value: unknown): Citation | null {
  if (!isRecord(value) || !isRecord(value['report'])) return null;
  const { claimId, statement, attribution, quote } = value;
  const report = value['report'];
  const title = report['title'];
  const publisher = textOrNull(report['publisher']);
  const author = textOrNull(report['author']);
  const date = textOrNull(report['date']);
  if (!isShortText(claimId) || !isShortText(statement) || !isShortText(attribution) || !isShortText(quote)) return null;
  if (!isShortText(title)) return null;
  if (publisher === undefined || author === undefined || date === undefined) return null;
  return { claimId, statement, attribution, quote, report: { title, publisher, author, date } };
}

/** Several claims as one Markdown document: a heading, then each citation, separated by rules. */
export function citationsMarkdown(citations: readonly Citation[], heading: string, labels: CitationLabels): string {
  return `# ${escapeMarkdown(heading)}\n\n${citations.map((c) => citationMarkdown(c, labels)).join('\n\n---\n\n')}\n`;
}

/** One CSL-JSON item (what Zotero and other reference managers import). */
export interface CslItem {
  id: string;
  type: 'article';
  title: string;
  'container-title'?: string;
  author?: { literal: string }[];
  issued?: { 'date-parts': number[][] };
  note: string;
}

/**
 * Each claim as a CSL-JSON item citing its report: the report's title and, only where the document states
 * them, its publisher, author and date; the claim, its attribution and the verbatim quote in the note.
 */
export function cslItems(citations: readonly Citation[], labels: CitationLabels): CslItem[] {
  return citations.map((c) => {
    const parts = c.report.date?.match(/^(\d{4})-(\d{2})-(\d{2})$/);
    return {
      id: `claimlight-${c.claimId}`,
      type: 'article',
      title: c.report.title,
      ...(c.report.publisher !== null && { 'container-title': c.report.publisher }),
      ...(c.report.author !== null && { author: [{ literal: c.report.author }] }),
      ...(parts && { issued: { 'date-parts': [[Number(parts[1]), Number(parts[2]), Number(parts[3])]] } }),
      note: `${c.statement} (${labels.according(c.attribution)}) “${c.quote}”`,
    };
  });
}
