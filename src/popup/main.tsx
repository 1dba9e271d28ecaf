import { t } from '../shared/i18n.ts';
import { Popup } from './Popup.tsx';
import { resolveTabId } from './tab.ts';
import '../ui/base.css';
import '../ui/claim.css';
import '../ui/summary/summary.css';
import './popup.css';
import { mountPage } from '../ui/mount.tsx';

document.title = t('pageTitlePopup');
mountPage(<Popup tabId={resolveTabId(location.search)} />);
