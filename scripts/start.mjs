// `pnpm start`: run the gateway (built by the root script first) on its
// embedded default, the echo engine with the espeak-ng voice. HOST and PORT
// are honoured; see apps/gateway/README.md for the rest of its configuration.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../apps/gateway/dist/main.js', import.meta.url));
const child = spawn(process.execPath, [main], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
