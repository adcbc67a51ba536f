// Forms, messages and tables every page uses. A field's error is shown next to it (and announced), the
// typed values stay where they are, and a problem the server reports is mapped to the field it names.

import {h, replace} from './dom.js';
import {t} from './i18n.js';
import {ApiError} from './api.js';

let fieldCount = 0;

/**
 * A labelled input. spec: {name, label, type, value, required, options: [[value, label]] for a select,
 * rows for a textarea, hint, and any other attribute (min, max, step, maxlength, accept, autocomplete…)}.
 */
export function field(spec) {
    const {name, label, type = 'text', value, options, rows, hint, ...attrs} = spec;
    const id = 'f-' + name + '-' + (++fieldCount);
    const errorId = id + '-error';
    const common = {id, name, 'aria-describedby': errorId, ...attrs};
    let input;
    if (options) {
        input = h('select', common, options.map(([v, text]) => h('option', {value: v, selected: String(v) === String(value ?? '')}, text)));
    } else if (type === 'textarea') {
        input = h('textarea', {...common, rows: rows || 3}, value ?? '');
    } else {
        input = h('input', {...common, type, value: value ?? undefined});
    }
    return h('div', {class: 'field'},
        h('label', {for: id}, label, attrs.required ? h('span', {class: 'required', 'aria-hidden': 'true'}, ' *') : null),
        input,
        hint ? h('p', {class: 'hint'}, hint) : null,
        h('p', {class: 'field-error', id: errorId, 'aria-live': 'polite'}));
}

/** The form's own message line (above its buttons). */
export function formMessage() {
    return h('p', {class: 'form-message', role: 'alert'});
}

export function clearErrors(form) {
    form.querySelectorAll('.field-error').forEach(p => replace(p));
    form.querySelectorAll('[aria-invalid]').forEach(input => input.removeAttribute('aria-invalid'));
    form.querySelectorAll('.form-message').forEach(p => { replace(p); p.className = 'form-message'; });
}

/** Shows a failed request on a form: each field problem next to its field, the rest in the message line. */
export function showErrors(form, error) {
    clearErrors(form);
    const loose = [];
    for (const problem of (error instanceof ApiError ? error.fieldErrors : [])) {
        const input = problem.field ? form.querySelector(`[name="${CSS.escape(lastPart(problem.field))}"]`) : null;
        if (input) {
            input.setAttribute('aria-invalid', 'true');
            replace(form.querySelector('#' + CSS.escape(input.getAttribute('aria-describedby'))), problem.message);
        } else {
            loose.push(problem.message);
        }
    }
    const message = form.querySelector('.form-message');
    if (message) {
        message.className = 'form-message error';
        const hasFieldErrors = error instanceof ApiError && error.fieldErrors.length > loose.length;
        replace(message, hasFieldErrors && loose.length === 0 ? t('common.fixFields') : describe(error, loose));
    }
    const firstInvalid = form.querySelector('[aria-invalid="true"]');
    if (firstInvalid) {
        firstInvalid.focus();
    }
}

export function showSuccess(form, text) {
    clearErrors(form);
    const message = form.querySelector('.form-message');
    if (message) {
        message.className = 'form-message ok';
        replace(message, text);
    }
}

/**
 * The browser's own checks of a form's fields (required, e-mail, number ranges, dates), before anything is sent,
 * shown like the server's: next to each field, in the page's language. Throws an ApiError with the field errors.
 */
export function checkFields(form) {
    const errors = [];
    for (const input of form.querySelectorAll('input, select, textarea')) {
        const v = input.validity;
        if (v.valid || !input.name || !input.willValidate) {
            continue;
        }
        let message;
        if (v.valueMissing) {
            message = t(input.type === 'file' ? 'check.file' : 'check.required');
        } else if (v.typeMismatch && input.type === 'email') {
            message = t('check.email');
        } else if ((v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) && input.min && input.max) {
            message = t(input.step === '1' || !input.step ? 'check.whole' : 'check.number', {min: input.min, max: input.max});
        } else {
            message = input.validationMessage;
        }
        errors.push({field: input.name, message});
    }
    if (errors.length) {
        throw new ApiError(400, {errors});
    }
}

/** A participant's or person's name as the state wrote it. */
export function fullName(p) {
    return [p.firstName, p.lastName].filter(Boolean).join(' ');
}

/** "faceToFacePlan.city" names the input "city". */
function lastPart(path) {
    return path.substring(path.lastIndexOf('.') + 1);
}

/** A failure whose message is already what the person should read (in their language). */
export class Message extends Error {
}

/** What to tell a person about a failed request, in their language where the server gives no detail. */
export function describe(error, extra = []) {
    if (error instanceof Message) {
        return error.message;
    }
    if (!(error instanceof ApiError)) {
        return t('common.error', {detail: String(error?.message || error)});
    }
    if (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504) {
        return t('common.unavailable');
    }
    if (error.status === 403) {
        return t('common.forbidden');
    }
    const details = [error.problem.detail, ...extra].filter(Boolean);
    if (error.status === 404 && details.length === 0) {
        return t('common.notFound');
    }
    return t('common.error', {detail: details.join(' ') || error.problem.title || error.status});
}

/**
 * Runs a form's submission: the submit button is disabled meanwhile, a failure is shown on the form and
 * the values typed stay. The action returns the success text to show, or nothing.
 */
export function onSubmit(form, action) {
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const buttons = form.querySelectorAll('button');
        buttons.forEach(b => { b.disabled = true; });
        try {
            const done = await action(new FormData(form), event.submitter);
            if (typeof done === 'string') {
                showSuccess(form, done);
            } else {
                clearErrors(form);
            }
        } catch (error) {
            showErrors(form, error);
        } finally {
            buttons.forEach(b => { b.disabled = false; });
        }
    });
    return form;
}

/** A page-level message (e.g. after an action in a table row). */
export function notice(container, kind, text) {
    return replace(container, h('p', {class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status'}, text));
}

/**
 * A table: columns are [{label, cell: row => text or node, class}]. An empty list shows "Nothing yet.".
 */
export function table(columns, rows, {caption, rowAttrs} = {}) {
    if (!rows.length) {
        return h('p', {class: 'empty'}, t('common.none'));
    }
    return h('div', {class: 'table-wrap'}, h('table', {},
        caption ? h('caption', {}, caption) : null,
        h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col', class: c.class}, c.label)))),
        h('tbody', {}, rows.map(row => h('tr', rowAttrs ? rowAttrs(row) : {},
            columns.map(c => h('td', {class: c.class}, c.cell(row))))))));
}

/** A labelled status value, e.g. a participant's status, styled by its value. */
export function badge(prefix, value) {
    return value ? h('span', {class: 'badge ' + prefix + '-' + value}, t(prefix + '.' + value)) : '—';
}
