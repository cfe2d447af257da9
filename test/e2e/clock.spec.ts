import { createServer, request, type Server } from 'node:http';
import { EngineClient } from './engineClient';
import { expect, test } from './fixtures';

// Two processes start before the test (an office server and a web host), on top of the page.
test.describe.configure({ timeout: 60_000 });

const DAY = 86_400_000;
const HALF_HOUR = 1_800_000;

/**
 * Sits between a laptop and the office server and moves the server's clock in every reply a day
 * and a half hour ahead, as if this laptop's clock were that far behind. No test hook: the laptop
 * only ever learns the time from the `vangnet-server-time` header.
 */
async function skewingProxy(target: string, shiftMs: number): Promise<{ url: string; server: Server }> {
  const to = new URL(target);
  const server = createServer((incoming, outgoing) => {
    const forward = request(
      { host: to.hostname, port: to.port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (reply) => {
        const headers = { ...reply.headers };
        const time = Number(headers['vangnet-server-time']);
        if (Number.isFinite(time)) headers['vangnet-server-time'] = String(time + shiftMs);
        outgoing.writeHead(reply.statusCode ?? 502, headers);
        reply.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, server };
}

test('the status bar says at once that this computer’s clock is a day behind', async ({ office, laptopA: a }) => {
  const sanne = await office.addEngineer({ name: 'Sanne de Boer', email: 'sanne@example.nl' });
  const proxy = await skewingProxy(office.url, DAY + HALF_HOUR);
  try {
    await a.page.goto('/');
    const engine = await EngineClient.connect(a.host.url);
    try {
      await engine.call('sync.login', { serverUrl: proxy.url, code: sanne.pairingCode });
    } finally {
      engine.close();
    }
    const chip = a.page.getByTestId('status-clock');
    await expect(chip).toHaveText('Clock 1 d 00 h behind');
    await expect(chip).toHaveAttribute('data-direction', 'behind');
    await expect(a.page.getByTestId('status-rejected')).toHaveCount(0);
    await a.page.screenshot({ path: test.info().outputPath('clock-behind.png') });
  } finally {
    proxy.server.closeAllConnections();
    await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
  }
});
