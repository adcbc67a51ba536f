// The course leader's pages: editions and their lifecycle, agreements and quotas per state, accepting or
// rejecting nominations (one or many at once), the Moodle connection and sync, the edition's report (table,
// chart, CSV) and the audit log. Every rule and access check is the server's; these pages only ask and show.

import {h, svg, replace, saveFile} from '../dom.js';
import {t, addMessages, language, formatDate, formatDateTime, formatNumber, stateName} from '../i18n.js';
import * as api from '../api.js';
import {ApiError} from '../api.js';
import * as session from '../session.js';
import {field, formMessage, onSubmit, notice, table, badge, describe, Message, checkFields, fullName} from '../forms.js';
import {navigate, refresh} from '../main.js';

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

// ---------------------------------------------------------------------------------------------------------
// Messages

addMessages({
    es: {
        'leader.home.audit': 'Quién cambió qué y cuándo, en ediciones, acuerdos, participantes y certificados.',
        'leader.home.openAudit': 'Abrir el registro de auditoría',
        'leader.home.open': 'Abrir la edición {code}',
        'leader.home.editions': 'Todas las ediciones, y el formulario para crear una nueva.',
        'leader.home.allEditions': 'Ver o crear ediciones',

        'leader.editions.caption': 'Ediciones del curso',
        'leader.editions.new': 'Nueva edición',
        'leader.editions.newHint': 'La edición nace como borrador. El curso de Moodle puede vincularse ahora o más tarde, antes de la etapa en línea.',
        'leader.editions.create': 'Crear la edición',
        'leader.editions.created': 'Edición {code} creada.',

        'leader.edition.heading': 'Edición {code}',
        'leader.edition.sections': 'Partes de la página',
        'leader.edition.auditLink': 'Registro de auditoría de esta edición',
        'leader.edition.code': 'Código',
        'leader.edition.codeHint': 'De 1 a 20 letras, cifras, «.», «_» o «-»; por ejemplo 2028-1. No cambia después.',
        'leader.edition.title': 'Título',
        'leader.edition.status': 'Estado de la edición',
        'leader.edition.language': 'Idioma',
        'leader.edition.onlineStage': 'Etapa en línea',
        'leader.edition.onlineStageStart': 'Inicio de la etapa en línea',
        'leader.edition.onlineStageEnd': 'Fin de la etapa en línea',
        'leader.edition.courseHours': 'Horas del curso',
        'leader.edition.moodleCourseId': 'Curso de Moodle (id)',
        'leader.edition.moodleCourseHint': 'El número del curso en Moodle (course id, mayor que 1).',
        'leader.edition.moodleActivityId': 'Actividad presencial en Moodle (id)',
        'leader.edition.moodleActivityHint': 'Opcional: la actividad de Moodle que representa la etapa presencial.',
        'leader.edition.certificateTemplate': 'Plantilla del certificado',
        'leader.edition.templateHint': 'Opcional; si se deja vacío, «standard».',
        'leader.edition.notLinked': 'Sin vincular',
        'leader.edition.details': 'Datos de la edición',
        'leader.edition.change': 'Cambiar los datos o el curso de Moodle vinculado',
        'leader.edition.saveDetails': 'Guardar los datos',
        'leader.edition.detailsSaved': 'Datos de la edición guardados.',

        'leader.lifecycle.title': 'Etapas de la edición',
        'leader.lifecycle.steps': 'Etapas, en orden',
        'leader.lifecycle.now': 'Ahora:',
        'leader.lifecycle.move': 'Pasar a «{status}»',
        'leader.lifecycle.confirm': '¿Pasar la edición {code} de «{from}» a «{to}»?',
        'leader.lifecycle.oneWay': 'Una edición solo avanza: no se puede volver a la etapa anterior.',
        'leader.lifecycle.moved': 'La edición pasó a «{status}».',
        'leader.lifecycle.closed': 'La edición está cerrada: ya no cambia.',
        'leader.lifecycle.then.NOMINATIONS_OPEN': 'Al abrir las postulaciones, los estados pueden proponer participantes.',
        'leader.lifecycle.then.ONLINE_STAGE': 'La etapa en línea necesita el curso de Moodle vinculado. Desde ahí los acuerdos y las cuotas ya no cambian.',
        'leader.lifecycle.then.FACE_TO_FACE_STAGE': 'En la etapa presencial ya no se aceptan ni rechazan postulaciones.',
        'leader.lifecycle.then.CLOSED': 'Una edición cerrada ya no cambia.',

        'leader.agreements.title': 'Acuerdos y cuotas por estado',
        'leader.agreements.caption': 'Acuerdos de la edición {code}',
        'leader.agreements.quota': 'Cuota (lugares)',
        'leader.agreements.quotaHint': 'No puede ser menor que los lugares ya ocupados.',
        'leader.agreements.held': 'Ocupados',
        'leader.agreements.free': 'Libres',
        'leader.agreements.waitlisted': 'En espera',
        'leader.agreements.faceToFace': 'Etapa presencial',
        'leader.agreements.coordinator': 'Coordinación local',
        'leader.agreements.signatory': 'Firmante del estado',
        'leader.agreements.statePage': 'Página de {state}',
        'leader.agreements.edit': 'Cambiar {state}',
        'leader.agreements.formTitle': 'Acordar o cambiar la cuota de un estado',
        'leader.agreements.formHint': 'Al elegir un estado que ya tiene acuerdo se muestran sus datos; al guardar se reemplaza el acuerdo entero.',
        'leader.agreements.chooseState': 'Elija un estado…',
        'leader.agreements.hasAgreement': 'con acuerdo',
        'leader.agreements.save': 'Guardar el acuerdo',
        'leader.agreements.saved': 'Acuerdo con {state} guardado.',
        'leader.agreements.closed': 'Los acuerdos ya no cambian: la edición está en «{status}».',
        'leader.plan.startDate': 'Inicio',
        'leader.plan.endDate': 'Fin',
        'leader.plan.city': 'Ciudad',
        'leader.plan.modality': 'Modalidad',
        'leader.plan.hours': 'Horas',
        'leader.plan.hoursValue': '{hours} h',
        'leader.plan.evaluation': 'Cómo se evalúa',
        'leader.modality.IN_PERSON': 'Presencial',
        'leader.modality.HYBRID': 'Híbrida',
        'leader.modality.VIRTUAL_LIVE': 'Virtual en vivo',
        'leader.person.name': 'Nombre',
        'leader.person.email': 'Correo electrónico',
        'leader.person.title': 'Cargo',
        'leader.person.institution': 'Institución',

        'leader.participants.title': 'Postulaciones y participantes',
        'leader.participants.caption': 'Participantes ({count})',
        'leader.participants.allStates': 'Todos los estados',
        'leader.participants.allStatuses': 'Todas las situaciones',
        'leader.participants.show': 'Mostrar',
        'leader.participants.name': 'Participante',
        'leader.participants.rank': 'Orden',
        'leader.participants.status': 'Situación',
        'leader.participants.work': 'Cargo e institución',
        'leader.participants.online': 'Etapa en línea',
        'leader.participants.faceToFace': 'Etapa presencial',
        'leader.participants.accept': 'Aceptar',
        'leader.participants.reject': 'Rechazar',
        'leader.participants.accepted': '{name}: aceptado/a.',
        'leader.participants.rejected': '{name}: rechazado/a.',
        'leader.participants.failedOne': 'No se pudo con {name}: {reason}',
        'leader.participants.bulk': 'Decidir sobre los seleccionados',
        'leader.participants.selectAll': 'Seleccionar a todos los que se pueden decidir',
        'leader.participants.select': 'Seleccionar a {name}',
        'leader.participants.selected': '{count} seleccionado(s)',
        'leader.participants.acceptSelected': 'Aceptar a los seleccionados',
        'leader.participants.rejectSelected': 'Rechazar a los seleccionados',
        'leader.participants.progress.accept': 'Aceptando… {done} de {total}',
        'leader.participants.progress.reject': 'Rechazando… {done} de {total}',
        'leader.participants.summary.accept': 'Aceptados: {done} de {total}.',
        'leader.participants.summary.reject': 'Rechazados: {done} de {total}.',
        'leader.participants.summary.failed': 'No se pudo con {count}:',
        'leader.participants.rejectOne': '¿Rechazar la postulación de {name}?',
        'leader.participants.rejectMany': '¿Rechazar {count} postulaciones?',
        'leader.participants.reason': 'Motivo',
        'leader.participants.reasonHint': 'Opcional; queda en el registro de auditoría.',
        'leader.participants.selectionClosed': 'Las postulaciones ya no se aceptan ni rechazan: la edición está en «{status}».',

        'leader.moodle.title': 'Moodle',
        'leader.moodle.connection': 'Conexión con Moodle',
        'leader.moodle.connectionHint': 'Comprueba que Moodle responde y que el servicio web tiene todas las funciones que el curso usa.',
        'leader.moodle.check': 'Comprobar la conexión',
        'leader.moodle.checking': 'Comprobando la conexión con Moodle…',
        'leader.moodle.connected': 'Conectado a «{site}» (Moodle {release}).',
        'leader.moodle.notConnected': 'Moodle no está listo ({site}). Revise lo siguiente:',
        'leader.moodle.notConfigured': 'Moodle no está configurado en este servicio.',
        'leader.moodle.missing': 'Funciones del servicio web que faltan:',
        'leader.moodle.sync': 'Sincronización de esta edición',
        'leader.moodle.linked': 'Curso de Moodle vinculado: {course}.',
        'leader.moodle.unlinked': 'La edición no tiene curso de Moodle vinculado: las matrículas fallarán hasta vincularlo (en «Datos de la edición»).',
        'leader.moodle.syncNow': 'Sincronizar ahora',
        'leader.moodle.syncing': 'Enviando a Moodle lo pendiente y leyendo el avance…',
        'leader.moodle.synced': 'Sincronización hecha.',
        'leader.moodle.retry': 'Reintentar los fallidos',
        'leader.moodle.retryCount': 'Reintentar los fallidos ({count})',
        'leader.moodle.retrying': 'Volviendo a poner en cola los fallidos…',
        'leader.moodle.retried': '{count} tarea(s) vuelven a la cola; se enviarán en unos momentos.',
        'leader.moodle.counts': 'Tareas por tipo y situación',
        'leader.moodle.kind': 'Tarea',
        'leader.moodle.nothing': 'Todavía no hay tareas para Moodle en esta edición.',
        'leader.moodle.failures': 'Fallos',
        'leader.moodle.failuresCaption': 'Tareas fallidas ({count})',
        'leader.moodle.noFailures': 'Ningún fallo.',
        'leader.moodle.attempts': 'Intentos',
        'leader.moodle.waiting': 'En espera de un nuevo intento',
        'leader.moodle.waitingCaption': 'Tareas que fallaron por ahora y se reintentan solas ({count}); «Sincronizar ahora» las envía ya',
        'leader.moodle.nextAttempt': 'Próximo intento',
        'leader.moodle.reason': 'Motivo',
        'leader.work.PENDING': 'Pendientes',
        'leader.work.DONE': 'Hechas',
        'leader.work.FAILED': 'Fallidas',
        'leader.work.CANCELLED': 'Canceladas',
        'leader.work.MOODLE_ENROL': 'Matricular en Moodle',
        'leader.work.MOODLE_UNENROL': 'Dar de baja en Moodle',
        'leader.work.MOODLE_COMPLETION': 'Leer la finalización en Moodle',
        'leader.work.MOODLE_FACE_TO_FACE': 'Marcar la etapa presencial en Moodle',
        'leader.work.MOODLE_MESSAGE': 'Mensaje en Moodle',
        'leader.work.CERTIFICATE_HANDOFF': 'Pasar a certificados',
        'leader.work.CERTIFICATE_CANCEL': 'Anular un certificado',
        'leader.work.EMAIL': 'Correo electrónico',

        'leader.report.title': 'Informe: lugares y avance por estado',
        'leader.report.export': 'Exportar CSV',
        'leader.report.exporting': 'Preparando el archivo…',
        'leader.report.exported': 'Archivo descargado.',
        'leader.report.empty': 'Todavía no hay acuerdos con estados: el informe aparecerá con el primero.',
        'leader.report.caption': 'Lugares y avance por estado, edición {code}',
        'leader.report.total': 'Total',
        'leader.report.rates': 'El porcentaje bajo una cifra: matriculados sobre aceptados; etapa en línea completada y etapa presencial aprobada sobre matriculados; certificados sobre aceptados.',
        'leader.report.chartTitle': 'Lugares y avance por estado, edición {code}',
        'leader.report.chartDesc': 'Barras por estado: lugares, propuestos, aceptados, matriculados, etapa en línea completada, etapa presencial aprobada y certificados. La tabla que sigue da las mismas cifras.',
        'leader.report.chartCaption': 'Todas las barras usan la misma escala. Las cifras exactas están en la tabla.',
        'leader.funnel.seats': 'Lugares',
        'leader.funnel.proposed': 'Propuestos',
        'leader.funnel.accepted': 'Aceptados',
        'leader.funnel.enrolled': 'Matriculados',
        'leader.funnel.onlineCompleted': 'En línea completada',
        'leader.funnel.faceToFacePassed': 'Presencial aprobada',
        'leader.funnel.certified': 'Certificados',
        'leader.funnel.waitlisted': 'En espera',

        'leader.audit.intro': 'Cada cambio queda registrado con quién lo hizo y cuándo; lo más reciente primero. Incluye los certificados.',
        'leader.audit.allEditions': 'Todas las ediciones',
        'leader.audit.allTypes': 'Todo',
        'leader.audit.entityType': 'Sobre qué',
        'leader.audit.entityId': 'Identificador',
        'leader.audit.limit': 'Cuántas entradas como máximo',
        'leader.audit.caption': 'Entradas del registro ({count})',
        'leader.audit.when': 'Cuándo',
        'leader.audit.who': 'Quién',
        'leader.audit.what': 'Qué pasó',
        'leader.audit.which': 'Sobre qué',
        'leader.audit.change': 'Cambio',
        'leader.audit.noChange': 'Sin cambios en los datos registrados.',
        'leader.audit.certificatesMissing': 'No se pudo leer el registro de los certificados; se muestra el resto. ({detail})',
        'leader.entity.Edition': 'Edición',
        'leader.entity.Agreement': 'Acuerdo',
        'leader.entity.Participant': 'Participante',
        'leader.entity.Certificate': 'Certificado',
        'leader.entity.Signatory': 'Firmante',
        'leader.entity.SigningBatch': 'Lote de firmas',
        'leader.entity.Account': 'Cuenta',
        'leader.entity.OutboxItem': 'Tarea pendiente',
        'leader.action.edition.created': 'Edición creada',
        'leader.action.edition.changed': 'Edición cambiada',
        'leader.action.agreement.created': 'Acuerdo creado',
        'leader.action.agreement.changed': 'Acuerdo cambiado',
        'leader.action.face-to-face.planned': 'Etapa presencial planificada',
        'leader.action.face-to-face.closed': 'Etapa presencial cerrada',
        'leader.action.face-to-face.recorded': 'Resultado presencial registrado',
        'leader.action.online-stage.read': 'Etapa en línea leída de Moodle',
        'leader.action.participant.nominated': 'Postulación',
        'leader.action.participant.accepted': 'Postulación aceptada',
        'leader.action.participant.rejected': 'Postulación rechazada',
        'leader.action.participant.withdrawn': 'Participante retirado',
        'leader.action.participant.promoted': 'Sale de la lista de espera',
        'leader.action.participant.ranked': 'Orden cambiado',
        'leader.action.participant.certified': 'Participante certificado',
        'leader.action.sync.retried': 'Sincronización reintentada',
        'leader.action.outbox.retried': 'Tarea reintentada',
        'leader.action.account.created': 'Cuenta creada',
        'leader.action.certificate.issued': 'Certificado emitido',
        'leader.action.certificate.reissued': 'Certificado reemitido',
        'leader.action.certificate.delivered': 'Certificado entregado',
        'leader.action.certificate.revoked': 'Certificado revocado',
        'leader.action.certificate.revocation-request-dismissed': 'Pedido de revocación desestimado',
        'leader.action.signatory.registered': 'Firmante registrado',
        'leader.action.signing-batch.started': 'Lote de firmas iniciado',
        'leader.action.signing-batch.completed': 'Lote de firmas terminado',
        'leader.action.signing-batch.resumed': 'Lote de firmas retomado',
        'leader.action.signing-batch.abandoned': 'Lote de firmas abandonado',
        'leader.field.code': 'Código',
        'leader.field.title': 'Título',
        'leader.field.language': 'Idioma',
        'leader.field.moodleCourseId': 'Curso de Moodle',
        'leader.field.onlineStageStart': 'Inicio en línea',
        'leader.field.onlineStageEnd': 'Fin en línea',
        'leader.field.courseHours': 'Horas',
        'leader.field.certificateTemplate': 'Plantilla',
        'leader.field.status': 'Situación',
        'leader.field.state': 'Estado',
        'leader.field.quota': 'Cuota',
        'leader.field.faceToFaceStart': 'Inicio presencial',
        'leader.field.faceToFaceEnd': 'Fin presencial',
        'leader.field.city': 'Ciudad',
        'leader.field.modality': 'Modalidad',
        'leader.field.faceToFaceHours': 'Horas presenciales',
        'leader.field.coordinator': 'Coordinación local',
        'leader.field.signatory': 'Firmante',
        'leader.field.name': 'Nombre',
        'leader.field.rank': 'Orden',
        'leader.field.onlineStage': 'Etapa en línea',
        'leader.field.faceToFace': 'Etapa presencial',
        'leader.field.reason': 'Motivo',
        'leader.field.id': 'Id',
        'leader.certificate.ISSUED': 'Emitido',
        'leader.certificate.SIGNED': 'Firmado',
        'leader.certificate.DELIVERED': 'Entregado',
        'leader.certificate.REVOKED': 'Revocado',

        'leader.problem.invalid-edition-code': 'El código tiene de 1 a 20 letras, cifras, «.», «_» o «-»; por ejemplo 2028-1.',
        'leader.problem.duplicate-edition': 'Ya existe una edición con ese código.',
        'leader.problem.missing-title': 'La edición necesita un título.',
        'leader.problem.unknown-language': 'Elija uno de los idiomas de la lista.',
        'leader.problem.invalid-online-stage-dates': 'La etapa en línea necesita inicio y fin, y no puede terminar antes de empezar.',
        'leader.problem.invalid-course-hours': 'Las horas del curso van de 1 a 1000.',
        'leader.problem.invalid-moodle-course': 'El id de un curso de Moodle es un número mayor que 1.',
        'leader.problem.invalid-moodle-activity': 'El id de una actividad de Moodle es un número positivo.',
        'leader.problem.invalid-template': 'El nombre de la plantilla lleva minúsculas, cifras y «-».',
        'leader.problem.invalid-status-change': 'La edición solo puede pasar a la etapa siguiente.',
        'leader.problem.moodle-course-missing': 'Vincule la edición con su curso de Moodle antes de empezar la etapa en línea (en «Datos de la edición»).',
        'leader.problem.edition-closed': 'La edición está cerrada y ya no cambia.',
        'leader.problem.missing-quota': 'El acuerdo necesita una cuota (un número de lugares).',
        'leader.problem.invalid-quota': 'La cuota es un número de lugares de 0 a 500.',
        'leader.problem.quota-below-seats-held': 'La cuota no puede ser menor que los lugares ya ocupados en este estado. Retire o rechace participantes antes.',
        'leader.problem.agreements-closed': 'Los acuerdos ya no cambian en esta etapa de la edición.',
        'leader.problem.invalid-face-to-face-dates': 'La etapa presencial no puede terminar antes de empezar.',
        'leader.problem.invalid-face-to-face-hours': 'Las horas presenciales van de 1 a 1000.',
        'leader.problem.unknown-modality': 'Elija una modalidad de la lista.',
        'leader.problem.unknown-state': 'Elija un estado de la lista.',
        'leader.problem.selection-closed': 'En esta etapa de la edición ya no se aceptan ni rechazan postulaciones.',
        'leader.problem.invalid-participant-transition': 'En su situación actual no se puede: solo se acepta a quien tiene un lugar (postulado); quien está en espera puede rechazarse.',
        'leader.problem.concurrent-change': 'Otra persona cambió esto al mismo tiempo. Vuelva a cargar la página e inténtelo de nuevo.',
    },
    en: {
        'leader.home.audit': 'Who changed what and when, in editions, agreements, participants and certificates.',
        'leader.home.openAudit': 'Open the audit log',
        'leader.home.open': 'Open edition {code}',
        'leader.home.editions': 'Every edition, and the form to create a new one.',
        'leader.home.allEditions': 'See or create editions',

        'leader.editions.caption': 'Editions of the course',
        'leader.editions.new': 'New edition',
        'leader.editions.newHint': 'The edition starts as a draft. The Moodle course can be linked now or later, before the online stage.',
        'leader.editions.create': 'Create the edition',
        'leader.editions.created': 'Edition {code} created.',

        'leader.edition.heading': 'Edition {code}',
        'leader.edition.sections': 'Parts of this page',
        'leader.edition.auditLink': 'This edition\'s audit log',
        'leader.edition.code': 'Code',
        'leader.edition.codeHint': '1 to 20 letters, digits, ".", "_" or "-"; for example 2028-1. It cannot change later.',
        'leader.edition.title': 'Title',
        'leader.edition.status': 'Edition status',
        'leader.edition.language': 'Language',
        'leader.edition.onlineStage': 'Online stage',
        'leader.edition.onlineStageStart': 'Online stage starts',
        'leader.edition.onlineStageEnd': 'Online stage ends',
        'leader.edition.courseHours': 'Course hours',
        'leader.edition.moodleCourseId': 'Moodle course (id)',
        'leader.edition.moodleCourseHint': 'The course\'s number in Moodle (course id, above 1).',
        'leader.edition.moodleActivityId': 'Face-to-face activity in Moodle (id)',
        'leader.edition.moodleActivityHint': 'Optional: the Moodle activity that stands for the face-to-face stage.',
        'leader.edition.certificateTemplate': 'Certificate template',
        'leader.edition.templateHint': 'Optional; "standard" when left empty.',
        'leader.edition.notLinked': 'Not linked',
        'leader.edition.details': 'The edition\'s details',
        'leader.edition.change': 'Change the details or the linked Moodle course',
        'leader.edition.saveDetails': 'Save the details',
        'leader.edition.detailsSaved': 'The edition\'s details were saved.',

        'leader.lifecycle.title': 'The edition\'s stages',
        'leader.lifecycle.steps': 'Stages, in order',
        'leader.lifecycle.now': 'Now:',
        'leader.lifecycle.move': 'Move to "{status}"',
        'leader.lifecycle.confirm': 'Move edition {code} from "{from}" to "{to}"?',
        'leader.lifecycle.oneWay': 'An edition only moves forward: it cannot go back to the previous stage.',
        'leader.lifecycle.moved': 'The edition moved to "{status}".',
        'leader.lifecycle.closed': 'The edition is closed: it no longer changes.',
        'leader.lifecycle.then.NOMINATIONS_OPEN': 'Once nominations open, states can propose participants.',
        'leader.lifecycle.then.ONLINE_STAGE': 'The online stage needs the Moodle course linked. From then on agreements and quotas no longer change.',
        'leader.lifecycle.then.FACE_TO_FACE_STAGE': 'In the face-to-face stage nominations can no longer be accepted or rejected.',
        'leader.lifecycle.then.CLOSED': 'A closed edition no longer changes.',

        'leader.agreements.title': 'Agreements and quotas per state',
        'leader.agreements.caption': 'Agreements of edition {code}',
        'leader.agreements.quota': 'Quota (seats)',
        'leader.agreements.quotaHint': 'It cannot be lower than the seats already held.',
        'leader.agreements.held': 'Held',
        'leader.agreements.free': 'Free',
        'leader.agreements.waitlisted': 'Waitlisted',
        'leader.agreements.faceToFace': 'Face-to-face stage',
        'leader.agreements.coordinator': 'Local coordinator',
        'leader.agreements.signatory': 'State signatory',
        'leader.agreements.statePage': '{state} page',
        'leader.agreements.edit': 'Change {state}',
        'leader.agreements.formTitle': 'Make an agreement or change a state\'s quota',
        'leader.agreements.formHint': 'Choosing a state that has an agreement shows what it holds; saving replaces the whole agreement.',
        'leader.agreements.chooseState': 'Choose a state…',
        'leader.agreements.hasAgreement': 'has an agreement',
        'leader.agreements.save': 'Save the agreement',
        'leader.agreements.saved': 'Agreement with {state} saved.',
        'leader.agreements.closed': 'Agreements can no longer change: the edition is in "{status}".',
        'leader.plan.startDate': 'Starts',
        'leader.plan.endDate': 'Ends',
        'leader.plan.city': 'City',
        'leader.plan.modality': 'Modality',
        'leader.plan.hours': 'Hours',
        'leader.plan.hoursValue': '{hours} h',
        'leader.plan.evaluation': 'How it is evaluated',
        'leader.modality.IN_PERSON': 'In person',
        'leader.modality.HYBRID': 'Hybrid',
        'leader.modality.VIRTUAL_LIVE': 'Live online',
        'leader.person.name': 'Name',
        'leader.person.email': 'E-mail',
        'leader.person.title': 'Position',
        'leader.person.institution': 'Institution',

        'leader.participants.title': 'Nominations and participants',
        'leader.participants.caption': 'Participants ({count})',
        'leader.participants.allStates': 'All states',
        'leader.participants.allStatuses': 'All statuses',
        'leader.participants.show': 'Show',
        'leader.participants.name': 'Participant',
        'leader.participants.rank': 'Rank',
        'leader.participants.status': 'Status',
        'leader.participants.work': 'Position and institution',
        'leader.participants.online': 'Online stage',
        'leader.participants.faceToFace': 'Face-to-face stage',
        'leader.participants.accept': 'Accept',
        'leader.participants.reject': 'Reject',
        'leader.participants.accepted': '{name}: accepted.',
        'leader.participants.rejected': '{name}: rejected.',
        'leader.participants.failedOne': 'Could not do it for {name}: {reason}',
        'leader.participants.bulk': 'Decide on the selected people',
        'leader.participants.selectAll': 'Select everyone who can be decided on',
        'leader.participants.select': 'Select {name}',
        'leader.participants.selected': '{count} selected',
        'leader.participants.acceptSelected': 'Accept the selected',
        'leader.participants.rejectSelected': 'Reject the selected',
        'leader.participants.progress.accept': 'Accepting… {done} of {total}',
        'leader.participants.progress.reject': 'Rejecting… {done} of {total}',
        'leader.participants.summary.accept': 'Accepted: {done} of {total}.',
        'leader.participants.summary.reject': 'Rejected: {done} of {total}.',
        'leader.participants.summary.failed': 'Not done for {count}:',
        'leader.participants.rejectOne': 'Reject the nomination of {name}?',
        'leader.participants.rejectMany': 'Reject {count} nominations?',
        'leader.participants.reason': 'Reason',
        'leader.participants.reasonHint': 'Optional; kept in the audit log.',
        'leader.participants.selectionClosed': 'Nominations can no longer be accepted or rejected: the edition is in "{status}".',

        'leader.moodle.title': 'Moodle',
        'leader.moodle.connection': 'Connection to Moodle',
        'leader.moodle.connectionHint': 'Checks that Moodle answers and that its web service has every function the course uses.',
        'leader.moodle.check': 'Check the connection',
        'leader.moodle.checking': 'Checking the connection to Moodle…',
        'leader.moodle.connected': 'Connected to "{site}" (Moodle {release}).',
        'leader.moodle.notConnected': 'Moodle is not ready ({site}). Check the following:',
        'leader.moodle.notConfigured': 'Moodle is not configured on this service.',
        'leader.moodle.missing': 'Web service functions missing:',
        'leader.moodle.sync': 'This edition\'s sync',
        'leader.moodle.linked': 'Linked Moodle course: {course}.',
        'leader.moodle.unlinked': 'The edition has no linked Moodle course: enrolments will fail until it is linked (under "The edition\'s details").',
        'leader.moodle.syncNow': 'Sync now',
        'leader.moodle.syncing': 'Sending what waits to Moodle and reading progress back…',
        'leader.moodle.synced': 'Sync done.',
        'leader.moodle.retry': 'Retry failed',
        'leader.moodle.retryCount': 'Retry failed ({count})',
        'leader.moodle.retrying': 'Putting failed work back in line…',
        'leader.moodle.retried': '{count} item(s) back in line; they will be sent in a moment.',
        'leader.moodle.counts': 'Work by kind and status',
        'leader.moodle.kind': 'Work',
        'leader.moodle.nothing': 'No work for Moodle in this edition yet.',
        'leader.moodle.failures': 'Failures',
        'leader.moodle.failuresCaption': 'Failed work ({count})',
        'leader.moodle.noFailures': 'No failures.',
        'leader.moodle.attempts': 'Attempts',
        'leader.moodle.waiting': 'Waiting to be tried again',
        'leader.moodle.waitingCaption': 'Work that failed for now and is tried again by itself ({count}); "Sync now" sends it at once',
        'leader.moodle.nextAttempt': 'Next attempt',
        'leader.moodle.reason': 'Reason',
        'leader.work.PENDING': 'Waiting',
        'leader.work.DONE': 'Done',
        'leader.work.FAILED': 'Failed',
        'leader.work.CANCELLED': 'Cancelled',
        'leader.work.MOODLE_ENROL': 'Enrol in Moodle',
        'leader.work.MOODLE_UNENROL': 'Unenrol from Moodle',
        'leader.work.MOODLE_COMPLETION': 'Read completion from Moodle',
        'leader.work.MOODLE_FACE_TO_FACE': 'Mark the face-to-face stage in Moodle',
        'leader.work.MOODLE_MESSAGE': 'Moodle message',
        'leader.work.CERTIFICATE_HANDOFF': 'Hand over to certificates',
        'leader.work.CERTIFICATE_CANCEL': 'Cancel a certificate',
        'leader.work.EMAIL': 'E-mail',

        'leader.report.title': 'Report: seats and progress per state',
        'leader.report.export': 'Export CSV',
        'leader.report.exporting': 'Preparing the file…',
        'leader.report.exported': 'File downloaded.',
        'leader.report.empty': 'No agreements with states yet: the report appears with the first one.',
        'leader.report.caption': 'Seats and progress per state, edition {code}',
        'leader.report.total': 'Total',
        'leader.report.rates': 'The percentage under a number: enrolled of accepted; online stage completed and face-to-face passed of enrolled; certified of accepted.',
        'leader.report.chartTitle': 'Seats and progress per state, edition {code}',
        'leader.report.chartDesc': 'Bars per state: seats, proposed, accepted, enrolled, online stage completed, face-to-face passed and certified. The table that follows gives the same numbers.',
        'leader.report.chartCaption': 'Every bar uses the same scale. The exact numbers are in the table.',
        'leader.funnel.seats': 'Seats',
        'leader.funnel.proposed': 'Proposed',
        'leader.funnel.accepted': 'Accepted',
        'leader.funnel.enrolled': 'Enrolled',
        'leader.funnel.onlineCompleted': 'Online completed',
        'leader.funnel.faceToFacePassed': 'Face-to-face passed',
        'leader.funnel.certified': 'Certified',
        'leader.funnel.waitlisted': 'Waitlisted',

        'leader.audit.intro': 'Every change is recorded with who made it and when; newest first. Certificates included.',
        'leader.audit.allEditions': 'All editions',
        'leader.audit.allTypes': 'Everything',
        'leader.audit.entityType': 'About',
        'leader.audit.entityId': 'Identifier',
        'leader.audit.limit': 'At most this many entries',
        'leader.audit.caption': 'Log entries ({count})',
        'leader.audit.when': 'When',
        'leader.audit.who': 'Who',
        'leader.audit.what': 'What happened',
        'leader.audit.which': 'About',
        'leader.audit.change': 'Change',
        'leader.audit.noChange': 'No change in the recorded data.',
        'leader.audit.certificatesMissing': 'The certificates\' log could not be read; the rest is shown. ({detail})',
        'leader.entity.Edition': 'Edition',
        'leader.entity.Agreement': 'Agreement',
        'leader.entity.Participant': 'Participant',
        'leader.entity.Certificate': 'Certificate',
        'leader.entity.Signatory': 'Signatory',
        'leader.entity.SigningBatch': 'Signing batch',
        'leader.entity.Account': 'Account',
        'leader.entity.OutboxItem': 'Queued work',
        'leader.action.edition.created': 'Edition created',
        'leader.action.edition.changed': 'Edition changed',
        'leader.action.agreement.created': 'Agreement made',
        'leader.action.agreement.changed': 'Agreement changed',
        'leader.action.face-to-face.planned': 'Face-to-face stage planned',
        'leader.action.face-to-face.closed': 'Face-to-face stage closed',
        'leader.action.face-to-face.recorded': 'Face-to-face result recorded',
        'leader.action.online-stage.read': 'Online stage read from Moodle',
        'leader.action.participant.nominated': 'Nominated',
        'leader.action.participant.accepted': 'Nomination accepted',
        'leader.action.participant.rejected': 'Nomination rejected',
        'leader.action.participant.withdrawn': 'Participant withdrawn',
        'leader.action.participant.promoted': 'Off the waitlist',
        'leader.action.participant.ranked': 'Rank changed',
        'leader.action.participant.certified': 'Participant certified',
        'leader.action.sync.retried': 'Sync retried',
        'leader.action.outbox.retried': 'Work retried',
        'leader.action.account.created': 'Account created',
        'leader.action.certificate.issued': 'Certificate issued',
        'leader.action.certificate.reissued': 'Certificate reissued',
        'leader.action.certificate.delivered': 'Certificate delivered',
        'leader.action.certificate.revoked': 'Certificate revoked',
        'leader.action.certificate.revocation-request-dismissed': 'Revocation request dismissed',
        'leader.action.signatory.registered': 'Signatory registered',
        'leader.action.signing-batch.started': 'Signing batch started',
        'leader.action.signing-batch.completed': 'Signing batch completed',
        'leader.action.signing-batch.resumed': 'Signing batch resumed',
        'leader.action.signing-batch.abandoned': 'Signing batch abandoned',
        'leader.field.code': 'Code',
        'leader.field.title': 'Title',
        'leader.field.language': 'Language',
        'leader.field.moodleCourseId': 'Moodle course',
        'leader.field.onlineStageStart': 'Online start',
        'leader.field.onlineStageEnd': 'Online end',
        'leader.field.courseHours': 'Hours',
        'leader.field.certificateTemplate': 'Template',
        'leader.field.status': 'Status',
        'leader.field.state': 'State',
        'leader.field.quota': 'Quota',
        'leader.field.faceToFaceStart': 'Face-to-face start',
        'leader.field.faceToFaceEnd': 'Face-to-face end',
        'leader.field.city': 'City',
        'leader.field.modality': 'Modality',
        'leader.field.faceToFaceHours': 'Face-to-face hours',
        'leader.field.coordinator': 'Local coordinator',
        'leader.field.signatory': 'Signatory',
        'leader.field.name': 'Name',
        'leader.field.rank': 'Rank',
        'leader.field.onlineStage': 'Online stage',
        'leader.field.faceToFace': 'Face-to-face stage',
        'leader.field.reason': 'Reason',
        'leader.field.id': 'Id',
        'leader.certificate.ISSUED': 'Issued',
        'leader.certificate.SIGNED': 'Signed',
        'leader.certificate.DELIVERED': 'Delivered',
        'leader.certificate.REVOKED': 'Revoked',

        'leader.problem.invalid-edition-code': 'A code is 1 to 20 letters, digits, ".", "_" or "-"; for example 2028-1.',
        'leader.problem.duplicate-edition': 'An edition with this code already exists.',
        'leader.problem.missing-title': 'The edition needs a title.',
        'leader.problem.unknown-language': 'Choose one of the listed languages.',
        'leader.problem.invalid-online-stage-dates': 'The online stage needs a start and an end, and cannot end before it starts.',
        'leader.problem.invalid-course-hours': 'Course hours are from 1 to 1000.',
        'leader.problem.invalid-moodle-course': 'A Moodle course id is a number above 1.',
        'leader.problem.invalid-moodle-activity': 'A Moodle activity id is a positive number.',
        'leader.problem.invalid-template': 'A template name is lower-case letters, digits and "-".',
        'leader.problem.invalid-status-change': 'The edition can only move to the next stage.',
        'leader.problem.moodle-course-missing': 'Link the edition to its Moodle course before the online stage starts (under "The edition\'s details").',
        'leader.problem.edition-closed': 'The edition is closed and no longer changes.',
        'leader.problem.missing-quota': 'The agreement needs a quota (a number of seats).',
        'leader.problem.invalid-quota': 'A quota is a number of seats from 0 to 500.',
        'leader.problem.quota-below-seats-held': 'The quota cannot be lower than the seats this state already holds. Withdraw or reject participants first.',
        'leader.problem.agreements-closed': 'Agreements can no longer change at this stage of the edition.',
        'leader.problem.invalid-face-to-face-dates': 'The face-to-face stage cannot end before it starts.',
        'leader.problem.invalid-face-to-face-hours': 'Face-to-face hours are from 1 to 1000.',
        'leader.problem.unknown-modality': 'Choose one of the listed modalities.',
        'leader.problem.unknown-state': 'Choose one of the listed states.',
        'leader.problem.selection-closed': 'At this stage of the edition nominations can no longer be accepted or rejected.',
        'leader.problem.invalid-participant-transition': 'Not possible in their current status: only a nominee holding a seat can be accepted; a waitlisted one can be rejected.',
        'leader.problem.concurrent-change': 'Someone else changed this at the same time. Reload the page and try again.',
    },
});
