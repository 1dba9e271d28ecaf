/**
 * On a page about something else (popup and card alike): a plain note that nothing on it relates to the
 * reports, and the claims folded below it, for reference rather than as context for the page.
 */
import type { ComponentChildren } from 'preact';

export function UnrelatedFold({
  note,
  summary,
  children,
}: {
  note: string;
  summary: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <p class="unrelated" role="note">
        {note}
      </p>
      <details class="folded-claims">
        <summary>{summary}</summary>
        {children}
      </details>
    </>
  );
}
