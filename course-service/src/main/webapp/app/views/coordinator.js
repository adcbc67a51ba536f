// The state coordinator's pages: their state's seats, candidates and participants in one edition; nominating
// one person or a CSV file (checked row by row before anything is saved); rank and withdrawal; each
// participant's stages and Moodle state; the face-to-face plan, results and closing. The course leader may
// open any state's page by its route. Every rule and access check is the server's: a button shown here that
// the server refuses shows the server's answer.

import {h, replace, saveFile} from '../dom.js';
import {t, language, formatDate, formatDateTime, formatNumber, stateName} from '../i18n.js';
import * as api from '../api.js';
import {ApiError} from '../api.js';
import * as session from '../session.js';
import {field, formMessage, onSubmit, showErrors, notice, table, badge, describe, Message, checkFields, fullName} from '../forms.js';

export const routes = [
    {path: 'editions/:code/states/:state', render: statePage, roles: ['COURSE_LEADER', 'STATE_COORDINATOR']},
];

/** Statuses of people who take (or took) the course, as opposed to candidates. */
const LEARNERS = ['ACCEPTED', 'ENROLLED', 'CERTIFIED'];
/** Statuses nothing more can happen to. */
const FINAL = ['REJECTED', 'WITHDRAWN', 'CERTIFIED'];
const RESULTS_OPEN = ['ONLINE_STAGE', 'FACE_TO_FACE_STAGE'];

// ---------------------------------------------------------------------------------------------- home page

/** A state coordinator's cards: one per edition, with their state's seats, linking to their state's page. */
export async function homeCards() {
    const state = session.account()?.state;
    if (!session.hasRole('STATE_COORDINATOR') || !state) {
        return [];
    }
    const editions = await api.course('/editions');
    // One agreement per edition, asked in parallel: an edition without the state's agreement gets no link.
    const agreements = await Promise.all(editions.map(e =>
        api.course(`/editions/${enc(e.code)}/agreements/${enc(state)}`).catch(() => null)));
    return editions.map((edition, i) => {
        const agreement = agreements[i];
        return h('article', {class: 'card coord-card', dataset: {edition: edition.code}},
            h('h2', {}, t('coord.card.title', {code: edition.code})),
            h('p', {class: 'coord-card-title'}, edition.title),
            h('p', {}, badge('edition', edition.status)),
            agreement
                ? [h('p', {}, t('coord.card.seats', {held: agreement.seatsHeld, quota: agreement.quota,
                        waitlisted: agreement.waitlisted})),
                    h('a', {class: 'button primary', href: statePath(edition.code, state)},
                        t('coord.card.open', {state: stateName(state)}))]
                : h('p', {class: 'empty'}, t('coord.card.noAgreement')));
    });
}

// ---------------------------------------------------------------------------------------------- state page

async function statePage(main, params) {
    const code = params.code;
    const state = params.state.toUpperCase();
    const heading = h('h1', {}, t('coord.title', {state: stateName(state), code}));
    let edition;
    let roster;
    try {
        [edition, roster] = await Promise.all([
            api.course(`/editions/${enc(code)}`),
            api.course(rosterPath(code, state))]);
    } catch (error) {
        // Another state's page, or one that does not exist: say so, and show nothing else.
        replace(main, heading,
            h('p', {id: 'coord-refused', class: 'notice error', role: 'alert'}, refusal(error, code, state)),
            h('p', {}, h('a', {href: '#/'}, t('coord.back'))));
        return;
    }

    const account = session.account();
    // The page's data (`edition`, `roster`) and the boxes redrawn from it after every change.
    const page = {
        main, code, state, edition, roster,
        mine: session.hasRole('STATE_COORDINATOR') && account.state === state,
        leader: session.hasRole('COURSE_LEADER'),
        seats: h('ul', {id: 'seats', class: 'stats', 'aria-labelledby': 'seats-heading'}),
        notice: h('div', {id: 'coord-notice', tabindex: '-1'}),
        rosterBox: h('div', {id: 'roster'}),
        faceToFaceBox: h('div', {id: 'face-to-face-state'}),
        planBox: h('div', {id: 'plan'}),
    };

    replace(main,
        h('p', {class: 'coord-back'}, h('a', {href: '#/'}, t('coord.back'))),
        heading,
        h('p', {class: 'coord-edition'}, edition.title, ' ', badge('edition', edition.status)),
        h('h2', {id: 'seats-heading'}, t('coord.seats')),
        page.seats,
        page.notice,
        h('section', {'aria-labelledby': 'roster-heading'},
            h('h2', {id: 'roster-heading'}, t('coord.roster')),
            h('p', {class: 'hint'}, t('coord.roster.hint')),
            page.rosterBox),
        nominationSections(page),
        faceToFaceSection(page));
    draw(page);
    return page;
}

/** Draws the whole page again from fresh data (after a change to what it offers, like closing the stage), then tells. */
async function startOver(page, kind, text) {
    const fresh = await statePage(page.main, {code: page.code, state: page.state});
    if (fresh) {
        tell(fresh, kind, text);
    }
}

/** Redraws what depends on the roster: seats, the table, the face-to-face state. */
function draw(page) {
    const agreement = page.roster.agreement;
    replace(page.seats,
        stat('quota', t('coord.seats.quota'), agreement.quota),
        stat('held', t('coord.seats.held'), agreement.seatsHeld),
        stat('free', t('coord.seats.free'), agreement.seatsFree),
        stat('waitlisted', t('coord.seats.waitlisted'), agreement.waitlisted));
    replace(page.rosterBox, rosterTable(page));
    drawFaceToFace(page);
    drawPlan(page);
}

function stat(key, label, value) {
    return h('li', {id: 'seats-' + key}, h('strong', {}, formatNumber(value)), label);
}

async function reload(page) {
    page.roster = await api.course(rosterPath(page.code, page.state));
    draw(page);
}

/** A message above the roster after an action; focused so a keyboard user hears it and continues from there. */
function tell(page, kind, text) {
    notice(page.notice, kind, text);
    page.notice.focus();
}

// ---------------------------------------------------------------------------------------------- roster

function rosterTable(page) {
    const {edition} = page;
    const mayRank = page.mine && edition.status === 'NOMINATIONS_OPEN';
    const columns = [
        {label: t('coord.col.rank'), class: 'number', cell: p => mayRank && !FINAL.includes(p.status) ? rankForm(page, p) : p.rank},
        // The e-mail and institution under the name: one column fewer, so the stages' columns fit beside it.
        {label: t('coord.col.name'), cell: p => [h('span', {class: 'coord-name'}, fullName(p)),
            h('span', {class: 'coord-sub coord-email'}, p.email),
            p.institution ? h('span', {class: 'coord-sub'}, p.institution) : null]},
        {label: t('coord.col.status'), cell: p => badge('participant', p.status)},
    ];
    if (page.roster.participants.some(p => p.waitlistPosition)) {
        columns.push({label: t('coord.col.waitlist'), class: 'number', cell: p => p.waitlistPosition ? formatNumber(p.waitlistPosition) : '—'});
    }
    // The stages' columns once someone takes the course: before that they would only hold dashes.
    if (page.roster.participants.some(learner) || !['DRAFT', 'NOMINATIONS_OPEN'].includes(edition.status)) {
        columns.push(
            {label: t('coord.col.online'), cell: p => learner(p) ? badge('online', p.onlineStage) : '—'},
            {label: t('coord.col.faceToFace'), cell: p => learner(p) ? [badge('faceToFace', p.faceToFace),
                p.faceToFaceScore !== null && p.faceToFaceScore !== undefined
                    ? h('span', {class: 'coord-score'}, ' ', formatNumber(p.faceToFaceScore, 2)) : null] : '—'},
            {label: t('coord.col.moodle'), cell: p => moodleState(p)});
    }
    columns.push({label: t('common.actions'), cell: p => h('div', {class: 'actions'}, rowActions(page, p))});
    return table(columns, page.roster.participants, {
        caption: t('coord.roster.caption', {state: stateName(page.state), code: page.code}),
        rowAttrs: p => ({id: 'participant-' + p.id, dataset: {participant: p.id, status: p.status}}),
    });
}

function learner(p) {
    return LEARNERS.includes(p.status);
}

/** In Moodle once the sync has matched or created the user; "waiting" while an accepted learner is not there yet. */
function moodleState(p) {
    if (p.moodleUserId) {
        return h('span', {title: t('coord.moodle.user', {id: p.moodleUserId})}, t('common.yes'));
    }
    return learner(p) ? h('span', {class: 'coord-waiting'}, t('coord.moodle.waiting')) : '—';
}

function rowActions(page, p) {
    const actions = [];
    if (mayRecord(page, p)) {
        actions.push(h('button', {type: 'button', class: 'coord-record', 'aria-label': t('coord.recordOf', {name: fullName(p)}),
            onclick: () => resultDialog(page, p)}, page.roster.agreement.faceToFaceClosedAt ? t('coord.correct') : t('coord.record')));
    }
    if ((page.mine || page.leader) && !FINAL.includes(p.status) && page.edition.status !== 'CLOSED') {
        actions.push(h('button', {type: 'button', class: 'danger coord-withdraw', 'aria-label': t('coord.withdrawOf', {name: fullName(p)}),
            onclick: () => withdrawDialog(page, p)}, t('coord.withdraw')));
    }
    return actions;
}

/** A small form in the rank cell: the new rank and a save button (Enter in the box saves too). */
function rankForm(page, p) {
    const form = h('form', {class: 'coord-rank', novalidate: true},
        field({name: 'rank', label: t('coord.rankOf', {name: fullName(p)}), type: 'number',
            value: p.rank, min: 1, max: 10000, step: 1, required: true}),
        h('button', {type: 'submit', 'aria-label': t('coord.rank.saveOf', {name: fullName(p)})}, t('coord.rank.save')),
        formMessage());
    onSubmit(form, async data => {
        checkFields(form);
        const rank = Number(data.get('rank'));
        page.roster = await api.course(`/editions/${enc(page.code)}/participants/${p.id}/rank`,
            {method: 'PUT', json: {rank}});
        draw(page);
        tell(page, 'ok', t('coord.rank.saved', {name: fullName(p), rank}));
    });
    return form;
}

function withdrawDialog(page, p) {
    const before = new Map(page.roster.participants.map(x => [x.id, x.status]));
    openDialog({
        id: 'withdraw-dialog',
        title: t('coord.withdraw.title', {name: fullName(p)}),
        body: [h('p', {}, t('coord.withdraw.explain')),
            field({name: 'reason', label: t('coord.withdraw.reason'), type: 'textarea', rows: 2, required: true, maxlength: 500})],
        submit: t('coord.withdraw.confirm'),
        danger: true,
        action: async (data, form) => {
            checkFields(form);
            await api.course(`/editions/${enc(page.code)}/participants/${p.id}/withdraw`,
                {method: 'POST', json: {reason: data.get('reason').trim()}});
            await reload(page);
            // Whoever was waitlisted before and holds a seat now took the freed seat.
            const promoted = page.roster.participants.filter(x => before.get(x.id) === 'WAITLISTED' && x.status === 'NOMINATED');
            return () => tell(page, 'ok', [t('coord.withdrawn', {name: fullName(p)}),
                promoted.length ? t('coord.promoted', {names: promoted.map(fullName).join(', ')}) : ''].join(' ').trim());
        },
    });
}

// ---------------------------------------------------------------------------------------------- nominations

function nominationSections(page) {
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
        await reload(page);
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
            throw refusedFile(report, error, 'import');
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
                await reload(page);
            } catch (error) {
                // Something changed since the check (e.g. the same person was nominated meanwhile): nothing saved.
                showErrors(form, refusedFile(report, error, 'import'));
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

/** A row's outcome: a status it takes (or would take), or whether it is fine in a refused file. */
function rowOutcome(outcome, prefix) {
    if (outcome === 'REFUSED') {
        return h('span', {class: 'badge participant-REJECTED'}, t('coord.import.rowRefused'));
    }
    if (outcome === 'OK') {
        return h('span', {class: 'badge'}, t('coord.import.ok'));
    }
    return badge(prefix, outcome);
}

function problemList(problems) {
    if (!problems?.length) {
        return '—';
    }
    return h('ul', {class: 'coord-problems'}, problems.map(p =>
        h('li', {}, p.field ? h('strong', {}, fieldLabel(p.field) + ': ') : null, p.message)));
}

/**
 * A file the server refused. A per-row report is drawn in the report box and the person is told, in their
 * language, that nothing was saved; a problem with the file as a whole goes next to the file input.
 */
function refusedFile(report, error, kind) {
    if (error instanceof ApiError && error.rows.length) {
        const bad = error.rows.filter(r => r.problems?.length).length;
        replace(report, kind === 'import' ? importTable(error.rows) : resultsTable(error.rows));
        return new Message(t('coord.file.refused', {bad, rows: error.rows.length}));
    }
    replace(report);
    return error;
}

// ---------------------------------------------------------------------------------------------- face-to-face

function faceToFaceSection(page) {
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
function mayRecord(page, p) {
    if (!learner(p) || !RESULTS_OPEN.includes(page.edition.status)) {
        return false;
    }
    return page.roster.agreement.faceToFaceClosedAt ? page.leader : page.mine || page.leader;
}

function drawFaceToFace(page) {
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

function drawPlan(page) {
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

function resultDialog(page, p) {
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
            await reload(page);
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
            return () => startOver(page, 'ok', t('coord.closed'));
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
            throw refusedFile(report, error, 'results');
        }
        form.reset();
        replace(report, resultsTable(saved.rows));
        await reload(page);
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

// ---------------------------------------------------------------------------------------------- helpers

/**
 * A modal dialog holding a form: a title, fields, a confirm and a cancel button. The browser keeps the focus
 * inside and Escape cancels. On success it closes; on failure the error stays in it, next to the fields.
 */
function openDialog({id, title, body, submit, danger, action}) {
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


function progress(text) {
    return h('p', {class: 'coord-progress', role: 'status'}, h('progress', {'aria-label': text}), ' ', text);
}

function alertNear(element, text) {
    element.parentNode.querySelector('.coord-inline-error')?.remove();
    element.after(h('span', {class: 'coord-inline-error', role: 'alert'}, text));
}

/** What to show instead of another state's data, or of a page that does not exist. */
function refusal(error, code, state) {
    if (error instanceof ApiError && error.status === 403) {
        return t('coord.refused');
    }
    if (error instanceof ApiError && error.status === 404) {
        return t('coord.notFound', {code, state});
    }
    return describe(error);
}

function fieldLabel(name) {
    const key = 'coord.field.' + name;
    const label = t(key);
    return label === key ? name : label;
}



function statePath(code, state) {
    return `#/editions/${enc(code)}/states/${enc(state)}`;
}

function rosterPath(code, state) {
    return `/editions/${enc(code)}/agreements/${enc(state)}/nominations`;
}

function enc(value) {
    return encodeURIComponent(value);
}
