/**
 * On a page about something else (card, popup and side panel alike): one line that says so, behind which
 * the claims stay folded, for reference rather than as context for the page.
 */
import type { ComponentChildren } from 'preact';

export function UnrelatedFold({
  note,
  summary,
  children,
}: {
  /** That the page is about something else. */
  note: string;
  /** What unfolding shows ("What the reports say about Oracle"). */
  summary: string;
  children: ComponentChildren;
}) {
  return (
    <details class="folded-claims">
      <summary>
        <span class="unrelated" role="note">
          {note}
        </span>{' '}
        <span class="unfold">{summary}</span>
      </summary>
      {children}
    </details>
  );
}
