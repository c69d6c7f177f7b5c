import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { connectApi } from './lib/api-client';
import { Workbench } from './lib/workbench.svelte';
import { errorMessage } from '../../shared/errors';
import { t } from './lib/i18n';

const wb = new Workbench(connectApi());
mount(App, { target: document.getElementById('app')!, props: { wb } });
wb.load().catch((error: unknown) => {
  wb.error = t('app.unreachable', { message: errorMessage(error) });
});
