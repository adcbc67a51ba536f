// What the state coordinator's page and its sections share: the statuses they tell apart, the message above the
// roster, the dialog, a file's per-row report, and the paths.

import {h, replace} from '../../dom.js';
import {t} from '../../i18n.js';
import {ApiError} from '../../api.js';
import {formMessage, onSubmit, notice, badge, Message} from '../../forms.js';

/** Statuses of people who take (or took) the course, as opposed to candidates. */
const LEARNERS = ['ACCEPTED', 'ENROLLED', 'CERTIFIED'];

/** Statuses nothing more can happen to. */
export const FINAL = ['REJECTED', 'WITHDRAWN', 'CERTIFIED'];

export const RESULTS_OPEN = ['ONLINE_STAGE', 'FACE_TO_FACE_STAGE'];

export function learner(p) {
    return LEARNERS.includes(p.status);
}

/** A message above the roster after an action; focused so a keyboard user hears it and continues from there. */
export function tell(page, kind, text) {
    notice(page.notice, kind, text);
    page.notice.focus();
}

/**
 * A modal dialog holding a form: a title, fields, a confirm and a cancel button. The browser keeps the focus
 * inside and Escape cancels. On success it closes; on failure the error stays in it, next to the fields.
 */
export function openDialog({id, title, body, submit, danger, action}) {
    document.getElementById(id)?.remove();
    const cancel = h('button', {type: 'button'}, t('common.cancel'));
    const form = h('form', {novalidate: true},
        h('h2', {id: id + '-title'}, title),
        body,
        formMessage(),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: danger ? 'danger' : 'primary'}, submit),
            cancel));
    const dialog = h('dialog', {id, class: 'coord-dialog', 'aria-labelledby': id + '-title'}, form);
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => dialog.remove());
    onSubmit(form, async data => {
        // What the action reports is told once the dialog is closed, where the page can take the focus again.
        const after = await action(data, form);
        dialog.close();
        after?.();
    });
    document.getElementById('view').append(dialog);
    dialog.showModal();
}

export function progress(text) {
    return h('p', {class: 'coord-progress', role: 'status'}, h('progress', {'aria-label': text}), ' ', text);
}

export function alertNear(element, text) {
    element.parentNode.querySelector('.coord-inline-error')?.remove();
    element.after(h('span', {class: 'coord-inline-error', role: 'alert'}, text));
}

/** A row's outcome: a status it takes (or would take), or whether it is fine in a refused file. */
export function rowOutcome(outcome, prefix) {
    if (outcome === 'REFUSED') {
        return h('span', {class: 'badge participant-REJECTED'}, t('coord.import.rowRefused'));
    }
    if (outcome === 'OK') {
        return h('span', {class: 'badge'}, t('coord.import.ok'));
    }
    return badge(prefix, outcome);
}

export function problemList(problems) {
    if (!problems?.length) {
        return '—';
    }
    return h('ul', {class: 'coord-problems'}, problems.map(p =>
        h('li', {}, p.field ? h('strong', {}, fieldLabel(p.field) + ': ') : null, p.message)));
}

/**
 * A file the server refused. A per-row report (drawn by rowsTable) is put in the report box and the person is told,
 * in their language, that nothing was saved; a problem with the file as a whole goes next to the file input.
 */
export function refusedFile(report, error, rowsTable) {
    if (error instanceof ApiError && error.rows.length) {
        const bad = error.rows.filter(r => r.problems?.length).length;
        replace(report, rowsTable(error.rows));
        return new Message(t('coord.file.refused', {bad, rows: error.rows.length}));
    }
    replace(report);
    return error;
}

function fieldLabel(name) {
    const key = 'coord.field.' + name;
    const label = t(key);
    return label === key ? name : label;
}

export function statePath(code, state) {
    return `#/editions/${enc(code)}/states/${enc(state)}`;
}

export function rosterPath(code, state) {
    return `/editions/${enc(code)}/agreements/${enc(state)}/nominations`;
}

export function enc(value) {
    return encodeURIComponent(value);
}
