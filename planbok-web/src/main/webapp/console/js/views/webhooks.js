// Webhooks (admins only): endpoints with their event types, the secret shown once at creation and
// rotation, and each endpoint's delivery log with a Redeliver button per delivery.

import { api } from '../api.js';
import { h, when, badge, pageHead, table, copyButton, confirmAction, flash, busy, ms } from '../ui.js';

export async function webhooksPage({ go }) {
  const overview = await api.get('webhooks');
  const shown = h('div#new-secret');
  return h('div',
    pageHead('Webhooks', 'Signed deliveries of your organization\u2019s events (see docs/webhooks.md).'),
    createForm(overview.eventTypes, shown),
    shown,
    endpointsTable(overview.endpoints, shown));
}

function showSecret(shown, made, what) {
  shown.replaceChildren(h('div.secret-once',
    h('strong', `${what} Copy its signing secret now: `),
    'Planbok keeps it sealed and will never show it again.',
    h('code.mono#new-secret-text', made.secret), copyButton(made.secret, 'Copy secret')));
}

async function reload(shown) {
  const overview = await api.get('webhooks');
  document.getElementById('webhook-endpoints').replaceWith(endpointsTable(overview.endpoints, shown));
}

function createForm(types, shown) {
  const url = h('input#new-webhook-url', { type: 'url', maxlength: 2048, placeholder: 'https://hooks.example.com/planbok', required: true });
  const description = h('input#new-webhook-description', { type: 'text', maxlength: 200, placeholder: 'e.g. ledger sync' });
  const boxes = types.map(t => h('label.check', { title: t.description },
    h('input.webhook-type', { type: 'checkbox', value: t.type }), ' ', t.type));
  const create = h('button#create-webhook', { type: 'submit' }, 'Add endpoint');
  const form = h('form.panel#create-webhook-form',
    h('div', h('label', { for: 'new-webhook-url' }, 'URL'), url),
    h('div', h('label', { for: 'new-webhook-description' }, 'Description'), description),
    h('fieldset', h('legend', 'Events'), boxes),
    create);
  form.addEventListener('submit', e => {
    e.preventDefault();
    busy(create, async () => {
      const eventTypes = [...form.querySelectorAll('.webhook-type:checked')].map(b => b.value);
      const made = await api.post('webhooks', { url: url.value.trim(), description: description.value.trim(), eventTypes });
      url.value = '';
      description.value = '';
      showSecret(shown, made, `Endpoint ${made.endpoint.url} added.`);
      await reload(shown);
    });
  });
  return form;
}

function endpointsTable(endpoints, shown) {
  return table({
    id: 'webhook-endpoints',
    rows: endpoints,
    rowData: e => ({ endpointId: e.id, enabled: String(e.enabled) }),
    empty: { title: 'No webhook endpoints', hint: 'Add one to receive your events.' },
    columns: [
      { title: 'URL', cell: e => h('div', h('strong.mono.wrap', e.url), h('div.muted', e.description)) },
      { title: 'Events', cell: e => h('span.wrap', e.eventTypes.join(', ')), narrow: true },
      { title: 'State', cell: e => e.enabled ? badge('enabled', 'ok') : badge('disabled', 'bad') },
      { title: 'Created', cell: e => when(e.createdAt), narrow: true },
      { title: '', cell: e => actions(e, shown) },
    ],
  });
}

function actions(endpoint, shown) {
  const id = encodeURIComponent(endpoint.id);
  const log = h('button.secondary.small.show-deliveries', { type: 'button' }, 'Deliveries');
  log.addEventListener('click', () => busy(log, () => showDeliveries(endpoint)));
  const toggle = h('button.secondary.small.toggle-webhook', { type: 'button' }, endpoint.enabled ? 'Disable' : 'Enable');
  toggle.addEventListener('click', () => busy(toggle, async () => {
    await api.post(`webhooks/${id}`, { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes, enabled: !endpoint.enabled });
    flash(`Endpoint ${endpoint.enabled ? 'disabled' : 'enabled'}.`);
    await reload(shown);
  }));
  const ping = h('button.secondary.small.ping-webhook', { type: 'button' }, 'Ping');
  ping.addEventListener('click', () => busy(ping, async () => {
    await api.post(`webhooks/${id}/ping`);
    flash('A webhook.ping is on its way.');
  }));
  const rotate = h('button.secondary.small.rotate-webhook', { type: 'button' }, 'Rotate secret');
  rotate.addEventListener('click', async () => {
    if (!(await confirmAction('Rotate the signing secret? Deliveries are signed with the new one at once.', 'Rotate'))) return;
    await busy(rotate, async () => showSecret(shown, await api.post(`webhooks/${id}/rotate-secret`), 'Secret rotated.'));
  });
  const remove = h('button.danger.small.delete-webhook', { type: 'button' }, 'Delete');
  remove.addEventListener('click', async () => {
    if (!(await confirmAction(`Delete ${endpoint.url} and its delivery log?`, 'Delete'))) return;
    await busy(remove, async () => { await api.post(`webhooks/${id}/delete`); flash('Endpoint deleted.'); await reload(shown); });
  });
  return h('span.actions', log, ' ', toggle, ' ', ping, ' ', rotate, ' ', remove);
}

async function showDeliveries(endpoint) {
  const list = await api.get(`webhooks/${encodeURIComponent(endpoint.id)}/deliveries?limit=50`);
  const panel = h('div.panel#webhook-deliveries', { dataset: { endpointId: endpoint.id } },
    h('h2', `Deliveries to ${endpoint.url}`),
    table({
      id: 'webhook-delivery-rows',
      rows: list.items,
      rowData: d => ({ deliveryId: d.id, state: d.state, eventType: d.eventType }),
      empty: { title: 'No deliveries yet', hint: 'Events the endpoint takes appear here.' },
      columns: [
        { title: 'Event', cell: d => h('div', h('strong', d.eventType), h('div.mono.muted', d.eventId)) },
        { title: 'State', cell: d => badge(d.state.toLowerCase(), d.state === 'DELIVERED' ? 'ok' : d.state === 'FAILED' ? 'bad' : '') },
        { title: 'Attempts', cell: d => h('ol.attempts', d.log.map(a => h('li',
          `${when(a.at)} · ${a.statusCode ?? 'no answer'} · ${ms(a.durationMs)}${a.error ? ' · ' + a.error : ''}`))) },
        { title: 'Next', cell: d => d.nextAttemptAt ? when(d.nextAttemptAt) : '', narrow: true },
        { title: '', cell: d => redeliverButton(d, endpoint) },
      ],
    }));
  const old = document.getElementById('webhook-deliveries');
  if (old) old.replaceWith(panel); else document.getElementById('page').firstChild.append(panel);
}

function redeliverButton(delivery, endpoint) {
  const button = h('button.secondary.small.redeliver', { type: 'button' }, 'Redeliver');
  button.addEventListener('click', () => busy(button, async () => {
    await api.post(`webhooks/deliveries/${encodeURIComponent(delivery.id)}/redeliver`);
    flash(`Event ${delivery.eventId} is queued again.`);
    await showDeliveries(endpoint);
  }));
  return button;
}
