import { t } from '../shared/i18n.ts';
import { Viewer } from './Viewer.tsx';
import '../ui/base.css';
import './viewer.css';
import { mountPage } from '../ui/mount.tsx';

document.title = t('pageTitleViewer');
const params = new URLSearchParams(location.search);
mountPage(<Viewer file={params.get('source') ?? ''} quote={params.get('quote')} />);
