import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Panel } from './Panel.tsx';
import { panelWindow } from './follow.ts';
import '../ui/base.css';
import '../ui/claim.css';
import '../ui/summary/summary.css';
import './panel.css';
import { WithCatalog } from '../ui/catalog.tsx';

document.title = t('pageTitlePanel');
const app = document.getElementById('app');
if (app)
  render(
    <WithCatalog>
      <Panel windowId={panelWindow(location.search)} />
    </WithCatalog>,
    app,
  );
