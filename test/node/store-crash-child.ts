/**
 * Child of store-crash.test.ts: saves to the store in a tight loop until it is killed. It says
 * "ready" once the first save is on disk, so the parent kills it mid-stream, not at start-up.
 */
import { createAesBox } from '../../main/store/aes-box';
import { openProfileStore } from '../../main/store/profile-store';

const [dir] = process.argv.slice(2);
const key = process.env.STORE_KEY;
if (!dir || !key) throw new Error('usage: store-crash-child <dir> with STORE_KEY set');

const store = openProfileStore({ dir, secretBox: createAesBox(Buffer.from(key, 'hex')) });
const client = store.clients.create({ name: 'Crash', clientId: 'crash', clientSecret: 'seed' });
store.logins.create({ username: 'crash@example.com', password: 'seed' });
process.stdout.write('ready\n');

for (let n = 0; ; n += 1) {
  // Each save rewrites the whole, growing file; some saves are caught half-written.
  store.clients.create({
    name: `Client ${n}`,
    clientId: `client-${n}`,
    clientSecret: `secret-${n}`,
  });
  store.clients.update(client.id, { name: `Crash ${n}` });
}
