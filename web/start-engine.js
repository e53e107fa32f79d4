// The recognizer's worker, started by a script of its own: the page runs it as soon as it and
// scrawl-worker.mjs have arrived (it is async), so the engine's download and compiling overlap
// the page's other modules instead of waiting for all of them. app.js takes the same engine.
import { ScrawlWorker } from './scrawl-worker.mjs';

export const engine = new ScrawlWorker();
