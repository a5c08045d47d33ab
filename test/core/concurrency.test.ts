/** mapLimit: the bounded fan-out the audit and provision share. */
import { mapLimit } from '../../src/core/concurrency.js';

test('mapLimit keeps order and bounds concurrency', async () => {
  let inFlight = 0;
  let max = 0;
  const out = await mapLimit([...Array(20).keys()], 4, async (i) => {
    inFlight++;
    max = Math.max(max, inFlight);
    await new Promise((r) => setTimeout(r, 20 - i));
    inFlight--;
    return i * 2;
  });
  expect(out).toEqual([...Array(20).keys()].map((i) => i * 2));
  expect(max).toBe(4);
  await expect(
    mapLimit([1, 2, 3], 2, async (i) => (i === 2 ? Promise.reject(new Error('boom')) : i)),
  ).rejects.toThrow('boom');
  expect(await mapLimit([], 4, async () => 1)).toEqual([]);
});
