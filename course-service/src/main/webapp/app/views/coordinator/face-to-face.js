// A state's face-to-face stage: its plan, each learner's result (one by one, or a CSV file), and closing it.

import {h, replace, saveFile} from '../../dom.js';
import {t, formatDate, formatDateTime, formatNumber, stateName} from '../../i18n.js';
import * as api from '../../api.js';
import {field, formMessage, onSubmit, table, checkFields, fullName} from '../../forms.js';
import {RESULTS_OPEN, learner, tell, openDialog, progress, rowOutcome, problemList, refusedFile, enc} from './common.js';

export function faceToFaceSection(page) {
    const mayPlan = (page.mine || page.leader) && page.edition.status !== 'CLOSED' && !page.roster.agreement.faceToFaceClosedAt;
    return h('section', {id: 'face-to-face', 'aria-labelledby': 'f2f-heading'},
        h('h2', {id: 'f2f-heading'}, t('coord.f2f')),
        page.faceToFaceBox,
        h('h3', {}, t('coord.plan')),
        page.planBox,
        mayPlan ? planEditor(page) : null,
        resultsUpload(page));
}

/** May this person record (or, after closing, correct) this participant's result now? */
export function mayRecord(page, p) {
    if (!learner(p) || !RESULTS_OPEN.includes(page.edition.status)) {
        return false;
    }
    return page.roster.agreement.faceToFaceClosedAt ? page.leader : page.mine || page.leader;
}

export function drawFaceToFace(page) {
    const agreement = page.roster.agreement;
    const learners = page.roster.participants.filter(learner);
    const done = learners.filter(p => p.faceToFace !== 'PENDING').length;
    const parts = [];
    if (agreement.faceToFaceClosedAt) {
        parts.push(h('p', {id: 'f2f-closed', class: 'notice info'}, t('coord.f2f.closedAt', {date: formatDateTime(agreement.faceToFaceClosedAt)})));
    } else if (!RESULTS_OPEN.includes(page.edition.status)) {
        parts.push(h('p', {class: 'notice info'}, t('coord.f2f.notYet', {status: t('edition.' + page.edition.status)})));
    }
    if (learners.length) {
        parts.push(h('p', {id: 'f2f-progress'}, t('coord.f2f.progress', {done, total: learners.length})),
            h('progress', {max: learners.length, value: done, 'aria-labelledby': 'f2f-progress'}));
    }
    if (page.mine && !agreement.faceToFaceClosedAt && RESULTS_OPEN.includes(page.edition.status)) {
        parts.push(h('div', {class: 'actions coord-after'},
            h('button', {type: 'button', id: 'close-stage', class: 'danger', onclick: () => closeDialog(page)}, t('coord.close'))));
    }
    replace(page.faceToFaceBox, parts);
}

export function drawPlan(page) {
    const plan = page.roster.agreement.faceToFacePlan;
    if (!plan) {
        replace(page.planBox, h('p', {class: 'empty'}, t('coord.plan.none')));
        return;
    }
    const row = (label, value) => [h('dt', {}, label), h('dd', {}, value ?? '—')];
    replace(page.planBox, h('dl', {class: 'coord-plan'},
        row(t('coord.plan.dates'), plan.startDate || plan.endDate
            ? t('coord.plan.from', {start: formatDate(plan.startDate), end: formatDate(plan.endDate)}) : null),
        row(t('coord.field.city'), plan.city),
        row(t('coord.field.modality'), plan.modality ? t('modality.' + plan.modality) : null),
        row(t('coord.field.hours'), plan.hours === null || plan.hours === undefined ? null : formatNumber(plan.hours)),
        row(t('coord.field.evaluationMethod'), plan.evaluationMethod)));
}

/** The plan's form, folded away until asked for; the server says when the plan can no longer change. */
function planEditor(page) {
    const plan = page.roster.agreement.faceToFacePlan || {};
    const form = h('form', {id: 'plan-form', novalidate: true},
        h('div', {class: 'form-grid'},
            field({name: 'startDate', label: t('coord.field.startDate'), type: 'date', value: plan.startDate}),
            field({name: 'endDate', label: t('coord.field.endDate'), type: 'date', value: plan.endDate}),
            field({name: 'city', label: t('coord.field.city'), value: plan.city, maxlength: 200}),
            field({name: 'modality', label: t('coord.field.modality'), value: plan.modality || '',
                options: [['', t('coord.choose')], ...['IN_PERSON', 'HYBRID', 'VIRTUAL_LIVE'].map(m => [m, t('modality.' + m)])]}),
            field({name: 'hours', label: t('coord.field.hours'), type: 'number', min: 1, max: 1000, step: 1, value: plan.hours})),
        field({name: 'evaluationMethod', label: t('coord.field.evaluationMethod'), type: 'textarea', rows: 2,
            value: plan.evaluationMethod, maxlength: 1000}),
        formMessage(),
        h('button', {type: 'submit', class: 'primary'}, t('coord.plan.save')));
    onSubmit(form, async data => {
        checkFields(form);
        const value = name => (data.get(name) || '').trim() || null;
        const saved = await api.course(`/editions/${enc(page.code)}/agreements/${enc(page.state)}/face-to-face/plan`, {
            method: 'PUT', json: {startDate: value('startDate'), endDate: value('endDate'), city: value('city'),
                modality: value('modality'), hours: value('hours') === null ? null : Number(value('hours')),
                evaluationMethod: value('evaluationMethod')}});
        page.roster.agreement.faceToFacePlan = saved;
        drawPlan(page);
        return t('coord.plan.saved');
    });
    return h('details', {class: 'coord-details', id: 'plan-editor'}, h('summary', {}, t('coord.plan.edit')), form);
}

export function resultDialog(page, p) {
    const closed = Boolean(page.roster.agreement.faceToFaceClosedAt);
    openDialog({
        id: 'result-dialog',
        title: t('coord.result.title', {name: fullName(p)}),
        body: [
            field({name: 'result', label: t('coord.result.result'), required: true,
                value: p.faceToFace === 'PENDING' ? '' : p.faceToFace,
                options: [['', t('coord.choose')], ...['PASSED', 'FAILED', 'ABSENT'].map(r => [r, t('faceToFace.' + r)])]}),
            field({name: 'score', label: t('coord.result.score'), type: 'number', min: 0, max: 100, step: '0.01',
                value: p.faceToFaceScore, hint: t('coord.result.scoreHint')}),
            field({name: 'note', label: t('coord.result.note'), type: 'textarea', rows: 2, maxlength: 1000, value: p.faceToFaceNote}),
            closed ? field({name: 'reason', label: t('coord.result.reason'), type: 'textarea', rows: 2, required: true,
                hint: t('coord.result.reasonHint')}) : null],
        submit: t('common.save'),
        action: async (data, form) => {
            checkFields(form);
            const score = data.get('score').trim();
            const saved = await api.course(`/editions/${enc(page.code)}/participants/${p.id}/face-to-face`, {
                method: 'PUT', json: {result: data.get('result'), score: score === '' ? null : Number(score),
                    note: data.get('note').trim() || null, reason: closed ? data.get('reason').trim() : null}});
            await page.reload();
            return () => tell(page, 'ok', t('coord.result.saved', {name: fullName(p), result: t('faceToFace.' + saved.faceToFace)}));
        },
    });
}

function closeDialog(page) {
    openDialog({
        id: 'close-dialog',
        title: t('coord.close.title', {state: stateName(page.state)}),
        body: [h('p', {}, t('coord.close.explain'))],
        submit: t('coord.close.confirm'),
        danger: true,
        action: async () => {
            await api.course(`/editions/${enc(page.code)}/agreements/${enc(page.state)}/face-to-face/close`, {method: 'POST'});
            // Closed, the page offers less (no results file, no plan changes): it is drawn again.
            return () => page.startOver('ok', t('coord.closed'));
        },
    });
}

/** The state's results as a CSV file: every row saved, or none, with the per-row report. */
function resultsUpload(page) {
    if (!RESULTS_OPEN.includes(page.edition.status) || page.roster.agreement.faceToFaceClosedAt || !(page.mine || page.leader)) {
        return null;
    }
    const report = h('div', {id: 'results-report', 'aria-live': 'polite'});
    const form = h('form', {id: 'results-form', class: 'card', novalidate: true},
        field({name: 'file', label: t('coord.results.file'), type: 'file', accept: '.csv,text/csv', required: true,
            hint: t('coord.results.explain'), onchange: () => replace(report)}),
        formMessage(),
        h('div', {class: 'actions'},
            h('button', {type: 'submit', class: 'primary'}, t('coord.results.upload')),
            h('button', {type: 'button', id: 'results-sheet', onclick: () => resultsSheet(page)}, t('coord.results.sheet'))));
    onSubmit(form, async data => {
        checkFields(form);
        replace(report, progress(t('coord.results.uploading')));
        let saved;
        try {
            saved = await api.course(`/editions/${enc(page.code)}/agreements/${enc(page.state)}/face-to-face/results`,
                {method: 'POST', body: data.get('file'), type: 'text/csv'});
        } catch (error) {
            throw refusedFile(report, error, resultsTable);
        }
        form.reset();
        replace(report, resultsTable(saved.rows));
        await page.reload();
        return t('coord.results.saved', {rows: saved.rows.length});
    });
    return [h('h3', {}, t('coord.results')), form, report];
}

function resultsTable(rows) {
    return table([
        {label: t('coord.import.col.line'), class: 'number', cell: r => r.line},
        {label: t('coord.results.who'), cell: r => r.participant || '—'},
        {label: t('coord.import.col.outcome'), cell: r => rowOutcome(r.outcome, 'faceToFace')},
        {label: t('coord.import.col.problems'), cell: r => problemList(r.problems)},
    ], rows, {caption: t('coord.import.report'), rowAttrs: r => ({class: r.problems?.length ? 'problem' : null, dataset: {line: r.line}})});
}

/** A results sheet to fill in, made here from the roster: one row per learner, with the columns the upload reads. */
function resultsSheet(page) {
    const quote = value => '"' + String(value ?? '').replaceAll('"', '""') + '"';
    const lines = [['participant_id', 'email', 'result', 'score', 'note'].join(',')];
    for (const p of page.roster.participants.filter(learner)) {
        lines.push([p.id, p.email, p.faceToFace === 'PENDING' ? '' : p.faceToFace, p.faceToFaceScore ?? '', p.faceToFaceNote ?? '']
            .map(quote).join(','));
    }
    // The BOM makes spreadsheets open it as UTF-8.
    saveFile(new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], {type: 'text/csv'}),
        `face-to-face-${page.code}-${page.state}.csv`);
}
