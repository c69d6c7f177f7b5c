import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { connectApi } from './lib/api-client';
import { Workbench } from './lib/workbench.svelte';
import { errorNotice } from './lib/notice';

const wb = new Workbench(connectApi());
mount(App, { target: document.getElementById('app')!, props: { wb } });
wb.load().catch((error: unknown) => {
  wb.error = { key: 'app.unreachable', values: { message: errorNotice(error) } };
});
