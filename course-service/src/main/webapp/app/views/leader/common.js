// What the course leader's pages share: the lists they choose from, the message carried to the next page drawn,
// a part's loading, the server's refusals in the reader's language, the confirming question, and small helpers.

import {h, replace} from '../../dom.js';
import {t, language, stateName} from '../../i18n.js';
import {ApiError} from '../../api.js';
import {field, describe} from '../../forms.js';

export const LEADER = 'COURSE_LEADER';

/** The 35 OAS member states, as ISO 3166-1 alpha-2 codes: the states an agreement can be made with. */
export const OAS_STATES = ['AG', 'AR', 'BS', 'BB', 'BZ', 'BO', 'BR', 'CA', 'CL', 'CO', 'CR', 'CU', 'DM', 'EC', 'SV', 'US',
    'GD', 'GT', 'GY', 'HT', 'HN', 'JM', 'MX', 'NI', 'PA', 'PY', 'PE', 'DO', 'KN', 'VC', 'LC', 'SR', 'TT', 'UY', 'VE'];

export const EDITION_LANGUAGES = ['es', 'en', 'pt', 'fr'];

/** A message shown once on the next page drawn (e.g. "moved to the online stage" after the page reloads). */
let flash = null;

/** Leaves a message for the next page drawn. */
export function flashNext(text) {
    flash = text;
}

/** The message left for this page, once. */
export function takeFlash() {
    const shown = flash;
    flash = null;
    return shown;
}

export function editionLink(code) {
    return '#/editions/' + encodeURIComponent(code);
}

/** Redraws a part's content; a failure is shown in its place and the rest of the page stays. */
export async function fill(part, draw) {
    try {
        await draw(part.body);
    } catch (error) {
        replace(part.body, h('p', {class: 'notice error', role: 'alert'}, describe(localized(error))));
    }
}

/** Whether a message exists (t() gives the key back when it does not). */
export function known(key) {
    return t(key) !== key;
}

/**
 * The server's refusal in the reader's language when its code is one we know (the server writes English);
 * the field it names stays the same, so the message still lands next to that field.
 */
export function localized(error) {
    if (!(error instanceof ApiError) || !error.problem.code || !known('leader.problem.' + error.problem.code)) {
        return error;
    }
    const message = t('leader.problem.' + error.problem.code);
    return new ApiError(error.status, {...error.problem, detail: message,
        errors: error.fieldErrors.map(e => ({...e, message}))});
}

/** Why one of many requests failed, short enough for a list. */
export function whyFailed(error) {
    const e = localized(error);
    const own = e instanceof ApiError && e.problem.detail && ![0, 403, 502, 503, 504].includes(e.status);
    return own ? e.problem.detail : describe(e);
}

/**
 * A question in a modal dialog (Esc or "cancel" says no). Resolves to false, or to {reason} when asked for one.
 * The safe answer has the focus: moving an edition on or rejecting people cannot be undone.
 */
export function ask({question, detail, yes, danger = false, reason = false}) {
    return new Promise(resolve => {
        const reasonField = reason ? field({name: 'reason', label: t('leader.participants.reason'), type: 'textarea',
            rows: 3, maxlength: 1000, hint: t('leader.participants.reasonHint')}) : null;
        const dialog = h('dialog', {class: 'leader-dialog', id: 'confirm', 'aria-labelledby': 'confirm-question'},
            h('form', {method: 'dialog'},
                h('p', {id: 'confirm-question', class: 'leader-question'}, question),
                detail ? h('p', {class: 'hint'}, detail) : null,
                reasonField,
                h('div', {class: 'actions'},
                    h('button', {type: 'submit', value: 'yes', id: 'confirm-yes', class: danger ? 'danger' : 'primary'}, yes),
                    h('button', {type: 'submit', value: 'no', id: 'confirm-no', autofocus: true}, t('common.cancel')))));
        dialog.addEventListener('close', () => {
            const said = dialog.returnValue === 'yes';
            const why = reasonField ? dialog.querySelector('textarea').value.trim() : '';
            dialog.remove();
            resolve(said ? {reason: why} : false);
        });
        document.body.append(dialog);
        dialog.showModal();
    });
}

export function text(data, name) {
    const value = (data.get(name) ?? '').toString().trim();
    return value === '' ? null : value;
}

export function number(data, name) {
    const value = text(data, name);
    return value === null ? null : Number(value);
}

/** The object without its empty members. */
export function compact(object) {
    return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

export function empty(object) {
    return Object.keys(object).length === 0;
}

export function sortedStates(codes) {
    return [...codes].sort((a, b) => stateName(a).localeCompare(stateName(b), language()));
}

export function languageName(code) {
    if (!code) {
        return '—';
    }
    try {
        const name = new Intl.DisplayNames([language()], {type: 'language'}).of(code) || code;
        return name.charAt(0).toLocaleUpperCase(language()) + name.substring(1);
    } catch (unknown) {
        return code;
    }
}
