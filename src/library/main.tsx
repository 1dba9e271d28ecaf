import { render } from 'preact';
import { Library } from './Library.tsx';
import { parseLibraryQuery } from './query.ts';
import '../ui/base.css';
import './library.css';

const app = document.getElementById('app');
if (app) render(<Library initial={parseLibraryQuery(location.search)} />, app);
