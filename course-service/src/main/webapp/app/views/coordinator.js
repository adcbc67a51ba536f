// The state coordinator's pages: their state's seats, candidates and participants in one edition; nominating
// one person or a CSV file (checked row by row before anything is saved); rank and withdrawal; each
// participant's stages and Moodle state; the face-to-face plan, results and closing. The course leader may
// open any state's page by its route. Every rule and access check is the server's: a button shown here that
// the server refuses shows the server's answer.

import {h, replace, saveFile} from '../dom.js';
import {t, addMessages, language, formatDate, formatDateTime, formatNumber, stateName} from '../i18n.js';
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

addMessages({
    es: {
        'coord.card.title': 'Edición {code}',
        'coord.card.seats': '{held} de {quota} lugares ocupados · {waitlisted} en lista de espera',
        'coord.card.open': 'Abrir la página de {state}',
        'coord.card.noAgreement': 'Su estado no tiene acuerdo en esta edición.',
        'coord.title': '{state} · Edición {code}',
        'coord.back': '← Volver al inicio',
        'coord.refused': 'Esta página es de otro estado. Su cuenta solo puede ver y cambiar los datos de su propio estado.',
        'coord.notFound': 'No existe la edición {code} o no tiene acuerdo con {state}.',
        'coord.seats': 'Lugares',
        'coord.seats.quota': 'Cupo',
        'coord.seats.held': 'Ocupados',
        'coord.seats.free': 'Libres',
        'coord.seats.waitlisted': 'En lista de espera',
        'coord.roster': 'Candidatos y participantes',
        'coord.roster.hint': 'Primero quienes ocupan un lugar, por orden de prioridad; luego la lista de espera; luego el resto.',
        'coord.roster.caption': 'Personas propuestas por {state} para la edición {code}',
        'coord.col.rank': 'Orden',
        'coord.col.name': 'Nombre',
        'coord.col.email': 'Correo electrónico',
        'coord.col.status': 'Situación',
        'coord.col.waitlist': 'Lista de espera',
        'coord.col.online': 'Etapa en línea',
        'coord.col.faceToFace': 'Etapa presencial',
        'coord.col.moodle': 'En Moodle',
        'coord.moodle.user': 'Usuario de Moodle {id}',
        'coord.moodle.waiting': 'Pendiente de sincronizar',
        'coord.rankOf': 'Orden de {name}',
        'coord.rank.save': 'Guardar',
        'coord.rank.saveOf': 'Guardar el orden de {name}',
        'coord.rank.saved': 'El orden de {name} ahora es {rank}.',
        'coord.withdraw': 'Retirar',
        'coord.withdrawOf': 'Retirar a {name}',
        'coord.withdraw.title': '¿Retirar a {name}?',
        'coord.withdraw.explain': 'La persona deja su lugar o la lista de espera y, si ya estaba en Moodle, se le da de baja. El primero de la lista de espera ocupa el lugar que queda libre. No se puede deshacer.',
        'coord.withdraw.reason': 'Motivo (queda en el registro de auditoría)',
        'coord.withdraw.confirm': 'Sí, retirar',
        'coord.withdrawn': '{name} fue retirado/a.',
        'coord.promoted': 'Pasa a ocupar el lugar liberado: {names}.',
        'coord.record': 'Registrar resultado',
        'coord.correct': 'Corregir resultado',
        'coord.recordOf': 'Resultado presencial de {name}',
        'coord.result.title': 'Resultado presencial de {name}',
        'coord.result.result': 'Resultado',
        'coord.result.score': 'Puntaje (opcional)',
        'coord.result.scoreHint': 'De 0 a 100, con hasta 2 decimales.',
        'coord.result.note': 'Observación (opcional)',
        'coord.result.reason': 'Motivo de la corrección',
        'coord.result.reasonHint': 'La etapa presencial de este estado está cerrada: diga por qué se corrige el resultado.',
        'coord.result.saved': 'Resultado de {name} guardado: {result}.',
        'coord.choose': '— Elija —',
        'coord.nominationsClosed': 'Las postulaciones no están abiertas: la edición está en «{status}».',
        'coord.nominate': 'Proponer un candidato',
        'coord.nominate.hint': 'Si no quedan lugares libres, la persona entra en la lista de espera según su orden de prioridad.',
        'coord.nominate.submit': 'Proponer',
        'coord.nominated.seat': '{name} fue propuesto/a y ocupa un lugar.',
        'coord.nominated.waitlist': 'No quedan lugares libres: {name} está en la lista de espera, en la posición {position}.',
        'coord.field.firstName': 'Nombre(s)',
        'coord.field.lastName': 'Apellido(s)',
        'coord.field.email': 'Correo electrónico',
        'coord.field.identityDocument': 'Documento de identidad',
        'coord.field.position': 'Cargo',
        'coord.field.institution': 'Institución',
        'coord.field.rank': 'Orden de prioridad',
        'coord.field.rankHint': '1 es el primero. Si lo deja vacío, va después de todos los ya propuestos.',
        'coord.field.participantId': 'Participante',
        'coord.field.result': 'Resultado',
        'coord.field.score': 'Puntaje',
        'coord.field.note': 'Observación',
        'coord.field.file': 'Archivo',
        'coord.field.startDate': 'Inicio',
        'coord.field.endDate': 'Fin',
        'coord.field.city': 'Ciudad',
        'coord.field.modality': 'Modalidad',
        'coord.field.hours': 'Horas',
        'coord.field.evaluationMethod': 'Forma de evaluación',
        'coord.import': 'Importar un archivo CSV',
        'coord.import.explain': 'Primero se revisa el archivo, fila por fila, sin guardar nada. Si todas las filas están bien, puede guardarlas; si alguna tiene un problema, no se guarda ninguna.',
        'coord.import.file': 'Archivo CSV (UTF-8, separado por comas o por punto y coma)',
        'coord.import.check': 'Revisar el archivo',
        'coord.import.template': 'Descargar la plantilla',
        'coord.import.checking': 'Revisando el archivo…',
        'coord.import.saving': 'Guardando…',
        'coord.import.preview': 'El archivo está bien: {rows} filas; {nominated} ocuparían un lugar y {waitlisted} quedarían en lista de espera. Todavía no se guardó nada.',
        'coord.import.save': 'Guardar estas {rows} postulaciones',
        'coord.import.saved': 'Guardado: {rows} postulaciones; {nominated} ocupan un lugar y {waitlisted} están en lista de espera.',
        'coord.import.report': 'Informe por fila',
        'coord.import.col.line': 'Línea',
        'coord.import.col.outcome': 'Resultado',
        'coord.import.col.problems': 'Problemas',
        'coord.import.ok': 'Sin problemas',
        'coord.import.rowRefused': 'Con problemas',
        'coord.file.refused': 'No se guardó nada: {bad} de {rows} filas tienen problemas. Corrija las filas marcadas y vuelva a enviar el archivo.',
        'coord.f2f': 'Etapa presencial',
        'coord.f2f.closedAt': 'Cerrada el {date}. Desde entonces solo la coordinación del curso (IIN) puede corregir un resultado, indicando el motivo.',
        'coord.f2f.notYet': 'Los resultados se registran durante la etapa en línea y la etapa presencial; ahora la edición está en «{status}».',
        'coord.f2f.progress': 'Resultados registrados: {done} de {total}.',
        'coord.close': 'Cerrar la etapa presencial',
        'coord.close.title': '¿Cerrar la etapa presencial de {state}?',
        'coord.close.explain': 'Cada participante debe tener ya su resultado. Después de cerrar, solo la coordinación del curso (IIN) puede corregir un resultado.',
        'coord.close.confirm': 'Sí, cerrar la etapa',
        'coord.closed': 'La etapa presencial quedó cerrada.',
        'coord.plan': 'Plan de la etapa presencial',
        'coord.plan.none': 'Todavía no hay plan.',
        'coord.plan.dates': 'Fechas',
        'coord.plan.from': 'Del {start} al {end}',
        'coord.plan.edit': 'Cambiar el plan',
        'coord.plan.save': 'Guardar el plan',
        'coord.plan.saved': 'Plan guardado.',
        'coord.results': 'Subir un archivo de resultados',
        'coord.results.file': 'Archivo CSV de resultados',
        'coord.results.explain': 'Columnas: participant_id o email, result (PASSED, FAILED o ABSENT), score (0 a 100), note. Se guardan todas las filas o ninguna.',
        'coord.results.upload': 'Subir resultados',
        'coord.results.sheet': 'Descargar la planilla de sus participantes',
        'coord.results.uploading': 'Subiendo el archivo…',
        'coord.results.saved': 'Se guardaron {rows} resultados.',
        'coord.results.who': 'Participante',
        'modality.IN_PERSON': 'Presencial',
        'modality.HYBRID': 'Híbrida',
        'modality.VIRTUAL_LIVE': 'Virtual en vivo',
    },
    en: {
        'coord.card.title': 'Edition {code}',
        'coord.card.seats': '{held} of {quota} seats held · {waitlisted} waitlisted',
        'coord.card.open': 'Open the page of {state}',
        'coord.card.noAgreement': 'Your state has no agreement in this edition.',
        'coord.title': '{state} · Edition {code}',
        'coord.back': '← Back to home',
        'coord.refused': 'This page belongs to another state. Your account may only see and change your own state\'s data.',
        'coord.notFound': 'There is no edition {code}, or it has no agreement with {state}.',
        'coord.seats': 'Seats',
        'coord.seats.quota': 'Quota',
        'coord.seats.held': 'Held',
        'coord.seats.free': 'Free',
        'coord.seats.waitlisted': 'Waitlisted',
        'coord.roster': 'Candidates and participants',
        'coord.roster.hint': 'Seat holders first, in rank order; then the waitlist; then everyone else.',
        'coord.roster.caption': 'People {state} proposed for edition {code}',
        'coord.col.rank': 'Rank',
        'coord.col.name': 'Name',
        'coord.col.email': 'E-mail',
        'coord.col.status': 'Status',
        'coord.col.waitlist': 'Waitlist',
        'coord.col.online': 'Online stage',
        'coord.col.faceToFace': 'Face-to-face stage',
        'coord.col.moodle': 'In Moodle',
        'coord.moodle.user': 'Moodle user {id}',
        'coord.moodle.waiting': 'Waiting for sync',
        'coord.rankOf': 'Rank of {name}',
        'coord.rank.save': 'Save',
        'coord.rank.saveOf': 'Save the rank of {name}',
        'coord.rank.saved': '{name} now has rank {rank}.',
        'coord.withdraw': 'Withdraw',
        'coord.withdrawOf': 'Withdraw {name}',
        'coord.withdraw.title': 'Withdraw {name}?',
        'coord.withdraw.explain': 'The person leaves their seat or the waitlist and, if already in Moodle, is unenrolled. The first person on the waitlist takes the freed seat. This cannot be undone.',
        'coord.withdraw.reason': 'Reason (kept in the audit log)',
        'coord.withdraw.confirm': 'Yes, withdraw',
        'coord.withdrawn': '{name} was withdrawn.',
        'coord.promoted': 'Now holding the freed seat: {names}.',
        'coord.record': 'Record result',
        'coord.correct': 'Correct result',
        'coord.recordOf': 'Face-to-face result of {name}',
        'coord.result.title': 'Face-to-face result of {name}',
        'coord.result.result': 'Result',
        'coord.result.score': 'Score (optional)',
        'coord.result.scoreHint': 'From 0 to 100, with at most 2 decimals.',
        'coord.result.note': 'Note (optional)',
        'coord.result.reason': 'Reason for the correction',
        'coord.result.reasonHint': 'This state\'s face-to-face stage is closed: say why the result is corrected.',
        'coord.result.saved': 'Result of {name} saved: {result}.',
        'coord.choose': '— Choose —',
        'coord.nominationsClosed': 'Nominations are not open: the edition is in "{status}".',
        'coord.nominate': 'Nominate a candidate',
        'coord.nominate.hint': 'When no seat is free, the person joins the waitlist in rank order.',
        'coord.nominate.submit': 'Nominate',
        'coord.nominated.seat': '{name} is nominated and holds a seat.',
        'coord.nominated.waitlist': 'No seat is free: {name} is on the waitlist, at position {position}.',
        'coord.field.firstName': 'First name',
        'coord.field.lastName': 'Last name',
        'coord.field.email': 'E-mail',
        'coord.field.identityDocument': 'Identity document',
        'coord.field.position': 'Position',
        'coord.field.institution': 'Institution',
        'coord.field.rank': 'Rank',
        'coord.field.rankHint': '1 comes first. Left empty, the person comes after everyone already proposed.',
        'coord.field.participantId': 'Participant',
        'coord.field.result': 'Result',
        'coord.field.score': 'Score',
        'coord.field.note': 'Note',
        'coord.field.file': 'File',
        'coord.field.startDate': 'Start',
        'coord.field.endDate': 'End',
        'coord.field.city': 'City',
        'coord.field.modality': 'Modality',
        'coord.field.hours': 'Hours',
        'coord.field.evaluationMethod': 'How it is evaluated',
        'coord.import': 'Import a CSV file',
        'coord.import.explain': 'The file is checked first, row by row, and nothing is saved. If every row is fine you can save them; if any row has a problem, none is saved.',
        'coord.import.file': 'CSV file (UTF-8, separated by commas or semicolons)',
        'coord.import.check': 'Check the file',
        'coord.import.template': 'Download the template',
        'coord.import.checking': 'Checking the file…',
        'coord.import.saving': 'Saving…',
        'coord.import.preview': 'The file is fine: {rows} rows; {nominated} would hold a seat and {waitlisted} would be waitlisted. Nothing has been saved yet.',
        'coord.import.save': 'Save these {rows} nominations',
        'coord.import.saved': 'Saved: {rows} nominations; {nominated} hold a seat and {waitlisted} are waitlisted.',
        'coord.import.report': 'Report by row',
        'coord.import.col.line': 'Line',
        'coord.import.col.outcome': 'Outcome',
        'coord.import.col.problems': 'Problems',
        'coord.import.ok': 'No problems',
        'coord.import.rowRefused': 'Has problems',
        'coord.file.refused': 'Nothing was saved: {bad} of {rows} rows have problems. Correct the marked rows and send the file again.',
        'coord.f2f': 'Face-to-face stage',
        'coord.f2f.closedAt': 'Closed on {date}. Since then only the course leader (IIN) can correct a result, giving a reason.',
        'coord.f2f.notYet': 'Results are recorded during the online and face-to-face stages; the edition is now in "{status}".',
        'coord.f2f.progress': 'Results recorded: {done} of {total}.',
        'coord.close': 'Close the face-to-face stage',
        'coord.close.title': 'Close the face-to-face stage of {state}?',
        'coord.close.explain': 'Every participant must have a result first. Once closed, only the course leader (IIN) can correct a result.',
        'coord.close.confirm': 'Yes, close the stage',
        'coord.closed': 'The face-to-face stage is closed.',
        'coord.plan': 'Face-to-face plan',
        'coord.plan.none': 'No plan yet.',
        'coord.plan.dates': 'Dates',
        'coord.plan.from': '{start} to {end}',
        'coord.plan.edit': 'Change the plan',
        'coord.plan.save': 'Save the plan',
        'coord.plan.saved': 'Plan saved.',
        'coord.results': 'Upload a results file',
        'coord.results.file': 'Results CSV file',
        'coord.results.explain': 'Columns: participant_id or email, result (PASSED, FAILED or ABSENT), score (0 to 100), note. Every row is saved, or none.',
        'coord.results.upload': 'Upload results',
        'coord.results.sheet': 'Download a sheet of your participants',
        'coord.results.uploading': 'Uploading the file…',
        'coord.results.saved': '{rows} results saved.',
        'coord.results.who': 'Participant',
        'modality.IN_PERSON': 'In person',
        'modality.HYBRID': 'Hybrid',
        'modality.VIRTUAL_LIVE': 'Live online',
    },
});
