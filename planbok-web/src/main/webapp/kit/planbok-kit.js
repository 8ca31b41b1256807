/**
 * Planbok client kit for browsers (an ES module, no framework, no build step).
 *
 * What runs on the customer's device:
 *  - derivePinSecret: the PIN becomes `encryptedSecret = Argon2id(PIN, clientSalt)`; the PIN never
 *    leaves the device (DESIGN §5). Argon2id comes from hash-wasm, served beside this file under
 *    vendor/ (the build fetches it from npm).
 *  - normalizeAnswer / deriveAnswersSecret: security answers become `answersSecret`, exactly as
 *    the Java kit's RecoveryAnswers does; the answers never leave the device.
 *  - newDeviceKey / publicKeyBase64Url: the device's X25519 key an export is sealed to.
 *  - openExport: opens an export, RFC 9180 HPKE base mode, DHKEM(X25519, HKDF-SHA256),
 *    HKDF-SHA256, AES-256-GCM, written here over WebCrypto (DESIGN §4).
 *  - PlanbokClient: a small fetch wrapper for the API (bearer key, idempotency keys, problems).
 *
 * Needs WebCrypto with X25519 (Chrome/Edge 133+, Firefox 130+, Safari 17+, Node.js 20+).
 */

const subtle = globalThis.crypto.subtle;
const utf8 = new TextEncoder();
const EMPTY = new Uint8Array(0);

/** The only key derivation Planbok's PIN endpoints use (GET /customers/{id}/pin repeats it). */
export const PIN_KDF = Object.freeze({
  algorithm: 'argon2id',
  version: 19,
  memoryKiB: 19456,
  iterations: 2,
  parallelism: 1,
  length: 32,
});

/** The one HPKE suite exports are sealed with, and their info string. */
export const EXPORT_SUITE = Object.freeze({
  kem: 0x0020, // DHKEM(X25519, HKDF-SHA256)
  kdf: 0x0001, // HKDF-SHA256
  aead: 0x0002, // AES-256-GCM
  info: 'planbok/export/v1',
});

// ---------------------------------------------------------------------------------------------
// PIN

/**
 * Throws unless the server announces exactly PIN_KDF. The parameters are fixed on purpose: a
 * party in the middle that lowered them would make the PIN cheaper to guess from encryptedSecret.
 */
export function checkKdf(kdf) {
  for (const [name, value] of Object.entries(PIN_KDF)) {
    if (kdf?.[name] !== value) {
      throw new Error(`unexpected PIN kdf ${name}: ${kdf?.[name]} (this kit derives with ${value})`);
    }
  }
}

let hashWasm;

/** hash-wasm's UMD build: as an ES module it sets globalThis.hashwasm; Node.js hands it back. */
async function argon2Library() {
  if (!hashWasm) {
    const module = await import(new URL('./vendor/argon2.umd.min.js', import.meta.url));
    hashWasm = [module, module.default, globalThis.hashwasm].find((m) => m?.argon2id);
    if (!hashWasm) {
      throw new Error('hash-wasm did not load from vendor/argon2.umd.min.js');
    }
  }
  return hashWasm;
}

/**
 * The encryptedSecret for a PIN: base64url without padding of Argon2id (version 0x13, 19456 KiB,
 * 2 iterations, 1 lane, 32 bytes) of the PIN's UTF-8 bytes with the customer's clientSalt.
 * The same as the Java kit's PinSecret.derive.
 */
export async function derivePinSecret(pin, clientSalt) {
  if (typeof pin !== 'string' || pin.length === 0) {
    throw new Error('the PIN is empty');
  }
  const salt = base64UrlDecode(clientSalt); // first: a bad salt leaves no PIN bytes behind
  return secretOf(utf8.encode(pin), salt);
}

/** base64url of Argon2id with the PIN's parameters; zeroes password and the raw output. */
async function secretOf(password, salt) {
  const { argon2id } = await argon2Library();
  let out;
  try {
    out = await argon2id({
      password,
      salt,
      parallelism: PIN_KDF.parallelism,
      iterations: PIN_KDF.iterations,
      memorySize: PIN_KDF.memoryKiB,
      hashLength: PIN_KDF.length,
      outputType: 'binary',
    });
    return base64UrlEncode(out);
  } finally {
    password.fill(0);
    out?.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------
// Security answers

/** Unicode's White_Space property, exactly (JavaScript's \s differs: it has U+FEFF, not U+0085). */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/**
 * One answer as it is derived: NFKC, then lower case (Unicode's default mapping, as Java's
 * toLowerCase(Locale.ROOT)), then every run of white space one space, none at either end.
 */
export function normalizeAnswer(answer) {
  const collapsed = answer.normalize('NFKC').toLowerCase().replace(WHITE_SPACE, ' ');
  const start = collapsed.startsWith(' ') ? 1 : 0;
  let end = collapsed.length;
  if (end > start && collapsed.endsWith(' ')) {
    end -= 1;
  }
  return collapsed.slice(start, end);
}

/**
 * The answersSecret for the answers, in the order of the questions: base64url without padding of
 * Argon2id (the PIN's parameters) of ‖ (u32 big-endian length ‖ UTF-8) of each normalised answer,
 * with the customer's recoverySalt (GET …/recovery, not the PIN's salt). The same as the Java
 * kit's RecoveryAnswers.derive.
 */
export async function deriveAnswersSecret(answers, recoverySalt) {
  const salt = base64UrlDecode(recoverySalt); // first: a bad salt leaves no answer bytes behind
  const parts = answers.map((answer, i) => {
    const bytes = utf8.encode(normalizeAnswer(answer));
    if (bytes.length === 0) {
      throw new Error(`answer ${i + 1} is empty`);
    }
    return concat(i2osp(bytes.length, 4), bytes);
  });
  const password = concat(...parts);
  parts.forEach((p) => p.fill(0));
  return secretOf(password, salt);
}

// ---------------------------------------------------------------------------------------------
// Device key and export

/** A fresh X25519 key pair for one export. Its private half cannot be exported from WebCrypto. */
export function newDeviceKey() {
  return subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']);
}

/** The 32-byte public key as unpadded base64url, as the export endpoint takes it. */
export async function publicKeyBase64Url(deviceKey) {
  return base64UrlEncode(new Uint8Array(await subtle.exportKey('raw', deviceKey.publicKey)));
}

/**
 * Opens an export response (POST …/wallets/{walletId}/export) with the device key it was sealed
 * to and returns the parsed plaintext: {chain, address, format, privateKey[, publicKey]}.
 * Pass {walletId} to insist that the export is the wallet you asked for.
 */
export async function openExport(response, deviceKey, { walletId } = {}) {
  const hpke = response?.hpke;
  if (!hpke) {
    throw new Error('not an export response: no hpke');
  }
  for (const name of ['kem', 'kdf', 'aead', 'info']) {
    if (hpke[name] !== EXPORT_SUITE[name]) {
      throw new Error(`unexpected export ${name}: ${hpke[name]}`);
    }
  }
  // The AAD binds the sealed key to its wallet: a key sealed for another wallet does not open.
  const expected = walletId ?? response.walletId;
  if (hpke.aad !== expected) {
    throw new Error(`the export is sealed for wallet ${hpke.aad}, not ${expected}`);
  }
  const plaintext = await hpkeOpenBase(
    {
      aead: hpke.aead,
      enc: base64UrlDecode(hpke.enc),
      info: utf8.encode(hpke.info),
      aad: utf8.encode(hpke.aad),
      ciphertext: base64UrlDecode(hpke.ciphertext),
    },
    deviceKey,
  );
  try {
    const opened = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
    if (opened.address !== response.address || opened.chain !== response.chain) {
      throw new Error('the opened key is not for the wallet the response names');
    }
    return opened;
  } finally {
    plaintext.fill(0);
  }
}

const AEADS = { 1: { name: 'AES-128-GCM', nk: 16 }, 2: { name: 'AES-256-GCM', nk: 32 } };
const NH = 32; // SHA-256 output
const NN = 12; // AES-GCM nonce
const HPKE_V1 = utf8.encode('HPKE-v1');

/**
 * RFC 9180 single-shot open in base mode with DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256, for
 * AES-128-GCM (aead 1, so that the RFC's A.1.1 vector can check it) or AES-256-GCM (aead 2).
 * All byte arguments are Uint8Arrays; deviceKey is a WebCrypto X25519 CryptoKeyPair.
 */
export async function hpkeOpenBase({ aead, enc, info, aad, ciphertext }, deviceKey) {
  const suiteAead = AEADS[aead];
  if (!suiteAead) {
    throw new Error(`unsupported HPKE aead ${aead}`);
  }
  if (enc.length !== 32) {
    throw new Error('enc must be a 32-byte X25519 public key');
  }
  const secrets = [];
  try {
    // 4.1 DHKEM Decap: dh = DH(skR, pkE); kem_context = enc ‖ pkRm
    const dh = await x25519(deviceKey.privateKey, enc);
    secrets.push(dh);
    const pkRm = new Uint8Array(await subtle.exportKey('raw', deviceKey.publicKey));
    const kemContext = concat(enc, pkRm);
    // 4.1 ExtractAndExpand with suite_id = "KEM" ‖ I2OSP(kem_id, 2)
    const kemSuite = concat(utf8.encode('KEM'), i2osp(EXPORT_SUITE.kem, 2));
    const eaePrk = await labeledExtract(kemSuite, EMPTY, 'eae_prk', dh);
    secrets.push(eaePrk);
    const sharedSecret = await labeledExpand(kemSuite, eaePrk, 'shared_secret', kemContext, NH);
    secrets.push(sharedSecret);

    // 5.1 KeySchedule, mode_base (0x00), empty psk and psk_id
    const suite = concat(
      utf8.encode('HPKE'),
      i2osp(EXPORT_SUITE.kem, 2),
      i2osp(EXPORT_SUITE.kdf, 2),
      i2osp(aead, 2),
    );
    const pskIdHash = await labeledExtract(suite, EMPTY, 'psk_id_hash', EMPTY);
    const infoHash = await labeledExtract(suite, EMPTY, 'info_hash', info);
    const context = concat(Uint8Array.of(0x00), pskIdHash, infoHash);
    const secret = await labeledExtract(suite, sharedSecret, 'secret', EMPTY);
    secrets.push(secret);
    const key = await labeledExpand(suite, secret, 'key', context, suiteAead.nk);
    secrets.push(key);
    const baseNonce = await labeledExpand(suite, secret, 'base_nonce', context, NN);

    // 5.2 ContextR.Open with seq = 0: nonce = base_nonce XOR I2OSP(0, Nn) = base_nonce
    const aesKey = await subtle.importKey('raw', key, { name: 'AES-GCM' }, false, ['decrypt']);
    try {
      return new Uint8Array(
        await subtle.decrypt(
          { name: 'AES-GCM', iv: baseNonce, additionalData: aad, tagLength: 128 },
          aesKey,
          ciphertext,
        ),
      );
    } catch {
      throw new Error('the export does not open: not sealed to this device key, or altered');
    }
  } finally {
    secrets.forEach((s) => s.fill(0));
  }
}

async function x25519(privateKey, publicKey) {
  try {
    const pkE = await subtle.importKey('raw', publicKey, { name: 'X25519' }, false, []);
    return new Uint8Array(await subtle.deriveBits({ name: 'X25519', public: pkE }, privateKey, 256));
  } catch {
    // WebCrypto refuses an all-zero shared secret (a small-order enc), as RFC 9180 §7.1.4 asks.
    throw new Error('the export does not open: its enc is not a usable X25519 public key');
  }
}

// 4. LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" ‖ suite_id ‖ label ‖ ikm)
function labeledExtract(suiteId, salt, label, ikm) {
  return hkdfExtract(salt, concat(HPKE_V1, suiteId, utf8.encode(label), ikm));
}

// 4. LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) ‖ "HPKE-v1" ‖ suite_id ‖ label ‖ info, L)
function labeledExpand(suiteId, prk, label, info, length) {
  const labeledInfo = concat(i2osp(length, 2), HPKE_V1, suiteId, utf8.encode(label), info);
  return hkdfExpand(prk, labeledInfo, length);
}

// RFC 5869 2.2. An absent salt is HashLen zero bytes; WebCrypto refuses an empty HMAC key, and
// HMAC pads either to the same block, so the zeros are the same function.
function hkdfExtract(salt, ikm) {
  return hmacSha256(salt.length ? salt : new Uint8Array(NH), ikm);
}

// RFC 5869 2.3: T(i) = HMAC(PRK, T(i-1) ‖ info ‖ i), output the first L bytes
async function hkdfExpand(prk, info, length) {
  const out = new Uint8Array(length);
  let block = EMPTY;
  for (let i = 1, filled = 0; filled < length; i++) {
    block = await hmacSha256(prk, concat(block, info, Uint8Array.of(i)));
    out.set(block.subarray(0, Math.min(NH, length - filled)), filled);
    filled += NH;
  }
  block.fill(0);
  return out;
}

async function hmacSha256(key, data) {
  const k = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', k, data));
}

function i2osp(value, length) {
  const out = new Uint8Array(length);
  for (let i = length - 1, v = value; i >= 0; i--, v >>>= 8) {
    out[i] = v & 0xff;
  }
  return out;
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Unpadded base64url of bytes (RFC 4648 §5). */
export function base64UrlEncode(bytes) {
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Bytes of base64url text, padded or not; anything else is refused. */
export function base64UrlDecode(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*={0,2}$/.test(text)) {
    throw new Error('not base64url text');
  }
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// ---------------------------------------------------------------------------------------------
// API

/** An RFC 9457 problem answered by the API. */
export class PlanbokProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'PlanbokProblem';
    this.status = status;
    this.type = problem?.type;
    this.field = problem?.field;
    this.problem = problem;
  }
}

/**
 * Calls Planbok's API under baseUrl (default: this origin's /api/v1) with an organization API key.
 * Every POST carries an Idempotency-Key, fresh unless you pass one (pass the same one to retry a
 * call safely). An organization's API key belongs on the organization's backend; a browser app
 * calls its own backend, which forwards. Only demos and tools hold the key in a page.
 */
export class PlanbokClient {
  constructor({ apiKey, baseUrl = '/api/v1', fetch = globalThis.fetch.bind(globalThis) }) {
    this.apiKey = apiKey;
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.fetch = fetch;
  }

  get(path) {
    return this.request('GET', path);
  }

  post(path, body, { idempotencyKey = crypto.randomUUID() } = {}) {
    return this.request('POST', path, body, { 'Idempotency-Key': idempotencyKey });
  }

  async request(method, path, body, headers = {}) {
    const response = await this.fetch(this.baseUrl + path, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a proxy's or the server's HTML error page. Report its status, not a SyntaxError.
      json = { title: `HTTP ${response.status} with a non-JSON body` };
      if (response.ok) {
        throw new PlanbokProblem(response.status, json);
      }
    }
    if (!response.ok) {
      throw new PlanbokProblem(response.status, json);
    }
    return json;
  }

  createCustomer(externalRef, email) {
    return this.post('/customers', { externalRef, email });
  }

  pin(customerId) {
    return this.get(`/customers/${encodeURIComponent(customerId)}/pin`);
  }

  setUpPin(customerId, encryptedSecret) {
    return this.post(`/customers/${encodeURIComponent(customerId)}/pin`, { encryptedSecret });
  }

  generateKeys(customerId, encryptedSecret, curves = ['secp256k1', 'ed25519']) {
    return this.post(`/customers/${encodeURIComponent(customerId)}/keys`, {
      encryptedSecret,
      curves,
    });
  }

  createWallet(customerId, { chain, index = 0, format }) {
    const body = format === undefined ? { chain, index } : { chain, index, format };
    return this.post(`/customers/${encodeURIComponent(customerId)}/wallets`, body);
  }

  sign(customerId, walletId, encryptedSecret, request) {
    return this.post(`${this.walletPath(customerId, walletId)}/signatures`, {
      encryptedSecret,
      ...request,
    });
  }

  exportWallet(customerId, walletId, encryptedSecret, devicePublicKey) {
    return this.post(`${this.walletPath(customerId, walletId)}/export`, {
      encryptedSecret,
      devicePublicKey,
    });
  }

  recovery(customerId) {
    return this.get(`/customers/${encodeURIComponent(customerId)}/recovery`);
  }

  setUpQuestions(customerId, encryptedSecret, questions, answersSecret) {
    return this.post(`/customers/${encodeURIComponent(customerId)}/recovery/questions`, {
      encryptedSecret,
      questions,
      answersSecret,
    });
  }

  recoverWithAnswers(customerId, answersSecret, newEncryptedSecret) {
    return this.post(`/customers/${encodeURIComponent(customerId)}/recovery/questions/recover`, {
      answersSecret,
      newEncryptedSecret,
    });
  }

  walletPath(customerId, walletId) {
    return `/customers/${encodeURIComponent(customerId)}/wallets/${encodeURIComponent(walletId)}`;
  }
}
