// Runs the browser kit (planbok-kit.js) in Node.js on cases a Java test wrote, and prints what the
// kit made of each, so that the Java test can compare it with BouncyCastle and the Java kit.
//   node kit-check.mjs <kit module> <cases.json>
// cases: {pins: [{pin, salt}], normalize: [answer], answers: [{answers, salt}],
//         authorizations: [{pinKey (hex), devicePublicKey, keyId, path, challenge, served, pinned}],
//         opens: [{key: {d, x}, response, walletId?}],
//         raw: [{key: {d, x}, aead, enc, info, aad, ciphertext}]}  (raw: hex, keys: base64url)
// prints: {pins: [{secret, pinKey} | {error}], authorizations: [{authorization} | {error}],
//          opens: [{opened} | {error}], raw: [{plaintext} | {error}]}
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [kitPath, casesPath] = process.argv.slice(2);
const kit = await import(pathToFileURL(kitPath).href);
const cases = JSON.parse(await readFile(casesPath, 'utf8'));

const hex = (text) => Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function deviceKey({ d, x }) {
  const jwk = { kty: 'OKP', crv: 'X25519', d, x };
  const privateKey = await crypto.subtle.importKey('jwk', jwk, { name: 'X25519' }, false, ['deriveBits']);
  const publicKey = await crypto.subtle.importKey('raw', kit.base64UrlDecode(x), { name: 'X25519' }, true, []);
  return { privateKey, publicKey };
}

async function outcome(run) {
  try {
    return await run();
  } catch (e) {
    return { error: e.message };
  }
}

const result = { pins: [], opens: [], raw: [], normalized: [], answers: [], authorizations: [] };
for (const text of cases.normalize ?? []) {
  result.normalized.push(kit.normalizeAnswer(text));
}
for (const { answers, salt } of cases.answers ?? []) {
  result.answers.push(await outcome(async () => ({ secret: await kit.deriveAnswersSecret(answers, salt) })));
}
for (const { pin, salt } of cases.pins ?? []) {
  const started = performance.now();
  result.pins.push(
    await outcome(async () => {
      const secret = await kit.derivePinSecret(pin, salt);
      const ms = performance.now() - started;
      return { secret, ms, pinKey: toHex(await kit.derivePinKey(pin, salt)) };
    }),
  );
}
for (const c of cases.authorizations ?? []) {
  result.authorizations.push(
    await outcome(async () => ({
      authorization: await kit.authorizeExport({
        pinKey: hex(c.pinKey),
        devicePublicKey: c.devicePublicKey,
        keyId: c.keyId,
        path: c.path,
        challenge: c.challenge,
        exportKey: await kit.pinnedExportKey(c.served, c.pinned),
      }),
    })),
  );
}
for (const c of cases.opens ?? []) {
  result.opens.push(
    await outcome(async () => ({
      opened: await kit.openExport(c.response, await deviceKey(c.key), c.walletId ? { walletId: c.walletId } : {}),
    })),
  );
}
for (const c of cases.raw ?? []) {
  result.raw.push(
    await outcome(async () => ({
      plaintext: toHex(
        await kit.hpkeOpenBase(
          { aead: c.aead, enc: hex(c.enc), info: hex(c.info), aad: hex(c.aad), ciphertext: hex(c.ciphertext) },
          await deviceKey(c.key),
        ),
      ),
    })),
  );
}
process.stdout.write(JSON.stringify(result));
