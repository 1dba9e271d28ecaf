import { t } from '../shared/i18n.ts';
import { Options } from './Options.tsx';
import '../ui/base.css';
import './options.css';
import { mountPage } from '../ui/mount.tsx';

document.title = t('pageTitleOptions');
mountPage(<Options />);
