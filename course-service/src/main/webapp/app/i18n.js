// The pages' languages. Spanish and English now; Portuguese or French is one more catalog in i18n/ (with the same
// keys) and one more entry in LANGUAGES and in the messages below.

import es from './i18n/es.js';
import en from './i18n/en.js';

export const LANGUAGES = {es: 'Español', en: 'English'};
const STORE_KEY = 'csec.language';
const messages = {es, en};

/** The chosen language: remembered in this browser, else the browser's own, else Spanish. */
export function language() {
    const chosen = localStorage.getItem(STORE_KEY);
    if (chosen && LANGUAGES[chosen]) {
        return chosen;
    }
    const preferred = (navigator.language || 'es').substring(0, 2);
    return LANGUAGES[preferred] ? preferred : 'es';
}

export function chooseLanguage(chosen) {
    if (LANGUAGES[chosen]) {
        localStorage.setItem(STORE_KEY, chosen);
        document.documentElement.lang = chosen;
    }
}

/** t('key', {name: 'x'}) — the message in the chosen language, {name} filled in; the key itself if missing. */
export function t(key, params) {
    const text = messages[language()][key] ?? messages.en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (all, name) => (name in params ? String(params[name]) : all)) : text;
}

export function formatDate(iso) {
    if (!iso) {
        return '—';
    }
    const date = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
    return new Intl.DateTimeFormat(language(), {dateStyle: 'medium'}).format(date);
}

export function formatDateTime(iso) {
    return iso ? new Intl.DateTimeFormat(language(), {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso)) : '—';
}

export function formatNumber(value, fractionDigits = 0) {
    return value === null || value === undefined ? '—'
        : new Intl.NumberFormat(language(), {maximumFractionDigits: fractionDigits}).format(value);
}

/** A member state by its ISO code, in the page's language: "Argentina (AR)". */
export function stateName(code) {
    if (!code) {
        return '—';
    }
    try {
        const name = new Intl.DisplayNames([language()], {type: 'region'}).of(code);
        return name && name !== code ? `${name} (${code})` : code;
    } catch (unknown) {
        return code;
    }
}
