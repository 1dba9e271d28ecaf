/**
 * "Copy citation" under a claim, everywhere a claim is shown: one control per claim. The button opens a small
 * set of formats (plain text, Markdown), which are tab stops only while it is open; choosing one copies and
 * closes it, and Escape closes it, focus going back to the button. Copies on the reader's choice only and
 * says whether it worked.
 */
import { Fragment } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { citationMarkdown, citationText, type Citation, type CitationLabels } from '../shared/citation.ts';
import { t, tPlural } from '../shared/i18n.ts';

/**
 * Writes `text` to the clipboard. The asynchronous clipboard API first; where a page's permissions policy
 * refuses it (the card sits in web pages), a selected, hidden text area and the copy command, inside `near`
 * so that the card's shadow root holds it, with focus given back to where it was.
 */
export async function copyText(text: string, near: Element): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const doc = near.ownerDocument;
    const root = near.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement;
    const area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
    near.append(area);
    area.select();
    try {
      // Deprecated, but the only copy left where the page's policy refuses the clipboard API to the card.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      return doc.execCommand('copy');
    } finally {
      area.remove();
      if (focused instanceof HTMLElement && focused.isConnected) focused.focus({ preventScroll: true });
    }
  }
}

/** The words around a citation, in the UI's locale. */
export function citationLabels(): CitationLabels {
  return {
    according: (who) => t('claimAttribution', who),
    reportNote: (claims) => tPlural('citeReportNote', claims),
  };
}

const FORMATS = [
  { key: 'citeCopyText', className: 'copy-text', render: citationText },
  { key: 'citeCopyMarkdown', className: 'copy-markdown', render: citationMarkdown },
] as const;

export function CopyCitation({ citation }: { citation: Citation }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<'copied' | 'failed' | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLParagraphElement>(null);
  const formatsId = useId();

  const close = () => {
    setOpen(false);
    trigger.current?.focus({ preventScroll: true });
  };
  const copy = (render: (typeof FORMATS)[number]['render']) => () => {
    const near = wrapper.current;
    if (!near) return;
    // Started within the reader's click or key press: browsers allow writing to the clipboard only then.
    const copied = copyText(render(citation, citationLabels()), near);
    close();
    void copied.then((ok) => setStatus(ok ? 'copied' : 'failed'));
  };

  return (
    <p
      class="cite"
      ref={wrapper}
      data-open={open ? '' : undefined}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        // Escape closes the formats only, not the card or panel around them.
        event.preventDefault();
        event.stopPropagation();
        close();
      }}
      onFocusOut={(event) => {
        // Tabbing on past the formats (or back before the button) closes them.
        const next = event.relatedTarget;
        if (open && next instanceof Node && !wrapper.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        class="copy-citation"
        ref={trigger}
        aria-expanded={open}
        aria-controls={formatsId}
        onClick={() => {
          setStatus(null);
          setOpen(!open);
        }}
      >
        {t('citeCopy')}
      </button>
      <span id={formatsId} class="cite-formats" role="group" aria-label={t('citeFormats')} hidden={!open}>
        {FORMATS.map(({ key, className, render }, i) => (
          <Fragment key={key}>
            {i > 0 && ' '}
            <button type="button" class={className} onClick={copy(render)}>
              {t(key)}
            </button>
          </Fragment>
        ))}
      </span>
      <span class="cite-status" aria-live="polite">
        {status === 'copied' ? t('citeCopied') : status === 'failed' ? t('citeCopyFailed') : ''}
      </span>
    </p>
  );
}
