import { render } from 'preact';
import { Options } from './Options.tsx';
import '../ui/base.css';
import './options.css';

const app = document.getElementById('app');
if (app) render(<Options />, app);
