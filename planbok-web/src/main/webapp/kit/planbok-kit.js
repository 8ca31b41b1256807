/**
 * Planbok client kit for browsers (an ES module, no framework, no build step).
 *
 * What runs on the customer's device:
 *  - derivePinKey / encryptedSecretOf / derivePinSecret: the PIN becomes
 *    `pinKey = Argon2id(PIN, clientSalt)`, which stays on the device, and
 *    `encryptedSecret = HMAC-SHA256(pinKey, "planbok/v1/encrypted-secret")`, which the backend
 *    relays; the PIN never leaves the device (DESIGN §5). PINs under 6 digits are refused.
 *    Argon2id comes from hash-wasm, served beside this file under vendor/ (the build fetches it
 *    from npm).
 *  - normalizeAnswer / deriveAnswersSecret: security answers become `answersSecret`, exactly as
 *    the Java kit's RecoveryAnswers does; the answers never leave the device.
 *  - newDeviceKey / publicKeyBase64Url: the device's X25519 key an export is sealed to.
 *  - pinnedExportKey / authorizeExport: the device's authorization of one export, sealed to Node
 *    2's pinned export key with the pinKey, so that only a PIN holder names the device key.
 *  - openExport: opens both parts of an export v2 and adds them (planbok-keys.js checks the sum
 *    against the wallet's key and address); RFC 9180 HPKE base mode, DHKEM(X25519, HKDF-SHA256),
 *    HKDF-SHA256, AES-256-GCM, written here over WebCrypto (DESIGN §4).
 *  - PlanbokClient: a small fetch wrapper for the API (bearer key, idempotency keys, problems).
 *
 * Needs WebCrypto with X25519 (Chrome/Edge 133+, Firefox 130+, Safari 17+, Node.js 20+).
 */

import {
  addressesOf,
  compress,
  curveOf,
  ed25519Multiply,
  ED25519,
  fits,
  hexToBytes,
  joinSeed,
  needsSeed,
  privateKeyText,
  secp256k1Multiply,
  SECP256K1,
  toHex,
} from './planbok-keys.js';

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

/** The shortest PIN the kit derives: a 6-digit PIN is 10^6 Argon2id runs for a guesser. */
export const MIN_PIN_LENGTH = 6;

/** The HMAC message that turns a pinKey into the encryptedSecret. */
export const ENCRYPTED_SECRET_LABEL = 'planbok/v1/encrypted-secret';

/** The one HPKE suite exports and authorizations are sealed with, and their info strings. */
export const EXPORT_SUITE = Object.freeze({
  kem: 0x0020, // DHKEM(X25519, HKDF-SHA256)
  kdf: 0x0001, // HKDF-SHA256
  aead: 0x0002, // AES-256-GCM
  node1Info: 'planbok/export/v2/node1',
  node2Info: 'planbok/export/v2/node2',
  authorizationInfo: 'planbok/export-authorization/v1',
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
 * The 32-byte pinKey of a PIN: Argon2id (version 0x13, 19456 KiB, 2 iterations, 1 lane) of the
 * PIN's UTF-8 bytes with the customer's clientSalt. It stays on the device (it goes out only
 * sealed to Node 2 in an export authorization); zero it when done. Refuses a PIN of fewer than
 * MIN_PIN_LENGTH characters. The same as the Java kit's PinSecret.pinKey.
 */
export async function derivePinKey(pin, clientSalt) {
  if (typeof pin !== 'string' || [...pin].length < MIN_PIN_LENGTH) {
    const length = typeof pin === 'string' ? [...pin].length : 0;
    throw new Error(
      `a PIN needs at least ${MIN_PIN_LENGTH} digits; this one has ${length}: ask for a longer one`,
    );
  }
  const salt = base64UrlDecode(clientSalt); // first: a bad salt leaves no PIN bytes behind
  return argon2Raw(utf8.encode(pin), salt);
}

/** The encryptedSecret of a pinKey: unpadded base64url of HMAC-SHA256(pinKey, label). */
export async function encryptedSecretOf(pinKey) {
  if (!(pinKey instanceof Uint8Array) || pinKey.length !== PIN_KDF.length) {
    throw new Error('a pinKey has 32 bytes');
  }
  const mac = await hmacSha256(pinKey, utf8.encode(ENCRYPTED_SECRET_LABEL));
  try {
    return base64UrlEncode(mac);
  } finally {
    mac.fill(0);
  }
}

/**
 * The encryptedSecret for a PIN, encryptedSecretOf(derivePinKey(pin, clientSalt)), for the calls
 * that need no export authorization. The same as the Java kit's PinSecret.derive.
 */
export async function derivePinSecret(pin, clientSalt) {
  const pinKey = await derivePinKey(pin, clientSalt);
  try {
    return await encryptedSecretOf(pinKey);
  } finally {
    pinKey.fill(0);
  }
}

/** Argon2id with the PIN's parameters; zeroes the password. The caller zeroes the output. */
async function argon2Raw(password, salt) {
  const { argon2id } = await argon2Library();
  try {
    return await argon2id({
      password,
      salt,
      parallelism: PIN_KDF.parallelism,
      iterations: PIN_KDF.iterations,
      memorySize: PIN_KDF.memoryKiB,
      hashLength: PIN_KDF.length,
      outputType: 'binary',
    });
  } finally {
    password.fill(0);
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
  const out = await argon2Raw(password, salt);
  try {
    return base64UrlEncode(out);
  } finally {
    out.fill(0);
  }
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
 * Node 2's export-authorization key from GET /system/export-key ({publicKey, fingerprint}), as
 * 32 bytes, if the SHA-256 of the key is pinnedFingerprint (64 hex digits, either case, colons
 * allowed): the fingerprint the integrator configured in the app, never the one served with it.
 */
export async function pinnedExportKey(served, pinnedFingerprint) {
  const key = base64UrlDecode(served?.publicKey ?? '');
  if (key.length !== 32) {
    throw new Error('the export key must be a 32-byte X25519 public key');
  }
  const expected = String(pinnedFingerprint ?? '').replace(/[:\s]/g, '').toLowerCase();
  const actual = toHex(new Uint8Array(await subtle.digest('SHA-256', key)));
  if (actual !== expected) {
    throw new Error(
      `the export key served has fingerprint ${actual}, not the pinned ${expected}: ` +
        "refusing to seal the PIN's key to it",
    );
  }
  return key;
}

/**
 * The `authorization` of one export: HPKE-sealed to Node 2's export key (from pinnedExportKey),
 * info "planbok/export-authorization/v1", aad the challenge's 32 bytes, plaintext the
 * length-prefixed [label, pinKey, devicePublicKey, keyId, path]; base64url(enc ‖ ciphertext).
 * keyId and path are the wallet's, as its JSON shows them. The same as the Java kit's
 * ExportAuthorization.seal.
 */
export async function authorizeExport({ pinKey, devicePublicKey, keyId, path, challenge, exportKey }) {
  const device =
    typeof devicePublicKey === 'string' ? base64UrlDecode(devicePublicKey) : devicePublicKey;
  const aad = typeof challenge === 'string' ? base64UrlDecode(challenge) : challenge;
  if (!(pinKey instanceof Uint8Array) || pinKey.length !== 32) throw new Error('a pinKey has 32 bytes');
  if (device?.length !== 32) throw new Error('a device public key has 32 bytes');
  if (aad?.length !== 32) throw new Error('an export challenge has 32 bytes');
  if (!keyId || !path) throw new Error("keyId and path are the wallet's, never empty");
  const field = (bytes) => concat(i2osp(bytes.length, 4), bytes);
  const plaintext = concat(
    field(utf8.encode(EXPORT_SUITE.authorizationInfo)),
    field(pinKey),
    field(device),
    field(utf8.encode(keyId)),
    field(utf8.encode(path)),
  );
  try {
    const { enc, ciphertext } = await hpkeSealBase(
      { info: utf8.encode(EXPORT_SUITE.authorizationInfo), aad, plaintext },
      exportKey,
    );
    return base64UrlEncode(concat(enc, ciphertext));
  } finally {
    plaintext.fill(0);
  }
}

const NODE1_MEMBERS = ['chain', 'address', 'format', 'curve', 'keyId', 'path', 'publicKey', 'part'];

/**
 * Opens an export v2 response (POST …/wallets/{walletId}/export) with the device key both parts
 * were sealed to, adds Node 1's part m1 and Node 2's part m2 (x = m1 + m2 mod n), checks that x·G
 * is the wallet's public key and that its address on the chain is the response's (and the
 * `address` you pass: the one the app showed), and returns what export v1 returned:
 * {chain, address, format, privateKey[, publicKey]}. Pass {walletId} to insist on the wallet.
 * An ed25519 key made from a seed (issue 13) and exported at its root comes with a seed part from
 * each node (Node 1's `seedPart`, Node 2's part version 2); the kit joins them and checks that the
 * seed makes x before it shows anything, and formats the seed for solana-keypair,
 * solana-keypair-json and near-keypair.
 */
export async function openExport(response, deviceKey, { walletId, address } = {}) {
  const expected = walletId ?? response?.walletId;
  const node1Sealed = response?.hpke;
  const node2Sealed = response?.node2Hpke;
  if (!node1Sealed || !node2Sealed) {
    throw new Error('not an export v2 response: no hpke and node2Hpke');
  }
  if (response.walletId !== expected || node1Sealed.aad !== expected) {
    throw new Error(`the export is sealed for wallet ${node1Sealed.aad}, not ${expected}`);
  }
  if (address !== undefined && response.address !== address) {
    throw new Error(`the export is of address ${response.address}, not ${address}`);
  }
  const node1 = await openNode1(node1Sealed, expected, deviceKey);
  const { chain, curve, format } = node1;
  for (const name of ['chain', 'address', 'format']) {
    if (response[name] !== node1[name]) {
      throw new Error(`the response's ${name} is ${response[name]} but Node 1 sealed ${node1[name]}`);
    }
  }
  if (curveOf(chain) !== curve) {
    throw new Error(`the response's curve is ${curve}, not that of ${chain}`);
  }
  if (!fits(format, curve, chain)) {
    throw new Error(`${format} is not an export form of a ${chain} key`);
  }
  const node2Aad = `${node1.keyId}:${node1.path}`;
  if (node2Sealed.aad !== node2Aad) {
    throw new Error(`Node 2's part is sealed for ${node2Sealed.aad}, not ${node2Aad}`);
  }
  const node2 = await openNode2(node2Sealed, node2Aad, curve, deviceKey);
  let seedPart1 = null;
  let seed = null;
  try {
    if (node1.seedPart !== undefined) seedPart1 = hexToBytes(node1.seedPart);
    requireSeedPartsFit(seedPart1 !== null, node2.seedPart !== null, curve, node1.path, format);
    const secp = curve === 'secp256k1';
    const n = secp ? SECP256K1.n : ED25519.l;
    const m1 = BigInt(`0x${node1.part}`);
    if (m1 >= n || node2.m2 >= n) {
      throw new Error("a part is not a scalar below the curve's order");
    }
    const x = (m1 + node2.m2) % n;
    if (x === 0n) throw new Error('the parts add up to zero');
    const publicKey = hexToBytes(node1.publicKey);
    const point = secp ? secp256k1Multiply(x) : null;
    const actual = secp ? compress(point) : ed25519Multiply(x);
    if (toHex(actual) !== toHex(publicKey)) {
      throw new Error(`the two parts do not add up to the wallet's key ${node1.publicKey}`);
    }
    if (!(await addressesOf(chain, publicKey, point)).includes(response.address)) {
      throw new Error(`the opened key's address on ${chain} is not ${response.address}`);
    }
    if (seedPart1 !== null) seed = await joinSeed(seedPart1, node2.seedPart, x);
    const opened = {
      chain,
      address: response.address,
      format,
      privateKey: await privateKeyText(chain, format, x, publicKey, seed),
    };
    if (!secp) opened.publicKey = toHex(publicKey);
    return opened;
  } finally {
    seedPart1?.fill(0);
    node2.seedPart?.fill(0);
    seed?.fill(0);
  }
}

// Node 1's JSON: exactly NODE1_MEMBERS, strings, part 64 hex digits; seedPart (optional) 64
// lower-case hex digits
async function openNode1(sealed, walletId, deviceKey) {
  const plain = await openPart(sealed, EXPORT_SUITE.node1Info, walletId, deviceKey);
  let node1;
  try {
    node1 = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new Error("Node 1's export part is malformed: not JSON");
  } finally {
    plain.fill(0);
  }
  const members = Object.keys(node1 ?? {}).filter((m) => m !== 'seedPart').sort();
  if (
    members.join() !== [...NODE1_MEMBERS].sort().join() ||
    !NODE1_MEMBERS.every((m) => typeof node1[m] === 'string') ||
    !/^[0-9a-f]{64}$/i.test(node1.part) ||
    (node1.seedPart !== undefined &&
      !(typeof node1.seedPart === 'string' && /^[0-9a-f]{64}$/.test(node1.seedPart)))
  ) {
    throw new Error("Node 1's export part is malformed: unexpected or missing members");
  }
  return node1;
}

// Node 2's bytes: version 1, 0x01 ‖ curve (1 secp256k1, 2 ed25519) ‖ m2 (34 bytes), or, for an
// ed25519 key made from a seed exported at its root, version 2, 0x02 ‖ 0x02 ‖ m2 ‖ seedPart (66)
async function openNode2(sealed, aad, curve, deviceKey) {
  const plain = await openPart(sealed, EXPORT_SUITE.node2Info, aad, deviceKey);
  try {
    const secp = curve === 'secp256k1';
    const v1 = plain.length === 34 && plain[0] === 1 && plain[1] === (secp ? 1 : 2);
    const v2 = !secp && plain.length === 66 && plain[0] === 2 && plain[1] === 2;
    if (!v1 && !v2) {
      throw new Error(
        secp
          ? "Node 2's part is not version 1 of a secp256k1 share (0x01 ‖ curve ‖ 32 bytes)"
          : "Node 2's part is not version 1 or 2 of an ed25519 share (0x01 ‖ curve ‖ 32 bytes," +
              ' or 0x02 ‖ curve ‖ 32 bytes ‖ 32-byte seed part)',
      );
    }
    let m2 = 0n;
    for (let i = 2; i < 34; i++) m2 = (m2 << 8n) | BigInt(plain[i]);
    return { m2, seedPart: v2 ? plain.slice(34, 66) : null };
  } finally {
    plain.fill(0);
  }
}

// Seed parts come from both nodes or from neither, only for an ed25519 key at its root (the seed
// makes the root key; a child's key is the root's plus a tweak), and a seed form needs them.
function requireSeedPartsFit(fromNode1, fromNode2, curve, path, format) {
  if (fromNode1 !== fromNode2) {
    throw new Error(
      fromNode1
        ? 'Node 1 sent a seed part and Node 2 none'
        : 'Node 2 sent a seed part and Node 1 none',
    );
  }
  if (fromNode1 && !(curve === 'ed25519' && (path === 'm' || path === ''))) {
    throw new Error(
      `seed parts are only for the root (path m) of an ed25519 key, not ${curve} ${path}`,
    );
  }
  if (!fromNode1 && needsSeed(format)) {
    throw new Error('this key has no seed: it was made before seed keys, or the wallet is not index 0');
  }
}

async function openPart(sealed, info, aad, deviceKey) {
  for (const name of ['kem', 'kdf', 'aead']) {
    if (sealed[name] !== EXPORT_SUITE[name]) {
      throw new Error(`unexpected export ${name}: ${sealed[name]}`);
    }
  }
  if (sealed.info !== info) {
    throw new Error(`unexpected export info: ${sealed.info} (expected ${info})`);
  }
  return hpkeOpenBase(
    {
      aead: sealed.aead,
      enc: base64UrlDecode(sealed.enc),
      info: utf8.encode(info),
      aad: utf8.encode(aad),
      ciphertext: base64UrlDecode(sealed.ciphertext),
    },
    deviceKey,
  );
}

const AEADS = { 1: { name: 'AES-128-GCM', nk: 16 }, 2: { name: 'AES-256-GCM', nk: 32 } };
const NH = 32; // SHA-256 output
const NN = 12; // AES-GCM nonce
const HPKE_V1 = utf8.encode('HPKE-v1');
const KEM_SUITE = concat(utf8.encode('KEM'), i2osp(EXPORT_SUITE.kem, 2));

/**
 * RFC 9180 single-shot open in base mode with DHKEM(X25519, HKDF-SHA256) and HKDF-SHA256, for
 * AES-128-GCM (aead 1, so that the RFC's A.1.1 vector can check it) or AES-256-GCM (aead 2).
 * All byte arguments are Uint8Arrays; deviceKey is a WebCrypto X25519 CryptoKeyPair.
 */
export async function hpkeOpenBase({ aead, enc, info, aad, ciphertext }, deviceKey) {
  if (!AEADS[aead]) {
    throw new Error(`unsupported HPKE aead ${aead}`);
  }
  if (enc.length !== 32) {
    throw new Error('enc must be a 32-byte X25519 public key');
  }
  // 4.1 DHKEM Decap: dh = DH(skR, pkE); kem_context = enc ‖ pkRm
  const dh = await x25519(deviceKey.privateKey, enc);
  const pkRm = new Uint8Array(await subtle.exportKey('raw', deviceKey.publicKey));
  const { key, baseNonce } = await keySchedule(aead, dh, concat(enc, pkRm), info);
  // 5.2 ContextR.Open with seq = 0: nonce = base_nonce XOR I2OSP(0, Nn) = base_nonce
  try {
    return new Uint8Array(
      await subtle.decrypt(
        { name: 'AES-GCM', iv: baseNonce, additionalData: aad, tagLength: 128 },
        key,
        ciphertext,
      ),
    );
  } catch {
    throw new Error('the export does not open: not sealed to this device key, or altered');
  }
}

/**
 * RFC 9180 single-shot seal in base mode (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM)
 * to a 32-byte X25519 public key, with a fresh WebCrypto ephemeral key: {enc, ciphertext}.
 */
export async function hpkeSealBase({ info, aad, plaintext }, recipientPublicKey) {
  // 4.1 DHKEM Encap: skE fresh, dh = DH(skE, pkR), enc = pkE, kem_context = enc ‖ pkR
  const ephemeral = await subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']);
  const enc = new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey));
  let dh;
  try {
    dh = await x25519(ephemeral.privateKey, recipientPublicKey);
  } catch {
    throw new Error('the export key is not a usable X25519 public key');
  }
  const context = concat(enc, recipientPublicKey);
  const { key, baseNonce } = await keySchedule(EXPORT_SUITE.aead, dh, context, info);
  // 5.2 ContextS.Seal with seq = 0
  const ciphertext = new Uint8Array(
    await subtle.encrypt(
      { name: 'AES-GCM', iv: baseNonce, additionalData: aad, tagLength: 128 },
      key,
      plaintext,
    ),
  );
  return { enc, ciphertext };
}

/** 4.1 ExtractAndExpand, then 5.1 KeySchedule in mode_base; zeroes dh and every secret. */
async function keySchedule(aead, dh, kemContext, info) {
  const secrets = [dh];
  try {
    const eaePrk = await labeledExtract(KEM_SUITE, EMPTY, 'eae_prk', dh);
    secrets.push(eaePrk);
    const sharedSecret = await labeledExpand(KEM_SUITE, eaePrk, 'shared_secret', kemContext, NH);
    secrets.push(sharedSecret);
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
    const rawKey = await labeledExpand(suite, secret, 'key', context, AEADS[aead].nk);
    secrets.push(rawKey);
    const baseNonce = await labeledExpand(suite, secret, 'base_nonce', context, NN);
    const key = await subtle.importKey('raw', rawKey, { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
    return { key, baseNonce };
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

  /** GET /system/export-key: Node 2's export-authorization key, {publicKey, fingerprint}. */
  exportKey() {
    return this.get('/system/export-key');
  }

  /** POST …/export-challenges: a single-use challenge for one export, {challenge, expiresAt}. */
  exportChallenge(customerId, walletId) {
    return this.post(`${this.walletPath(customerId, walletId)}/export-challenges`, {});
  }

  /**
   * Export v2 of a wallet to deviceKey: fetches Node 2's export key and checks it against
   * exportKeyFingerprint (the fingerprint the app pins; refused if it differs), fetches a
   * challenge, seals the authorization with pinKey (from derivePinKey) for this device key and the
   * wallet's keyId and path (fetched unless given), and posts {encryptedSecret, devicePublicKey,
   * authorization, challenge, format?}. Returns the response for openExport. In a real app the
   * device does the sealing and its backend forwards the body: only the body crosses the backend.
   */
  async exportWallet(
    customerId,
    walletId,
    { pinKey, deviceKey, exportKeyFingerprint, keyId, path, format },
  ) {
    const exportKey = await pinnedExportKey(await this.exportKey(), exportKeyFingerprint);
    if (keyId === undefined || path === undefined) {
      const wallet = await this.get(this.walletPath(customerId, walletId));
      keyId = wallet.keyId;
      path = wallet.path;
    }
    const { challenge } = await this.exportChallenge(customerId, walletId);
    const devicePublicKey = await publicKeyBase64Url(deviceKey);
    const authorization = await authorizeExport({
      pinKey,
      devicePublicKey,
      keyId,
      path,
      challenge,
      exportKey,
    });
    const body = {
      encryptedSecret: await encryptedSecretOf(pinKey),
      devicePublicKey,
      authorization,
      challenge,
    };
    if (format !== undefined) {
      body.format = format;
    }
    return this.post(`${this.walletPath(customerId, walletId)}/export`, body);
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
