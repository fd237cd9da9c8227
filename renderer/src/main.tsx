import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/form.css';
import './styles/result.css';
import './styles/fields.css';
import './styles/history.css';
import './styles/sign-in.css';
import './styles/workspace.css';
import './styles/library.css';
import './styles/overlay.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks the #root element.');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
