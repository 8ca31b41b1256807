// The demo wallet: each step calls the API through the client kit and shows its result in an
// element with a stable id (the browser test reads them). Steps unlock one after another.
import {
  PlanbokClient,
  PlanbokProblem,
  checkKdf,
  derivePinKey,
  derivePinSecret,
  MIN_PIN_LENGTH,
  newDeviceKey,
  openExport,
  publicKeyBase64Url,
} from '../kit/planbok-kit.js';

const $ = (id) => document.getElementById(id);
const ORDER = ['connect', 'customer', 'pin', 'keys', 'wallet', 'sign', 'export'];
const BUTTONS = {
  connect: 'connect',
  customer: 'create-customer',
  pin: 'set-pin',
  keys: 'generate-keys',
  wallet: 'create-wallet',
  sign: 'sign',
  export: 'export',
};

// What the page knows. encryptedSecret stays in memory only; a real app would ask for the PIN
// again before a signature instead of keeping it. An export asks for the PIN again: the PIN's key
// (which authorizes it) is never kept.
const session = {
  client: null,
  customerId: null,
  clientSalt: null,
  secret: null,
  walletId: null,
  address: null,
};

// Signing and exporting may be repeated; the other steps build the one customer this page shows.
const REPEATABLE = new Set(['sign', 'export']);

function setState(step, state) {
  $(`step-${step}`).dataset.state = state;
  $(BUTTONS[step]).disabled =
    state === 'locked' || state === 'busy' || (state === 'done' && !REPEATABLE.has(step));
}

function unlock(step) {
  const next = ORDER[ORDER.indexOf(step) + 1];
  if (next && $(`step-${next}`).dataset.state === 'locked') {
    setState(next, 'ready');
  }
}

function describe(error) {
  if (error instanceof PlanbokProblem) {
    const field = error.field ? ` (${error.field})` : '';
    return `${error.status} ${error.type?.split('/').pop() ?? ''}: ${error.message}${field}`;
  }
  return error?.message ?? String(error);
}

/** Runs one step: busy while it runs, then done (next step unlocked) or its error shown. */
function onClick(step, run) {
  $(BUTTONS[step]).addEventListener('click', async () => {
    $(`${step}-error`).textContent = '';
    setState(step, 'busy');
    try {
      await run();
      setState(step, 'done');
      unlock(step);
    } catch (error) {
      console.error(error);
      $(`${step}-error`).textContent = describe(error);
      setState(step, 'error');
    }
  });
}

onClick('connect', async () => {
  const apiKey = $('api-key').value.trim();
  if (!apiKey) {
    throw new Error('paste an organization API key');
  }
  const client = new PlanbokClient({ apiKey, baseUrl: new URL('../api/v1', document.baseURI).href });
  await client.get('/customers?limit=1'); // 401 here if the key is wrong
  session.client = client;
  $('connect-result').textContent = 'Connected: the key works.';
});

onClick('customer', async () => {
  const ref = `demo-${crypto.randomUUID().slice(0, 8)}`;
  const customer = await session.client.createCustomer(ref, `${ref}@example.com`);
  session.customerId = customer.id;
  $('customer-id').textContent = customer.id;
  $('customer-ref').textContent = customer.externalRef;
});

onClick('pin', async () => {
  const pin = $('pin').value;
  if (!new RegExp(`^\\d{${MIN_PIN_LENGTH},}$`).test(pin)) {
    throw new Error(`the PIN must be at least ${MIN_PIN_LENGTH} digits`);
  }
  const settings = await session.client.pin(session.customerId);
  checkKdf(settings.kdf);
  const started = performance.now();
  const secret = await derivePinSecret(pin, settings.clientSalt);
  $('derive-ms').textContent = `${Math.round(performance.now() - started)} ms`;
  const result = await session.client.setUpPin(session.customerId, secret);
  session.secret = secret;
  session.clientSalt = settings.clientSalt;
  $('pin').value = '';
  $('pin-state').textContent = result?.state ?? 'SET';
});

onClick('keys', async () => {
  const keys = await session.client.generateKeys(session.customerId, session.secret);
  $('keys').replaceChildren(
    ...keys.items.map((key) => {
      const li = document.createElement('li');
      li.dataset.curve = key.curve;
      const name = document.createElement('b');
      name.textContent = key.curve;
      const code = document.createElement('code');
      code.textContent = key.publicKey;
      li.append(name, ' ', code);
      return li;
    }),
  );
});

onClick('wallet', async () => {
  const wallet = await session.client.createWallet(session.customerId, { chain: 'ethereum', index: 0 });
  session.walletId = wallet.id;
  session.address = wallet.address;
  $('address').textContent = wallet.address;
  $('wallet-path').textContent = wallet.path ?? '';
});

onClick('sign', async () => {
  const signed = await session.client.sign(session.customerId, session.walletId, session.secret, {
    type: 'personal_sign',
    message: $('message').value,
  });
  $('signature').textContent = signed.signature;
});

onClick('export', async () => {
  const pin = $('export-pin').value;
  $('export-pin').value = '';
  let fingerprint = $('export-fingerprint').value.trim();
  if (!fingerprint) {
    // A real app ships the fingerprint (console, README); the demo trusts the server once.
    fingerprint = (await session.client.exportKey()).fingerprint;
    $('export-fingerprint').value = fingerprint;
  }
  const deviceKey = await newDeviceKey();
  $('device-public-key').textContent = await publicKeyBase64Url(deviceKey);
  const pinKey = await derivePinKey(pin, session.clientSalt);
  let sealed;
  try {
    sealed = await session.client.exportWallet(session.customerId, session.walletId, {
      pinKey,
      deviceKey,
      exportKeyFingerprint: fingerprint,
    });
  } finally {
    pinKey.fill(0);
  }
  $('export-key-fingerprint').textContent = fingerprint.toLowerCase();
  const opened = await openExport(sealed, deviceKey, {
    walletId: session.walletId,
    address: session.address,
  });
  $('export-address').textContent = opened.address;
  $('export-format').textContent = opened.format;
  $('export-private-key').textContent = opened.privateKey;
});

for (const step of ORDER) {
  setState(step, step === 'connect' ? 'ready' : 'locked');
}
$('api-key').addEventListener('keydown', (e) => e.key === 'Enter' && $('connect').click());
$('pin').addEventListener('keydown', (e) => e.key === 'Enter' && $('set-pin').click());
$('export-pin').addEventListener('keydown', (e) => e.key === 'Enter' && $('export').click());
document.body.dataset.ready = 'true';
