// One edition: its lifecycle and details here, then its parts, each in its own module and loading on its own:
// agreements and quotas, participants, Moodle, the report.

import {h, replace} from '../../dom.js';
import {t, formatDate, formatNumber} from '../../i18n.js';
import * as api from '../../api.js';
import {field, formMessage, onSubmit, notice, badge, describe, Message, checkFields} from '../../forms.js';
import {refresh} from '../../router.js';
import {EDITION_LANGUAGES, flashNext, takeFlash, localized, ask, text, number, compact, languageName} from './common.js';
import {loadAgreements, drawAgreementForm} from './agreements.js';
import {drawParticipantFilters, loadParticipants} from './participants.js';
import {drawMoodleTools, loadSync} from './sync.js';
import {drawReportTools, loadReport} from './report.js';

/** The edition's lifecycle, in order (DESIGN §2). */
const EDITION_STEPS = ['DRAFT', 'NOMINATIONS_OPEN', 'ONLINE_STAGE', 'FACE_TO_FACE_STAGE', 'CLOSED'];

export async function editionPage(main, params) {
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

    const shown = takeFlash();
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
        flashNext(t('leader.lifecycle.moved', {status: to}));
        refresh();
    } catch (error) {
        notice(message, 'error', describe(localized(error)));
        button.disabled = false;
    }
}

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
        flashNext(t('leader.edition.detailsSaved'));
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
