// Resampler against its peers, on the same input for every library.
//
// Throughput: 30 s of mono test signal (speech-band harmonics with a moving
// pitch, white noise and a full-band log sweep), converted in one call
// (`resample()` here, `simple()` for libsamplerate, one `process_float` call
// for speex, copies in and out of the WASM heap included). Reported as
// multiples of real time: the median of 7 timed rounds after a warm-up (3 for
// the slowest settings), all candidates timed in turn within each round.
//
// Rejection: the same signal method for every library. Full-scale tones are
// converted and the output spectrum is analysed (Kaiser window, beta 20,
// FFT of 8192); the figure is the worst level, relative to the tone, of
// anything the tones leave behind outside their own main lobe:
// - when downsampling, tones from `lo` x the output Nyquist up to the input
//   Nyquist (everything that comes out is an alias);
// - when upsampling, tones whose images fall at or above `lo` x the input
//   Nyquist (the tone itself is excluded).
// Two bands: lo = 1.2 (the stopband of Parley's 'fast' and 'voice', whose
// cutoff sits at the Nyquist), and lo = 1.0 (everything that aliases at all).

import lsrPkg from '@alexanderolsen/libsamplerate-js';
import SpeexPlain from '@echogarden/speex-resampler-wasm';
import SpeexSimd from '@echogarden/speex-resampler-wasm/simd';
import { resample, Resampler } from '../dist/index.js';

const { create: createLsr, ConverterType } = lsrPkg;
const SECONDS = 30;
const PAIRS = [[48000, 16000], [16000, 24000], [24000, 48000], [44100, 16000]];

// ---------- test signal -------------------------------------------------

function testSignal(rate, seconds) {
  const n = Math.round(rate * seconds);
  const x = new Float32Array(n);
  let seed = 12345;
  const rnd = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296) * 2 - 1;
  let phase = 0;
  const f0 = 40;
  const f1 = rate / 2;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const pitch = 140 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    phase += (2 * Math.PI * pitch) / rate;
    let voiced = 0;
    for (let h = 1; h <= 20 && h * pitch < rate / 2; h++) voiced += Math.sin(h * phase) / h;
    const sweep = Math.sin((2 * Math.PI * f0 * seconds * ((f1 / f0) ** (t / seconds) - 1)) / Math.log(f1 / f0));
    x[i] = 0.2 * voiced + 0.05 * rnd() + 0.2 * sweep;
  }
  return x;
}

// ---------- spectrum ----------------------------------------------------

function i0(x) {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 300 && term > sum * 1e-18; k++) {
    term *= (x * x) / 4 / (k * k);
    sum += term;
  }
  return sum;
}

const N_FFT = 8192;
const WINDOW = (() => {
  const w = new Float64Array(N_FFT);
  for (let i = 0; i < N_FFT; i++) {
    const r = (2 * i) / (N_FFT - 1) - 1;
    w[i] = i0(20 * Math.sqrt(Math.max(0, 1 - r * r))) / i0(20);
  }
  return w;
})();

function fft(re, im) {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = Math.cos((-2 * Math.PI * k) / len);
        const wi = Math.sin((-2 * Math.PI * k) / len);
        const a = i + k + half;
        const xr = re[a] * wr - im[a] * wi;
        const xi = re[a] * wi + im[a] * wr;
        re[a] = re[i + k] - xr;
        im[a] = im[i + k] - xi;
        re[i + k] += xr;
        im[i + k] += xi;
      }
    }
  }
}

/** Highest level (dB re a full-scale sine) in y's middle N_FFT samples, outside +-10 bins of `exclude` Hz. */
function worstLevelDb(y, rate, exclude) {
  const start = Math.floor((y.length - N_FFT) / 2);
  const re = new Float64Array(N_FFT);
  const im = new Float64Array(N_FFT);
  let wsum = 0;
  for (let i = 0; i < N_FFT; i++) {
    re[i] = y[start + i] * WINDOW[i];
    wsum += WINDOW[i];
  }
  fft(re, im);
  let worst = -Infinity;
  for (let k = 0; k <= N_FFT / 2; k++) {
    if (exclude !== null && Math.abs(k - (exclude * N_FFT) / rate) <= 10) continue;
    const db = 20 * Math.log10((2 * Math.hypot(re[k], im[k])) / wsum + 1e-300);
    if (db > worst) worst = db;
  }
  return worst;
}

/** Worst leftover (dB below the tone, as a positive number) for tones whose alias/image lands >= lo x lower Nyquist. */
function rejectionDb(convert, inRate, outRate, lo) {
  const n = Math.ceil(((N_FFT + 4000) * inRate) / outRate);
  const tones = [];
  if (outRate < inRate) {
    const a = lo * (outRate / 2);
    const b = 0.995 * (inRate / 2);
    for (let i = 0; i < 9; i++) tones.push(a + ((b - a) * i) / 8 + 0.37);
  } else {
    const top = Math.min((2 - lo) * (inRate / 2), 0.995 * (inRate / 2));
    for (let i = 1; i <= 8; i++) tones.push((top * i) / 8 - 0.37);
  }
  let worst = -Infinity;
  for (const f of tones) {
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) x[i] = Math.sin((2 * Math.PI * f * i) / inRate);
    const y = convert(x);
    worst = Math.max(worst, worstLevelDb(y, outRate, outRate < inRate ? null : f));
  }
  return -worst;
}

// ---------- libraries ---------------------------------------------------

function speexConverter(mod, inRate, outRate, quality) {
  const errPtr = mod._malloc(4);
  const state = mod._speex_resampler_init(1, inRate, outRate, quality, errPtr);
  const lenPtrs = mod._malloc(8);
  return (x) => {
    const outCap = Math.ceil((x.length * outRate) / inRate) + 64;
    const inPtr = mod._malloc(x.length * 4);
    const outPtr = mod._malloc(outCap * 4);
    mod.HEAPF32.set(x, inPtr >> 2);
    mod._speex_resampler_reset_mem(state);
    mod._speex_resampler_skip_zeros(state);
    mod.HEAPU32[lenPtrs >> 2] = x.length;
    mod.HEAPU32[(lenPtrs >> 2) + 1] = outCap;
    mod._speex_resampler_process_float(state, 0, inPtr, lenPtrs, outPtr, lenPtrs + 4);
    const produced = mod.HEAPU32[(lenPtrs >> 2) + 1];
    const y = mod.HEAPF32.slice(outPtr >> 2, (outPtr >> 2) + produced);
    mod._free(inPtr);
    mod._free(outPtr);
    return y;
  };
}

async function candidates(inRate, outRate) {
  const list = [];
  for (const quality of ['fast', 'voice', 'high']) {
    list.push({ lib: 'parley', setting: quality, convert: (x) => resample(x, inRate, outRate, { quality }) });
  }
  list.push({
    lib: 'parley', setting: 'voice, 10 ms chunks',
    convert: (x) => {
      const r = new Resampler({ inputRate: inRate, outputRate: outRate, quality: 'voice', compensateDelay: true });
      const step = inRate / 100;
      const out = new Float32Array(r.outputLength(x.length));
      let o = 0;
      for (let i = 0; i < x.length; i += step) {
        const y = r.process(x.subarray(i, Math.min(x.length, i + step)));
        out.set(y, o);
        o += y.length;
      }
      out.set(r.flush(), o);
      return out;
    },
  });
  for (const [name, type] of [['SINC_FASTEST', ConverterType.SRC_SINC_FASTEST], ['SINC_MEDIUM', ConverterType.SRC_SINC_MEDIUM_QUALITY], ['SINC_BEST', ConverterType.SRC_SINC_BEST_QUALITY]]) {
    const src = await createLsr(1, inRate, outRate, { converterType: type });
    list.push({ lib: 'libsamplerate-js', setting: name, convert: (x) => src.simple(x) });
  }
  const plain = await SpeexPlain();
  const simd = await SpeexSimd();
  for (const q of [3, 5, 8, 10]) {
    list.push({ lib: 'speex (wasm)', setting: `q${q}`, convert: speexConverter(plain, inRate, outRate, q) });
    list.push({ lib: 'speex (wasm simd)', setting: `q${q}`, convert: speexConverter(simd, inRate, outRate, q) });
  }
  return list;
}

/**
 * Times every candidate in rounds (each round runs each candidate once, in
 * turn), so that load from other processes falls on all of them alike.
 * Returns the median per candidate. Slow candidates stop after 3 rounds.
 */
function timeRounds(list, input) {
  for (const c of list) {
    c.convert(input); // warm-up
    c.times = [];
  }
  for (let round = 0; round < 7; round++) {
    for (const c of list) {
      if (round >= 3 && c.times.reduce((a, b) => a + b, 0) > 3000) continue;
      globalThis.gc?.();
      const t0 = performance.now();
      c.convert(input);
      c.times.push(performance.now() - t0);
    }
  }
  for (const c of list) {
    const sorted = [...c.times].sort((a, b) => a - b);
    c.ms = sorted[sorted.length >> 1];
  }
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export async function run() {
  const rows = [];
  const ratios = [];
  for (const [inRate, outRate] of PAIRS) {
    const input = testSignal(inRate, SECONDS);
    const list = await candidates(inRate, outRate);
    timeRounds(list, input);
    for (const c of list) {
      c.xrt = (SECONDS * 1000) / c.ms;
      c.rej12 = rejectionDb(c.convert, inRate, outRate, 1.2);
      c.rej10 = rejectionDb(c.convert, inRate, outRate, 1.0);
      rows.push(`| ${inRate} -> ${outRate} | ${c.lib} | ${c.setting} | ${fmt(c.xrt)} | ${c.rej12.toFixed(1)} | ${c.rej10.toFixed(1)} |`);
    }
    const find = (lib, setting) => list.find((c) => c.lib === lib && c.setting === setting);
    const voice = find('parley', 'voice');
    const high = find('parley', 'high');
    const peersHigh = list.filter((c) => c.lib !== 'parley' && c.rej10 >= 96).sort((a, b) => b.xrt - a.xrt);
    ratios.push(
      `- ${inRate} -> ${outRate}: voice / speex q3 = ${(voice.xrt / find('speex (wasm)', 'q3').xrt).toFixed(2)}x ` +
        `(simd build: ${(voice.xrt / find('speex (wasm simd)', 'q3').xrt).toFixed(2)}x); ` +
        (peersHigh.length
          ? `high / fastest peer with >= 96 dB alias rejection (${peersHigh[0].lib} ${peersHigh[0].setting}) = ${(high.xrt / peersHigh[0].xrt).toFixed(2)}x`
          : 'no peer reaches 96 dB alias rejection'),
    );
  }
  console.log(`Input: ${SECONDS} s mono test signal per rate; x realtime = median of timed rounds after a warm-up.`);
  console.log('Rejection, dB below a full-scale tone: worst alias/image whose frequency is >= 1.2x (resp. 1.0x) the lower Nyquist.\n');
  console.log('| rates | library | setting | x realtime | rejection >= 1.2 Nyq (dB) | rejection >= 1.0 Nyq (dB) |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const r of rows) console.log(r);
  console.log('\nThroughput ratios (higher is better for Parley):\n');
  for (const r of ratios) console.log(r);
}
