// The course leader's pages: editions and their lifecycle, agreements and quotas per state, accepting or
// rejecting nominations (one or many at once), the Moodle connection and sync, the edition's report (table,
// chart, CSV) and the audit log. Every rule and access check is the server's; these pages only ask and show.

import {h, svg, replace, saveFile} from '../dom.js';
import {t, language, formatDate, formatDateTime, formatNumber, stateName} from '../i18n.js';
import * as api from '../api.js';
import {ApiError} from '../api.js';
import * as session from '../session.js';
import {field, formMessage, onSubmit, notice, table, badge, describe, Message, checkFields, fullName} from '../forms.js';
import {navigate, refresh} from '../router.js';

const LEADER = 'COURSE_LEADER';

/** The edition's lifecycle, in order (DESIGN §2). */
const EDITION_STEPS = ['DRAFT', 'NOMINATIONS_OPEN', 'ONLINE_STAGE', 'FACE_TO_FACE_STAGE', 'CLOSED'];

const PARTICIPANT_STATUSES = ['NOMINATED', 'WAITLISTED', 'ACCEPTED', 'REJECTED', 'ENROLLED', 'CERTIFIED', 'WITHDRAWN'];

/** The 35 OAS member states, as ISO 3166-1 alpha-2 codes: the states an agreement can be made with. */
const OAS_STATES = ['AG', 'AR', 'BS', 'BB', 'BZ', 'BO', 'BR', 'CA', 'CL', 'CO', 'CR', 'CU', 'DM', 'EC', 'SV', 'US',
    'GD', 'GT', 'GY', 'HT', 'HN', 'JM', 'MX', 'NI', 'PA', 'PY', 'PE', 'DO', 'KN', 'VC', 'LC', 'SR', 'TT', 'UY', 'VE'];

const EDITION_LANGUAGES = ['es', 'en', 'pt', 'fr'];

const MODALITIES = ['IN_PERSON', 'HYBRID', 'VIRTUAL_LIVE'];

/** The report's bars, in funnel order: the seats first, then each step a participant passes. */
const FUNNEL = ['seats', 'proposed', 'accepted', 'enrolled', 'onlineCompleted', 'faceToFacePassed', 'certified'];

const WORK_STATUSES = ['PENDING', 'DONE', 'FAILED', 'CANCELLED'];

const AUDIT_ENTITY_TYPES = ['Edition', 'Agreement', 'Participant', 'Certificate', 'Signatory', 'SigningBatch',
    'Account', 'OutboxItem'];

/** A message shown once on the next page drawn (e.g. "moved to the online stage" after the page reloads). */
let flash = null;

// ---------------------------------------------------------------------------------------------------------
// Routes and home cards

export const routes = [
    {path: 'editions', render: editionsPage, roles: [LEADER, 'STATE_COORDINATOR']},
    {path: 'editions/:code', render: editionPage, roles: [LEADER]},
    {path: 'audit', render: auditPage, roles: [LEADER, 'ADMIN']},
];

/**
 * The home page draws cards at once; the editions arrive a moment later and fill their holder in place (it is
 * laid out as if its cards were the home grid's own, see leader.css).
 */
export function homeCards() {
    const holder = h('div', {class: 'leader-home-editions'}, h('p', {class: 'card loading'}, t('common.loading')));
    api.course('/editions').then(
        editions => replace(holder, editions.map(editionCard), newEditionCard()),
        error => replace(holder, h('p', {class: 'card notice error', role: 'alert'}, describe(error))));
    return [holder, h('section', {class: 'card', id: 'card-audit'},
        h('h2', {}, t('nav.audit')),
        h('p', {}, t('leader.home.audit')),
        h('a', {class: 'button', href: '#/audit'}, t('leader.home.openAudit')))];
}

function editionCard(edition) {
    return h('section', {class: 'card leader-edition-card', dataset: {edition: edition.code}},
        h('h2', {}, t('leader.edition.heading', {code: edition.code})),
        h('p', {}, edition.title),
        h('p', {}, badge('edition', edition.status)),
        h('a', {class: 'button primary', href: editionLink(edition.code)}, t('leader.home.open', {code: edition.code})));
}

function newEditionCard() {
    return h('section', {class: 'card'},
        h('h2', {}, t('nav.editions')),
        h('p', {}, t('leader.home.editions')),
        h('a', {class: 'button', href: '#/editions'}, t('leader.home.allEditions')));
}

// ---------------------------------------------------------------------------------------------------------
// Editions: the list, and the form that creates one

async function editionsPage(main) {
    const editions = await api.course('/editions');
    const leader = session.hasRole(LEADER);
    const myState = session.account()?.state;
    const link = e => leader ? editionLink(e.code)
        : myState ? '#/editions/' + encodeURIComponent(e.code) + '/states/' + encodeURIComponent(myState) : null;
    replace(main,
        h('h1', {}, t('nav.editions')),
        table([
            {label: t('leader.edition.code'), cell: e => link(e) ? h('a', {href: link(e)}, e.code) : e.code},
            {label: t('leader.edition.title'), cell: e => e.title},
            {label: t('leader.edition.status'), cell: e => badge('edition', e.status)},
            {label: t('leader.edition.language'), cell: e => languageName(e.language)},
            {label: t('leader.edition.onlineStage'), cell: e => formatDate(e.onlineStageStart) + ' – ' + formatDate(e.onlineStageEnd)},
            {label: t('leader.edition.courseHours'), cell: e => formatNumber(e.courseHours), class: 'number'},
            {label: t('leader.edition.moodleCourseId'), cell: e => e.moodleCourseId ?? t('leader.edition.notLinked')},
        ], editions, {caption: t('leader.editions.caption'), rowAttrs: e => ({dataset: {edition: e.code}})}),
        leader ? newEditionForm() : null);
}

function newEditionForm() {
    const form = h('form', {id: 'new-edition', class: 'card', novalidate: true},
        h('h2', {}, t('leader.editions.new')),
        h('p', {class: 'hint'}, t('leader.editions.newHint')),
        h('div', {class: 'form-grid'},
            field({name: 'code', label: t('leader.edition.code'), required: true, maxlength: 20,
                pattern: '[0-9A-Za-z][0-9A-Za-z._\\-]{0,19}', hint: t('leader.edition.codeHint')}),
            field({name: 'title', label: t('leader.edition.title'), required: true, maxlength: 200}),
            field({name: 'language', label: t('leader.edition.language'), required: true, value: 'es',
                options: EDITION_LANGUAGES.map(l => [l, languageName(l)])}),
            field({name: 'onlineStageStart', label: t('leader.edition.onlineStageStart'), type: 'date', required: true}),
            field({name: 'onlineStageEnd', label: t('leader.edition.onlineStageEnd'), type: 'date', required: true}),
            field({name: 'courseHours', label: t('leader.edition.courseHours'), type: 'number', required: true,
                min: 1, max: 1000, step: 1}),
            field({name: 'moodleCourseId', label: t('leader.edition.moodleCourseId'), type: 'number', min: 2, step: 1,
                hint: t('leader.edition.moodleCourseHint')}),
            field({name: 'certificateTemplate', label: t('leader.edition.certificateTemplate'),
                pattern: '[a-z0-9\\-]{1,50}', hint: t('leader.edition.templateHint')})),
        formMessage(),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.editions.create'))));
    onSubmit(form, async data => {
        checkFields(form);
        try {
            const created = await api.course('/editions', {method: 'POST', json: compact({
                code: text(data, 'code'), title: text(data, 'title'), language: data.get('language'),
                onlineStageStart: text(data, 'onlineStageStart'), onlineStageEnd: text(data, 'onlineStageEnd'),
                courseHours: number(data, 'courseHours'), moodleCourseId: number(data, 'moodleCourseId'),
                certificateTemplate: text(data, 'certificateTemplate')})});
            flash = t('leader.editions.created', {code: created.code});
            navigate('editions/' + encodeURIComponent(created.code));
        } catch (error) {
            throw localized(error);
        }
    });
    return form;
}

// ---------------------------------------------------------------------------------------------------------
// One edition: lifecycle, details, agreements, participants, Moodle, report

async function editionPage(main, params) {
    const code = params.code;
    const path = '/editions/' + encodeURIComponent(code);
    let edition;
    try {
        edition = await api.course(path);
    } catch (error) {
        throw new Message(describe(localized(error)));
    }
    // Every part loads on its own: a slow Moodle or a failing report does not hold up the rest of the page.
    const page = {code, path, edition, agreements: [], parts: {}};
    const parts = page.parts;
    parts.agreements = part('agreements', t('leader.agreements.title'));
    parts.participants = part('participants', t('leader.participants.title'));
    parts.moodle = part('moodle', t('leader.moodle.title'));
    parts.report = part('report', t('leader.report.title'));
    page.changed = () => Promise.all([loadAgreements(page), loadParticipants(page), loadSync(page), loadReport(page)]);

    const shown = flash;
    flash = null;
    replace(main,
        h('h1', {}, t('leader.edition.heading', {code})),
        h('p', {class: 'leader-lead'}, edition.title),
        shown ? h('p', {class: 'notice ok', role: 'status'}, shown) : null,
        h('nav', {class: 'leader-toc', 'aria-label': t('leader.edition.sections')},
            Object.values(parts).map(p => h('button', {type: 'button', class: 'link', onclick: () => p.focus()}, p.title)),
            h('a', {href: '#/audit?edition=' + encodeURIComponent(code)}, t('leader.edition.auditLink'))),
        lifecycleSection(page),
        detailsSection(page),
        Object.values(parts).map(p => p.section));

    await loadAgreements(page);
    drawAgreementForm(page);
    drawParticipantFilters(page);
    drawMoodleTools(page);
    drawReportTools(page);
    await Promise.all([loadParticipants(page), loadSync(page), loadReport(page)]);
}

/** A titled part of the edition page: a heading, its tools (kept on reload) and its content (redrawn). */
function part(id, title) {
    const heading = h('h2', {id: 'h-' + id, tabindex: '-1'}, title);
    const tools = h('div', {class: 'leader-tools'});
    const body = h('div', {class: 'leader-body'}, h('p', {class: 'loading'}, t('common.loading')));
    const section = h('section', {id: 'part-' + id, class: 'leader-part', 'aria-labelledby': 'h-' + id}, heading, tools, body);
    return {
        id, title, section, tools, body,
        focus: () => { heading.focus(); heading.scrollIntoView({block: 'start'}); },
    };
}

/** Redraws a part's content; a failure is shown in its place and the rest of the page stays. */
async function fill(part, draw) {
    try {
        await draw(part.body);
    } catch (error) {
        replace(part.body, h('p', {class: 'notice error', role: 'alert'}, describe(localized(error))));
    }
}

function editionLink(code) {
    return '#/editions/' + encodeURIComponent(code);
}

// --- lifecycle

function lifecycleSection(page) {
    const edition = page.edition;
    const current = EDITION_STEPS.indexOf(edition.status);
    const message = h('div', {class: 'leader-message'});
    const next = edition.nextStatus;
    const move = next ? h('button', {type: 'button', id: 'next-status', class: 'primary',
        onclick: () => moveOn(page, move, message)}, t('leader.lifecycle.move', {status: t('edition.' + next)})) : null;
    return h('section', {id: 'part-lifecycle', class: 'leader-part card', 'aria-labelledby': 'h-lifecycle'},
        h('h2', {id: 'h-lifecycle'}, t('leader.lifecycle.title')),
        h('ol', {class: 'leader-steps', 'aria-label': t('leader.lifecycle.steps')},
            EDITION_STEPS.map((step, i) => h('li', {
                class: i < current ? 'done' : i === current ? 'current' : 'later',
                'aria-current': i === current ? 'step' : null,
            }, t('edition.' + step)))),
        h('p', {id: 'edition-status'}, t('leader.lifecycle.now'), ' ', badge('edition', edition.status)),
        next ? h('p', {class: 'hint'}, t('leader.lifecycle.then.' + next)) : h('p', {}, t('leader.lifecycle.closed')),
        h('div', {class: 'actions'}, move),
        message);
}

async function moveOn(page, button, message) {
    const {edition} = page;
    const from = t('edition.' + edition.status);
    const to = t('edition.' + edition.nextStatus);
    const answer = await ask({
        question: t('leader.lifecycle.confirm', {code: edition.code, from, to}),
        detail: t('leader.lifecycle.then.' + edition.nextStatus) + ' ' + t('leader.lifecycle.oneWay'),
        yes: t('leader.lifecycle.move', {status: to}),
    });
    if (!answer) {
        return;
    }
    button.disabled = true;
    replace(message);
    try {
        await api.course(page.path, {method: 'PATCH', json: {status: edition.nextStatus}});
        flash = t('leader.lifecycle.moved', {status: to});
        refresh();
    } catch (error) {
        notice(message, 'error', describe(localized(error)));
        button.disabled = false;
    }
}

// --- details and the Moodle link

function detailsSection(page) {
    const e = page.edition;
    const closed = e.status === 'CLOSED';
    const facts = h('dl', {class: 'leader-facts'},
        fact(t('leader.edition.title'), e.title),
        fact(t('leader.edition.language'), languageName(e.language)),
        fact(t('leader.edition.onlineStage'), formatDate(e.onlineStageStart) + ' – ' + formatDate(e.onlineStageEnd)),
        fact(t('leader.edition.courseHours'), formatNumber(e.courseHours)),
        fact(t('leader.edition.moodleCourseId'), e.moodleCourseId ?? t('leader.edition.notLinked'), 'fact-moodle-course'),
        fact(t('leader.edition.moodleActivityId'), e.moodleFaceToFaceActivityId ?? '—'),
        fact(t('leader.edition.certificateTemplate'), e.certificateTemplate));
    const form = h('form', {id: 'edition-details', novalidate: true},
        h('div', {class: 'form-grid'},
            field({name: 'title', label: t('leader.edition.title'), value: e.title, required: true, maxlength: 200}),
            field({name: 'language', label: t('leader.edition.language'), value: e.language,
                options: EDITION_LANGUAGES.map(l => [l, languageName(l)])}),
            field({name: 'onlineStageStart', label: t('leader.edition.onlineStageStart'), type: 'date',
                value: e.onlineStageStart, required: true}),
            field({name: 'onlineStageEnd', label: t('leader.edition.onlineStageEnd'), type: 'date',
                value: e.onlineStageEnd, required: true}),
            field({name: 'courseHours', label: t('leader.edition.courseHours'), type: 'number', value: e.courseHours,
                required: true, min: 1, max: 1000, step: 1}),
            field({name: 'moodleCourseId', label: t('leader.edition.moodleCourseId'), type: 'number',
                value: e.moodleCourseId, min: 2, step: 1, hint: t('leader.edition.moodleCourseHint')}),
            field({name: 'moodleFaceToFaceActivityId', label: t('leader.edition.moodleActivityId'), type: 'number',
                value: e.moodleFaceToFaceActivityId, min: 1, step: 1, hint: t('leader.edition.moodleActivityHint')}),
            field({name: 'certificateTemplate', label: t('leader.edition.certificateTemplate'),
                value: e.certificateTemplate, pattern: '[a-z0-9\\-]{1,50}'})),
        formMessage(),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.edition.saveDetails'))));
    onSubmit(form, async data => {
        checkFields(form);
        try {
            // A PATCH: what is left empty stays as it is.
            await api.course(page.path, {method: 'PATCH', json: compact({
                title: text(data, 'title'), language: data.get('language'),
                onlineStageStart: text(data, 'onlineStageStart'), onlineStageEnd: text(data, 'onlineStageEnd'),
                courseHours: number(data, 'courseHours'), moodleCourseId: number(data, 'moodleCourseId'),
                moodleFaceToFaceActivityId: number(data, 'moodleFaceToFaceActivityId'),
                certificateTemplate: text(data, 'certificateTemplate')})});
        } catch (error) {
            throw localized(error);
        }
        flash = t('leader.edition.detailsSaved');
        refresh();
    });
    return h('section', {id: 'part-details', class: 'leader-part', 'aria-labelledby': 'h-details'},
        h('h2', {id: 'h-details'}, t('leader.edition.details')),
        facts,
        closed ? null : h('details', {class: 'leader-edit', id: 'edit-details'},
            h('summary', {}, t('leader.edition.change')),
            form));
}

function fact(label, value, id) {
    return h('div', {id}, h('dt', {}, label), h('dd', {}, value));
}

// --- agreements and quotas

async function loadAgreements(page) {
    await fill(page.parts.agreements, async body => {
        page.agreements = await api.course(page.path + '/agreements');
        const code = page.code;
        replace(body, table([
            {label: t('common.state'), cell: a => stateName(a.state)},
            {label: t('leader.agreements.quota'), cell: a => formatNumber(a.quota), class: 'number'},
            {label: t('leader.agreements.held'), cell: a => formatNumber(a.seatsHeld), class: 'number'},
            {label: t('leader.agreements.free'), cell: a => formatNumber(a.seatsFree), class: 'number'},
            {label: t('leader.agreements.waitlisted'), cell: a => formatNumber(a.waitlisted), class: 'number'},
            {label: t('leader.agreements.faceToFace'), cell: a => planSummary(a.faceToFacePlan)},
            {label: t('leader.agreements.coordinator'), cell: a => person(a.localCoordinator?.name, a.localCoordinator?.email)},
            {label: t('leader.agreements.signatory'), cell: a => person(a.signatory?.name,
                    [a.signatory?.title, a.signatory?.institution].filter(Boolean).join(', '))},
            {label: t('common.actions'), cell: a => h('div', {class: 'actions'},
                    h('a', {href: '#/editions/' + encodeURIComponent(code) + '/states/' + encodeURIComponent(a.state)},
                        t('leader.agreements.statePage', {state: a.state})),
                    agreementsOpen(page.edition) ? h('button', {type: 'button', class: 'link',
                        onclick: () => page.editAgreement?.(a.state)}, t('leader.agreements.edit', {state: a.state})) : null)},
        ], page.agreements, {caption: t('leader.agreements.caption', {code}), rowAttrs: a => ({dataset: {state: a.state}})}));
    });
}

function agreementsOpen(edition) {
    return edition.status === 'DRAFT' || edition.status === 'NOMINATIONS_OPEN';
}

function drawAgreementForm(page) {
    const tools = page.parts.agreements.tools;
    if (!agreementsOpen(page.edition)) {
        replace(tools, h('p', {class: 'notice info'}, t('leader.agreements.closed', {status: t('edition.' + page.edition.status)})));
        return;
    }
    const byState = new Map(page.agreements.map(a => [a.state, a]));
    const stateChoice = field({name: 'state', label: t('common.state'), required: true,
        options: [['', t('leader.agreements.chooseState')],
            ...sortedStates(OAS_STATES).map(s => [s, stateName(s) + (byState.has(s) ? ' · ' + t('leader.agreements.hasAgreement') : '')])]});
    const form = h('form', {id: 'agreement-form', class: 'card', novalidate: true},
        h('h3', {}, t('leader.agreements.formTitle')),
        h('p', {class: 'hint'}, t('leader.agreements.formHint')),
        h('div', {class: 'form-grid'},
            stateChoice,
            field({name: 'quota', label: t('leader.agreements.quota'), type: 'number', required: true, min: 0, max: 500,
                step: 1, hint: t('leader.agreements.quotaHint')})),
        h('fieldset', {},
            h('legend', {}, t('leader.agreements.faceToFace')),
            h('div', {class: 'form-grid'},
                field({name: 'startDate', label: t('leader.plan.startDate'), type: 'date'}),
                field({name: 'endDate', label: t('leader.plan.endDate'), type: 'date'}),
                field({name: 'city', label: t('leader.plan.city'), maxlength: 200}),
                field({name: 'modality', label: t('leader.plan.modality'),
                    options: [['', '—'], ...MODALITIES.map(m => [m, t('leader.modality.' + m)])]}),
                field({name: 'hours', label: t('leader.plan.hours'), type: 'number', min: 1, max: 1000, step: 1})),
            field({name: 'evaluationMethod', label: t('leader.plan.evaluation'), type: 'textarea', rows: 2, maxlength: 1000})),
        h('fieldset', {},
            h('legend', {}, t('leader.agreements.coordinator')),
            h('div', {class: 'form-grid'},
                field({name: 'coordinatorName', label: t('leader.person.name'), maxlength: 200, autocomplete: 'off'}),
                field({name: 'coordinatorEmail', label: t('leader.person.email'), type: 'email', maxlength: 254,
                    autocomplete: 'off'}))),
        h('fieldset', {},
            h('legend', {}, t('leader.agreements.signatory')),
            h('div', {class: 'form-grid'},
                field({name: 'signatoryName', label: t('leader.person.name'), maxlength: 200, autocomplete: 'off'}),
                field({name: 'signatoryTitle', label: t('leader.person.title'), maxlength: 200}),
                field({name: 'signatoryInstitution', label: t('leader.person.institution'), maxlength: 200}))),
        formMessage(),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.agreements.save'))));

    // Saving replaces the whole agreement, so choosing a state fills in what it already has.
    const put = (name, value) => { form.elements[name].value = value ?? ''; };
    const prefill = state => {
        const a = page.agreements.find(x => x.state === state);
        const plan = a?.faceToFacePlan || {};
        put('quota', a?.quota);
        put('startDate', plan.startDate);
        put('endDate', plan.endDate);
        put('city', plan.city);
        put('modality', plan.modality);
        put('hours', plan.hours);
        put('evaluationMethod', plan.evaluationMethod);
        put('coordinatorName', a?.localCoordinator?.name);
        put('coordinatorEmail', a?.localCoordinator?.email);
        put('signatoryName', a?.signatory?.name);
        put('signatoryTitle', a?.signatory?.title);
        put('signatoryInstitution', a?.signatory?.institution);
    };
    form.elements.state.addEventListener('change', e => prefill(e.target.value));
    const disclosure = h('details', {class: 'leader-edit', open: page.agreements.length === 0},
        h('summary', {}, t('leader.agreements.formTitle')), form);
    // A row's "edit" opens the form on that state's agreement.
    page.editAgreement = state => {
        disclosure.open = true;
        put('state', state);
        prefill(state);
        form.scrollIntoView({block: 'start'});
        form.elements.quota.focus();
    };

    onSubmit(form, async data => {
        checkFields(form);
        const state = data.get('state');
        const plan = compact({startDate: text(data, 'startDate'), endDate: text(data, 'endDate'), city: text(data, 'city'),
            modality: text(data, 'modality'), hours: number(data, 'hours'), evaluationMethod: text(data, 'evaluationMethod')});
        const coordinator = compact({name: text(data, 'coordinatorName'), email: text(data, 'coordinatorEmail')});
        const signatory = compact({name: text(data, 'signatoryName'), title: text(data, 'signatoryTitle'),
            institution: text(data, 'signatoryInstitution')});
        try {
            await api.course(page.path + '/agreements/' + encodeURIComponent(state), {method: 'PUT', json: {
                quota: number(data, 'quota'),
                faceToFacePlan: empty(plan) ? null : plan,
                localCoordinator: empty(coordinator) ? null : coordinator,
                signatory: empty(signatory) ? null : signatory}});
        } catch (error) {
            throw localized(error);
        }
        // A raised quota may have promoted waitlisted people: every count on the page may have moved.
        await page.changed();
        return t('leader.agreements.saved', {state: stateName(state)});
    });
    replace(tools, disclosure);
}

function planSummary(plan) {
    if (!plan) {
        return '—';
    }
    return [plan.city, plan.modality ? t('leader.modality.' + plan.modality) : null,
        plan.startDate ? formatDate(plan.startDate) + ' – ' + formatDate(plan.endDate) : null,
        plan.hours ? t('leader.plan.hoursValue', {hours: plan.hours}) : null].filter(Boolean).join(' · ') || '—';
}

/** A name, with what else is known of the person on a smaller line under it. */
function person(name, more) {
    return name || more ? [name || '—', more ? h('span', {class: 'leader-sub'}, more) : null] : '—';
}

// --- participants: accept or reject, one or many

function selectionOpen(edition) {
    return edition.status === 'NOMINATIONS_OPEN' || edition.status === 'ONLINE_STAGE';
}

function drawParticipantFilters(page) {
    const states = [...new Set(page.agreements.map(a => a.state))];
    const filters = h('form', {id: 'participant-filters', class: 'leader-filters', role: 'search'},
        field({name: 'state', label: t('common.state'),
            options: [['', t('leader.participants.allStates')], ...sortedStates(states).map(s => [s, stateName(s)])]}),
        field({name: 'status', label: t('leader.participants.status'),
            options: [['', t('leader.participants.allStatuses')], ...PARTICIPANT_STATUSES.map(s => [s, t('participant.' + s)])]}),
        h('div', {class: 'actions'}, h('button', {type: 'submit'}, t('leader.participants.show'))));
    // Filters apply as soon as they change; the button is there for keyboard users who expect one.
    filters.addEventListener('change', () => loadParticipants(page));
    filters.addEventListener('submit', e => { e.preventDefault(); loadParticipants(page); });
    page.filters = filters;
    page.outcome = h('div', {id: 'selection-outcome', class: 'leader-outcome'});
    replace(page.parts.participants.tools,
        selectionOpen(page.edition) ? null
            : h('p', {class: 'notice info'}, t('leader.participants.selectionClosed', {status: t('edition.' + page.edition.status)})),
        filters, page.outcome);
}

async function loadParticipants(page) {
    await fill(page.parts.participants, async body => {
        const query = new URLSearchParams();
        for (const name of ['state', 'status']) {
            const value = page.filters?.elements[name].value;
            if (value) {
                query.set(name, value);
            }
        }
        const people = await api.course(page.path + '/participants' + (query.toString() ? '?' + query : ''));
        drawParticipants(page, body, people);
    });
}

function drawParticipants(page, body, people) {
    const open = selectionOpen(page.edition);
    const choosable = p => open && (p.status === 'NOMINATED' || p.status === 'WAITLISTED');
    const boxes = [];
    const count = h('span', {id: 'selected-count', 'aria-live': 'polite'});
    const acceptMany = h('button', {type: 'button', id: 'accept-selected', class: 'primary', disabled: true},
        t('leader.participants.acceptSelected'));
    const rejectMany = h('button', {type: 'button', id: 'reject-selected', class: 'danger', disabled: true},
        t('leader.participants.rejectSelected'));
    const all = h('input', {type: 'checkbox', id: 'select-all', 'aria-label': t('leader.participants.selectAll')});
    const chosen = () => boxes.filter(b => b.checked).map(b => people.find(p => String(p.id) === b.value));
    const update = () => {
        const n = chosen().length;
        replace(count, t('leader.participants.selected', {count: n}));
        acceptMany.disabled = rejectMany.disabled = n === 0;
        all.checked = n > 0 && n === boxes.length;
        all.indeterminate = n > 0 && n < boxes.length;
    };
    all.addEventListener('change', () => { boxes.forEach(b => { b.checked = all.checked; }); update(); });
    acceptMany.addEventListener('click', () => decideMany(page, chosen(), 'accept'));
    rejectMany.addEventListener('click', () => decideMany(page, chosen(), 'reject'));

    const columns = [
        ...(open ? [{label: all, cell: p => {
            if (!choosable(p)) {
                return null;
            }
            const box = h('input', {type: 'checkbox', value: p.id, class: 'choose', onchange: update,
                'aria-label': t('leader.participants.select', {name: fullName(p)})});
            boxes.push(box);
            return box;
        }}] : []),
        {label: t('leader.participants.name'), cell: p => h('span', {}, h('strong', {}, fullName(p)), h('br'), p.email)},
        {label: t('common.state'), cell: p => p.state},
        {label: t('leader.participants.rank'), cell: p => formatNumber(p.rank), class: 'number'},
        {label: t('leader.participants.status'), cell: p => h('span', {class: 'status'}, badge('participant', p.status))},
        {label: t('leader.participants.work'), cell: p => [p.position, p.institution].filter(Boolean).join(', ') || '—'},
        {label: t('leader.participants.online'), cell: p => badge('online', p.onlineStage)},
        {label: t('leader.participants.faceToFace'), cell: p => badge('faceToFace', p.faceToFace)},
        ...(open ? [{label: t('common.actions'), cell: p => h('div', {class: 'actions'},
            p.status === 'NOMINATED' ? h('button', {type: 'button', class: 'accept',
                onclick: e => decideOne(page, p, 'accept', e.target)}, t('leader.participants.accept')) : null,
            choosable(p) ? h('button', {type: 'button', class: 'danger reject',
                onclick: e => decideOne(page, p, 'reject', e.target)}, t('leader.participants.reject')) : null)}] : []),
    ];
    const list = table(columns, people, {
        caption: t('leader.participants.caption', {count: people.length}),
        rowAttrs: p => ({dataset: {participant: p.id, email: p.email}}),
    });
    replace(body,
        open && people.some(choosable) ? h('div', {class: 'leader-bulk actions', role: 'group',
            'aria-label': t('leader.participants.bulk')}, acceptMany, rejectMany, count) : null,
        list);
    update();
}

/** Accepts or rejects one participant from their row. */
async function decideOne(page, participant, action, button) {
    const reason = action === 'reject' ? await askReason([participant]) : '';
    if (reason === null) {
        return;
    }
    button.disabled = true;
    try {
        await decide(page, participant, action, reason);
        notice(page.outcome, 'ok', t('leader.participants.' + action + 'ed', {name: fullName(participant)}));
    } catch (error) {
        notice(page.outcome, 'error', t('leader.participants.failedOne', {name: fullName(participant), reason: whyFailed(error)}));
    }
    await page.changed();
}

/**
 * Accepts or rejects many: one request per participant, one after the other (each takes the state's seat
 * lock), with a progress bar, then a summary of what was done and, for each one that failed, why.
 */
async function decideMany(page, people, action) {
    if (!people.length) {
        return;
    }
    const reason = action === 'reject' ? await askReason(people) : '';
    if (reason === null) {
        return;
    }
    page.parts.participants.body.querySelectorAll('button, input').forEach(b => { b.disabled = true; });
    const bar = h('progress', {max: people.length, value: 0, id: 'selection-progress'});
    const said = h('p', {role: 'status'});
    replace(page.outcome, h('div', {class: 'notice info'}, said, bar));
    const failed = [];
    for (const [i, person] of people.entries()) {
        replace(said, t('leader.participants.progress.' + action, {done: i, total: people.length}));
        try {
            await decide(page, person, action, reason);
        } catch (error) {
            failed.push({person, why: whyFailed(error)});
        }
        bar.value = i + 1;
    }
    const done = people.length - failed.length;
    replace(page.outcome,
        h('div', {id: 'selection-summary', class: 'notice ' + (failed.length ? 'warn' : 'ok'), role: 'status'},
            h('p', {}, t('leader.participants.summary.' + action, {done, total: people.length})),
            failed.length ? [h('p', {}, t('leader.participants.summary.failed', {count: failed.length})),
                h('ul', {class: 'leader-failures'}, failed.map(f => h('li', {}, h('strong', {}, fullName(f.person)), ': ', f.why)))] : null));
    await page.changed();
}

function decide(page, participant, action, reason) {
    return api.course(page.path + '/participants/' + participant.id + '/' + action,
        action === 'reject' ? {method: 'POST', json: {reason: reason || null}} : {method: 'POST'});
}

/** Asks why before rejecting; null when the leader changes their mind. */
async function askReason(people) {
    const answer = await ask({
        question: people.length === 1 ? t('leader.participants.rejectOne', {name: fullName(people[0])})
            : t('leader.participants.rejectMany', {count: people.length}),
        yes: t('leader.participants.reject'),
        danger: true,
        reason: true,
    });
    return answer ? answer.reason : null;
}


// --- Moodle: the connection, the sync and its failures

function drawMoodleTools(page) {
    const connection = h('div', {id: 'moodle-connection', 'aria-live': 'polite'});
    const check = h('button', {type: 'button', id: 'check-connection'}, t('leader.moodle.check'));
    check.addEventListener('click', async () => {
        check.disabled = true;
        replace(connection, h('p', {class: 'loading'}, t('leader.moodle.checking')), h('progress', {}));
        try {
            const c = await api.course('/moodle/connection');
            replace(connection, h('div', {class: 'notice ' + (c.ok ? 'ok' : 'error'), role: c.ok ? 'status' : 'alert'},
                h('p', {}, !c.configured ? t('leader.moodle.notConfigured')
                    : c.ok ? t('leader.moodle.connected', {site: c.site || '—', release: c.release || '—'})
                        : t('leader.moodle.notConnected', {site: c.site || '—'})),
                c.missingFunctions?.length ? h('p', {}, t('leader.moodle.missing'), ' ', c.missingFunctions.join(', ')) : null,
                c.problems?.length ? h('ul', {}, c.problems.map(p => h('li', {}, p))) : null));
        } catch (error) {
            notice(connection, 'error', describe(localized(error)));
        } finally {
            check.disabled = false;
        }
    });
    const sync = h('button', {type: 'button', id: 'sync-now', class: 'primary'}, t('leader.moodle.syncNow'));
    const retry = h('button', {type: 'button', id: 'retry-failed'}, t('leader.moodle.retry'));
    const result = h('div', {id: 'sync-result', 'aria-live': 'polite'});
    const busy = async (button, label, work) => {
        sync.disabled = retry.disabled = true;
        replace(result, h('p', {class: 'loading'}, label), h('progress', {}));
        try {
            notice(result, 'ok', await work());
        } catch (error) {
            notice(result, 'error', describe(localized(error)));
        } finally {
            sync.disabled = false;
            await loadSync(page);
        }
    };
    sync.addEventListener('click', () => busy(sync, t('leader.moodle.syncing'), async () => {
        await api.course(page.path + '/moodle-sync', {method: 'POST'});
        // Enrolments change participants' statuses: the lists and the report follow.
        await Promise.all([loadParticipants(page), loadReport(page)]);
        return t('leader.moodle.synced');
    }));
    retry.addEventListener('click', () => busy(retry, t('leader.moodle.retrying'), async () => {
        const answer = await api.course(page.path + '/moodle-sync/retry', {method: 'POST'});
        return t('leader.moodle.retried', {count: answer.retried});
    }));
    page.retryButton = retry;
    replace(page.parts.moodle.tools,
        h('div', {class: 'card'},
            h('h3', {}, t('leader.moodle.connection')),
            h('p', {class: 'hint'}, t('leader.moodle.connectionHint')),
            h('div', {class: 'actions'}, check), connection),
        h('h3', {}, t('leader.moodle.sync')),
        h('p', {class: 'hint'}, page.edition.moodleCourseId
            ? t('leader.moodle.linked', {course: page.edition.moodleCourseId}) : t('leader.moodle.unlinked')),
        h('div', {class: 'actions'}, sync, retry),
        result);
}

async function loadSync(page) {
    await fill(page.parts.moodle, async body => {
        const state = await api.course(page.path + '/moodle-sync');
        const kinds = Object.keys(state.counts || {}).sort();
        const failures = state.failures || [];
        const retrying = state.retrying || [];
        if (page.retryButton) {
            page.retryButton.disabled = failures.length === 0;
            replace(page.retryButton, t('leader.moodle.retryCount', {count: failures.length}));
        }
        replace(body,
            kinds.length ? table([
                {label: t('leader.moodle.kind'), cell: k => workKind(k)},
                ...WORK_STATUSES.map(s => ({label: t('leader.work.' + s), class: 'number',
                    cell: k => formatNumber(state.counts[k][s] || 0)})),
            ], kinds, {caption: t('leader.moodle.counts')}) : h('p', {class: 'empty'}, t('leader.moodle.nothing')),
            h('h3', {}, t('leader.moodle.failures')),
            failures.length ? table([
                {label: t('leader.participants.name'), cell: f => f.participant || (f.participantId ? '#' + f.participantId : '—')},
                {label: t('common.state'), cell: f => f.state || '—'},
                {label: t('leader.moodle.kind'), cell: f => workKind(f.kind)},
                {label: t('leader.moodle.attempts'), cell: f => formatNumber(f.attempts), class: 'number'},
                {label: t('leader.moodle.reason'), cell: f => f.reason || '—'},
            ], failures, {caption: t('leader.moodle.failuresCaption', {count: failures.length}),
                rowAttrs: () => ({class: 'problem'})})
                : h('p', {id: 'no-failures', class: 'empty'}, t('leader.moodle.noFailures')),
            // Work that failed for now (Moodle down, say) and is tried again by itself: why, and when.
            retrying.length ? [h('h3', {}, t('leader.moodle.waiting')), table([
                {label: t('leader.participants.name'), cell: r => r.participant || (r.participantId ? '#' + r.participantId : '—')},
                {label: t('common.state'), cell: r => r.state || '—'},
                {label: t('leader.moodle.kind'), cell: r => workKind(r.kind)},
                {label: t('leader.moodle.attempts'), cell: r => formatNumber(r.attempts), class: 'number'},
                {label: t('leader.moodle.reason'), cell: r => r.reason || '—'},
                {label: t('leader.moodle.nextAttempt'), cell: r => r.nextAttemptAt
                    ? h('time', {datetime: r.nextAttemptAt}, formatDateTime(r.nextAttemptAt)) : '—'},
            ], retrying, {caption: t('leader.moodle.waitingCaption', {count: retrying.length})})] : null);
    });
}

function workKind(kind) {
    const key = 'leader.work.' + kind;
    return known(key) ? t(key) : kind;
}

// --- the report: a table and a chart per state, and the CSV file

function drawReportTools(page) {
    const exportButton = h('button', {type: 'button', id: 'export-csv'}, t('leader.report.export'));
    const said = h('span', {'aria-live': 'polite'});
    exportButton.addEventListener('click', async () => {
        exportButton.disabled = true;
        replace(said, t('leader.report.exporting'));
        try {
            const file = await api.course(page.path + '/report', {accept: 'text/csv', as: 'blob'});
            saveFile(file, 'report-' + page.code.replace(/[^A-Za-z0-9._-]/g, '_') + '.csv');
            replace(said, t('leader.report.exported'));
        } catch (error) {
            replace(said, describe(localized(error)));
        } finally {
            exportButton.disabled = false;
        }
    });
    replace(page.parts.report.tools, h('div', {class: 'actions'}, exportButton, said));
}

async function loadReport(page) {
    await fill(page.parts.report, async body => {
        const report = await api.course(page.path + '/report');
        const lines = report.states || [];
        if (!lines.length) {
            replace(body, h('p', {class: 'empty'}, t('leader.report.empty')));
            return;
        }
        const tableId = 'report-table';
        replace(body,
            h('figure', {class: 'chart leader-chart', id: 'report-chart'},
                funnelChart(report, tableId),
                h('figcaption', {}, t('leader.report.chartCaption'))),
            reportTable(report, tableId));
    });
}

/**
 * The report's numbers. Each later step shows its rate under the count (the server's rates: enrolled of
 * accepted, online completed and face-to-face passed of enrolled, certified of accepted), so the table
 * stays narrow enough to read without scrolling.
 */
function reportTable(report, id) {
    const percent = value => value === null || value === undefined ? null
        : new Intl.NumberFormat(language(), {style: 'percent', maximumFractionDigits: 1}).format(value);
    const rates = {enrolled: 'enrolmentRate', onlineCompleted: 'onlineCompletionRate',
        faceToFacePassed: 'faceToFacePassRate', certified: 'certificationRate'};
    const cell = (line, key) => {
        const rate = rates[key] ? percent(line[rates[key]]) : null;
        return rate === null ? formatNumber(line[key])
            : [formatNumber(line[key]), h('span', {class: 'leader-rate'}, rate)];
    };
    const rows = [...report.states, ...(report.total ? [{...report.total, state: null}] : [])];
    const wrap = table([
        {label: t('common.state'), cell: l => l.state ? stateName(l.state) : t('leader.report.total')},
        ...FUNNEL.map(key => ({label: t('leader.funnel.' + key), cell: l => cell(l, key), class: 'number'})),
        {label: t('leader.funnel.waitlisted'), cell: l => formatNumber(l.waitlisted), class: 'number'},
    ], rows, {caption: t('leader.report.caption', {code: report.edition}),
        rowAttrs: l => l.state ? {dataset: {state: l.state}} : {class: 'total'}});
    wrap.querySelector('table')?.setAttribute('id', id);
    return [wrap, h('p', {class: 'hint'}, t('leader.report.rates'))];
}

/**
 * Seats and the funnel per state as bars: one row per state, one column per step, every bar on the same
 * scale so the steps compare down and across. Its text alternative is the report table that follows it.
 */
function funnelChart(report, tableId) {
    const lines = report.states;
    const left = 12, labelWidth = 200, columnWidth = 112, barWidth = 78, headerHeight = 46, rowHeight = 28, barHeight = 16;
    const width = left + labelWidth + FUNNEL.length * columnWidth + 8;
    const height = headerHeight + lines.length * rowHeight + 8;
    const most = Math.max(1, ...lines.flatMap(l => FUNNEL.map(key => l[key] || 0)));
    const titleId = 'chart-title', descId = 'chart-desc';
    return svg('svg', {viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
            'aria-labelledby': titleId, 'aria-describedby': descId, class: 'leader-funnel'},
        svg('title', {id: titleId}, t('leader.report.chartTitle', {code: report.edition})),
        svg('desc', {id: descId}, t('leader.report.chartDesc')),
        // Column headings: each step's name, on two lines when long.
        FUNNEL.map((key, i) => svg('text', {x: left + labelWidth + i * columnWidth, y: 18, class: 'leader-chart-heading'},
            twoLines(t('leader.funnel.' + key)).map((line, j) => svg('tspan', {x: left + labelWidth + i * columnWidth, dy: j ? 15 : 0}, line)))),
        lines.map((l, row) => {
            const y = headerHeight + row * rowHeight;
            const name = stateName(l.state);
            return svg('g', {class: 'leader-chart-row', 'data-state': l.state},
                svg('text', {x: left, y: y + barHeight - 3, class: 'leader-chart-state'}, shorten(name, 28),
                    svg('title', {}, name)),
                FUNNEL.map((key, i) => {
                    const x = left + labelWidth + i * columnWidth;
                    const value = l[key] || 0;
                    const w = Math.round(barWidth * value / most);
                    return svg('g', {'data-step': key},
                        svg('rect', {x, y, width: barWidth, height: barHeight, class: 'leader-track'}),
                        svg('rect', {x, y, width: Math.max(w, value ? 2 : 0), height: barHeight,
                            class: 'leader-bar leader-bar-' + key}),
                        svg('text', {x: x + barWidth + 4, y: y + barHeight - 3, class: 'leader-chart-value'},
                            formatNumber(value)));
                }));
        }));
}

function twoLines(label) {
    const words = label.split(' ');
    if (label.length <= 14 || words.length < 2) {
        return [label];
    }
    // The split that makes the longer line shortest.
    let best = 1;
    for (let i = 1; i < words.length; i++) {
        const longer = Math.max(words.slice(0, i).join(' ').length, words.slice(i).join(' ').length);
        const bestLonger = Math.max(words.slice(0, best).join(' ').length, words.slice(best).join(' ').length);
        if (longer < bestLonger) {
            best = i;
        }
    }
    return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

function shorten(text, max) {
    return text.length > max ? text.substring(0, max - 1) + '…' : text;
}

// ---------------------------------------------------------------------------------------------------------
// The audit log: who changed what and when, from both services, newest first

async function auditPage(main, params, query) {
    const filters = {
        edition: query.get('edition') || '', state: query.get('state') || '',
        entityType: query.get('entityType') || '', entityId: query.get('entityId') || '',
        limit: Math.max(1, Math.min(1000, Number(query.get('limit')) || 200)),
    };
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) {
        if (value) {
            search.set(name, value);
        }
    }
    // The certificates keep their own log (issued, signed, revoked); both are read and shown as one.
    const [editions, course, certificates] = await Promise.all([
        api.course('/editions').catch(() => []),
        api.course('/audit?' + search),
        api.certificates('/audit?' + search).then(entries => ({entries}), error => ({error})),
    ]);
    const entries = [
        ...course.map(e => ({...e, source: 'course'})),
        ...(certificates.entries || []).map(e => ({...e, source: 'certificates'})),
    ].sort((a, b) => instantKey(b.occurredAt).localeCompare(instantKey(a.occurredAt))
        || (a.source === b.source ? b.id - a.id : 0)).slice(0, filters.limit);

    const form = h('form', {id: 'audit-filters', class: 'card leader-filters', role: 'search'},
        field({name: 'edition', label: t('common.edition'), value: filters.edition,
            options: [['', t('leader.audit.allEditions')], ...editions.map(e => [e.code, e.code])]}),
        field({name: 'state', label: t('common.state'), value: filters.state,
            options: [['', t('leader.participants.allStates')], ...sortedStates(OAS_STATES).map(s => [s, stateName(s)])]}),
        field({name: 'entityType', label: t('leader.audit.entityType'), value: filters.entityType,
            options: [['', t('leader.audit.allTypes')], ...AUDIT_ENTITY_TYPES.map(type => [type, entityName(type)])]}),
        field({name: 'entityId', label: t('leader.audit.entityId'), value: filters.entityId, maxlength: 100}),
        field({name: 'limit', label: t('leader.audit.limit'), type: 'number', value: filters.limit, min: 1, max: 1000}),
        h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, t('leader.participants.show'))));
    form.addEventListener('submit', event => {
        event.preventDefault();
        const chosen = new URLSearchParams();
        for (const [name, value] of new FormData(form)) {
            if (value && !(name === 'limit' && value === '200')) {
                chosen.set(name, value);
            }
        }
        navigate('audit' + (chosen.toString() ? '?' + chosen : ''));
    });

    replace(main,
        h('h1', {}, t('nav.audit')),
        h('p', {class: 'hint'}, t('leader.audit.intro')),
        form,
        certificates.error ? h('p', {class: 'notice warn', role: 'status'},
            t('leader.audit.certificatesMissing', {detail: describe(certificates.error)})) : null,
        table([
            {label: t('leader.audit.when'), cell: e => h('time', {datetime: e.occurredAt}, formatDateTime(e.occurredAt))},
            {label: t('leader.audit.who'), cell: e => e.actor},
            {label: t('leader.audit.what'), cell: e => h('span', {class: 'leader-action'}, actionName(e.action))},
            {label: t('leader.audit.which'), cell: e => entityName(e.entityType) + ' ' + (e.entityId || '')},
            {label: t('common.edition'), cell: e => e.edition || '—'},
            {label: t('common.state'), cell: e => e.state || '—'},
            {label: t('leader.audit.change'), cell: e => change(e)},
        ], entries, {caption: t('leader.audit.caption', {count: entries.length}),
            rowAttrs: e => ({dataset: {action: e.action, source: e.source}})}));
}

/** The order in which a record's values read best; the rest follow as recorded. */
const AUDIT_FIELD_ORDER = ['name', 'status', 'reason', 'quota', 'title', 'rank', 'onlineStage', 'faceToFace'];

/**
 * Before and after as a person reads them: for a change, one line per value that changed ("Cuota: 2 → 4");
 * for a creation, what was recorded, on one line. What other columns already say (id, state, code) is left out.
 */
function change(entry) {
    const before = parse(entry.before);
    const after = parse(entry.after);
    if (typeof before === 'string' || typeof after === 'string') {
        return h('span', {}, [before, after].filter(Boolean).join(' → '));
    }
    const said = key => key === 'id' || (key === 'state' && entry.state) || (key === 'code' && entry.edition);
    const rank = key => AUDIT_FIELD_ORDER.includes(key) ? AUDIT_FIELD_ORDER.indexOf(key) : AUDIT_FIELD_ORDER.length;
    const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])]
        .filter(key => !said(key))
        .sort((a, b) => rank(a) - rank(b));
    if (before && after) {
        const lines = keys.filter(key => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
            .map(key => h('li', {}, h('span', {class: 'leader-field'}, fieldName(key)), ': ',
                value(entry, key, before[key]), ' → ', value(entry, key, after[key])));
        return lines.length ? h('ul', {class: 'leader-change'}, lines) : t('leader.audit.noChange');
    }
    const recorded = after || before;
    if (!recorded) {
        return '—';
    }
    const pieces = keys.filter(key => recorded[key] !== null && recorded[key] !== undefined && recorded[key] !== '')
        .map(key => h('span', {class: 'leader-recorded'}, h('span', {class: 'leader-field'}, fieldName(key)), ': ',
            value(entry, key, recorded[key])));
    return pieces.length ? h('p', {class: 'leader-change'}, pieces) : '—';
}

/** An instant that sorts as text: the server writes as many fraction digits as it has ("…26.35Z", "…26.357394Z"). */
function instantKey(iso) {
    const parts = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(iso || '');
    return parts ? parts[1] + '.' + (parts[2] || '').padEnd(9, '0') : iso || '';
}

function parse(json) {
    if (json === null || json === undefined || json === '') {
        return null;
    }
    try {
        const value = JSON.parse(json);
        return value !== null && typeof value === 'object' ? value : String(value);
    } catch (notJson) {
        return String(json);
    }
}

/** A recorded value in words: statuses in the reader's language, the rest as recorded. */
function value(entry, key, v) {
    if (v === null || v === undefined || v === '') {
        return '—';
    }
    if (typeof v === 'object') {
        return JSON.stringify(v);
    }
    const statuses = {Edition: 'edition', Participant: 'participant', Certificate: 'leader.certificate'};
    const prefixes = {status: statuses[entry.entityType], onlineStage: 'online', faceToFace: 'faceToFace',
        modality: 'leader.modality'};
    if (key === 'language') {
        return languageName(String(v));
    }
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        return formatDate(v);
    }
    const prefix = prefixes[key];
    if (prefix && known(prefix + '.' + v)) {
        return t(prefix + '.' + v);
    }
    return String(v);
}

function fieldName(key) {
    return known('leader.field.' + key) ? t('leader.field.' + key) : key;
}

function actionName(action) {
    return known('leader.action.' + action) ? t('leader.action.' + action) : action;
}

function entityName(type) {
    return known('leader.entity.' + type) ? t('leader.entity.' + type) : type || '';
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/** Whether a message exists (t() gives the key back when it does not). */
function known(key) {
    return t(key) !== key;
}


/**
 * The server's refusal in the reader's language when its code is one we know (the server writes English);
 * the field it names stays the same, so the message still lands next to that field.
 */
function localized(error) {
    if (!(error instanceof ApiError) || !error.problem.code || !known('leader.problem.' + error.problem.code)) {
        return error;
    }
    const message = t('leader.problem.' + error.problem.code);
    return new ApiError(error.status, {...error.problem, detail: message,
        errors: error.fieldErrors.map(e => ({...e, message}))});
}

/** Why one of many requests failed, short enough for a list. */
function whyFailed(error) {
    const e = localized(error);
    const own = e instanceof ApiError && e.problem.detail && ![0, 403, 502, 503, 504].includes(e.status);
    return own ? e.problem.detail : describe(e);
}

/**
 * A question in a modal dialog (Esc or "cancel" says no). Resolves to false, or to {reason} when asked for one.
 * The safe answer has the focus: moving an edition on or rejecting people cannot be undone.
 */
function ask({question, detail, yes, danger = false, reason = false}) {
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

function text(data, name) {
    const value = (data.get(name) ?? '').toString().trim();
    return value === '' ? null : value;
}

function number(data, name) {
    const value = text(data, name);
    return value === null ? null : Number(value);
}

/** The object without its empty members. */
function compact(object) {
    return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

function empty(object) {
    return Object.keys(object).length === 0;
}



function sortedStates(codes) {
    return [...codes].sort((a, b) => stateName(a).localeCompare(stateName(b), language()));
}

function languageName(code) {
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
