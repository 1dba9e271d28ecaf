import { t } from '../shared/i18n.ts';
import { Library } from './Library.tsx';
import { parseLibraryQuery } from './query.ts';
import '../ui/base.css';
import '../ui/claim.css';
import './library.css';
import { mountPage } from '../ui/mount.tsx';

document.title = t('pageTitleLibrary');
mountPage(<Library initial={parseLibraryQuery(location.search)} />);
