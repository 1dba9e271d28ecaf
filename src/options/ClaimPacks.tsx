/**
 * The options page's "Claim packs": the built-in claims and each imported pack, with what it holds (claims,
 * reports, companies, the dates its reports state, its SHA-256), a switch, and for a pack a way to remove
 * it; and the import (a file chosen or dropped), verified here, in the browser, before anything is kept.
 */
import { useState } from 'preact/hooks';
import type { PackEntry } from '../shared/catalog/catalog.ts';
import { timeframeOf } from '../shared/claims.ts';
import { importPack, removePack, setBuiltInEnabled, setPackEnabled } from '../shared/catalog/edit.ts';
import { t, tPlural } from '../shared/i18n.ts';
import { PACK_LIMITS } from '../shared/packs/limits.ts';
import { formatProblem } from '../shared/verify/problems.ts';
import type { VerifiedPack } from '../shared/packs/types.ts';
import { useCatalog } from '../ui/catalog.tsx';
import { Switch } from '../ui/Switch.tsx';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'checking'; file: string }
  | { kind: 'imported'; name: string; claims: number }
  | { kind: 'refused'; file: string; problems: string[]; replaceable: string | null };

export function ClaimPacks() {
  const catalog = useCatalog();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const take = async (file: File, replace = false) => {
    setOutcome({ kind: 'checking', file: file.name });
    // The size is known before a byte is read: an oversized file is refused unread.
    if (file.size > PACK_LIMITS.fileBytes) {
      const problems = [t('packTooLarge', [megabytes(file.size), megabytes(PACK_LIMITS.fileBytes)])];
      setOutcome({ kind: 'refused', file: file.name, problems, replaceable: null });
      return;
    }
    try {
      const result = await importPack(await file.text(), replace);
      if (result.ok) setOutcome({ kind: 'imported', name: result.pack.name, claims: result.pack.index.claims.length });
      else
        setOutcome({
          kind: 'refused',
          file: file.name,
          problems: result.problems.map(formatProblem),
          replaceable: result.problems.some((problem) => problem.code === 'already-installed') ? file.name : null,
        });
    } catch (error) {
      setOutcome({ kind: 'refused', file: file.name, problems: [String(error)], replaceable: null });
    }
  };
  const [lastFile, setLastFile] = useState<File | null>(null);
  const choose = (file: File | undefined) => {
    if (!file) return;
    setLastFile(file);
    void take(file);
  };

  return (
    <section
      aria-labelledby="packs"
      class={dragging ? 'packs dragging' : 'packs'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        choose(e.dataTransfer?.files[0]);
      }}
    >
      <h2 id="packs">{t('packsTitle')}</h2>
      <p class="help">{t('packsHelp')}</p>
      <p class="help">{t('packsTrust')}</p>
      <ul class="pack-list">
        <li class="pack" data-pack="builtin">
          <Switch
            id="pack-builtin"
            label={t('builtInClaimsName')}
            checked={catalog.builtInEnabled}
            onChange={(on) => void setBuiltInEnabled(on)}
          />
          <p class="pack-meta">{t('builtInClaimsDescription')}</p>
        </li>
        {catalog.packs.map((entry) => (
          <PackItem key={entry.id} entry={entry} />
        ))}
      </ul>
      <div class="pack-import">
        <label class="field">
          {t('packsImportLabel')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              choose(e.currentTarget.files?.[0]);
              // The same file chosen again (after a fix) is read again.
              e.currentTarget.value = '';
            }}
          />
        </label>
        <p class="help">{t('packsDropHint')}</p>
      </div>
      <div class="pack-outcome" role="status">
        {outcome.kind === 'checking' && <p>{t('packsChecking', outcome.file)}</p>}
        {outcome.kind === 'imported' && (
          <p class="imported">{tPlural('packsImported', outcome.claims, [String(outcome.claims), outcome.name])}</p>
        )}
      </div>
      {outcome.kind === 'refused' && (
        <div class="pack-refused" role="alert">
          <p>{t('packsRefused', outcome.file)}</p>
          <ul>
            {outcome.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
          {outcome.replaceable !== null && lastFile && (
            <button type="button" onClick={() => void take(lastFile, true)}>
              {t('packsReplace')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function PackItem({ entry }: { entry: PackEntry }) {
  const [confirming, setConfirming] = useState(false);
  const { pack } = entry;
  const remove = (
    <div class="pack-actions">
      {confirming ? (
        <>
          <button type="button" class="danger" onClick={() => void removePack(entry.id)}>
            {t('packsRemoveConfirm', pack?.name ?? entry.id)}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('packsRemoveCancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('packsRemove', pack?.name ?? entry.id)}
        </button>
      )}
    </div>
  );
  if (!pack)
    return (
      <li class="pack set-aside" data-pack={entry.id}>
        <p class="notice" role="alert">
          {t('packsSetAside', entry.id)}
        </p>
        {remove}
      </li>
    );
  const { dates } = timeframeOf(pack.index.sources);
  return (
    <li class="pack" data-pack={entry.id}>
      <Switch
        id={`pack-${entry.id}`}
        label={pack.name}
        checked={entry.enabled}
        onChange={(on) => void setPackEnabled(entry.id, on)}
      />
      <p class="pack-description">{pack.description}</p>
      <p class="pack-meta">{packCounts(pack)}</p>
      <p class="pack-meta">{dates.length ? t('packsDates', dates.join(', ')) : t('packsNoDates')}</p>
      <p class="pack-meta">
        {t('packsImportedOn', new Date(entry.added).toLocaleDateString())}{' '}
        <span class="sha">
          SHA-256 <code>{pack.sha256}</code>
        </span>
      </p>
      {remove}
    </li>
  );
}

function packCounts(pack: VerifiedPack): string {
  const companies = pack.companies.length;
  return [
    tPlural('packsClaims', pack.index.claims.length),
    tPlural('packsReports', pack.index.sources.length),
    companies > 0 ? tPlural('packsCompanies', companies) : t('packsNoCompanies'),
  ].join(' · ');
}
