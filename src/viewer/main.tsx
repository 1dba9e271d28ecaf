import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Viewer } from './Viewer.tsx';
import '../ui/base.css';
import './viewer.css';
import { WithCatalog } from '../ui/catalog.tsx';

document.title = t('pageTitleViewer');
const app = document.getElementById('app');
const params = new URLSearchParams(location.search);
if (app)
  render(
    <WithCatalog>
      <Viewer file={params.get('source') ?? ''} quote={params.get('quote')} />
    </WithCatalog>,
    app,
  );
