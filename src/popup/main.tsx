import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Popup } from './Popup.tsx';
import { resolveTabId } from './tab.ts';
import '../ui/base.css';
import '../ui/claim.css';
import '../ui/summary/summary.css';
import './popup.css';
import { WithCatalog } from '../ui/catalog.tsx';

document.title = t('pageTitlePopup');
const app = document.getElementById('app');
if (app)
  render(
    <WithCatalog>
      <Popup tabId={resolveTabId(location.search)} />
    </WithCatalog>,
    app,
  );
