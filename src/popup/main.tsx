import { render } from 'preact';
import { Popup } from './Popup.tsx';
import { resolveTabId } from './tab.ts';
import '../ui/base.css';
import './popup.css';

const app = document.getElementById('app');
if (app) render(<Popup tabId={resolveTabId(location.search)} />, app);
