// The trainer's worker: teaches the model a person's samples and reads MNIST files, off the
// page's thread. Loaded only when the person asks for one of these; the trainer module with it.
// Messages in: { teach: { samples, taught, allLayers } } (a quarter of each digit held back to judge by) | { mnist: { images, labels, model } } | { cancel: true }.
// Messages out: { progress: { done, total } } then { result } or { error: { message, code } }.
import { createTrainer, splitForTeaching } from './scrawl-trainer.mjs';
import { mnistReport } from './scrawl-mnist.mjs';

let trainer = null;
let abort = null;

async function run(msg) {
  abort = new AbortController();
  const { signal } = abort;
  trainer ??= await createTrainer();
  const onProgress = (done, total) => self.postMessage({ progress: { done, total } });
  if (msg.teach) {
    const { samples, taught, allLayers } = msg.teach;
    const { teach, check } = splitForTeaching(samples);
    return trainer.teach(teach, check, { taught, allLayers, onProgress, signal });
  }
  const { images, labels, model } = msg.mnist;
  const { digits, confidence } = await trainer.classifyMnist(images, { model, onProgress, signal });
  const report = mnistReport(labels, digits, confidence);
  // The wrongly read digits, surest first (at most 60), with their pixels, for the page to show.
  report.wrong = report.wrong.slice(0, 60).map((i) => ({
    index: i,
    label: labels[i],
    read: digits[i],
    confidence: confidence[i],
    pixels: images.slice(i * 784, (i + 1) * 784),
  }));
  return report;
}

self.onmessage = async (e) => {
  if (e.data.cancel) return abort?.abort();
  try {
    self.postMessage({ result: await run(e.data) });
  } catch (err) {
    self.postMessage({ error: { message: err?.message ?? String(err), code: err?.code ?? 'internal' } });
  }
};
