import { t } from '../shared/i18n.ts';
import { Panel } from './Panel.tsx';
import { panelWindow } from './follow.ts';
import '../ui/base.css';
import '../ui/claim.css';
import '../ui/summary/summary.css';
import './panel.css';
import { mountPage } from '../ui/mount.tsx';

document.title = t('pageTitlePanel');
mountPage(<Panel windowId={panelWindow(location.search)} />);
