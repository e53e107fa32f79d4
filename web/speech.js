// Telling people the result: the polite live region for screen readers always, and the voice
// when "Read results aloud" is on (the choice is remembered across visits).

const SPEAK_KEY = 'scrawl.speak';

/**
 * announcer: the live region; toggle: the "Read results aloud" switch.
 * announce(text) is the live region alone; tell(text) is the live region and the voice.
 */
export function createSpeech({ announcer, toggle }) {
  let announceTimer = 0;
  function announce(text) {
    clearTimeout(announceTimer);
    announcer.textContent = '';
    // A fresh text node after a short pause makes screen readers repeat an identical message.
    announceTimer = setTimeout(() => (announcer.textContent = text), 60);
  }

  const canSpeak = 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function';
  if (!canSpeak) {
    toggle.disabled = true;
    toggle.closest('label').title = 'This browser cannot speak';
  } else {
    toggle.checked = localStorage.getItem(SPEAK_KEY) === '1';
  }
  toggle.addEventListener('change', () => {
    localStorage.setItem(SPEAK_KEY, toggle.checked ? '1' : '0');
    if (!toggle.checked && canSpeak) speechSynthesis.cancel();
    if (toggle.checked) speak('Results will be read aloud');
  });

  function speak(text) {
    if (!canSpeak || !toggle.checked) return;
    speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'en-US';
    speechSynthesis.speak(u);
  }

  return {
    announce,
    tell(text) {
      announce(text);
      speak(text);
    },
  };
}
