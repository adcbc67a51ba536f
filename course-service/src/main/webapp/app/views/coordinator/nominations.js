// Nominating, while nominations are open: one person with the form, or a CSV file checked row by row before
// anything is saved.

import {h, replace, saveFile} from '../../dom.js';
import {t, formatNumber} from '../../i18n.js';
import * as api from '../../api.js';
import {field, formMessage, onSubmit, showErrors, table, describe, checkFields, fullName} from '../../forms.js';
import {progress, alertNear, rowOutcome, problemList, refusedFile, rosterPath} from './common.js';

export function nominationSections(page) {
    if (!page.mine) {
        return null;
    }
    if (page.edition.status !== 'NOMINATIONS_OPEN') {
        return h('p', {class: 'notice info'}, t('coord.nominationsClosed', {status: t('edition.' + page.edition.status)}));
    }
    return [nominateSection(page), importSection(page)];
}

function nominateSection(page) {
    const form = h('form', {id: 'nominate-form', class: 'card', novalidate: true},
        h('div', {class: 'form-grid'},
            field({name: 'firstName', label: t('coord.field.firstName'), required: true, maxlength: 100, autocomplete: 'off'}),
            field({name: 'lastName', label: t('coord.field.lastName'), required: true, maxlength: 100, autocomplete: 'off'}),
            field({name: 'email', label: t('coord.field.email'), type: 'email', required: true, maxlength: 254, autocomplete: 'off'}),
            field({name: 'identityDocument', label: t('coord.field.identityDocument'), maxlength: 40, autocomplete: 'off'}),
            field({name: 'position', label: t('coord.field.position'), maxlength: 200}),
            field({name: 'institution', label: t('coord.field.institution'), maxlength: 200}),
            field({name: 'rank', label: t('coord.field.rank'), type: 'number', min: 1, max: 10000, step: 1,
                hint: t('coord.field.rankHint')})),
        formMessage(),
        h('button', {type: 'submit', class: 'primary'}, t('coord.nominate.submit')));
    onSubmit(form, async data => {
        checkFields(form);
        const text = name => (data.get(name) || '').trim() || null;
        const nominated = await api.course(rosterPath(page.code, page.state), {method: 'POST', json: {
            firstName: text('firstName'), lastName: text('lastName'), email: text('email'),
            identityDocument: text('identityDocument'), position: text('position'), institution: text('institution'),
            rank: text('rank') === null ? null : Number(text('rank'))}});
        form.reset();
        await page.reload();
        form.querySelector('[name=firstName]').focus();
        return nominated.status === 'WAITLISTED'
            ? t('coord.nominated.waitlist', {name: fullName(nominated), position: nominated.waitlistPosition})
            : t('coord.nominated.seat', {name: fullName(nominated)});
    });
    return h('section', {'aria-labelledby': 'nominate-heading'},
        h('h2', {id: 'nominate-heading'}, t('coord.nominate')),
        h('p', {class: 'hint'}, t('coord.nominate.hint')),
        form);
}

/**
 * A CSV file of candidates: first checked on the server with ?dryRun=true (nothing saved), the per-row report
 * shown, then the very same file sent for real when the person says so.
 */
function importSection(page) {
    const report = h('div', {id: 'import-report', 'aria-live': 'polite'});
    const form = h('form', {id: 'import-form', class: 'card', novalidate: true},
        field({name: 'file', label: t('coord.import.file'), type: 'file', accept: '.csv,text/csv', required: true,
            onchange: () => replace(report)}),
        formMessage(),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'primary'}, t('coord.import.check')),
            h('button', {type: 'button', id: 'download-template', onclick: downloadTemplate}, t('coord.import.template'))));
    const path = rosterPath(page.code, page.state);

    onSubmit(form, async data => {
        checkFields(form);
        const file = data.get('file');
        replace(report, progress(t('coord.import.checking')));
        let preview;
        try {
            preview = await api.course(path + '?dryRun=true', {method: 'POST', body: file, type: 'text/csv'});
        } catch (error) {
            throw refusedFile(report, error, importTable);
        }
        const save = h('button', {type: 'button', id: 'import-save', class: 'primary'},
            t('coord.import.save', {rows: preview.rows}));
        replace(report,
            h('p', {class: 'notice info', role: 'status'}, t('coord.import.preview', preview)),
            importTable(preview.report),
            h('div', {class: 'actions coord-after'}, save));
        save.addEventListener('click', async () => {
            save.disabled = true;
            form.querySelectorAll('button').forEach(b => { b.disabled = true; });
            report.append(progress(t('coord.import.saving')));
            try {
                const saved = await api.course(path, {method: 'POST', body: file, type: 'text/csv'});
                form.reset();
                replace(report, h('p', {id: 'import-saved', class: 'notice ok', role: 'status'}, t('coord.import.saved', saved)),
                    importTable(saved.report));
                await page.reload();
            } catch (error) {
                // Something changed since the check (e.g. the same person was nominated meanwhile): nothing saved.
                showErrors(form, refusedFile(report, error, importTable));
            } finally {
                form.querySelectorAll('button').forEach(b => { b.disabled = false; });
            }
        });
        save.focus();
    });

    return h('section', {'aria-labelledby': 'import-heading'},
        h('h2', {id: 'import-heading'}, t('coord.import')),
        h('p', {class: 'hint'}, t('coord.import.explain')),
        form, report);
}

async function downloadTemplate(event) {
    const button = event.currentTarget;
    button.disabled = true;
    try {
        // Through the API (it needs the bearer token), then saved as a file.
        saveFile(await api.course('/templates/nominations.csv', {as: 'blob', accept: 'text/csv, application/problem+json'}),
            'nominations-template.csv');
    } catch (error) {
        alertNear(button, describe(error));
    } finally {
        button.disabled = false;
    }
}

function importTable(rows) {
    return table([
        {label: t('coord.import.col.line'), class: 'number', cell: r => r.line},
        {label: t('coord.col.email'), cell: r => r.email || '—'},
        {label: t('coord.import.col.outcome'), cell: r => rowOutcome(r.outcome, 'participant')},
        {label: t('coord.col.waitlist'), class: 'number', cell: r => r.waitlistPosition ? formatNumber(r.waitlistPosition) : '—'},
        {label: t('coord.import.col.problems'), cell: r => problemList(r.problems)},
    ], rows, {caption: t('coord.import.report'), rowAttrs: r => ({class: r.problems?.length ? 'problem' : null, dataset: {line: r.line}})});
}
