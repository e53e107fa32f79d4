// At start: puts the person's personal model, kept on this device, to work, and says which
// model reads. Small and precached, so that a personal model reads offline from the first
// moment; the panels that teach and test load only when opened.
const $ = (id) => document.getElementById(id);

/** Says which model reads: personal ({ taught, at }) or null for the original. */
export function showModelInUse(personal) {
  $('model-in-use').textContent = personal
    ? `Reading with your personal model (learnt from ${personal.taught}, ${new Date(personal.at).toLocaleDateString()}).`
    : 'Reading with the original model.';
}

/** Loads the personal model from `store` (a promise of a SampleStore) into the engine; resolves with it, or null. */
export async function usePersonalModel(store, engine) {
  try {
    const personal = await (await store).personalModel();
    if (!personal) return null;
    await engine.useModel(personal.weights);
    showModelInUse(personal);
    return personal;
  } catch {
    return null; // no store in this browser: the original model reads, and the panel says why
  }
}
