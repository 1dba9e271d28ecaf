import { render } from 'preact';
import { t } from '../shared/i18n.ts';
import { Options } from './Options.tsx';
import '../ui/base.css';
import './options.css';
import { WithCatalog } from '../ui/catalog.tsx';

document.title = t('pageTitleOptions');
const app = document.getElementById('app');
if (app)
  render(
    <WithCatalog>
      <Options />
    </WithCatalog>,
    app,
  );
