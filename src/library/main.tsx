import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Library } from './Library.tsx';
import { parseLibraryQuery } from './query.ts';
import '../ui/base.css';
import '../ui/claim.css';
import './library.css';
import { WithCatalog } from '../ui/catalog.tsx';

document.title = t('pageTitleLibrary');
const app = document.getElementById('app');
if (app)
  render(
    <WithCatalog>
      <Library initial={parseLibraryQuery(location.search)} />
    </WithCatalog>,
    app,
  );
