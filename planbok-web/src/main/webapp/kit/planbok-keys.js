/**
 * Planbok client kit, key side (an ES module imported by planbok-kit.js): what the device needs to
 * add the two parts of an export v2 and trust the result, written from the standards so that no
 * node is trusted with it:
 *  - secp256k1 and ed25519 base-point multiplication over BigInt (x·G, to compare with the
 *    wallet's public key);
 *  - the wallet's address on each chain (EIP-55, Bitcoin P2WPKH/P2PKH, Tron, Solana, NEAR);
 *  - the export forms of v1 (hex, wif, ed25519-expanded, ed25519-scalar), and the forms of an
 *    ed25519 key made from a seed (issue 13: solana-keypair, solana-keypair-json, near-keypair),
 *    with the check that the seed makes the key (RFC 8032 §5.1.5).
 *
 * BigInt arithmetic is not constant-time. It runs once per export, on the customer's own device,
 * on a key that is about to be shown to the customer in clear anyway.
 * Keccak-256 and RIPEMD-160 (absent from WebCrypto) come from hash-wasm under vendor/.
 */

const subtle = globalThis.crypto.subtle;
const ascii = new TextEncoder();

// ---------------------------------------------------------------------------------------------
// Curves

export const SECP256K1 = Object.freeze({
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn,
  n: 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n,
  gx: 0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n,
  gy: 0x483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8n,
});

export const ED25519 = Object.freeze({
  p: 2n ** 255n - 19n,
  l: 2n ** 252n + 27742317777372353535851937790883648493n,
});

const mod = (a, m) => ((a % m) + m) % m;

function modInverse(a, m) {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) {
    throw new Error('not invertible');
  }
  return mod(s0, m);
}

/** x·G on secp256k1 (SEC 1), Jacobian coordinates; returns the affine point {x, y}. */
export function secp256k1Multiply(x) {
  const { p } = SECP256K1;
  const double = ([X, Y, Z]) => {
    if (Y === 0n) return [0n, 1n, 0n];
    const s = mod(4n * X * Y * Y, p);
    const m = mod(3n * X * X, p); // a = 0
    const x3 = mod(m * m - 2n * s, p);
    return [x3, mod(m * (s - x3) - 8n * Y ** 4n, p), mod(2n * Y * Z, p)];
  };
  const add = (P, Q) => {
    if (P[2] === 0n) return Q;
    if (Q[2] === 0n) return P;
    const [X1, Y1, Z1] = P;
    const [X2, Y2, Z2] = Q;
    const u1 = mod(X1 * Z2 * Z2, p);
    const u2 = mod(X2 * Z1 * Z1, p);
    const s1 = mod(Y1 * Z2 ** 3n, p);
    const s2 = mod(Y2 * Z1 ** 3n, p);
    if (u1 === u2) return s1 === s2 ? double(P) : [0n, 1n, 0n];
    const h = mod(u2 - u1, p);
    const r = mod(s2 - s1, p);
    const x3 = mod(r * r - h ** 3n - 2n * u1 * h * h, p);
    return [x3, mod(r * (u1 * h * h - x3) - s1 * h ** 3n, p), mod(h * Z1 * Z2, p)];
  };
  let acc = [0n, 1n, 0n];
  const g = [SECP256K1.gx, SECP256K1.gy, 1n];
  for (let i = BigInt(x.toString(2).length) - 1n; i >= 0n; i--) {
    acc = double(acc);
    if ((x >> i) & 1n) acc = add(acc, g);
  }
  if (acc[2] === 0n) throw new Error('x·G is the point at infinity');
  const zInv = modInverse(acc[2], p);
  return { x: mod(acc[0] * zInv * zInv, p), y: mod(acc[1] * zInv ** 3n, p) };
}

/** SEC 1 compressed encoding (33 bytes) of an affine secp256k1 point. */
export function compress({ x, y }) {
  return concat(Uint8Array.of(y & 1n ? 3 : 2), bigEndian(x, 32));
}

const ED_D = mod(-121665n * modInverse(121666n, ED25519.p), ED25519.p);
const ED_BX = 15112221349535400772501151409588531511454012693041857206046113283949847762202n;
const ED_BY = 46316835694926478169428394003475163141307993866256225615783033603165251855960n;

/** a·B on edwards25519, encoded as RFC 8032 §5.1.2 (32 bytes); extended coordinates (§5.1.4). */
export function ed25519Multiply(a) {
  const { p } = ED25519;
  const add = ([X1, Y1, Z1, T1], [X2, Y2, Z2, T2]) => {
    const A = mod((Y1 - X1) * (Y2 - X2), p);
    const B = mod((Y1 + X1) * (Y2 + X2), p);
    const C = mod(T1 * 2n * ED_D * T2, p);
    const D = mod(Z1 * 2n * Z2, p);
    const [E, F, G, H] = [B - A, D - C, D + C, B + A];
    return [mod(E * F, p), mod(G * H, p), mod(F * G, p), mod(E * H, p)];
  };
  let acc = [0n, 1n, 1n, 0n];
  const b = [ED_BX, ED_BY, 1n, mod(ED_BX * ED_BY, p)];
  for (let i = BigInt(a.toString(2).length) - 1n; i >= 0n; i--) {
    acc = add(acc, acc);
    if ((a >> i) & 1n) acc = add(acc, b);
  }
  const zInv = modInverse(acc[2], p);
  const x = mod(acc[0] * zInv, p);
  const out = littleEndian(mod(acc[1] * zInv, p), 32);
  if (x & 1n) out[31] |= 0x80;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Hashes

let hashes;

/** hash-wasm's Keccak and RIPEMD-160 UMD builds, loaded one after the other from vendor/. */
async function hashLibrary() {
  if (!hashes) {
    const found = {};
    for (const [file, name] of [
      ['keccak.umd.min.js', 'keccak'],
      ['ripemd160.umd.min.js', 'ripemd160'],
    ]) {
      const module = await import(new URL(`./vendor/${file}`, import.meta.url));
      const lib = [module, module.default, globalThis.hashwasm].find((m) => m?.[name]);
      if (!lib) throw new Error(`hash-wasm did not load from vendor/${file}`);
      found[name] = lib[name];
    }
    hashes = found;
  }
  return hashes;
}

async function keccak256(bytes) {
  return hexToBytes(await (await hashLibrary()).keccak(bytes, 256));
}

async function sha256(bytes) {
  return new Uint8Array(await subtle.digest('SHA-256', bytes));
}

async function hash160(bytes) {
  return hexToBytes(await (await hashLibrary()).ripemd160(await sha256(bytes)));
}

// ---------------------------------------------------------------------------------------------
// Addresses

const CURVES = {
  ethereum: 'secp256k1',
  bitcoin: 'secp256k1',
  'bitcoin-testnet': 'secp256k1',
  tron: 'secp256k1',
  solana: 'ed25519',
  near: 'ed25519',
};

/** The curve of a chain's keys; throws for a chain the kit does not know. */
export function curveOf(chain) {
  const curve = CURVES[chain];
  if (!curve) throw new Error(`unknown chain ${chain}`);
  return curve;
}

/**
 * The addresses of a public key on a chain: secp256k1 as 33-byte compressed point with its affine
 * {x, y}, ed25519 as 32 bytes. Bitcoin has two (P2WPKH, P2PKH).
 */
export async function addressesOf(chain, publicKey, point) {
  switch (chain) {
    case 'ethereum':
      return [await eip55(await ethereumBytes(point))];
    case 'tron':
      return [await base58Check(concat(Uint8Array.of(0x41), await ethereumBytes(point)))];
    case 'bitcoin':
    case 'bitcoin-testnet': {
      const h = await hash160(publicKey);
      const main = chain === 'bitcoin';
      return [
        bech32(main ? 'bc' : 'tb', h),
        await base58Check(concat(Uint8Array.of(main ? 0x00 : 0x6f), h)),
      ];
    }
    case 'solana':
      return [base58(publicKey)];
    case 'near':
      return [toHex(publicKey)];
    default:
      throw new Error(`unknown chain ${chain}`);
  }
}

// The last 20 bytes of Keccak-256 of x ‖ y (the uncompressed point without 0x04)
async function ethereumBytes({ x, y }) {
  return (await keccak256(concat(bigEndian(x, 32), bigEndian(y, 32)))).slice(12);
}

// EIP-55: a letter is upper case where the Keccak-256 of the lower-case hex has a nibble ≥ 8
async function eip55(address) {
  const lower = toHex(address);
  const hash = await keccak256(ascii.encode(lower));
  let out = '0x';
  for (let i = 0; i < lower.length; i++) {
    const nibble = (hash[i >> 1] >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    out += nibble >= 8 ? lower[i].toUpperCase() : lower[i];
  }
  return out;
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Base58 (Bitcoin's alphabet) by long division of a copy of the bytes, zeroed after, so that no
 * BigInt or hex string holds a secret on its way; each leading zero byte is a '1'.
 */
export function base58(bytes) {
  const number = Uint8Array.from(bytes);
  let zeros = 0;
  while (zeros < number.length && number[zeros] === 0) zeros++;
  const digits = [];
  for (let start = zeros; start < number.length; ) {
    let remainder = 0;
    for (let i = start; i < number.length; i++) {
      const acc = remainder * 256 + number[i];
      number[i] = Math.floor(acc / 58);
      remainder = acc % 58;
    }
    digits.push(BASE58[remainder]);
    while (start < number.length && number[start] === 0) start++;
  }
  number.fill(0);
  return '1'.repeat(zeros) + digits.reverse().join('');
}

/** Base58 of the payload and the first 4 bytes of its double SHA-256 (Base58Check). */
export async function base58Check(payload) {
  const check = await sha256(await sha256(payload));
  return base58(concat(payload, check.slice(0, 4)));
}

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

// BIP 173, witness version 0
function bech32(hrp, program) {
  const data = [0];
  let acc = 0;
  let bits = 0;
  for (const b of program) {
    acc = ((acc << 8) | b) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const expanded = [...hrp].map((c) => c.charCodeAt(0) >> 5);
  expanded.push(0, ...[...hrp].map((c) => c.charCodeAt(0) & 31), ...data, 0, 0, 0, 0, 0, 0);
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of expanded) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >> i) & 1) chk ^= gen[i];
  }
  chk ^= 1;
  let out = `${hrp}1`;
  for (const v of data) out += BECH32[v];
  for (let i = 0; i < 6; i++) out += BECH32[(chk >>> (5 * (5 - i))) & 31];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Export forms (as export v1 wrote them)

/** Whether format is an export form of a key on curve for chain. */
export function fits(format, curve, chain) {
  switch (format) {
    case 'hex':
      return curve === 'secp256k1';
    case 'wif':
      return chain === 'bitcoin' || chain === 'bitcoin-testnet';
    case 'ed25519-expanded':
    case 'ed25519-scalar':
      return curve === 'ed25519';
    case 'solana-keypair':
    case 'solana-keypair-json':
      return chain === 'solana';
    case 'near-keypair':
      return chain === 'near';
    default:
      return false;
  }
}

const SEED_FORMATS = ['solana-keypair', 'solana-keypair-json', 'near-keypair'];

/** Whether format writes the key's seed, which only a key made from a seed has. */
export function needsSeed(format) {
  return SEED_FORMATS.includes(format);
}

/**
 * RFC 8032 §5.1.5 steps 1 and 2: the first 32 bytes of SHA-512(seed), clamped, read little-endian,
 * here reduced mod ℓ (the same point, and the form the export's parts add up to).
 */
export async function seedScalar(seed) {
  const h = new Uint8Array(await subtle.digest('SHA-512', seed));
  try {
    h[0] &= 0xf8;
    h[31] &= 0x7f;
    h[31] |= 0x40;
    let a = 0n;
    for (let i = 31; i >= 0; i--) a = (a << 8n) | BigInt(h[i]);
    return a % ED25519.l;
  } finally {
    h.fill(0);
  }
}

/**
 * The seed of a key made by the joint seed key generation (issue 13), s = s1 ⊕ s2, from the two
 * parts an export at the key's root carries, s1 ⊕ μ (Node 1) and s2 ⊕ μ (Node 2): their XOR,
 * returned only if it makes x, the key already checked against the wallet's public key
 * (clamp(SHA-512(s)[0..32]) mod ℓ = x). The caller zeroes it.
 */
export async function joinSeed(part1, part2, x) {
  if (part1.length !== 32 || part2.length !== 32) {
    throw new Error('a seed part is not 32 bytes');
  }
  const seed = part1.map((b, i) => b ^ part2[i]);
  if ((await seedScalar(seed)) !== x) {
    seed.fill(0);
    throw new Error("the seed does not make the wallet's key");
  }
  return seed;
}

const PREFIX_LABEL = ascii.encode('planbok/ed25519/export-prefix');

/**
 * The privateKey text of x in a format (publicKey: the wallet's encoded key, for ed25519; seed: the
 * key's checked seed, for the seed forms).
 */
export async function privateKeyText(chain, format, x, publicKey, seed) {
  if (needsSeed(format) && !seed) {
    throw new Error(`${format} needs the key's seed`);
  }
  switch (format) {
    case 'hex':
      return `0x${toHex(bigEndian(x, 32))}`;
    case 'wif': {
      const version = chain === 'bitcoin' ? 0x80 : 0xef;
      const payload = concat(Uint8Array.of(version), bigEndian(x, 32), Uint8Array.of(1));
      try {
        return await base58Check(payload);
      } finally {
        payload.fill(0);
      }
    }
    case 'ed25519-expanded': {
      // scalar (LE) ‖ SHA-512("planbok/ed25519/export-prefix" ‖ scalar ‖ A)[0..32]
      const scalar = littleEndian(x, 32);
      const digest = new Uint8Array(
        await subtle.digest('SHA-512', concat(PREFIX_LABEL, scalar, publicKey)),
      );
      try {
        return toHex(concat(scalar, digest.subarray(0, 32)));
      } finally {
        scalar.fill(0);
        digest.fill(0);
      }
    }
    case 'ed25519-scalar':
      return toHex(littleEndian(x, 32));
    case 'solana-keypair':
    case 'solana-keypair-json':
    case 'near-keypair': {
      // seed ‖ A: Phantom's private key in Base58, the Solana CLI's keypair file, near-cli's key
      const keypair = concat(seed, publicKey);
      try {
        if (format === 'solana-keypair-json') return `[${keypair.join(',')}]`;
        return (format === 'near-keypair' ? 'ed25519:' : '') + base58(keypair);
      } finally {
        keypair.fill(0);
      }
    }
    default:
      throw new Error(`unknown export format ${format}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes

export function bigEndian(x, length) {
  const out = new Uint8Array(length);
  for (let i = length - 1, v = x; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

export function littleEndian(x, length) {
  return bigEndian(x, length).reverse();
}

export function toHex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function hexToBytes(text) {
  if (typeof text !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(text)) {
    throw new Error('not hex');
  }
  return Uint8Array.from(text.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
