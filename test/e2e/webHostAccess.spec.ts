import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { seed } from './seed';

// The foreign page's attempts fail, and Chromium says so in its console.
test.use({ allowedConsoleErrors: [/WebSocket connection to .* failed|blocked by CORS policy|Failed to load resource/] });

/** What the foreign page managed: sockets that opened, messages received, page text it could read. */
interface Attempts {
  opened: string[];
  messages: string[];
  pageRead: string[];
}

/**
 * A page on another local origin (a second tiny server on another port), as any web page open in
 * the engineer's browser could be, trying to reach the web host's engine.
 */
function foreignPage(hostUrl: string): string {
  const { port } = new URL(hostUrl);
  const targets = [`ws://127.0.0.1:${port}/rpc`, `ws://localhost:${port}/rpc`, `ws://127.0.0.1:${port}/rpc?secret=guess`];
  return `<!doctype html><html><body><script>
    const result = { opened: [], messages: [], pageRead: [], settled: new Set() };
    window.result = result;
    const call = JSON.stringify({ kind: 'call', id: 1, name: 'incidents.list', args: {} });
    for (const url of ${JSON.stringify(targets)}) {
      const ws = new WebSocket(url);
      ws.onopen = () => { result.opened.push(url); ws.send(call); };
      // Settled once refused (closed) or once it has an answer: then it got in.
      ws.onmessage = (event) => { result.messages.push(String(event.data)); result.settled.add(url); };
      ws.onclose = () => result.settled.add(url);
    }
    fetch(${JSON.stringify(`${hostUrl}/`)}).then((r) => r.text()).then((t) => result.pageRead.push(t), () => {}).finally(() => result.settled.add('fetch'));
  </script></body></html>`;
}

test('a page from another local origin gets nothing from the host', async ({ page, host }) => {
  await seed(host.url, {
    clients: [{ name: 'Bakkerij de Vries', code: 'BAKK' }],
    incidents: [{ client: 'BAKK', title: 'Webshop checkout returns 502', priority: 'P1', hoursAgo: 1 }],
  });
  const foreign = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(foreignPage(host.url));
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    // Every socket closed (or answered) and the fetch settled: nothing is still on its way.
    await page.waitForFunction(() => (window as unknown as { result: { settled: Set<string> } }).result.settled.size === 4);
    const attempts = await page.evaluate(() => {
      const { opened, messages, pageRead } = (window as unknown as { result: Attempts }).result;
      return { opened, messages, pageRead };
    });
    expect(attempts).toMatchObject({ opened: [], messages: [], pageRead: [] });
    expect(host.log()).toContain('WebSocket refused');

    // The host's own page still works.
    await page.goto(host.url);
    await expect(page.getByTestId('incident-list')).toContainText('Webshop checkout returns 502');
  } finally {
    await new Promise((resolve) => foreign.close(resolve));
  }
});
