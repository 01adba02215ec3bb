/**
 * A write on SQLite gives waiting readers the event loop back (database/readers-turn): once its
 * steps have held the loop for the budget with no turn, the next step waits one turn, and
 * anything already waiting (a request, a timer's callback) runs before the write goes on.
 */
import { createReadersTurn } from '../../server/src/database/readers-turn';

/** A clock the test moves by hand. */
const clock = () => {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

/** Whether `step` let a callback queued before it run before it resolved. */
const letsWaitingRun = async (step: () => Promise<void>) => {
  let ran = false;
  setImmediate(() => {
    ran = true;
  });
  await step();
  return ran;
};

it('steps inside the budget go on at once; the first past it waits for one turn', async () => {
  const time = clock();
  const turn = createReadersTurn(3, time.now);
  expect(await letsWaitingRun(turn)).toBe(false); // opens the stretch
  time.advance(2);
  expect(await letsWaitingRun(turn)).toBe(false);
  time.advance(2);
  expect(await letsWaitingRun(turn)).toBe(true); // 4 ms with no turn: readers first
});

it('a stretch starts again after any turn of the loop, forced or not', async () => {
  const time = clock();
  const turn = createReadersTurn(3, time.now);
  await turn();
  time.advance(5);
  await turn(); // waited: the loop turned
  time.advance(1);
  expect(await letsWaitingRun(turn)).toBe(false); // a new stretch, 0 ms old
  // The write awaited real I/O meanwhile: the loop turned by itself, nothing is forced.
  // Two timers, not one: a single 1 ms timer can fire in the very next timers phase, before
  // that turn's check phase runs the immediate that marks the turn (it failed so once in CI
  // on a busy machine). A timer set from a timer's callback waits for the next iteration, so
  // the check phase between them has run.
  await new Promise((resolve) => setTimeout(resolve, 1));
  await new Promise((resolve) => setTimeout(resolve, 1));
  time.advance(10);
  expect(await letsWaitingRun(turn)).toBe(false);
});

it('on shutdown, a write waiting for its turn goes on, and no write waits again', async () => {
  const time = clock();
  const turn = createReadersTurn(3, time.now);
  await turn();
  time.advance(5);
  let resumed = false;
  const waiting = turn().then(() => {
    resumed = true;
  });
  await turn.stop();
  expect(resumed).toBe(true);
  await waiting;
  time.advance(50);
  expect(await letsWaitingRun(turn)).toBe(false);
});
