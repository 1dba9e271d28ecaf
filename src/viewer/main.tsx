import { render } from 'preact';
import { Viewer } from './Viewer.tsx';
import '../ui/base.css';
import './viewer.css';

const app = document.getElementById('app');
const params = new URLSearchParams(location.search);
if (app) render(<Viewer file={params.get('source') ?? ''} quote={params.get('quote')} />, app);
