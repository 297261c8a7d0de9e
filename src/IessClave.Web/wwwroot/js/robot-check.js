// Boots the vendored ALTCHA widget (external build) with no inline code, so a strict Content-Security-Policy
// works: script-src 'self'; style-src 'self'; worker-src 'self'. Included by Pages/Shared/_RobotCheck.cshtml.
import '../lib/altcha/altcha.min.js';
import '../lib/altcha/i18n/es-419.js';

const altcha = globalThis.$altcha;
const shaWorker = new URL('../lib/altcha/workers/sha.js', import.meta.url);
altcha.algorithms.set('SHA-256', () => new Worker(shaWorker));

// The server page supplies its own localized texts (data-strings JSON) over the widget's built-in ones.
for (const widget of document.querySelectorAll('altcha-widget[data-strings]')) {
    const language = widget.getAttribute('language') || 'en';
    const base = altcha.i18n.get(language) ?? altcha.i18n.get('en');
    try {
        altcha.i18n.set(language, { ...base, ...JSON.parse(widget.dataset.strings || '{}') });
    } catch {
        // Keep the built-in texts if the page sent something unreadable.
    }
}
