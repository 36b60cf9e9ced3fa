// `pnpm bench` in this package: every section runs in this one process, on the
// same inputs, against its peers, and prints a table. Build first (turbo does).
const sections = [
  ['PCM16 and base64', './format.mjs'],
  ['Resampler', './resampler.mjs'],
  ['EnergyVad', './vad.mjs'],
  ['JitterBuffer', './jitter.mjs'],
];
const only = process.argv[2];
for (const [title, path] of sections) {
  if (only && !path.includes(only)) continue;
  console.log(`\n## ${title}\n`);
  const mod = await import(path);
  await mod.run();
}
